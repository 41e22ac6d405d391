/**
 * A meeting step's view, read in the same call as what shows it: the meeting opening (the step
 * it is at), or the write or the undo that changed it — the step draws from the answer, so
 * opening the meeting is one read and each action of the meeting one call.
 */
import type { Meeting, MeetingStep } from '../../shared/domain.ts';
import type { CurrentMeeting, StepRedraw } from '../../shared/meeting-views.ts';
import type { Workspace } from '../db/open.ts';
import { sprintSummary } from '../markdown/sprint-summary.ts';
import { planningView } from './planning.ts';
import { polishView } from './polish-view.ts';
import { retrospectiveView } from './retrospective.ts';
import { getMeetingOfSprint } from './meeting.ts';
import { activeSprint, getSprint, sprintNumbered } from './sprints.ts';

/**
 * The view `step` of `meeting` shows: the retrospective, polish and summary of its sprint, the
 * plan of the sprint after it (null while that sprint doesn't exist).
 */
export function stepRedraw(ws: Workspace, meeting: Meeting, step: MeetingStep): StepRedraw | null {
  switch (step) {
    case 'retrospective':
      return { step, view: retrospectiveView(ws, { sprintId: meeting.sprintId }, meeting.startedAt) };
    case 'polish':
      return { step, view: polishView(ws, { sprintId: meeting.sprintId }) };
    case 'plan': {
      const next = sprintNumbered(ws, getSprint(ws, meeting.sprintId).number + 1);
      return next ? { step, view: planningView(ws, { sprintId: next.id }) } : null;
    }
    case 'wrap-up':
      return { step, view: sprintSummary(ws, meeting.sprintId) };
  }
}

/**
 * The active sprint with its meeting, the sprint after it, the meeting held before it, and the
 * view of the step the meeting is at (while it is under way).
 */
export function currentMeeting(ws: Workspace): CurrentMeeting {
  const sprint = activeSprint(ws);
  if (!sprint) return { sprint: null, meeting: null, nextSprint: null, previous: null, step: null };
  const before = sprintNumbered(ws, sprint.number - 1);
  const previousMeeting = before ? getMeetingOfSprint(ws, { sprintId: before.id }) : null;
  const meeting = getMeetingOfSprint(ws, { sprintId: sprint.id });
  return {
    sprint,
    meeting,
    nextSprint: sprintNumbered(ws, sprint.number + 1),
    previous: before && previousMeeting ? { sprint: before, meeting: previousMeeting } : null,
    step: meeting && !meeting.endedAt ? stepRedraw(ws, meeting, meeting.step) : null,
  };
}
