/**
 * What the meeting's steps and the Sprints screen read: one call per screen, each answering
 * with everything that screen shows (people are referred to by id; the renderer has them).
 */
import type {
  ActionItem,
  Meeting,
  Outcome,
  PolishIssue,
  RetroColumn,
  RetroNote,
  Sprint,
  SprintGoal,
  State,
} from './domain.ts';

/** A sprint's goals of one owner (null: goals nobody owns), in position order. */
export interface OwnerGoals {
  ownerId: string | null;
  goals: SprintGoal[];
}

/**
 * The instants a sprint covers: its first day 00:00 to the end of its last day, in `timeZone` (a
 * retrospective's: from an earlier close of the meeting before, to an earlier close of its own).
 */
export interface SprintBounds {
  /** ISO instant, inclusive. */
  from: string;
  /** ISO instant, exclusive (the day after the last day, 00:00). */
  to: string;
  /** The sprint's meeting zone, or UTC when it has none. */
  timeZone: string;
}

/** A state change of a goal, an initiative or a milestone, read from the change log. */
export interface RoadmapChange {
  entity: 'goal' | 'initiative' | 'milestone';
  id: string;
  /** The item's title now (or its last title when it has since been deleted). */
  title: string;
  /** The state before; null when the item was created with `to`. */
  from: State | null;
  to: State;
  /** ISO instant read off the change's clock timestamp. */
  at: string;
  replicaId: string;
}

export interface MilestoneDone {
  id: string;
  title: string;
  initiativeId: string | null;
  initiativeTitle: string | null;
  at: string;
  replicaId: string;
}

/** A polish issue done in a sprint, as the retrospective lists it: its title and who did it. */
export type PolishDoneLine = Pick<PolishIssue, 'id' | 'title' | 'assigneeId'>;

/**
 * A field of a sprint goal or a note whose value was entered before the meeting, or at it on
 * another installation (see `beforehand`).
 */
export interface EnteredBeforehand {
  field: 'outcome' | 'outcomeNote' | 'text';
  /** Whose installation entered it; null when that installation hasn't said whose it is. */
  personId: string | null;
  replicaId: string;
  /** ISO instant read off the change's clock timestamp. */
  at: string;
  /** Entered once the meeting had started, on another installation: at the meeting, not before it. */
  atTheMeeting: boolean;
}

export interface RetrospectiveView {
  sprint: Sprint;
  /** Owners by name, goals nobody owns last. */
  goalsByOwner: OwnerGoals[];
  /**
   * Action items raised at earlier retrospectives that were still open when this sprint began:
   * open now, or done during this sprint or a later one (so one marked done at this meeting stays
   * on screen, checked).
   */
  earlierActionItems: ActionItem[];
  /** Action items raised at this sprint's retrospective. */
  actionItems: ActionItem[];
  /** This sprint's notes per column, in position order (the renderer sorts by votes). */
  notes: Record<RetroColumn, RetroNote[]>;
  bounds: SprintBounds;
  /** State changes within the sprint's bounds, oldest first. */
  roadmapChanges: RoadmapChange[];
  /** Milestones whose state became `done` within the sprint's bounds, oldest first. */
  milestonesDone: MilestoneDone[];
  /** Polish recorded as done in this sprint (its `doneSprintId`), oldest first. */
  polishDone: PolishDoneLine[];
  /**
   * By sprint goal or note id: its outcome, outcome note or text as entered before the meeting
   * started, or on another installation — what the meeting confirms rather than types.
   */
  beforehand: Record<string, EnteredBeforehand[]>;
}

export interface PolishTallyEntry {
  personId: string;
  count: number;
  /** Has the goal-owner role: listed even with 0, so an owner who did none shows. */
  goalOwner: boolean;
}

export interface PolishChartBar {
  sprintId: string;
  sprintNumber: number;
  /** Polish done per assignee (only people with at least one). */
  byPerson: Record<string, number>;
  /** Polish done with no assignee. */
  unassigned: number;
}

