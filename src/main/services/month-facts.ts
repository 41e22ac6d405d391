/**
 * What the workspace knows of one month, for its monthly update: the sprints that ended in it
 * and their goals, the roadmap's state changes and milestones reached (from the change log),
 * polish done, what's next, the polls open during it, and the stakeholders.
 */
import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns/addMonths';
import { endOfMonth } from 'date-fns/endOfMonth';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import type { Goal, Initiative, Person, PolishIssue, Sprint, SprintGoal } from '../../shared/domain.ts';
import type { DueMilestone, MilestoneDone, RoadmapChange, SprintBounds } from '../../shared/meeting-views.ts';
import type { PollView } from '../../shared/stakeholder-views.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { decodeRow, stmt } from '../store/write.ts';
import { listGoals } from './goals.ts';
import { listInitiatives } from './initiatives.ts';
import { listPeople } from './people.ts';
import { dueMilestones } from './planning.ts';
import { pollView } from './polls.ts';
import { polishDoneIn, roadmapChanges } from './retrospective.ts';
import { activeSprint, listSprints } from './sprints.ts';

type Row = Record<string, unknown>;

export interface EndedSprint {
  sprint: Sprint;
  /** In position order; `carriedOver`: copied into a later sprint. */
  goals: (SprintGoal & { carriedOver: boolean })[];
  polishDone: PolishIssue[];
}

export interface MonthFacts {
  /** `yyyy-MM`. */
  month: string;
  /** `March 2026`. */
  label: string;
  /** The first and last day, `yyyy-MM-dd`. */
  firstDay: string;
  lastDay: string;
  bounds: SprintBounds;
  ended: EndedSprint[];
  changes: RoadmapChange[];
  milestonesDone: MilestoneDone[];
  goals: Goal[];
  initiatives: Initiative[];
  people: Person[];
  /** The sprint after those that ended (the active one, or the next planned). */
  next: { sprint: Sprint; goals: SprintGoal[]; due: DueMilestone[] } | null;
  /** Polls open at some time during the month, oldest first. */
  polls: PollView[];
}

/** The month's first instant to the next month's, in `timeZone`. */
export function monthBounds(month: string, timeZone: string): SprintBounds {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const from = new TZDate(year, number - 1, 1, 0, 0, 0, timeZone);
  const to = new TZDate(addMonths(from, 1), timeZone);
  return { from: new Date(from.getTime()).toISOString(), to: new Date(to.getTime()).toISOString(), timeZone };
}

/** The zone the month is read in: the one given, else the active sprint's meeting zone, else UTC. */
export function monthZone(ws: Workspace, timeZone?: string): string {
  return timeZone ?? activeSprint(ws)?.meetingTimeZone ?? 'UTC';
}

function sprintGoalsOf(ws: Workspace, sprintId: string): EndedSprint['goals'] {
  const rows = stmt(
    ws.db,
    `SELECT g.*, EXISTS (SELECT 1 FROM sprint_goals c WHERE c.carried_over_from_id = g.id) AS carriedOver
       FROM (${selectSql('sprintGoal')} WHERE t.sprint_id = ?) g ORDER BY g.position, g.id`,
  ).all(sprintId) as Row[];
  return rows.map((row) => ({ ...decodeRow('sprintGoal', row), carriedOver: row.carriedOver === 1 }));
}

function pollsDuring(ws: Workspace, firstDay: string, lastDay: string): PollView[] {
  const rows = stmt(
    ws.db,
    `${selectSql('poll')} WHERE t.opens_on <= ? AND (t.closes_on IS NULL OR t.closes_on >= ?) ORDER BY t.opens_on, t.id`,
  ).all(lastDay, firstDay) as Row[];
  return rows.map((row) => pollView(ws, decodeRow('poll', row)));
}

export function monthFacts(ws: Workspace, month: string, timeZone?: string): MonthFacts {
  const zone = monthZone(ws, timeZone);
  const bounds = monthBounds(month, zone);
  const firstDay = `${month}-01`;
  const lastDay = format(endOfMonth(parseISO(firstDay)), 'yyyy-MM-dd');
  const sprints = listSprints(ws);
  const ended = sprints
    .filter((s) => s.status !== 'planned' && s.endDate >= firstDay && s.endDate <= lastDay)
    .map((sprint) => ({
      sprint,
      goals: sprintGoalsOf(ws, sprint.id),
      polishDone: polishDoneIn(ws, sprint.id),
    }));
  const lastEnded = ended.at(-1)?.sprint.number ?? 0;
  const nextSprint =
    sprints.find((s) => s.status !== 'closed' && s.number > lastEnded && s.endDate > lastDay) ??
    sprints.find((s) => s.status !== 'closed' && s.number > lastEnded) ??
    null;
  const next = nextSprint
    ? {
        sprint: nextSprint,
        goals: sprintGoalsOf(ws, nextSprint.id),
        due: dueMilestones(ws, nextSprint),
      }
    : null;
  const { changes, milestonesDone } = roadmapChanges(ws, bounds);
  return {
    month,
    label: format(parseISO(firstDay), 'MMMM yyyy'),
    firstDay,
    lastDay,
    bounds,
    ended,
    changes,
    milestonesDone,
    goals: listGoals(ws),
    initiatives: listInitiatives(ws, {}),
    people: listPeople(ws),
    next,
    polls: pollsDuring(ws, firstDay, lastDay),
  };
}
