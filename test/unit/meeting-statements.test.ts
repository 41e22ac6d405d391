/**
 * What one meeting action costs the core: the SQL statements it runs, counted as SQLite runs
 * them. Each bound is exact, so a read added back to an action (the write reading its row again,
 * or the step's view read after the write) fails here.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/api/core.ts';
import { selectSql } from '../../src/main/store/read.ts';
import type { EntityName } from '../../src/shared/entities/index.ts';
import type { Input } from '../../src/shared/contract.ts';
import { must, seed, tempCore } from './helpers.ts';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;
const RUNS = ['run', 'get', 'all', 'iterate'] as const;

/** The SQL of every statement `action` ran, in order. */
function statementsOf(core: Core, action: () => void): string[] {
  const prototype = Object.getPrototypeOf(core.workspace.db.prepare('SELECT 1')) as Record<
    (typeof RUNS)[number],
    (...args: unknown[]) => unknown
  >;
  const originals = RUNS.map((name) => prototype[name]);
  const ran: string[] = [];
  RUNS.forEach((name, i) => {
    const original = originals[i]!;
    prototype[name] = function (this: Statement, ...args: unknown[]) {
      ran.push(this.source);
      return original.apply(this, args);
    };
  });
  try {
    action();
  } finally {
    RUNS.forEach((name, i) => (prototype[name] = originals[i]!));
  }
  return ran;
}

/** A meeting under way on the active sprint, the next sprint made, goals and polish to act on. */
async function meetingUnderWay() {
  const core = await tempCore();
  const world = seed(core);
  const next = must(core, 'sprints.createNext', {});
  const partial = must(core, 'sprintGoals.create', {
    sprintId: world.sprint.id,
    title: 'Ship the cache',
    ownerId: world.ada.id,
    outcome: 'partial',
  });
  const docs = must(core, 'sprintGoals.create', { sprintId: world.sprint.id, title: 'Write the docs' });
  const issue = must(core, 'polish.create', { title: 'Typo', assigneeId: world.bo.id });
  const meeting = must(core, 'meeting.start', { sprintId: world.sprint.id });
  return { core, world, next, partial, docs, issue, meeting };
}

describe('a meeting action', () => {
  it('runs an exact number of statements, and reads the row it changes once', async () => {
    const { core, world, next, partial, docs, issue, meeting } = await meetingUnderWay();
    /** The statements of one action, and how many of them read its row by id. */
    const cost = (entity: EntityName, input: Input<'meeting.act'>) => {
      const ran = statementsOf(core, () => must(core, 'meeting.act', input));
      const rowReads = ran.filter((sql) => sql === `${selectSql(entity)} WHERE t.id = ?`).length;
      return { statements: ran.length, rowReads };
    };
    const act = (method: Input<'meeting.act'>['method'], input: Record<string, unknown>) => ({
      id: meeting.id,
      method,
      input,
    });
    const plan = { redraw: 'plan' } as const;

    const retro = {
      outcome: cost('sprintGoal', act('sprintGoals.update', { id: docs.id, outcome: 'done' })),
      note: cost(
        'retroNote',
        act('retroNotes.create', { sprintId: world.sprint.id, column: 'kudos', text: 'Thanks' }),
      ),
      vote: cost(
        'retroNote',
        act('retroNotes.vote', {
          id: must(core, 'retroNotes.list', { sprintId: world.sprint.id })[0]!.id,
          delta: 1,
        }),
      ),
      actionItem: cost(
        'actionItem',
        act('actionItems.create', { sprintId: world.sprint.id, text: 'Review' }),
      ),
      polishDone: cost('polishIssue', act('polish.update', { id: issue.id, status: 'done' })),
    };
    const planned = {
      addGoal: cost('sprintGoal', {
        ...act('sprintGoals.create', { sprintId: next.id, title: 'Docs site' }),
        ...plan,
      }),
      carryOver: cost('sprintGoal', {
        ...act('sprintGoals.carryOver', { id: partial.id, toSprintId: next.id }),
        ...plan,
      }),
      capacity: cost('capacity', {
        ...act('capacities.set', { sprintId: next.id, personId: world.ada.id, days: 8 }),
        ...plan,
      }),
      capacityAgain: cost('capacity', {
        ...act('capacities.set', { sprintId: next.id, personId: world.ada.id, days: 6 }),
        ...plan,
      }),
    };
    const undo = statementsOf(core, () => must(core, 'meeting.undo', { id: meeting.id })).length;

    // An outcome, for one: BEGIN, the meeting, the sprint goal, its sprint (is it under way?), the
    // action, and the one apply path (docs/sync.md): whether the log knows the item, the field's
    // newest change, the change logged, the row worked out from the log (its changes, its row, the
    // UPDATE, rows waiting on it), COMMIT (before the sync engine: 8). An item new to the log costs
    // one look-up: its changes are kept in memory while they are applied, so it skips the
    // newest-change look-up of each field, the log read, the row check and the waiting rows. A plan action adds the plan's view (about twelve reads); none reads
    // the step's view again after its answer. An undo answers the step's view (the retrospective's,
    // with one read of what was entered before the meeting, one of when it and the sprint before
    // were closed).
    expect({ retro, planned, undo }).toEqual({
      retro: {
        outcome: { statements: 16, rowReads: 1 },
        note: { statements: 18, rowReads: 1 },
        vote: { statements: 15, rowReads: 1 },
        actionItem: { statements: 17, rowReads: 1 },
        polishDone: { statements: 19, rowReads: 1 },
      },
      planned: {
        addGoal: { statements: 37, rowReads: 1 },
        carryOver: { statements: 43, rowReads: 2 },
        capacity: { statements: 29, rowReads: 0 },
        capacityAgain: { statements: 30, rowReads: 0 },
      },
      undo: 32,
    });
  });
});
