import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nextMeetingAt } from '../../src/main/services/sprints.ts';
import { addCalendarDays, sprintEnd } from '../../src/shared/sprint-dates.ts';
import { dump, must, refused, seed, tempCore } from './helpers.ts';
import type { Core } from '../../src/main/api/core.ts';

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'America/Santiago',
  'Asia/Kolkata',
];
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('sprint dates', () => {
  it.each(ZONES)('lasts 14 calendar days across DST changes and year ends (process zone %s)', (zone) => {
    process.env.TZ = zone;
    expect(sprintEnd('2026-03-23')).toBe('2026-04-05'); // EU and US spring forward inside
    expect(sprintEnd('2026-10-19')).toBe('2026-11-01'); // EU falls back inside, US on the last day
    expect(sprintEnd('2026-12-28')).toBe('2027-01-10'); // year end
    expect(sprintEnd('2028-02-21')).toBe('2028-03-05'); // leap day
    expect(addCalendarDays('2026-09-06', 1)).toBe('2026-09-07'); // Santiago's DST starts at midnight
    expect(addCalendarDays('2026-04-04', 1)).toBe('2026-04-05');
  });

  it("keeps the meeting's wall-clock time in the organiser's zone across a DST change", () => {
    // 10:00 in New York: EDT (UTC−4) before 1 November 2026, EST (UTC−5) after.
    expect(nextMeetingAt('2026-10-27T14:00:00.000Z', 'America/New_York')).toBe('2026-11-10T15:00:00.000Z');
    expect(nextMeetingAt('2026-03-03T15:00:00.000Z', 'America/New_York')).toBe('2026-03-17T14:00:00.000Z');
    expect(nextMeetingAt('2026-10-20T08:00:00.000Z', 'Europe/Berlin')).toBe('2026-11-03T09:00:00.000Z');
    expect(nextMeetingAt('2026-12-29T15:00:00.000Z', 'UTC')).toBe('2027-01-12T15:00:00.000Z');
  });
});

describe('sprints', () => {
  it('numbers sprints and starts each the day after the previous one ends', async () => {
    const core = await tempCore();
    must(core, 'sprints.createNext', { startDate: '2026-12-21' });
    must(core, 'sprints.createNext', {});
    must(core, 'sprints.createNext', {});
    expect(must(core, 'sprints.list', {}).map((s) => [s.number, s.startDate, s.endDate, s.status])).toEqual([
      [1, '2026-12-21', '2027-01-03', 'active'],
      [2, '2027-01-04', '2027-01-17', 'planned'],
      [3, '2027-01-18', '2027-01-31', 'planned'],
    ]);
  });

  it('finds a sprint by its number (null when there is none), and refuses a number that cannot be one', async () => {
    const core = await tempCore();
    must(core, 'sprints.createNext', { startDate: '2026-12-21' });
    const second = must(core, 'sprints.createNext', {});
    expect(must(core, 'sprints.byNumber', { number: 2 })).toEqual(second);
    expect(must(core, 'sprints.byNumber', { number: 3 })).toBeNull();
    expect(refused(core, 'sprints.byNumber', { number: 0 })).toMatchObject({ field: 'number' });
  });

  // The CLI, the renderer, the meeting, the sprints service and the summary all ask this one lookup.
  it('has one lookup of a sprint by number: no other code finds one in a list or by its own query', () => {
    const root = join(import.meta.dirname, '../../src');
    const lookups = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|svelte)$/.test(file))
      .flatMap((file) =>
        readFileSync(join(root, file), 'utf8')
          .split('\n')
          .filter((line) => /\.number === (?!1\b)|FROM sprints WHERE number = |WHERE t\.number = /.test(line))
          .map((line) => `${file}: ${line.trim()}`),
      );
    expect(lookups).toEqual([
      "main/services/sprints.ts: const row = stmt(ws.db, `${selectSql('sprint')} WHERE t.number = ?`).get(number) as",
    ]);
  });

  it('asks for a start date only for the first sprint, and refuses a gap or overlap later', async () => {
    const core = await tempCore();
    expect(refused(core, 'sprints.createNext', {})).toMatchObject({ field: 'startDate' });
    must(core, 'sprints.createNext', { startDate: '2026-11-09' });
    expect(refused(core, 'sprints.createNext', { startDate: '2026-11-30' }).message).toContain('2026-11-23');
  });

  it('carries the meeting time forward in the organiser zone', async () => {
    const core = await tempCore();
    must(core, 'sprints.createNext', {
      startDate: '2026-10-19',
      meetingAt: '2026-10-27T14:00:00Z',
      meetingTimeZone: 'America/New_York',
    });
    const next = must(core, 'sprints.createNext', {});
    expect(next).toMatchObject({
      meetingAt: '2026-11-10T15:00:00.000Z',
      meetingTimeZone: 'America/New_York',
    });
  });

  it("refuses a meeting time without the organiser's zone", async () => {
    const core = await tempCore();
    expect(
      refused(core, 'sprints.createNext', { startDate: '2026-11-09', meetingAt: '2026-11-10T15:00:00Z' })
        .field,
    ).toBe('meetingTimeZone');
    const sprint = must(core, 'sprints.createNext', { startDate: '2026-11-09' });
    expect(refused(core, 'sprints.update', { id: sprint.id, meetingAt: '2026-11-10T15:00:00Z' }).field).toBe(
      'meetingTimeZone',
    );
  });

  it('closing leaves exactly one active sprint: the next, created when missing', async () => {
    const core = await tempCore();
    must(core, 'sprints.createNext', { startDate: '2026-11-09' });
    const second = must(core, 'sprints.closeActive', {});
    expect(second).toMatchObject({ number: 2, status: 'active', startDate: '2026-11-23' });
    must(core, 'sprints.createNext', {});
    const third = must(core, 'sprints.closeActive', {});
    expect(third.number).toBe(3);
    const statuses = must(core, 'sprints.list', {}).map((s) => s.status);
    expect(statuses).toEqual(['closed', 'closed', 'active']);
  });

  it('refuses to close when no sprint is active', async () => {
    const core = await tempCore();
    expect(refused(core, 'sprints.closeActive', {}).code).toBe('rule_violation');
  });
});

