/**
 * The domain's words (see docs/domain.md), as types shared by every process. The entities' row
 * types come from their one definition in `entities/`.
 */
import type { ItemPlace } from './arrivals.ts';
import type { EntityRow } from './entities/index.ts';

export const STATES = ['done', 'in progress', 'help wanted', 'paused'] as const;
export type State = (typeof STATES)[number];
export const STATE_EMOJI: Record<State, string> = {
  done: '✅',
  'in progress': '🦀',
  'help wanted': '✋',
  paused: '💤',
};

export const ROLES = ['goal owner', 'stakeholder'] as const;
export type Role = (typeof ROLES)[number];

export const SPRINT_STATUSES = ['planned', 'active', 'closed'] as const;
export type SprintStatus = (typeof SPRINT_STATUSES)[number];

export const OUTCOMES = ['done', 'partial', 'missed', 'dropped'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const POLISH_STATUSES = ['open', 'in progress', 'done', "won't fix"] as const;
export type PolishStatus = (typeof POLISH_STATUSES)[number];

export const POLISH_SIZES = ['S', 'M', 'L'] as const;
export type PolishSize = (typeof POLISH_SIZES)[number];

export const RETRO_COLUMNS = ['went well', 'to improve', 'ideas', 'kudos'] as const;
export type RetroColumn = (typeof RETRO_COLUMNS)[number];

export const ACTION_STATUSES = ['open', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const MEETING_STEPS = ['retrospective', 'polish', 'plan', 'wrap-up'] as const;
export type MeetingStep = (typeof MEETING_STEPS)[number];

/** Limits of lengths and amounts, enforced both by the entities' schemas (zod) and by the database (CHECK). */
export const LIMITS = {
  name: 200,
  handle: 100,
  title: 300,
  text: 20_000,
  link: 2_000,
  timeZone: 64,
  /** An ISO 8601 instant as text. */
  instant: 40,
  list: 50,
  /** A sprint goal's estimate, in days of work. */
  estimateDays: 100,
  /** A person's capacity in a sprint, in days: a sprint lasts two weeks. */
  sprintDays: 14,
  /** A meeting step's timebox, in minutes. */
  timeboxMinutes: 240,
  /** The options of a poll. */
  pollOptions: 20,
  /** A monthly update's Markdown. */
  updateBody: 200_000,
} as const;

export const UPDATE_STATUSES = ['draft', 'published'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

/** The group identifies five to ten stakeholders: fewer or more is flagged. */
export const STAKEHOLDERS_WANTED = { min: 5, max: 10 } as const;

export type Person = EntityRow<'person'>;

export type Goal = EntityRow<'goal'> & {
  /** What is shown: the manual value when set, else derived (0–100). */
  progress: number;
};

export type Initiative = EntityRow<'initiative'> & {
  /** What is shown: the manual value when set, else derived from the milestones (0–100). */
  progress: number;
};

/**
 * An initiative as the roadmap sends it: without its Markdown texts (`impact`, `features`), which
 * only its page shows (`initiatives.get`). One seeking an owner (`seeksOwner`) carries `about`: its
 * impact, else its features, as one line of plain text.
 */
export interface RoadmapInitiative extends Omit<Initiative, 'impact' | 'features'> {
  about?: string;
}

export type Milestone = EntityRow<'milestone'>;

export type Sprint = EntityRow<'sprint'>;

export type SprintGoal = EntityRow<'sprintGoal'>;

export type Capacity = EntityRow<'capacity'>;

export type PolishIssue = EntityRow<'polishIssue'>;

/** A page of polish issues (`polish.page`): `total` matches all pages; `nextCursor` asks for the next. */
export interface PolishPage {
  items: PolishIssue[];
  total: number;
  nextCursor: string | null;
}

export type RetroNote = EntityRow<'retroNote'>;

export type ActionItem = EntityRow<'actionItem'>;

export type Attendee = Meeting['attendees'][number];

export type Meeting = EntityRow<'meeting'>;

export type Poll = EntityRow<'poll'>;

export type PollResponse = EntityRow<'pollResponse'>;

export type MonthlyUpdate = EntityRow<'monthlyUpdate'>;

/** One entry of the change log: the item history and the unit of sync. */
/**
 * A change that lost to one made on another replica without having seen it: the value shown
 * (`current`) and the other (`value`), who made the other and when.
 */
export interface Conflict {
  /** The losing change's timestamp: names the conflict. */
  conflictId: string;
  entity: string;
  id: string;
  field: string;
  value: unknown;
  current: unknown;
  replica: string;
  /** Whose installation made the other value, when it said so. */
  personId: string | null;
  at: string;
  /** Who made the value shown (its installation, and its person when known), and when. */
  currentReplica: string;
  currentPersonId: string | null;
  currentAt: string;
  /** The item's title or name, and where the app shows it (null: nowhere of its own). */
  label: string;
  place: ItemPlace | null;
}

export interface Change {
  seq: number;
  entity: string;
  entityId: string;
  field: string;
  /** JSON-decoded value; null for a tombstone's `deleted` field too. */
  value: unknown;
  hlc: string;
  replicaId: string;
  /** Whose installation made the change, when it said so. */
  personId: string | null;
  /** The ISO instant read off the HLC timestamp. */
  at: string;
  /** It lost to a change made without having seen it (listed by `conflicts.list`). */
  conflict: boolean;
}

/** An in-progress item waiting on one that is paused or seeks an owner. */
export interface BlockedItem {
  kind: 'initiative' | 'milestone';
  id: string;
  waitingOn: { id: string; title: string; state: State }[];
}

/** How many milestones an initiative has in each state. */
export type MilestoneCounts = Record<State, number>;

/**
 * The roadmap for its screen. Its initiatives leave out their Markdown texts (see
 * `RoadmapInitiative`). `milestones` holds those of initiatives not done, every milestone
 * not done, those asked for (by initiative or participant) and the milestones these depend on;
 * the milestones of done initiatives come on demand. `milestoneCounts` counts all of them, per
 * initiative (initiatives without milestones are absent).
 */
export interface Roadmap {
  goals: Goal[];
  initiatives: RoadmapInitiative[];
  milestones: Milestone[];
  milestoneCounts: Record<string, MilestoneCounts>;
  blocked: BlockedItem[];
  /** Dependencies going round in a circle (each circle's ids), made by merging two replicas' edits. */
  cycles: string[][];
}

export const SEARCH_KINDS = ['goal', 'initiative', 'milestone', 'person', 'polishIssue'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  /** Where it sits: the goal of an initiative, the initiative of a milestone, a handle… */
  context: string | null;
  /**
   * Once it is history: `done` (a goal, initiative, milestone or polish issue) or `won't fix` (a
   * polish issue). Such hits come after those that are not.
   */
  closed: 'done' | "won't fix" | null;
}

/** What a person owns on the roadmap, for the People list (people who own nothing are absent). */
/** What one person owns: the goals and initiatives not done, and how many are done. */
export interface Ownership {
  personId: string;
  goals: number;
  initiatives: number;
  done: number;
}

export interface PersonView {
  person: Person;
  goals: Goal[];
  initiatives: Initiative[];
  /** With the title of each one's initiative. */
  milestones: (Milestone & { initiativeTitle: string })[];
  sprintGoals: (SprintGoal & { sprintNumber: number })[];
  polishDone: number;
  polishDoneBySprint: { sprintNumber: number; count: number }[];
}