export interface PolishView {
  sprint: Sprint;
  /** Open and in-progress polish, oldest first (the renderer groups by goal or assignee). */
  issues: PolishIssue[];
  /** This sprint's polish done per person: most first, then by name. */
  tally: PolishTallyEntry[];
  /** This sprint's polish done with no assignee. */
  unassigned: number;
  /** Polish done per sprint, the last `lastSprints` sprints up to this one, oldest first. */
  chart: PolishChartBar[];
}

export type DefinitionGap = 'owner' | 'goal' | 'definition of done';

export interface NotWellDefined {
  sprintGoalId: string;
  missing: DefinitionGap[];
}

export interface Completion {
  /** Goals done. */
  done: number;
  /** Goals with an outcome other than `dropped`: done, partial or missed. */
  counted: number;
  /** done / counted, or null when nothing counts. */
  rate: number | null;
}

export interface OwnerPlan {
  /** null: the sprint goals nobody owns. */
  personId: string | null;
  /** Days available: this sprint's, else the last set before it (`isDefault`), else null. */
  capacity: number | null;
  isDefault: boolean;
  /** The sprint the default capacity was set for. */
  capacityFromSprintNumber: number | null;
  sprintGoalIds: string[];
  totalEstimate: number;
  /** Sprint goals without an estimate (they count as 0 in the total). */
  unestimated: number;
  overCapacity: boolean;
  notWellDefined: NotWellDefined[];
  /** Over the last sprints before this one (see `PlanningView.completionSprintNumbers`). */
  completion: Completion;
}

export interface DueMilestone {
  id: string;
  title: string;
  state: State;
  participantIds: string[];
  initiativeId: string;
  initiativeTitle: string;
  goalId: string;
  goalTitle: string;
  targetSprintId: string;
  targetSprintNumber: number;
}

export interface PlanningView {
  /** The sprint being planned. */
  sprint: Sprint;
  /** The sprint before it, whose meeting plans this one; null for the first sprint. */
  endingSprint: Sprint | null;
  /** The ending sprint's partial and missed goals not carried over yet. */
  carryOverCandidates: SprintGoal[];
  /** The ending sprint's goals with no outcome yet: they may be unfinished too. */
  undecided: number;
  /** This sprint's goals, in position order. */
  sprintGoals: SprintGoal[];
  /** Every goal owner and every owner of a sprint goal here, by name; unowned goals last. */
  owners: OwnerPlan[];
  /** The sprints the completion rates are computed over, newest first. */
  completionSprintNumbers: number[];
  /** Milestones not done whose target sprint is this one or an earlier one. */
  dueMilestones: DueMilestone[];
}

export type OutcomeCounts = Record<Outcome | 'none', number>;

export interface SprintOverview {
  sprint: Sprint;
  /** Sprint goals in the sprint. */
  goals: number;
  outcomes: OutcomeCounts;
  polishDone: number;
}

export interface SprintSummary {
  fileName: string;
  markdown: string;
}

/**
 * What the Meeting screen opens on: the sprint under review (the active one) and its meeting, the
 * sprint after it (once it exists), the meeting of the sprint before, when it was held, and the
 * view of the step the meeting is at, so the step shows without a second read.
 */
export interface CurrentMeeting {
  sprint: Sprint | null;
  meeting: Meeting | null;
  nextSprint: Sprint | null;
  previous: { sprint: Sprint; meeting: Meeting } | null;
  /**
   * The view of the meeting's step while it is under way (the plan's once the next sprint
   * exists); else null.
   */
  step: StepRedraw | null;
}

/** A meeting step's view, read in the same call as a write or an undo, for the step to redraw. */
export type StepRedraw =
  | { step: 'retrospective'; view: RetrospectiveView }
  | { step: 'polish'; view: PolishView }
  | { step: 'plan'; view: PlanningView }
  | { step: 'wrap-up'; view: SprintSummary };

/** What a meeting action answers: its method's own answer, and the step view it was asked to redraw. */
export interface MeetingActed {
  value: unknown;
  /** The view of the step named by the action's `redraw`; null when none was asked for. */
  redraw: StepRedraw | null;
}

/** What an undo answers: the method it took back (null: nothing left), the meeting, and its step's view. */
export interface MeetingUndone {
  undone: string | null;
  meeting: Meeting;
  /** The view of the meeting's step as it is now; null when nothing was undone. */
  redraw: StepRedraw | null;
}