async function sprintWithGoal(core: Core) {
  const world = seed(core);
  const next = must(core, 'sprints.createNext', {});
  const sprintGoal = must(core, 'sprintGoals.create', {
    sprintId: world.sprint.id,
    title: 'Land the cache',
    ownerId: world.ada.id,
    initiativeId: world.cache.id,
    definitionOfDone: 'Merged and on by default',
    estimate: 3,
  });
  return { ...world, next, sprintGoal };
}

describe('sprint goals', () => {
  it('fills in the goal implied by an initiative, and refuses links that contradict each other', async () => {
    const core = await tempCore();
    const { sprintGoal, goal, remote, sprint } = await sprintWithGoal(core);
    expect(sprintGoal.goalId).toBe(goal.id);
    const other = must(core, 'goals.create', { title: 'Other goal' });
    expect(
      refused(core, 'sprintGoals.create', {
        sprintId: sprint.id,
        title: 'x',
        goalId: other.id,
        initiativeId: remote.id,
      }),
    ).toMatchObject({ code: 'rule_violation', field: 'initiativeId' });
    const milestone = must(core, 'milestones.create', { initiativeId: remote.id, title: 'M' });
    const viaMilestone = must(core, 'sprintGoals.create', {
      sprintId: sprint.id,
      title: 'y',
      milestoneId: milestone.id,
    });
    expect(viaMilestone).toMatchObject({ initiativeId: remote.id, goalId: goal.id });
  });

  it('takes an outcome and a note at the retrospective, but not in a sprint that has not started', async () => {
    const core = await tempCore();
    const { sprintGoal, next, ada } = await sprintWithGoal(core);
    for (const outcome of ['done', 'partial', 'missed', 'dropped'] as const) {
      expect(
        must(core, 'sprintGoals.update', { id: sprintGoal.id, outcome, outcomeNote: `was ${outcome}` }),
      ).toMatchObject({
        outcome,
        outcomeNote: `was ${outcome}`,
      });
    }
    expect(
      refused(core, 'sprintGoals.update', { id: sprintGoal.id, outcome: 'finished' as never }).field,
    ).toBe('outcome');
    const planned = must(core, 'sprintGoals.create', { sprintId: next.id, title: 'Later', ownerId: ada.id });
    expect(refused(core, 'sprintGoals.update', { id: planned.id, outcome: 'done' })).toMatchObject({
      code: 'rule_violation',
      field: 'outcome',
    });
  });

  it('carries an unfinished goal over, linking the original and counting rollovers', async () => {
    const core = await tempCore();
    const { sprintGoal, next } = await sprintWithGoal(core);
    must(core, 'sprintGoals.update', { id: sprintGoal.id, outcome: 'partial' });
    const copy = must(core, 'sprintGoals.carryOver', { id: sprintGoal.id, toSprintId: next.id });
    expect(copy).toMatchObject({
      sprintId: next.id,
      title: 'Land the cache',
      carriedOverFromId: sprintGoal.id,
      rolloverCount: 1,
      outcome: null,
      definitionOfDone: 'Merged and on by default',
      estimate: 3,
    });
    expect(refused(core, 'sprintGoals.carryOver', { id: sprintGoal.id, toSprintId: next.id }).code).toBe(
      'conflict',
    );
    must(core, 'sprints.closeActive', {});
    must(core, 'sprintGoals.update', { id: copy.id, outcome: 'missed' });
    const third = must(core, 'sprints.createNext', {});
    expect(must(core, 'sprintGoals.carryOver', { id: copy.id, toSprintId: third.id }).rolloverCount).toBe(2);
  });

  it('refuses to carry over a goal that was done or dropped, or into a closed or earlier sprint', async () => {
    const core = await tempCore();
    const { sprintGoal, next, sprint } = await sprintWithGoal(core);
    must(core, 'sprintGoals.update', { id: sprintGoal.id, outcome: 'done' });
    expect(refused(core, 'sprintGoals.carryOver', { id: sprintGoal.id, toSprintId: next.id }).field).toBe(
      'id',
    );
    must(core, 'sprintGoals.update', { id: sprintGoal.id, outcome: 'missed' });
    expect(refused(core, 'sprintGoals.carryOver', { id: sprintGoal.id, toSprintId: sprint.id }).field).toBe(
      'toSprintId',
    );
  });

  it('carries a goal over only once, whichever later sprint it went to', async () => {
    const core = await tempCore();
    const { sprintGoal, next } = await sprintWithGoal(core);
    const later = must(core, 'sprints.createNext', {});
    must(core, 'sprintGoals.update', { id: sprintGoal.id, outcome: 'missed' });
    must(core, 'sprintGoals.carryOver', { id: sprintGoal.id, toSprintId: later.id });
    expect(
      refused(core, 'sprintGoals.carryOver', { id: sprintGoal.id, toSprintId: next.id }).message,
    ).toContain('sprint 3');
  });

  it('keeps the finer links when a coarser one is sent unchanged, and re-derives them when it changes', async () => {
    const core = await tempCore();
    const { sprintGoal, goal, cache, remote } = await sprintWithGoal(core);
    const milestone = must(core, 'milestones.create', { initiativeId: cache.id, title: 'M' });
    must(core, 'sprintGoals.update', { id: sprintGoal.id, milestoneId: milestone.id });
    const same = must(core, 'sprintGoals.update', {
      id: sprintGoal.id,
      goalId: goal.id,
      initiativeId: cache.id,
    });
    expect(same).toMatchObject({ goalId: goal.id, initiativeId: cache.id, milestoneId: milestone.id });
    const cleared = must(core, 'sprintGoals.update', { id: sprintGoal.id, milestoneId: null });
    expect(cleared).toMatchObject({ goalId: goal.id, initiativeId: cache.id, milestoneId: null });
    const moved = must(core, 'sprintGoals.update', { id: sprintGoal.id, initiativeId: remote.id });
    expect(moved).toMatchObject({ goalId: goal.id, initiativeId: remote.id, milestoneId: null });
    const other = must(core, 'goals.create', { title: 'Other' });
    expect(must(core, 'sprintGoals.update', { id: sprintGoal.id, goalId: other.id })).toMatchObject({
      goalId: other.id,
      initiativeId: null,
    });
  });

  it('sets one capacity per person and sprint', async () => {
    const core = await tempCore();
    const { sprint, ada } = await sprintWithGoal(core);
    must(core, 'capacities.set', { sprintId: sprint.id, personId: ada.id, days: 6 });
    must(core, 'capacities.set', { sprintId: sprint.id, personId: ada.id, days: 4.5 });
    expect(must(core, 'capacities.list', { sprintId: sprint.id }).map((c) => c.days)).toEqual([4.5]);
    expect(refused(core, 'capacities.set', { sprintId: sprint.id, personId: ada.id, days: 15 }).field).toBe(
      'days',
    );
  });
});

