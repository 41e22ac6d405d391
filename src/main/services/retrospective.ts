/**
 * The retrospective step: the ending sprint's goals per owner, the action items that come back,
 * the notes, and what changed on the roadmap during the sprint — read from the change log.
 */
import { TZDate } from '@date-fns/tz';
import type { ParsedInput } from '../../shared/contract.ts';
import {
  RETRO_COLUMNS,
  type ActionItem,
  type PolishIssue,
  type RetroColumn,
  type RetroNote,
  type Sprint,
  type State,
} from '../../shared/domain.ts';
import type {
  EnteredBeforehand,
  MilestoneDone,
  OwnerGoals,
  RetrospectiveView,
  RoadmapChange,
  SprintBounds,
} from '../../shared/meeting-views.ts';
import type { Workspace } from '../db/open.ts';
import { parseHlc } from '../store/hlc.ts';
import { selectSql } from '../store/read.ts';
import { decodeRow, stmt } from '../store/write.ts';
import { getMeetingOfSprint } from './meeting.ts';
import { listRetroNotes } from './retro-notes.ts';
import { addCalendarDays } from '../../shared/sprint-dates.ts';
import { getSprint } from './sprints.ts';

type Row = Record<string, unknown>;

/** 00:00 of a `yyyy-MM-dd` day in `zone`, as epoch ms. */
function midnight(date: string, zone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day, 0, 0, 0, zone).getTime();
}

/** The sprint's first day 00:00 to the end of its last day, in its meeting zone (else UTC). */
export function sprintBounds(
  sprint: Pick<Sprint, 'startDate' | 'endDate' | 'meetingTimeZone'>,
): SprintBounds {
  const timeZone = sprint.meetingTimeZone ?? 'UTC';
  const from = midnight(sprint.startDate, timeZone);
  const to = midnight(addCalendarDays(sprint.endDate, 1), timeZone);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), timeZone };
}

/**
 * The instants a sprint's retrospective reviews: its days — but from the close of the sprint
 * before if that came before its first day (this one was active from then on), and up to its own
 * close if that came before its last day ended (what follows is the next sprint's). The closes
 * are read off the change log: their first change of status to closed.
 */
export function reviewBounds(ws: Workspace, sprint: Sprint): SprintBounds {
  const days = sprintBounds(sprint);
  const closes = stmt(
    ws.db,
    `SELECT s.number, min(c.hlc) FROM sprints s
       JOIN changes c ON c.entity_id = s.id AND c.field = 'status' AND c.value = '"closed"'
      WHERE s.number IN (?, ?) GROUP BY s.number`,
  )
    .raw()
    .all(sprint.number - 1, sprint.number) as [number, string][];
  const closedAt = (number: number) => {
    const hlc = closes.find(([n]) => n === number)?.[1];
    return hlc === undefined ? null : instant(hlc);
  };
  const earlier = (a: string | null, b: string) => (a !== null && Date.parse(a) < Date.parse(b) ? a : b);
  return {
    ...days,
    from: earlier(closedAt(sprint.number - 1), days.from),
    to: earlier(closedAt(sprint.number), days.to),
  };
}

/**
 * The bounds as clock-timestamp prefixes: an HLC starts with its 13-digit wall time, so
 * `hlc >= from AND hlc < to` selects the changes made in [from, to) — a range of the
 * `changes_by_stamp` index.
 */
export function hlcRange(bounds: SprintBounds): [from: string, to: string] {
  const prefix = (iso: string) => String(new Date(iso).getTime()).padStart(13, '0');
  return [prefix(bounds.from), prefix(bounds.to)];
}

const toSprintGoal = (row: Row) => decodeRow('sprintGoal', row);
const toActionItem = (row: Row) => decodeRow('actionItem', row);
const instant = (hlc: string) => new Date(parseHlc(hlc).wall).toISOString();

/** The sprint's goals per owner: owners by name, goals nobody owns last, each in position order. */
export function goalsByOwner(ws: Workspace, sprintId: string): OwnerGoals[] {
  const rows = stmt(
    ws.db,
    `${selectSql('sprintGoal')} LEFT JOIN people p ON p.id = t.owner_id WHERE t.sprint_id = ?
       ORDER BY p.id IS NULL, p.name COLLATE NOCASE, p.id, t.position, t.id`,
  ).all(sprintId) as Row[];
  const groups: OwnerGoals[] = [];
  for (const goal of rows.map(toSprintGoal)) {
    const last = groups.at(-1);
    if (last && last.ownerId === goal.ownerId) last.goals.push(goal);
    else groups.push({ ownerId: goal.ownerId, goals: [goal] });
  }
  return groups;
}

