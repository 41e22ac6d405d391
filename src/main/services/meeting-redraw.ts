/**
 * A meeting step's view, read in the same call as the write or the undo that changed it: the
 * step redraws from the answer, so one action of the meeting is one call.
 */
import type { Meeting, MeetingStep } from '../../shared/domain.ts';
import type { StepRedraw } from '../../shared/meeting-views.ts';
import type { Workspace } from '../db/open.ts';
import { sprintSummary } from '../markdown/sprint-summary.ts';
import { planningView } from './planning.ts';
import { polishView } from './polish-view.ts';
import { retrospectiveView } from './retrospective.ts';
import { getSprint, sprintNumbered } from './sprints.ts';

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