describe('polish issues', () => {
  it('records done in the active sprint and clears it when reopened', async () => {
    const core = await tempCore();
    const { sprint, bo } = seed(core);
    const issue = must(core, 'polish.create', {
      title: 'Better error for E0277',
      link: 'rust-lang/rust#123',
      assigneeId: bo.id,
    });
    expect(must(core, 'polish.update', { id: issue.id, status: 'done' }).doneSprintId).toBe(sprint.id);
    expect(must(core, 'polish.list', { doneSprintId: sprint.id })).toHaveLength(1);
    expect(must(core, 'polish.update', { id: issue.id, status: 'open' }).doneSprintId).toBeNull();
  });

  it('accepts a URL or owner/repo#123 as link, and refuses anything else', async () => {
    const core = await tempCore();
    must(core, 'polish.create', { title: 'a', link: 'https://github.com/o/r/issues/1' });
    expect(refused(core, 'polish.create', { title: 'b', link: 'javascript:alert(1)' })).toMatchObject({
      field: 'link',
    });
  });

  it('refuses in progress without an assignee, as for every other item', async () => {
    const core = await tempCore();
    const { ada } = seed(core);
    expect(refused(core, 'polish.create', { title: 'x', status: 'in progress' })).toMatchObject({
      field: 'status',
    });
    const issue = must(core, 'polish.create', { title: 'x', status: 'in progress', assigneeId: ada.id });
    expect(refused(core, 'polish.update', { id: issue.id, assigneeId: null })).toMatchObject({
      field: 'assigneeId',
    });
  });

  it('lets a polish issue planned for a sprint be edited after that sprint closed', async () => {
    const core = await tempCore();
    const { sprint } = seed(core);
    const issue = must(core, 'polish.create', { title: 'x', plannedSprintId: sprint.id });
    must(core, 'sprints.closeActive', {});
    expect(must(core, 'polish.update', { id: issue.id, title: 'y', plannedSprintId: sprint.id }).title).toBe(
      'y',
    );
  });

  it('refuses done when there is no active sprint to record it in', async () => {
    const core = await tempCore();
    expect(refused(core, 'polish.create', { title: 'x', status: 'done' })).toMatchObject({ field: 'status' });
  });
});