/**
 * Action items raised at retrospectives before this sprint that were still open when it began:
 * open now, or done during this sprint or a later one. Oldest sprint first.
 */
export function earlierActionItems(ws: Workspace, sprint: Sprint): ActionItem[] {
  const rows = stmt(
    ws.db,
    // The open ones by status, the others by the sprints they were done in (this one and
    // later): two index seeks, rather than a scan of every earlier sprint's action items.
    `${selectSql('actionItem')} JOIN sprints s ON s.id = t.sprint_id
       WHERE s.number < ? AND t.id IN (
         SELECT id FROM action_items WHERE status = 'open'
         UNION ALL
         SELECT a.id FROM sprints d JOIN action_items a ON a.done_sprint_id = d.id WHERE d.number >= ?)
       ORDER BY s.number, t.id`,
  ).all(sprint.number, sprint.number) as Row[];
  return rows.map(toActionItem);
}

/** Action items raised at this sprint's retrospective, in the order they were raised. */
export function actionItemsOf(ws: Workspace, sprintId: string): ActionItem[] {
  const rows = stmt(ws.db, `${selectSql('actionItem')} WHERE t.sprint_id = ? ORDER BY t.id`).all(
    sprintId,
  ) as Row[];
  return rows.map(toActionItem);
}

export function notesByColumn(ws: Workspace, sprintId: string): Record<RetroColumn, RetroNote[]> {
  const notes = Object.fromEntries(RETRO_COLUMNS.map((c) => [c, [] as RetroNote[]])) as Record<
    RetroColumn,
    RetroNote[]
  >;
  for (const note of listRetroNotes(ws, { sprintId })) notes[note.column].push(note);
  return notes;
}

/** Polish recorded as done in the sprint, in the order it was marked done. */
export function polishDoneIn(ws: Workspace, sprintId: string): PolishIssue[] {
  const rows = stmt(
    ws.db,
    `SELECT p.* FROM (${selectSql('polishIssue')} WHERE t.done_sprint_id = ?) p
      ORDER BY (SELECT max(c.hlc) FROM changes c WHERE c.entity_id = p.id AND c.field = 'status'), p.createdAt, p.id`,
  ).all(sprintId) as Row[];
  return rows.map((row) => decodeRow('polishIssue', row));
}

/** State changes in `[from, to)` of the clock-timestamp prefixes (exported for its query-plan test). */
export const ROADMAP_CHANGES_SQL = `SELECT c.entity, c.entity_id AS id, c.value, c.hlc, c.replica_id AS replicaId,
        (SELECT p.value FROM changes p WHERE p.entity_id = c.entity_id AND p.field = 'state' AND p.hlc < c.hlc
          ORDER BY p.hlc DESC LIMIT 1) AS before,
        coalesce(g.title, i.title, m.title,
          (SELECT json_extract(n.value, '$') FROM changes n WHERE n.entity_id = c.entity_id AND n.field = 'title'
            ORDER BY n.hlc DESC LIMIT 1)) AS title,
        m.initiative_id AS initiativeId, mi.title AS initiativeTitle
       FROM changes c
       LEFT JOIN goals g ON c.entity = 'goal' AND g.id = c.entity_id
       LEFT JOIN initiatives i ON c.entity = 'initiative' AND i.id = c.entity_id
       LEFT JOIN milestones m ON c.entity = 'milestone' AND m.id = c.entity_id
       LEFT JOIN initiatives mi ON mi.id = m.initiative_id
       WHERE c.hlc >= ? AND c.hlc < ? AND c.field = 'state' AND c.entity IN ('goal', 'initiative', 'milestone')
       ORDER BY c.hlc`;

interface ChangeRow {
  entity: RoadmapChange['entity'];
  id: string;
  value: string;
  before: string | null;
  hlc: string;
  replicaId: string;
  title: string | null;
  initiativeId: string | null;
  initiativeTitle: string | null;
}

/**
 * State changes of goals, initiatives and milestones within the sprint's bounds, oldest first:
 * one range scan of the change log by clock timestamp. The state before is the item's previous
 * logged state (by timestamp, as the item history reads it: one seek of
 * `changes_by_field`); the title is the item's current one, or its last logged one when it has
 * been deleted since.
 */
