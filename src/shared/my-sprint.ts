/**
 * What the "My sprint" page shows: one person's part of the active sprint, read in one call, so an
 * owner can prepare the meeting on their own machine (offline) and the meeting confirms it.
 */
import type { Initiative, Milestone, PolishIssue, RetroNote, Sprint, SprintGoal } from './domain.ts';

/** A milestone with the initiative it belongs to. */
export interface MyMilestone extends Milestone {
  initiativeTitle: string;
}

export interface MySprintView {
  /** The person this installation belongs to; null until they say who they are. */
  personId: string | null;
  /** The active sprint, or null when there is none. */
  sprint: Sprint | null;
  /** Their sprint goals in the active sprint, in position order. */
  sprintGoals: SprintGoal[];
  /**
   * The initiatives they own, in roadmap order: those not done, and those done since the active
   * sprint began (by their last change of state).
   */
  initiatives: Initiative[];
  /**
   * The milestones of the initiatives they own and those they take part in, in roadmap order: those
   * not done, and those done since the active sprint began.
   */
  milestones: MyMilestone[];
  /** How many of their initiatives and milestones are left out, done before the active sprint began (or, with none active, done). */
  doneBefore: { initiatives: number; milestones: number };
  /** The polish issues assigned to them: open or in progress, and those done in the active sprint. */
  polish: PolishIssue[];
  /** The notes for the active sprint's retrospective written on their installations, in position order. */
  notes: RetroNote[];
}
