/** The Sprints overview, and the meeting's reads at the scale of years of history. */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/api/core.ts';
import { ROADMAP_CHANGES_SQL } from '../../src/main/services/retrospective.ts';
import { must, seed, tempCore } from './helpers.ts';

describe('sprints.overview', () => {
  it('lists every sprint with its dates, status, outcome counts and polish done', async () => {
    const core = await tempCore();
    const { ada, sprint } = seed(core);
    for (const outcome of ['done', 'done', 'partial', 'missed', 'dropped', null] as const) {
      must(core, 'sprintGoals.create', { sprintId: sprint.id, title: 'G', ownerId: ada.id, outcome });
    }
    must(core, 'polish.create', { title: 'P', status: 'done' });
    const two = must(core, 'sprints.createNext', {});
    expect(must(core, 'sprints.overview', {})).toEqual([
      {
        sprint: must(core, 'sprints.get', { id: sprint.id }),
        goals: 6,
        outcomes: { done: 2, partial: 1, missed: 1, dropped: 1, none: 1 },
        polishDone: 1,
      },
      {
        sprint: two,
        goals: 0,
        outcomes: { done: 0, partial: 0, missed: 0, dropped: 0, none: 0 },
        polishDone: 0,
      },
    ]);
  });
});

describe('at the scale of years of history', () => {
  /**
   * 260 sprints, 5,000 sprint goals, 20,000 polish issues, 50,000 notes and a change log of
   * 100,000 entries, written straight into the tables (the write path would take minutes).
   */
  function fill(core: Core) {
    const db = core.workspace.db;
    const id = (kind: string, n: number) => `00000000-0000-7000-8${kind}-${String(n).padStart(12, '0')}`;
    db.transaction(() => {
      const people = Array.from({ length: 15 }, (_, i) => id('001', i));
      const person = db.prepare(
        `INSERT INTO people (id, name, time_zone, roles) VALUES (?, ?, 'UTC', '["goal owner"]')`,
      );
      people.forEach((p, i) => person.run(p, `Person ${i}`));
      db.prepare(`INSERT INTO goals (id, title, state, position) VALUES (?, 'Goal', 'help wanted', 1)`).run(
        id('002', 0),
      );
      const sprint = db.prepare(
        `INSERT INTO sprints (id, number, start_date, end_date, status, meeting_time_zone) VALUES (?, ?, date('2016-01-04', ?), date('2016-01-17', ?), ?, 'Europe/Berlin')`,
      );
      for (let n = 1; n <= 260; n++) {
        sprint.run(
          id('003', n),
          n,
          `+${(n - 1) * 14} days`,
          `+${(n - 1) * 14} days`,
          n < 259 ? 'closed' : n === 259 ? 'active' : 'planned',
        );
      }
      const goal = db.prepare(
        `INSERT INTO sprint_goals (id, sprint_id, title, owner_id, goal_id, definition_of_done, estimate, outcome, position) VALUES (?, ?, 'Goal', ?, ?, 'Done.', 2, ?, ?)`,
      );
      const outcomes = ['done', 'partial', 'missed', 'dropped', null];
      for (let n = 0; n < 5000; n++) {
        const s = 1 + (n % 260);
        goal.run(
          id('004', n),
          id('003', s),
          people[n % 15],
          id('002', 0),
          s < 260 ? outcomes[n % 5] : null,
          n,
        );
      }
      const capacity = db.prepare(
        `INSERT INTO capacities (id, sprint_id, person_id, days) VALUES (?, ?, ?, 5)`,
      );
      for (let n = 1; n <= 250; n++) capacity.run(id('005', n), id('003', n), people[n % 15]);
      const polish = db.prepare(
        `INSERT INTO polish_issues (id, title, link, assignee_id, status, done_sprint_id, created_at) VALUES (?, 'Polish', 'acme/app#1', ?, ?, ?, '2020-01-01T00:00:00Z')`,
      );
      for (let n = 0; n < 20000; n++) {
        const done = n % 4 !== 0;
        polish.run(
          id('006', n),
          people[n % 16] ?? null,
          done ? 'done' : 'open',
          done ? id('003', 1 + (n % 259)) : null,
        );
      }
      const note = db.prepare(
        `INSERT INTO retro_notes (id, sprint_id, "column", text, votes, position) VALUES (?, ?, 'ideas', 'A note', 1, ?)`,
      );
      for (let n = 0; n < 50000; n++) note.run(id('007', n), id('003', 1 + (n % 259)), n);
      const change = db.prepare(
        `INSERT INTO changes (entity, entity_id, field, value, hlc, replica_id) VALUES (?, ?, ?, ?, ?, 'r')`,
      );
      const start = Date.parse('2016-01-04T00:00:00Z');
      const span = 260 * 14 * 86_400_000;
      for (let n = 0; n < 100_000; n++) {
        const wall = start + Math.floor((n / 100_000) * span);
        const hlc = `${String(wall).padStart(13, '0')}-${String(n % 100_000).padStart(5, '0')}-r`;
        if (n % 10 === 0)
          change.run(
            'milestone',
            id('008', n % 5000),
            'state',
            JSON.stringify(Math.floor(n / 5000) % 2 ? 'in progress' : 'done'),
            hlc,
          );
        else change.run('retroNote', id('007', n % 50000), 'votes', '1', hlc);
      }
    })();
  }

  // How fast these answer is the benchmark's job (bench/): a unit test on a shared machine only
  // checks that they answer and that the change log is read through its index.
  it('answers every view with 260 sprints of data', async () => {
    const core = await tempCore(':memory:');
    fill(core);
    const sprints = must(core, 'sprints.list', {});
    const active = sprints.find((s) => s.status === 'active')!;
    const planned = sprints.at(-1)!;
    const calls = [
      () => must(core, 'retrospective.view', { sprintId: active.id }),
      () => must(core, 'polish.view', { sprintId: active.id, lastSprints: 52 }),
      () => must(core, 'planning.view', { sprintId: planned.id }),
      () => must(core, 'sprints.summary', { sprintId: active.id }),
      () => must(core, 'sprints.overview', {}),
    ];
    for (const call of calls) expect(call()).toBeTruthy();
    const retro = must(core, 'retrospective.view', { sprintId: active.id });
    expect(retro.roadmapChanges.length).toBeGreaterThan(0);
    expect(retro.notes.ideas.length).toBeGreaterThan(100);
    expect(must(core, 'sprints.overview', {})).toHaveLength(260);
    expect(must(core, 'polish.view', { sprintId: active.id, lastSprints: 52 }).chart).toHaveLength(52);

    // The change log is read as a range of its clock-timestamp index, not scanned.
    const plan = core.workspace.db.prepare(`EXPLAIN QUERY PLAN ${ROADMAP_CHANGES_SQL}`).all('1', '2') as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(
      /SEARCH c USING INDEX changes_by_stamp \(hlc>\? AND hlc<\?\)/,
    );
  });
});