export function roadmapChanges(
  ws: Workspace,
  bounds: SprintBounds,
): { changes: RoadmapChange[]; milestonesDone: MilestoneDone[] } {
  const [from, to] = hlcRange(bounds);
  const rows = stmt(ws.db, ROADMAP_CHANGES_SQL).all(from, to) as ChangeRow[];
  const changes: RoadmapChange[] = [];
  const milestonesDone: MilestoneDone[] = [];
  for (const row of rows) {
    const next = JSON.parse(row.value) as State;
    const previous = row.before === null ? null : (JSON.parse(row.before) as State);
    if (previous === next) continue; // a merge that re-wrote the same state changes nothing
    const at = instant(row.hlc);
    const title = row.title ?? '';
    changes.push({
      entity: row.entity,
      id: row.id,
      title,
      from: previous,
      to: next,
      at,
      replicaId: row.replicaId,
    });
    if (row.entity === 'milestone' && next === 'done') {
      milestonesDone.push({
        id: row.id,
        title,
        initiativeId: row.initiativeId,
        initiativeTitle: row.initiativeTitle,
        at,
        replicaId: row.replicaId,
      });
    }
  }
  return { changes, milestonesDone };
}

interface ShownChange {
  id: string;
  field: EnteredBeforehand['field'];
  value: string | null;
  hlc: string;
  replicaId: string;
  personId: string | null;
}

/**
 * The sprint's outcomes, outcome notes and note texts whose shown value was entered on another
 * installation, or here before the meeting started (`startedAt`; null: no meeting yet, so nothing
 * here counts), with whose that installation is. The shown value is the field's newest change: one seek of `changes_by_field`
 * per field.
 */
export function enteredBeforehand(
  ws: Workspace,
  sprintId: string,
  startedAt: string | null,
): Record<string, EnteredBeforehand[]> {
  const rows = stmt(
    ws.db,
    `SELECT x.id, f.field, c.value, c.hlc, c.replica_id AS replicaId, r.person_id AS personId
       FROM (SELECT id, 'sprintGoal' AS entity FROM sprint_goals WHERE sprint_id = ?
             UNION ALL SELECT id, 'retroNote' FROM retro_notes WHERE sprint_id = ?) x
       JOIN (SELECT 'sprintGoal' AS entity, 'outcome' AS field, 1 AS ord
             UNION ALL SELECT 'sprintGoal', 'outcomeNote', 2 UNION ALL SELECT 'retroNote', 'text', 3) f
         ON f.entity = x.entity
       JOIN changes c ON c.hlc = (SELECT max(l.hlc) FROM changes l WHERE l.entity_id = x.id AND l.field = f.field)
       LEFT JOIN replicas r ON r.id = c.replica_id
      ORDER BY x.id, f.ord`,
  ).all(sprintId, sprintId) as ShownChange[];
  const started = startedAt === null ? -Infinity : Date.parse(startedAt);
  const found: Record<string, EnteredBeforehand[]> = {};
  for (const row of rows) {
    const value: unknown = row.value === null ? null : JSON.parse(row.value);
    if (value === null || value === '') continue; // none, or cleared: nothing was entered
    const wall = parseHlc(row.hlc).wall;
    if (wall >= started && row.replicaId === ws.replicaId) continue; // entered here, at the meeting
    (found[row.id] ??= []).push({
      field: row.field,
      personId: row.personId,
      replicaId: row.replicaId,
      at: instant(row.hlc),
      atTheMeeting: wall >= started,
    });
  }
  return found;
}

/**
 * The retrospective of a sprint. `startedAt`, when the caller has the sprint's meeting at hand (a
 * meeting action's redraw), saves reading it again; otherwise it is read.
 */
export function retrospectiveView(
  ws: Workspace,
  { sprintId }: ParsedInput<'retrospective.view'>,
  startedAt?: string | null,
): RetrospectiveView {
  const sprint = getSprint(ws, sprintId, 'sprintId');
  const bounds = reviewBounds(ws, sprint);
  const { changes, milestonesDone } = roadmapChanges(ws, bounds);
  return {
    sprint,
    goalsByOwner: goalsByOwner(ws, sprint.id),
    earlierActionItems: earlierActionItems(ws, sprint),
    actionItems: actionItemsOf(ws, sprint.id),
    notes: notesByColumn(ws, sprint.id),
    bounds,
    roadmapChanges: changes,
    milestonesDone,
    polishDone: polishDoneIn(ws, sprint.id).map(({ id, title, assigneeId }) => ({ id, title, assigneeId })),
    beforehand: enteredBeforehand(
      ws,
      sprint.id,
      startedAt !== undefined
        ? startedAt
        : (getMeetingOfSprint(ws, { sprintId: sprint.id })?.startedAt ?? null),
    ),
  };
}
