/** An import's dependencies: links and titles resolved to the initiatives and milestones planned or existing. */
import type { Initiative, Milestone } from '../../../shared/domain.ts';
import type { DependencyRef } from '../roadmap-read.ts';
import { norm } from '../read/overview.ts';
import type { Plan, PlannedInitiative, PlannedMilestone } from './plan.ts';

export function resolveDependencies(
  plan: Plan,
  initiatives: Initiative[],
  milestonesOf: (initiativeId: string) => Milestone[],
): void {
  const all = plan.goals.flatMap((g) => g.initiatives);
  // The first initiative read with each anchor and each file (compared ignoring case).
  const byAnchor = new Map<string, PlannedInitiative>();
  const byFile = new Map<string, PlannedInitiative>();
  for (const i of all) {
    if (i.read.anchor && !byAnchor.has(i.read.anchor)) byAnchor.set(i.read.anchor, i);
    const file = i.read.file?.toLowerCase();
    if (file && !byFile.has(file)) byFile.set(file, i);
  }
  const findInitiative = (ref: DependencyRef): PlannedInitiative | Initiative | null => {
    if (ref.anchor) {
      const found = byAnchor.get(ref.anchor);
      if (found) return found;
    }
    if (ref.file) {
      const found = byFile.get(ref.file.toLowerCase());
      if (found) return found;
    }
    return (
      all.find((i) => norm(i.read.title) === norm(ref.text)) ??
      initiatives.find((i) => norm(i.title) === norm(ref.text)) ??
      null
    );
  };
  for (const initiative of all) {
    const refs =
      initiative.read.dependsOn ?? (initiative.read.file || initiative.read.anchor ? [] : undefined);
    if (refs) {
      const deps: (PlannedInitiative | Initiative)[] = [];
      for (const ref of refs) {
        const target = findInitiative(ref);
        if (!target) {
          plan.problems.push({
            ...ref.at,
            message: `Depends on “${ref.text}”, which is not in the roadmap: left out`,
          });
        } else if (target !== initiative && !deps.includes(target)) deps.push(target);
      }
      initiative.dependsOn = deps;
    }
    for (const milestone of initiative.milestones) {
      if (!milestone.read.dependsOn && !initiative.read.milestones) continue;
      const deps: (PlannedMilestone | Milestone)[] = [];
      for (const ref of milestone.read.dependsOn ?? []) {
        const owner = ref.file || ref.anchor ? findInitiativeOf(ref) : initiative;
        const target = owner ? findMilestone(owner, ref.text) : null;
        if (!target) {
          plan.problems.push({
            ...ref.at,
            message: `Depends on the milestone “${ref.text}”, which is not in the roadmap: left out`,
          });
        } else if (target !== milestone && !deps.includes(target)) deps.push(target);
      }
      milestone.dependsOn = deps;
    }
  }
  function findInitiativeOf(ref: DependencyRef): PlannedInitiative | Initiative | null {
    if (ref.anchor) {
      const found = byAnchor.get(ref.anchor);
      if (found) return found;
    }
    if (ref.file) return byFile.get(ref.file.toLowerCase()) ?? null;
    return null;
  }
  function findMilestone(
    owner: PlannedInitiative | Initiative,
    title: string,
  ): PlannedMilestone | Milestone | null {
    if ('read' in owner) {
      const planned = owner.milestones.find((m) => norm(m.read.title) === norm(title));
      if (planned) return planned;
      if (!owner.existing) return null;
      owner = owner.existing;
    }
    return milestonesOf(owner.id).find((m) => norm(m.title) === norm(title)) ?? null;
  }
}
