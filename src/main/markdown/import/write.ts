/**
 * Carrying out an import's plan through the services, in the caller's transaction: people
 * first, then goals, initiatives and milestones in the files' order, then dependencies (once
 * every item exists) and the order of items that already existed.
 */
import { contract, type Input, type MethodName, type ParsedInput } from '../../../shared/contract.ts';
import { LIMITS } from '../../../shared/domain.ts';
import type { Workspace } from '../../db/open.ts';
import { DomainError } from '../../services/errors.ts';
import { createGoal, deleteGoal, listGoals, reorderGoals, updateGoal } from '../../services/goals.ts';
import {
  createInitiative,
  deleteInitiative,
  listInitiatives,
  reorderInitiatives,
  updateInitiative,
} from '../../services/initiatives.ts';
import {
  createMilestone,
  deleteMilestone,
  listMilestones,
  reorderMilestones,
  updateMilestone,
} from '../../services/milestones.ts';
import { createPerson, updatePerson } from '../../services/people.ts';
import { reordered, sameList } from './order.ts';
import type { Plan } from './plan.ts';

/** An input checked (and trimmed) by the contract, as the API would pass it to the service. */
function valid<M extends MethodName>(method: M, input: Input<M>): ParsedInput<M> {
  const parsed = contract[method].input.safeParse(input);
  if (parsed.success) return parsed.data as ParsedInput<M>;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  throw new DomainError('invalid_input', `Can't import: ${method} ${field}: ${issue?.message ?? 'invalid'}`);
}

/** What the writes did: items created, the ids of existing items changed, items deleted. */
export interface Written {
  created: number;
  updated: Set<string>;
  removed: number;
}

export function writePeople(ws: Workspace, p: Plan, out: Written): void {
  for (const person of p.people) {
    if (!person.existing) {
      person.id = createPerson(
        ws,
        valid('people.create', {
          name: person.name.slice(0, LIMITS.name),
          handle: person.handle,
          roles: person.owner ? ['goal owner'] : [],
        }),
      ).id;
      out.created++;
    } else if (person.setHandle) {
      updatePerson(ws, valid('people.update', { id: person.existing.id, handle: person.handle }));
      out.updated.add(person.existing.id);
    }
  }
}

/** Goals, initiatives and milestones created or updated (people are written first: their ids are known). */
export function writeItems(ws: Workspace, p: Plan, out: Written): void {
  const personIds = (ids: string[] | undefined): string[] | undefined =>
    ids?.map((id) => (id.startsWith('new:') ? p.people[Number(id.slice(4))]!.id! : id));
  const withPeople = <T extends Record<string, unknown>>(
    fields: T,
    key: 'ownerIds' | 'participantIds',
  ): T => {
    const ids = personIds(fields[key] as string[] | undefined);
    const result: Record<string, unknown> = { ...fields };
    if (ids) result[key] = ids;
    return result as T;
  };
  const changed = (id: string) => out.updated.add(id);

  for (const g of p.goals) {
    const fields = withPeople(g.fields, 'ownerIds');
    if (!g.existing) {
      g.id = createGoal(ws, valid('goals.create', { ...fields, title: fields.title ?? g.read.title })).id;
      out.created++;
    } else if (Object.keys(fields).length) {
      updateGoal(ws, valid('goals.update', { id: g.existing.id, ...fields }));
      changed(g.existing.id);
    }
    for (const i of g.initiatives) {
      const ifields = withPeople(i.fields, 'ownerIds');
      if (!i.existing) {
        i.id = createInitiative(
          ws,
          valid('initiatives.create', { ...ifields, goalId: g.id!, title: ifields.title ?? i.read.title }),
        ).id;
        out.created++;
      } else if (Object.keys(ifields).length) {
        updateInitiative(ws, valid('initiatives.update', { id: i.existing.id, ...ifields }));
        changed(i.existing.id);
      }
      for (const m of i.milestones) {
        const mfields = withPeople(m.fields, 'participantIds');
        if (!m.existing) {
          m.id = createMilestone(
            ws,
            valid('milestones.create', {
              ...mfields,
              initiativeId: i.id!,
              title: mfields.title ?? m.read.title,
            }),
          ).id;
          out.created++;
        } else if (Object.keys(mfields).length) {
          updateMilestone(ws, valid('milestones.update', { id: m.existing.id, ...mfields }));
          changed(m.existing.id);
        }
      }
    }
  }
}

