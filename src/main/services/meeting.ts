/**
 * The sprint meeting's saved state: its step, attendees, timeboxes and the time spent per step.
 * Every move is written at once, so a meeting resumes where it was after a quit or a reload.
 */
import { differenceInSeconds } from 'date-fns/differenceInSeconds';
import type { ParsedInput } from '../../shared/contract.ts';
import { MEETING_STEPS, type Attendee, type Meeting, type MeetingStep } from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { undoAction } from '../store/undo.ts';
import { actionId, current, decodeRow, insert, stmt, update } from '../store/write.ts';
import { DomainError, notFound } from './errors.ts';
import { requireRows } from './rules.ts';
import { meetingIdFor } from '../sync/natural-ids.ts';
import { closeActiveSprint, getSprint } from './sprints.ts';

const perStep = <T>(value: T) =>
  Object.fromEntries(MEETING_STEPS.map((s) => [s, value])) as Record<MeetingStep, T>;

export function getMeetingOfSprint(ws: Workspace, { sprintId }: ParsedInput<'meeting.get'>): Meeting | null {
  const row = stmt(ws.db, `${selectSql('meeting')} WHERE t.sprint_id = ?`).get(sprintId) as
    Record<string, unknown> | undefined;
  return row ? decodeRow('meeting', row) : null;
}

function getMeeting(ws: Workspace, id: string): Meeting {
  const row = current(ws, 'meeting', id);
  if (!row) throw notFound(ws, 'Meeting', id, 'id');
  return row;
}

function requireOpen(meeting: Meeting): void {
  if (meeting.endedAt) throw new DomainError('rule_violation', 'This meeting has ended', 'id');
}

/** Goal owners are pre-listed; those named are marked present. */
function defaultAttendees(ws: Workspace, presentIds: readonly string[]): Attendee[] {
  const owners = (
    stmt(
      ws.db,
      `SELECT id FROM people WHERE EXISTS (SELECT 1 FROM json_each(roles) WHERE value = 'goal owner') ORDER BY name COLLATE NOCASE`,
    ).all() as {
      id: string;
    }[]
  ).map((r) => r.id);
  const ids = [...new Set([...owners, ...presentIds])];
  return ids.map((personId) => ({ personId, present: presentIds.includes(personId) }));
}

/** Starts the meeting of the active sprint, or returns the one already under way. */
export function startMeeting(ws: Workspace, input: ParsedInput<'meeting.start'>): Meeting {
  const sprint = getSprint(ws, input.sprintId, 'sprintId');
  const existing = getMeetingOfSprint(ws, { sprintId: sprint.id });
  if (existing) {
    requireOpen(existing);
    return existing;
  }
  if (sprint.status !== 'active') {
    throw new DomainError(
      'rule_violation',
      `Sprint ${sprint.number} isn't the active sprint; its meeting can't start`,
      'sprintId',
    );
  }
  requireRows(ws, 'people', 'Person', input.attendeeIds, 'attendeeIds');
  const now = ws.now().toISOString();
  const id = insert(
    ws,
    'meeting',
    {
      sprintId: sprint.id,
      step: 'retrospective',
      attendees: defaultAttendees(ws, input.attendeeIds ?? []),
      timeboxes: { ...perStep(null), ...input.timeboxes },
      secondsSpent: perStep(0),
      stepStartedAt: now,
      startedAt: now,
      endedAt: null,
    },
    meetingIdFor(sprint.id),
  );
  return getMeeting(ws, id);
}

export function updateMeeting(
  ws: Workspace,
  { id, attendees, timeboxes }: ParsedInput<'meeting.update'>,
): Meeting {
  const meeting = getMeeting(ws, id);
  requireOpen(meeting);
  requireRows(
    ws,
    'people',
    'Person',
    attendees?.map((a) => a.personId),
    'attendees',
  );
  const patch = { attendees, timeboxes: timeboxes ? { ...meeting.timeboxes, ...timeboxes } : undefined };
  return update(ws, 'meeting', id, patch, meeting);
}

/** The time spent so far, with the current visit of the current step added in. */
function spentUntilNow(ws: Workspace, meeting: Meeting): Record<MeetingStep, number> {
  const elapsed = Math.max(0, differenceInSeconds(ws.now(), new Date(meeting.stepStartedAt)));
  return { ...meeting.secondsSpent, [meeting.step]: (meeting.secondsSpent[meeting.step] ?? 0) + elapsed };
}

export function goToStep(ws: Workspace, { id, step }: ParsedInput<'meeting.goTo'>): Meeting {
  const meeting = getMeeting(ws, id);
  requireOpen(meeting);
  if (step === meeting.step) return meeting;
  update(ws, 'meeting', id, {
    secondsSpent: spentUntilNow(ws, meeting),
    step,
    stepStartedAt: ws.now().toISOString(),
  });
  return getMeeting(ws, id);
}

/** Ends the meeting: records the time spent, closes the ending sprint, makes the next active. */
export function endMeeting(ws: Workspace, id: string): Meeting {
  const meeting = getMeeting(ws, id);
  requireOpen(meeting);
  update(ws, 'meeting', id, { secondsSpent: spentUntilNow(ws, meeting), endedAt: ws.now().toISOString() });
  if (getSprint(ws, meeting.sprintId).status === 'active') closeActiveSprint(ws);
  return getMeeting(ws, id);
}

/**
 * Makes the call being written an action of meeting `id` (which must be under way), recorded as
 * `method`: what the meeting's undo may take back. Returns the meeting.
 */
export function recordAsMeetingAction(ws: Workspace, id: string, method: string): Meeting {
  const meeting = getMeeting(ws, id);
  requireOpen(meeting);
  if (ws.action) Object.assign(ws.action, { method, meetingId: id });
  return meeting;
}

/**
 * Takes back the last action of this meeting (an outcome, a note, a vote, polish done…): only
 * actions recorded with it, never an edit made elsewhere meanwhile. Answers the method that was
 * undone (null when there is nothing left to undo) and the meeting as it is now.
 */
export function undoLastAction(ws: Workspace, id: string): { undone: string | null; meeting: Meeting } {
  const meeting = getMeeting(ws, id);
  requireOpen(meeting);
  const last = stmt(
    ws.db,
    'SELECT id, method FROM actions WHERE meeting_id = ? AND undone_by IS NULL ORDER BY id DESC LIMIT 1',
  ).get(id) as { id: number; method: string } | undefined;
  if (!last) return { undone: null, meeting };
  undoAction(ws, last.id);
  const undo = actionId(ws);
  stmt(ws.db, 'UPDATE actions SET undoes = ? WHERE id = ?').run(last.id, undo);
  stmt(ws.db, 'UPDATE actions SET undone_by = ? WHERE id = ?').run(undo, last.id);
  // Read again: the undo may have taken back a change of the meeting itself (its attendees…).
  return { undone: last.method, meeting: getMeeting(ws, id) };
}
