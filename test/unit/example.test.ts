import { format } from 'date-fns/format';
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/api/core.ts';
import { parseHlc } from '../../src/main/store/hlc.ts';
import { ENTITIES, ENTITY_NAMES } from '../../src/shared/entities/index.ts';
import { dump, must, refused, tempCore } from './helpers.ts';

const all = <T>(core: Core, sql: string, ...params: unknown[]) =>
  core.workspace.db.prepare(sql).all(...params) as T[];
const count = (core: Core, sql: string, ...params: unknown[]) =>
  (core.workspace.db.prepare(sql).get(...params) as { n: number }).n;

async function loaded(now?: Date): Promise<Core> {
  const core = await tempCore();
  if (now) core.workspace.now = () => now;
  must(core, 'workspace.loadExample', {});
  return core;
}

describe('the example workspace', () => {
  it('loads a working group with a roadmap and twelve weeks of sprints into an empty workspace', async () => {
    const core = await tempCore();
    const info = must(core, 'workspace.loadExample', {});

    expect(info.isEmpty).toBe(false);
    expect(info.counts.person).toBe(11);
    expect(info.counts.goal).toBe(6);
    expect(info.counts.initiative).toBe(15);
    expect(info.counts.sprint).toBe(7);
    expect(info.counts.polishIssue).toBeGreaterThanOrEqual(30);
    expect(info.counts.meeting).toBe(6);

    const people = must(core, 'people.list', {});
    expect(
      people.filter((p) => p.roles.includes('stakeholder') && !p.roles.includes('goal owner')),
    ).toHaveLength(5);
    expect(info.counts.poll).toBe(1);
    expect(info.counts.pollResponse).toBe(4);
    expect(must(core, 'updates.list', {})).toMatchObject([{ status: 'published' }]);
    expect(must(core, 'stakeholders.overview', {}).identify).toBeNull();
    expect(new Set(people.map((p) => p.timeZone.split('/')[0]))).toEqual(
      new Set(['America', 'Europe', 'Asia']),
    );

    const goals = must(core, 'goals.list', {});
    expect(new Set(goals.map((g) => g.state))).toEqual(
      new Set(['in progress', 'help wanted', 'paused', 'done']),
    );
    expect(goals.some((g) => g.howToHelp)).toBe(true);
    const initiatives = must(core, 'initiatives.list', {});
    expect(initiatives.some((i) => i.manualProgress !== null)).toBe(true);
    expect(initiatives.some((i) => i.dependsOnIds.length > 0)).toBe(true);
    expect(initiatives.some((i) => i.link?.startsWith('https://'))).toBe(true);
    for (const initiative of initiatives) {
      const milestones = must(core, 'milestones.list', { initiativeId: initiative.id });
      expect(milestones.length).toBeGreaterThanOrEqual(2);
      expect(milestones.length).toBeLessThanOrEqual(5);
    }
    const milestones = must(core, 'milestones.list', {});
    expect(milestones.some((m) => m.targetSprintId)).toBe(true);
    expect(milestones.some((m) => m.dependsOnIds.length > 0)).toBe(true);
  });

  it('has six closed sprints and an active one that contains today, with planned goals and capacities', async () => {
    const core = await loaded();
    const sprints = must(core, 'sprints.list', {});
    expect(sprints.map((s) => s.status)).toEqual([...Array(6).fill('closed'), 'active']);
    const active = sprints[6]!;
    const today = format(new Date(), 'yyyy-MM-dd');
    expect(active.startDate <= today && today <= active.endDate).toBe(true);
    expect(sprints.every((s) => s.meetingAt && s.meetingTimeZone === 'America/New_York')).toBe(true);
    // The same wall-clock time in the organiser's zone, across DST changes.
    const wallClock = sprints.map((s) => format(new TZDate(s.meetingAt!, 'America/New_York'), 'EEE HH:mm'));
    expect(new Set(wallClock)).toEqual(new Set(['Tue 11:00']));

    const planned = must(core, 'sprintGoals.list', { sprintId: active.id });
    expect(planned.length).toBeGreaterThanOrEqual(4);
    expect(planned.every((g) => g.outcome === null)).toBe(true);
    expect(must(core, 'capacities.list', { sprintId: active.id }).length).toBeGreaterThanOrEqual(4);
    expect(must(core, 'meeting.get', { sprintId: active.id })).toBeNull();

    for (const sprint of sprints.slice(0, 6)) {
      const goals = must(core, 'sprintGoals.list', { sprintId: sprint.id });
      expect(goals.length).toBeGreaterThanOrEqual(4);
      expect(goals.length).toBeLessThanOrEqual(9);
      expect(goals.every((g) => g.outcome && g.ownerId && g.goalId && g.definitionOfDone && g.estimate)).toBe(
        true,
      );
      const capacities = must(core, 'capacities.list', { sprintId: sprint.id });
      expect(new Set(capacities.map((c) => c.personId))).toEqual(new Set(goals.map((g) => g.ownerId)));
      expect(must(core, 'retroNotes.list', { sprintId: sprint.id }).some((n) => n.votes > 0)).toBe(true);
      const meeting = must(core, 'meeting.get', { sprintId: sprint.id });
      expect(meeting?.endedAt).toBeTruthy();
      expect(meeting!.attendees.some((a) => a.present)).toBe(true);
    }
  });

  it('reviews sprint goals with every outcome, and carries unfinished ones over, once even twice', async () => {
    const core = await loaded();
    const goals = all<{
      outcome: string | null;
      rollover_count: number;
      carried_over_from_id: string | null;
    }>(core, 'SELECT outcome, rollover_count, carried_over_from_id FROM sprint_goals');
    expect(new Set(goals.map((g) => g.outcome))).toEqual(
      new Set(['done', 'partial', 'missed', 'dropped', null]),
    );
    expect(Math.max(...goals.map((g) => g.rollover_count))).toBe(2);
    // Every copy points at a partial or missed original in an earlier sprint.
    const copies = all<{ outcome: string; before: number }>(
      core,
      `SELECT o.outcome, os.number < cs.number AS before FROM sprint_goals c
         JOIN sprint_goals o ON o.id = c.carried_over_from_id
         JOIN sprints os ON os.id = o.sprint_id JOIN sprints cs ON cs.id = c.sprint_id`,
    );
    expect(copies.length).toBeGreaterThanOrEqual(4);
    expect(copies.every((c) => ['partial', 'missed'].includes(c.outcome) && c.before === 1)).toBe(true);
  });

  it('tallies polish per sprint, with one goal owner who did none, and keeps action items open until done', async () => {
    const core = await loaded();
    const sprints = must(core, 'sprints.list', {});
    for (const sprint of sprints.slice(0, 6)) {
      expect(must(core, 'polish.list', { status: 'done', doneSprintId: sprint.id }).length).toBeGreaterThan(
        0,
      );
    }
    expect(must(core, 'polish.list', { status: "won't fix" }).length).toBeGreaterThan(0);
    expect(must(core, 'polish.list', { status: 'open' }).length).toBeGreaterThan(0);
    const noPolish = all<{ name: string }>(
      core,
      `SELECT name FROM people p
        WHERE EXISTS (SELECT 1 FROM json_each(p.roles) WHERE value = 'goal owner')
          AND NOT EXISTS (SELECT 1 FROM polish_issues i WHERE i.assignee_id = p.id AND i.status = 'done')`,
    );
    expect(noPolish).toHaveLength(1);

    expect(must(core, 'actionItems.list', { status: 'open' }).length).toBeGreaterThan(0);
    const doneLater = count(
      core,
      `SELECT count(*) AS n FROM action_items a JOIN sprints s ON s.id = a.sprint_id JOIN sprints d ON d.id = a.done_sprint_id
        WHERE a.status = 'done' AND d.number > s.number`,
    );
    expect(doneLater).toBeGreaterThan(0);
    expect(count(core, 'SELECT count(*) AS n FROM action_items WHERE owner_id IS NULL')).toBe(0);
  });

  it('keeps the rules: foreign keys hold, nothing in progress lacks an owner', async () => {
    const core = await loaded();
    expect(core.workspace.db.pragma('foreign_key_check')).toEqual([]);
    expect(
      count(
        core,
        `SELECT count(*) AS n FROM goals g WHERE state = 'in progress'
          AND NOT EXISTS (SELECT 1 FROM goal_owners o WHERE o.goal_id = g.id)`,
      ),
    ).toBe(0);
    expect(
      count(
        core,
        `SELECT count(*) AS n FROM initiatives i WHERE state = 'in progress'
          AND NOT EXISTS (SELECT 1 FROM initiative_owners o WHERE o.initiative_id = i.id)`,
      ),
    ).toBe(0);
    expect(
      count(
        core,
        `SELECT count(*) AS n FROM milestones m WHERE state = 'in progress'
          AND NOT EXISTS (SELECT 1 FROM milestone_participants p WHERE p.milestone_id = m.id)`,
      ),
    ).toBe(0);
  });

  it('writes every row through the change log, dated when it happened in the story', async () => {
    const core = await loaded();
    for (const name of ENTITY_NAMES) {
      const missing = count(
        core,
        `SELECT count(*) AS n FROM ${ENTITIES[name].table} t
          WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE c.entity = ? AND c.entity_id = t.id)`,
        name,
      );
      expect(missing, name).toBe(0);
    }
    const sprints = must(core, 'sprints.list', {});
    const walls = all<{ hlc: string }>(core, 'SELECT hlc FROM changes ORDER BY seq').map(
      (c) => parseHlc(c.hlc).wall,
    );
    expect(walls).toEqual([...walls].sort((a, b) => a - b));
    expect(new Date(walls[0]!).toISOString().slice(0, 10) < sprints[0]!.startDate).toBe(true);
    expect(walls.at(-1)!).toBeLessThanOrEqual(Date.now());

    // The history of a milestone done during sprint 2 says so.
    const prototype = must(core, 'milestones.list', {}).find((m) => m.title === 'Prototype on nightly')!;
    const done = must(core, 'history.list', { entity: 'milestone', id: prototype.id }).find(
      (c) => c.field === 'state' && c.value === 'done',
    )!;
    const day = done.at.slice(0, 10);
    expect(sprints[1]!.startDate <= day && day <= sprints[1]!.endDate).toBe(true);

    // Later edits carry later timestamps, and the services' clock is the real one again.
    const before = all<{ hlc: string }>(core, 'SELECT max(hlc) AS hlc FROM changes')[0]!.hlc;
    must(core, 'people.create', { name: 'Newcomer' });
    expect(all<{ hlc: string }>(core, 'SELECT max(hlc) AS hlc FROM changes')[0]!.hlc > before).toBe(true);
    expect(Math.abs(core.workspace.now().getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('refuses a second load and changes nothing', async () => {
    const core = await loaded();
    const before = dump(core.workspace.db);
    const error = refused(core, 'workspace.loadExample', {});
    expect(error.code).toBe('rule_violation');
    expect(dump(core.workspace.db)).toBe(before);
  });

  it('is the same story for the same day, whatever day that is', async () => {
    const story = (core: Core) =>
      JSON.stringify([
        all(core, 'SELECT number, start_date, end_date, status, meeting_at FROM sprints ORDER BY number'),
        all(
          core,
          `SELECT s.number, g.title, g.outcome, g.rollover_count, g.estimate FROM sprint_goals g
             JOIN sprints s ON s.id = g.sprint_id ORDER BY s.number, g.position`,
        ),
        all(core, 'SELECT title, status, created_at FROM polish_issues ORDER BY created_at, title'),
        all(core, 'SELECT started_at, ended_at, seconds_spent FROM meetings ORDER BY started_at'),
      ]);
    // A day whose history crosses the end of US summer time (2 November 2025).
    const day = new Date('2025-11-20T12:00:00Z');
    const [a, b] = [await loaded(day), await loaded(day)];
    expect(story(a)).toBe(story(b));
    const active = must(a, 'sprints.list', {}).at(-1)!;
    const today = format(day, 'yyyy-MM-dd');
    expect(active.startDate <= today && today <= active.endDate).toBe(true);
    expect(
      all<{ created_at: string }>(a, 'SELECT created_at FROM polish_issues').every(
        (p) => p.created_at <= day.toISOString(),
      ),
    ).toBe(true);
  });
});