const idOf = (x: { id: string | null } | { id: string }): string | null => x.id;

/**
 * Deletes what the files no longer have, through the write path: each a tombstone in the
 * change log, so its history stays. A goal or an initiative goes with what it holds.
 */
export function writeRemovals(ws: Workspace, p: Plan, out: Written): void {
  const order = { milestone: 0, initiative: 1, goal: 2 } as const;
  const direct = p.removed.filter((r) => !r.withParent).sort((a, b) => order[a.kind] - order[b.kind]);
  for (const r of direct) {
    if (r.kind === 'milestone') deleteMilestone(ws, valid('milestones.delete', { id: r.id }).id);
    else if (r.kind === 'initiative')
      deleteInitiative(ws, valid('initiatives.delete', { id: r.id, cascade: true }));
    else deleteGoal(ws, valid('goals.delete', { id: r.id, cascade: true }));
  }
  out.removed = p.removed.length;
}

/** Dependencies once every item exists; a cycle is reported, not fatal. */
export function writeDependencies(ws: Workspace, p: Plan, out: Written): void {
  for (const i of p.goals.flatMap((g) => g.initiatives)) {
    if (i.dependsOn) {
      const ids = i.dependsOn.map((d) => idOf(d)!).slice(0, LIMITS.list);
      if (!sameList(ids, i.existing?.dependsOnIds ?? [])) {
        try {
          updateInitiative(ws, valid('initiatives.update', { id: i.id!, dependsOnIds: ids }));
          if (i.existing) out.updated.add(i.existing.id);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          p.problems.push({
            ...i.read.at,
            message: `The dependencies of “${i.read.title}” were left out: ${error.message}`,
          });
        }
      }
    }
    for (const m of i.milestones) {
      if (!m.dependsOn) continue;
      const ids = m.dependsOn.map((d) => idOf(d)!).slice(0, LIMITS.list);
      if (sameList(ids, m.existing?.dependsOnIds ?? [])) continue;
      try {
        updateMilestone(ws, valid('milestones.update', { id: m.id!, dependsOnIds: ids }));
        if (m.existing) out.updated.add(m.existing.id);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        p.problems.push({
          ...m.read.at,
          message: `The dependencies of “${m.read.title}” were left out: ${error.message}`,
        });
      }
    }
  }
}

/** The files' order, for items that already existed (new ones were added in order). */
export function writeOrder(ws: Workspace, p: Plan): void {
  const reorder = (current: string[], file: string[], apply: (ids: string[]) => void) => {
    const next = reordered(current, file);
    if (next) apply(next);
  };
  reorder(
    listGoals(ws).map((g) => g.id),
    p.goals.map((g) => g.id!),
    (ids) => reorderGoals(ws, valid('goals.reorder', { ids })),
  );
  for (const g of p.goals) {
    reorder(
      listInitiatives(ws, { goalId: g.id! }).map((i) => i.id),
      g.initiatives.map((i) => i.id!),
      (ids) => reorderInitiatives(ws, valid('initiatives.reorder', { ids })),
    );
    for (const i of g.initiatives) {
      if (!i.read.milestones) continue;
      reorder(
        listMilestones(ws, { initiativeId: i.id! }).map((m) => m.id),
        i.milestones.map((m) => m.id!),
        (ids) => reorderMilestones(ws, valid('milestones.reorder', { ids })),
      );
    }
  }
}
