/** The meeting's words: step and column names, and how an action is named in the status line. */
import { OUTCOMES, type MeetingStep } from '../../../shared/domain.ts';
import { OUTCOME_KEYS } from '../../../shared/words.ts';

export const STEP_LABELS: Record<MeetingStep, string> = {
  retrospective: 'Retrospective',
  polish: 'Polish',
  plan: 'Plan',
  'wrap-up': 'Wrap-up',
};

/** A title in quotes for the status line, shortened when long. */
export const quote = (text: string): string => `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;

/** Said after an undo when this window doesn't remember the action (e.g. after a reload). */
const UNDONE: Record<string, string> = {
  'sprintGoals.update': 'the change to a sprint goal',
  'sprintGoals.create': 'the new sprint goal',
  'sprintGoals.delete': 'removing a sprint goal',
  'sprintGoals.carryOver': 'the carry-over',
  'retroNotes.create': 'the new note',
  'retroNotes.update': 'the edit of a note',
  'retroNotes.delete': 'deleting a note',
  'retroNotes.vote': 'the vote',
  'actionItems.create': 'the new action item',
  'actionItems.update': 'the change to an action item',
  'actionItems.delete': 'deleting an action item',
  'polish.create': 'the new polish issue',
  'polish.update': 'the change to a polish issue',
  'polish.delete': 'deleting a polish issue',
  'capacities.set': 'the capacity change',
  'meeting.update': 'the change to attendees or timeboxes',
  'sprints.createNext': 'creating the next sprint',
};

export const describeUndone = (method: string): string => UNDONE[method] ?? method;

/** Minutes and seconds: `4:05`, `1:02:03` past an hour. */
export function clock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return hours ? `${hours}:${pad(minutes)}:${pad(s % 60)}` : `${minutes}:${pad(s % 60)}`;
}

/** A duration in words for the record: `12 min`, `1 h 5 min`, `40 s`. */
export function duration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export interface ShortcutGroup {
  title: string;
  rows: { action: string; keys: string[][] }[];
}

/** Every meeting key, for the `?` cheat sheet: each row's key combinations are alternatives. */
export function meetingShortcuts(mac: boolean): ShortcutGroup[] {
  const undo = mac ? ['⌘', 'Z'] : ['Ctrl', 'Z'];
  return [
    {
      title: 'Meeting',
      rows: [
        { action: 'Go to step 1–4', keys: [['1'], ['2'], ['3'], ['4']] },
        {
          action: 'Previous / next step',
          keys: [
            ['Alt', '←'],
            ['Alt', '→'],
          ],
        },
        { action: 'Undo the last meeting action', keys: [undo] },
        { action: 'Next / previous row', keys: [['J'], ['K'], ['↓'], ['↑']] },
      ],
    },
    {
      title: 'Retrospective',
      rows: [
        {
          action: `Outcome: ${OUTCOMES.join(', ')}`,
          keys: OUTCOMES.map((o) => [OUTCOME_KEYS[o].toUpperCase()]),
        },
        { action: 'Clear the outcome', keys: [['0']] },
        { action: "Write the goal's note (Enter saves)", keys: [['N'], ['Enter']] },
        { action: 'A new note (then Enter, and the next)', keys: [['N']] },
        { action: 'Vote for the note / take a vote back', keys: [['+'], ['−']] },
        { action: 'Edit / delete the note', keys: [['E'], ['Delete']] },
        { action: 'A new action item', keys: [['A']] },
        { action: 'Action item done / kept open', keys: [['D'], ['O']] },
      ],
    },
    {
      title: 'Polish',
      rows: [
        { action: "Done / won't fix", keys: [['D'], ['W']] },
        { action: 'Take for the next sprint (again: give back)', keys: [['T']] },
        { action: 'Reassign', keys: [['R']] },
        { action: 'Group by goal / assignee', keys: [['G']] },
        { action: 'Paste a link for a new issue', keys: [['L']] },
      ],
    },
    {
      title: 'Plan',
      rows: [
        { action: 'Carry the goal over', keys: [['C']] },
        { action: 'Add a sprint goal (Enter adds)', keys: [['A']] },
        { action: 'Remove the sprint goal', keys: [['Delete']] },
      ],
    },
    {
      title: 'Wrap-up',
      rows: [
        { action: 'Export the summary / copy it', keys: [['E'], ['C']] },
        { action: 'Close the meeting', keys: [['Shift', 'C']] },
      ],
    },
  ];
}
