/**
 * The writes a meeting makes, each a full API call (schema, transaction, services, change log),
 * on a copy of the workspace. Every iteration writes something new (another polish issue marked
 * done, an outcome that differs from the stored one), so each call really changes and logs rows.
 */
import type { Core } from '../src/main/api/core.ts';
import type { Context } from './reads.ts';

export interface WriteSpec {
  method: string;
  label: string;
  input: (i: number) => unknown;
}

export function writeSpecs(core: Core, c: Context): WriteSpec[] {
  const db = core.workspace.db;
  const ids = (sql: string, ...params: unknown[]) =>
    (db.prepare(sql).all(...params) as { id: string }[]).map((r) => r.id);
  const at = <T>(list: readonly T[], i: number): T => {
    if (!list.length) throw new Error('nothing to write to');
    return list[((i % list.length) + list.length) % list.length]!;
  };
  const sprintGoals = ids('SELECT id FROM sprint_goals WHERE sprint_id = ?', c.activeSprintId);
  const openPolish = ids(`SELECT id FROM polish_issues WHERE status = 'open' ORDER BY created_at DESC`);
  const owners = ids(`SELECT id FROM people WHERE roles LIKE '%goal owner%' ORDER BY id`);
  const milestones = ids(`SELECT id FROM milestones WHERE state = 'in progress' ORDER BY id LIMIT 100`);
  const notes: string[] = [];
  const outcomes = ['done', 'partial', 'missed', 'dropped'] as const;
  let polishDone = 0;
  return [
    {
      method: 'sprintGoals.update',
      label: 'set an outcome',
      input: (i) => ({
        id: at(sprintGoals, i),
        outcome: at(outcomes, Math.floor((i + 8) / Math.max(1, sprintGoals.length))),
        outcomeNote: `Reviewed at the benchmark's meeting (${i})`,
      }),
    },
    {
      method: 'retroNotes.create',
      label: 'add a retro note',
      input: (i) => ({ sprintId: c.activeSprintId, column: 'went well', text: `Benchmark note ${i}` }),
    },
    {
      method: 'retroNotes.vote',
      label: 'vote on a note',
      input: (i) => {
        if (!notes.length)
          notes.push(...ids('SELECT id FROM retro_notes WHERE sprint_id = ?', c.activeSprintId));
        return { id: at(notes, i), delta: 1 };
      },
    },
    {
      method: 'polish.update',
      label: 'mark polish done',
      input: () => ({ id: at(openPolish, polishDone++), status: 'done' }),
    },
    {
      method: 'polish.create',
      label: 'add polish (a pasted link)',
      input: (i) => ({ title: `Benchmark polish ${i}`, link: `lang/compiler#${100_000 + i}` }),
    },
    {
      method: 'sprintGoals.create',
      label: 'add a sprint goal (on a milestone)',
      input: (i) => ({
        sprintId: c.activeSprintId,
        title: `Benchmark sprint goal ${i}`,
        ownerId: at(owners, i),
        milestoneId: at(milestones, i),
        definitionOfDone: 'Merged and released',
        estimate: 1,
      }),
    },
    {
      method: 'actionItems.create',
      label: 'add an action item',
      input: (i) => ({ sprintId: c.activeSprintId, text: `Benchmark action ${i}`, ownerId: at(owners, i) }),
    },
    {
      method: 'capacities.set',
      label: 'set a capacity',
      input: (i) => ({
        sprintId: c.activeSprintId,
        personId: at(owners, i),
        days: (((i % 10) + 10) % 10) + 1,
      }),
    },
  ];
}
