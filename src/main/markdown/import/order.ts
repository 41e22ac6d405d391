/** The files' order, for items that already exist: they take it among the places they hold. */
import type { Goal, Initiative, Milestone } from '../../../shared/domain.ts';
import type { Plan } from './plan.ts';

/** The same ids in the same order. */
export const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Existing siblings take the file's order among the places they already hold. */
export function reordered(currentIds: string[], fileIds: string[]): string[] | null {
  const inFile = new Set(fileIds);
  const slots = currentIds.map((id, i) => (inFile.has(id) ? i : -1)).filter((i) => i >= 0);
  const wanted = fileIds.filter((id) => currentIds.includes(id));
  const next = [...currentIds];
  slots.forEach((slot, k) => (next[slot] = wanted[k]!));
  return sameList(next, currentIds) ? null : next;
}

export function planOrder(
  plan: Plan,
  goals: Goal[],
  initiativesOf: (goalId: string) => Initiative[],
  milestonesOf: (initiativeId: string) => Milestone[],
): void {
  const mark = (current: string[], file: (string | null)[]) => {
    const next = reordered(
      current,
      file.filter((id): id is string => id !== null),
    );
    next?.forEach((id, i) => {
      if (current[i] !== id) plan.moved.add(id);
    });
  };
  mark(
    goals.map((g) => g.id),
    plan.goals.map((g) => g.existing?.id ?? null),
  );
  for (const g of plan.goals) {
    if (!g.existing) continue;
    mark(
      initiativesOf(g.existing.id).map((i) => i.id),
      g.initiatives.map((i) => i.existing?.id ?? null),
    );
    for (const i of g.initiatives) {
      if (!i.existing || !i.read.milestones) continue;
      mark(
        milestonesOf(i.existing.id).map((m) => m.id),
        i.milestones.map((m) => m.existing?.id ?? null),
      );
    }
  }
}
