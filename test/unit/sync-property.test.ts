/**
 * Convergence, by property: 3–5 replicas (real workspace files) run random sequences of real API
 * calls, exchanging partial deliveries in random orders, some twice. Once everyone has heard from
 * everyone, every replica has the same synced tables and the domain's invariants hold.
 * SYNC_PROPERTY_RUNS sets how many runs (default 6); a failure prints its seed and path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Input, MethodName } from '../../src/shared/contract.ts';
import { adopt, workspaceId } from '../../src/main/sync/log.ts';
import { must, seed } from './helpers.ts';
import { replica, send, syncAll, syncedRows, type Replica } from './sync-helpers.ts';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 6);

/** Refusals a random call may meet; anything else (an internal error) fails the property. */
const REFUSALS = new Set([
  'invalid_input',
  'not_found',
  'conflict',
  'rule_violation',
  'cycle',
  'needs_confirmation',
]);

type Step =
  | { kind: 'call'; at: number; op: number; pick: number; text: string }
  | { kind: 'send'; from: number; to: number; limit: number }
  | { kind: 'tick'; at: number; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('call' as const),
      at: fc.nat(4),
      op: fc.nat(17),
      pick: fc.nat(50),
      text: fc.string({ minLength: 1, maxLength: 8 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      from: fc.nat(4),
      to: fc.nat(4),
      limit: fc.integer({ min: 1, max: 40 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('tick' as const),
      at: fc.nat(4),
      ms: fc.integer({ min: 0, max: 5000 }),
    }),
  },
);

/** Calls that went through, over all runs: the property must have had something to merge. */
let made = 0;

function call<M extends MethodName>(r: Replica, method: M, input: Input<M>): void {
  const result = r.core.call(method, input);
  if (result.ok) made += 1;
  if (!result.ok && !REFUSALS.has(result.error.code)) {
    throw new Error(`${method} failed on ${r.name}: ${result.error.code} ${result.error.message}`);
  }
}

/** One random real API call on replica `r`, on items it can see. */
function act(r: Replica, op: number, pick: number, text: string): void {
  const of = <T>(items: readonly T[]): T | undefined => items[pick % Math.max(1, items.length)];
  const goals = must(r.core, 'goals.list', {});
  const initiatives = must(r.core, 'initiatives.list', {});
  const people = must(r.core, 'people.list', {});
  const sprints = must(r.core, 'sprints.list', {});
  const sprint = of(sprints);
  const notes = sprint ? must(r.core, 'retroNotes.list', { sprintId: sprint.id }) : [];
  const sprintGoals = sprint ? must(r.core, 'sprintGoals.list', { sprintId: sprint.id }) : [];
  const goal = of(goals);
  const initiative = of(initiatives);
  switch (op) {
    case 0:
      return call(r, 'goals.create', { title: `Goal ${text}` });
    case 1:
      if (goal) call(r, 'goals.update', { id: goal.id, title: `Renamed ${text}` });
      return;
    case 2:
      if (goal) call(r, 'goals.delete', { id: goal.id, cascade: true });
      return;
    case 3:
      if (goal)
        call(r, 'initiatives.create', {
          goalId: goal.id,
          title: `Initiative ${text}`,
          ownerIds: people.slice(0, 1).map((p) => p.id),
        });
      return;
    case 4:
      if (initiative) call(r, 'initiatives.update', { id: initiative.id, state: 'in progress' });
      return;
    case 5:
      if (initiative && initiatives.length > 1)
        call(r, 'initiatives.update', {
          id: initiative.id,
          dependsOnIds: [of([...initiatives].reverse())!.id].filter((id) => id !== initiative.id),
        });
      return;
    case 6:
      if (goal)
        call(r, 'initiatives.reorder', {
          ids: initiatives
            .filter((i) => i.goalId === goal.id)
            .map((i) => i.id)
            .reverse(),
        });
      return;
    case 7:
      return call(r, 'sprints.createNext', {});
    case 8:
      return call(r, 'sprints.closeActive', {});
    case 9:
      if (sprint) call(r, 'retroNotes.create', { sprintId: sprint.id, column: 'kudos', text });
      return;
    case 10: {
      const note = of(notes);
      if (note) call(r, 'retroNotes.vote', { id: note.id, delta: pick % 3 === 0 ? -1 : 1 });
      return;
    }
    case 11:
      if (sprint)
        call(r, 'sprintGoals.create', {
          sprintId: sprint.id,
          title: `Sprint goal ${text}`,
          outcome: 'partial',
        });
      return;
    case 12: {
      const g = of(sprintGoals);
      const to = sprints.at(-1);
      if (g && to && to.id !== g.sprintId) call(r, 'sprintGoals.carryOver', { id: g.id, toSprintId: to.id });
      return;
    }
    case 13: {
      const person = of(people);
      if (sprint && person)
        call(r, 'capacities.set', { sprintId: sprint.id, personId: person.id, days: pick % 10 });
      return;
    }
    case 14:
      if (sprint) call(r, 'meeting.start', { sprintId: sprint.id });
      return;
    case 15: {
      const person = of(people);
      if (person) call(r, 'people.delete', { id: person.id });
      return;
    }
    case 16:
      if (initiative) call(r, 'initiatives.delete', { id: initiative.id });
      return;
    default: {
      const person = of(people);
      if (person) call(r, 'people.update', { id: person.id, name: `Person ${text}` });
    }
  }
}

function invariants(r: Replica): void {
  const { db } = r.core.workspace;
  const active = db.prepare(`SELECT count(*) AS n FROM sprints WHERE status = 'active'`).get() as {
    n: number;
  };
  expect(active.n).toBeLessThanOrEqual(1);
  expect(db.prepare('SELECT count(*) AS n FROM retro_notes WHERE votes < 0').get()).toEqual({ n: 0 });
  expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  const numbers = db.prepare('SELECT number FROM sprints').all() as { number: number }[];
  expect(new Set(numbers.map((s) => s.number)).size).toBe(numbers.length);
}

describe('replicas converge', () => {
  it('to identical synced tables, whatever they did and however changes travelled', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 5 }),
        fc.array(step, { minLength: 10, maxLength: 60 }),
        async (count, steps) => {
          const replicas: Replica[] = [];
          for (let i = 0; i < count; i++)
            replicas.push(await replica(`r${i}`, `2026-11-01T12:00:0${i}.000Z`));
          const [first] = replicas;
          seed(first!.core);
          for (const r of replicas.slice(1)) {
            adopt(r.core.workspace, workspaceId(first!.core.workspace));
            send(first!, r);
          }
          for (const s of steps) {
            if (s.kind === 'call') act(replicas[s.at % count]!, s.op, s.pick, s.text);
            else if (s.kind === 'tick') replicas[s.at % count]!.tick(s.ms);
            else if (s.from % count !== s.to % count)
              send(replicas[s.from % count]!, replicas[s.to % count]!, s.limit);
          }
          syncAll(replicas);
          const rows = syncedRows(first!);
          for (const r of replicas) {
            expect(syncedRows(r)).toEqual(rows);
            invariants(r);
          }
        },
      ),
      { numRuns: RUNS, verbose: true },
    );
    expect(made).toBeGreaterThan(RUNS * 3);
  }, 300_000);
});