describe('retrospective', () => {
  it('keeps notes per column with votes that never go below zero', async () => {
    const core = await tempCore();
    const { sprint } = seed(core);
    const note = must(core, 'retroNotes.create', {
      sprintId: sprint.id,
      column: 'went well',
      text: 'Cache landed',
    });
    must(core, 'retroNotes.vote', { id: note.id, delta: 1 });
    expect(must(core, 'retroNotes.vote', { id: note.id, delta: 1 }).votes).toBe(2);
    must(core, 'retroNotes.vote', { id: note.id, delta: -1 });
    must(core, 'retroNotes.vote', { id: note.id, delta: -1 });
    const before = dump(core.workspace.db);
    expect(refused(core, 'retroNotes.vote', { id: note.id, delta: -1 }).code).toBe('rule_violation');
    expect(dump(core.workspace.db)).toBe(before);
    expect(
      refused(core, 'retroNotes.create', { sprintId: sprint.id, column: 'rants', text: 'x' }).field,
    ).toBe('column');
  });

  it('keeps action items open until done, recording the sprint they were done in', async () => {
    const core = await tempCore();
    const { sprint, ada } = seed(core);
    const item = must(core, 'actionItems.create', {
      sprintId: sprint.id,
      text: 'Write a guide',
      ownerId: ada.id,
    });
    const next = must(core, 'sprints.closeActive', {});
    expect(must(core, 'actionItems.list', { status: 'open' }).map((a) => a.id)).toEqual([item.id]);
    expect(must(core, 'actionItems.update', { id: item.id, status: 'done' }).doneSprintId).toBe(next.id);
    expect(must(core, 'actionItems.list', { status: 'open' })).toEqual([]);
  });
});
