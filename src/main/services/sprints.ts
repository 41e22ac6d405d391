/**
 * Sprints: two weeks each, numbered, following each other with no gap and no overlap. Exactly
 * one is active once the first exists; closing it makes the next one active.
 */
// Per-function imports: the package's index costs seconds to load in Node.
import { addDays } from 'date-fns/addDays';
import { TZDate } from '@date-fns/tz';
import type { ParsedInput } from '../../shared/contract.ts';
import type { Sprint } from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { current, decodeRow, insert, stmt, update } from '../store/write.ts';
import { DomainError, notFound } from './errors.ts';
import { sprintIdFor } from '../sync/natural-ids.ts';
import { SPRINT_DAYS, addCalendarDays, sprintEnd } from '../../shared/sprint-dates.ts';

/** The same wall-clock time two weeks later in the organiser's zone, across DST changes. */
export function nextMeetingAt(meetingAt: string, timeZone: string): string {
  return new Date(addDays(new TZDate(meetingAt, timeZone), SPRINT_DAYS).getTime()).toISOString();
}

const toSprint = (row: Record<string, unknown>) => decodeRow('sprint', row);

export function listSprints(ws: Workspace): Sprint[] {
  return (stmt(ws.db, `${selectSql('sprint')} ORDER BY t.number`).all() as Record<string, unknown>[]).map(
    toSprint,
  );
}

export function getSprint(ws: Workspace, id: string, field = 'id'): Sprint {
  const row = current(ws, 'sprint', id);
  if (!row) throw notFound(ws, 'Sprint', id, field);
  return row;
}

export function activeSprint(ws: Workspace): Sprint | null {
  const row = stmt(ws.db, `${selectSql('sprint')} WHERE t.status = 'active'`).get() as
    Record<string, unknown> | undefined;
  return row ? toSprint(row) : null;
}

function lastSprint(ws: Workspace): Sprint | null {
  const row = stmt(ws.db, `${selectSql('sprint')} ORDER BY t.number DESC LIMIT 1`).get() as
    Record<string, unknown> | undefined;
  return row ? toSprint(row) : null;
}

export function createNextSprint(ws: Workspace, input: ParsedInput<'sprints.createNext'>): Sprint {
  const last = lastSprint(ws);
  const startDate = last ? addCalendarDays(last.endDate, 1) : input.startDate;
  if (!startDate)
    throw new DomainError('invalid_input', 'startDate: the first sprint needs a start date', 'startDate');
  if (last && input.startDate && input.startDate !== startDate) {
    throw new DomainError(
      'rule_violation',
      `Start date: sprint ${last.number + 1} starts on ${startDate}, the day after sprint ${last.number} ends`,
      'startDate',
    );
  }
  const meetingTimeZone = input.meetingTimeZone ?? last?.meetingTimeZone ?? null;
  if (input.meetingAt && !meetingTimeZone) throw needsZone();
  const meetingAt =
    input.meetingAt ??
    (last?.meetingAt && last.meetingTimeZone ? nextMeetingAt(last.meetingAt, last.meetingTimeZone) : null);
  const number = (last?.number ?? 0) + 1;
  const id = insert(
    ws,
    'sprint',
    {
      number,
      startDate,
      endDate: sprintEnd(startDate),
      status: activeSprint(ws) ? 'planned' : 'active',
      meetingAt: meetingAt && new Date(meetingAt).toISOString(),
      meetingTimeZone,
    },
    sprintIdFor(number),
  );
  return getSprint(ws, id);
}

const needsZone = () =>
  new DomainError(
    'invalid_input',
    "meetingTimeZone: a meeting time needs the organiser's time zone",
    'meetingTimeZone',
  );

export function updateSprint(ws: Workspace, { id, ...patch }: ParsedInput<'sprints.update'>): Sprint {
  const sprint = getSprint(ws, id);
  const zone = patch.meetingTimeZone !== undefined ? patch.meetingTimeZone : sprint.meetingTimeZone;
  const at = patch.meetingAt !== undefined ? patch.meetingAt : sprint.meetingAt;
  if (at && !zone) throw needsZone();
  const meetingAt = patch.meetingAt && new Date(patch.meetingAt).toISOString();
  update(ws, 'sprint', id, { ...patch, ...(meetingAt ? { meetingAt } : {}) });
  return getSprint(ws, id);
}

/** The sprint with this number, or null (`sprints.byNumber`). */
export function sprintNumbered(ws: Workspace, number: number): Sprint | null {
  const row = stmt(ws.db, `${selectSql('sprint')} WHERE t.number = ?`).get(number) as
    Record<string, unknown> | undefined;
  return row ? decodeRow('sprint', row) : null;
}

/** Closes the active sprint; the next one (created when missing) becomes active. */
export function closeActiveSprint(ws: Workspace): Sprint {
  const active = activeSprint(ws);
  if (!active) throw new DomainError('rule_violation', 'There is no active sprint to close');
  update(ws, 'sprint', active.id, { status: 'closed' });
  const next = sprintNumbered(ws, active.number + 1);
  if (!next) return createNextSprint(ws, {});
  update(ws, 'sprint', next.id, { status: 'active' });
  return getSprint(ws, next.id);
}

/** Makes the earliest planned sprint active, when no sprint is. */
export function activateSprint(ws: Workspace, id: string): Sprint {
  const sprint = getSprint(ws, id);
  const active = activeSprint(ws);
  if (active)
    throw new DomainError(
      'rule_violation',
      `Sprint ${active.number} is already active; close it first`,
      'id',
    );
  const earliest = stmt(
    ws.db,
    `SELECT number FROM sprints WHERE status = 'planned' ORDER BY number LIMIT 1`,
  ).get() as { number: number } | undefined;
  if (sprint.status !== 'planned' || earliest?.number !== sprint.number) {
    throw new DomainError('rule_violation', `Only the earliest planned sprint can become active`, 'id');
  }
  update(ws, 'sprint', id, { status: 'active' });
  return getSprint(ws, id);
}
