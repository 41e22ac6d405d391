/**
 * The API contract: every method any door (IPC, browser mode's HTTP, the CLI) can call, with
 * the zod schema its input must pass and the type of its result. Renaming a method here breaks
 * the build of every process that calls it.
 */
import { z } from 'zod';
// Installs the app's wording for every refusal zod words (before any schema is used).
import './refusals.ts';
import {
  LIMITS,
  POLISH_STATUSES,
  type ActionItem,
  type Capacity,
  type Change,
  type Conflict,
  type Goal,
  type Initiative,
  type Meeting,
  type Milestone,
  type Ownership,
  type Person,
  type PersonView,
  type PolishIssue,
  type PolishPage,
  type PolishStatus,
  type Roadmap,
  type SearchHit,
  type RetroNote,
  type Sprint,
  type SprintGoal,
} from './domain.ts';
import type {
  CurrentMeeting,
  MeetingActed,
  MeetingUndone,
  PlanningView,
  PolishView,
  RetrospectiveView,
  SprintOverview,
  SprintSummary,
} from './meeting-views.ts';
import * as entities from './entities/index.ts';
import * as fields from './entities/fields.ts';
import { id, ids, nullableId } from './entities/fields.ts';
import { chunked, read, swap, write } from './contract-methods.ts';
import { reviewMethods } from './contract-review.ts';
import { stakeholderMethods } from './contract-stakeholders.ts';
import { absolutePath, changesFile, gitRemote } from './sync-fields.ts';
import { syncSetupMethods } from './contract-sync-setup.ts';
import { togetherMethods } from './contract-together.ts';

// ---- building blocks -------------------------------------------------------------------

const text = fields.text;
const empty = z.strictObject({});
const byId = z.strictObject({ id });

/** What one roadmap import may bring, over any door: these are its real bounds. */
export const ROADMAP_IMPORT_LIMITS = {
  files: 2000,
  pathChars: 500,
  fileChars: 2_000_000,
  totalChars: 16_000_000,
} as const;

/**
 * The longest JSON text a roadmap import's input can be, so browser mode's HTTP host admits
 * every import the contract does: JSON.stringify writes a character as at most 6 bytes
 * (`\u001f`), and each file adds its keys and punctuation.
 */
export const ROADMAP_IMPORT_MAX_JSON_BYTES =
  6 * (ROADMAP_IMPORT_LIMITS.totalChars + ROADMAP_IMPORT_LIMITS.files * ROADMAP_IMPORT_LIMITS.pathChars) +
  64 * ROADMAP_IMPORT_LIMITS.files +
  64;

/** A roadmap import's files (a folder's, or one roadmap.md) and whether to keep what they lack. */
const roadmapImportInput = z.strictObject({
  files: z
    .array(
      z.strictObject({
        path: text(ROADMAP_IMPORT_LIMITS.pathChars),
        content: text(ROADMAP_IMPORT_LIMITS.fileChars),
      }),
    )
    .max(ROADMAP_IMPORT_LIMITS.files, { error: `must list at most ${ROADMAP_IMPORT_LIMITS.files} files` })
    .refine(
      (files) => files.reduce((sum, f) => sum + f.content.length, 0) <= ROADMAP_IMPORT_LIMITS.totalChars,
      { error: `must hold at most ${ROADMAP_IMPORT_LIMITS.totalChars} characters in all` },
    ),
  keepMissing: z.boolean().optional(),
});
const reorder = z.strictObject({ ids: z.array(id).max(10_000) });
export const timeZone = fields.timeZone;

/** The writes the meeting makes as its actions (through `meeting.act`): what its undo takes back. */
export const MEETING_ACTIONS = [
  'sprintGoals.create',
  'sprintGoals.update',
  'sprintGoals.delete',
  'sprintGoals.carryOver',
  'retroNotes.create',
  'retroNotes.update',
  'retroNotes.delete',
  'retroNotes.vote',
  'actionItems.create',
  'actionItems.update',
  'actionItems.delete',
  'polish.create',
  'polish.update',
  'capacities.set',
  'meeting.update',
] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

// ---- the entities' writable fields: picked from their definitions --------------------------

const personFields = entities.person.schema.pick({
  name: true,
  handle: true,
  timeZone: true,
  roles: true,
  team: true,
  link: true,
  followsGoalIds: true,
  followsInitiativeIds: true,
});

const goalFields = entities.goal.schema.pick({
  title: true,
  impact: true,
  howToHelp: true,
  state: true,
  ownerIds: true,
  manualProgress: true,
});

const initiativeFields = entities.initiative.schema.pick({
  goalId: true,
  title: true,
  impact: true,
  features: true,
  link: true,
  state: true,
  ownerIds: true,
  dependsOnIds: true,
  manualProgress: true,
});

const milestoneFields = entities.milestone.schema.pick({
  initiativeId: true,
  title: true,
  state: true,
  participantIds: true,
  dependsOnIds: true,
  targetSprintId: true,
});

const sprintFields = entities.sprint.schema.shape;

const sprintGoalFields = entities.sprintGoal.schema.pick({
  sprintId: true,
  title: true,
  ownerId: true,
  goalId: true,
  initiativeId: true,
  milestoneId: true,
  definitionOfDone: true,
  estimate: true,
  outcome: true,
  outcomeNote: true,
});

const polishFields = entities.polishIssue.schema.pick({
  title: true,
  link: true,
  goalId: true,
  assigneeId: true,
  size: true,
  status: true,
  plannedSprintId: true,
});
const polishStatus = polishFields.shape.status;

/** Words a polish issue's title must contain (any case). */
const polishQuery = text(LIMITS.title).trim();
/** Where a page of polish issues ended: its last issue's creation time and id. */
const POLISH_CURSOR = /^\d{4}-\d\d-\d\dT[\d:.]+Z~[0-9a-f-]{36}$/i;

const retroNoteFields = entities.retroNote.schema.pick({ sprintId: true, column: true, text: true });

const actionItemFields = entities.actionItem.schema.pick({
  sprintId: true,
  text: true,
  ownerId: true,
  status: true,
});

const meetingFields = entities.meeting.schema.shape;
/** Timeboxes to change: any of the steps. */
const timeboxes = z.partialRecord(meetingFields.step, entities.timebox);

/** Create takes the required fields plus any of the optional ones; update takes an id and any. */
const update = <S extends z.ZodObject>(fields: S) => fields.partial().extend({ id });

// ---- the methods ---------------------------------------------------------------------------

export interface WorkspaceInfo {
  schemaVersion: number;
  replicaId: string;
  /** The workspace's name (synced: every installation shows the same), or null before it has one. */
  name: string | null;
  isEmpty: boolean;
  counts: Record<string, number>;
  /** The changes its log holds, every installation's (a join's progress counts them arriving). */
  changes: number;
  activeSprintId: string | null;
  /** The person this installation belongs to, when set. */
  mePersonId: string | null;
  /** The workspace's file. */
  file: string;
  /** Why the workspace can't be edited (its file or folder is read-only), or null. */
  readOnly: string | null;
  /** Changes received from a newer Fortnight, kept until this one is upgraded (someone uses a newer version). */
  newerVersionChanges: number;
  /** Conflicts to review (`conflicts.list`). */
  conflicts: number;
}

/** Why a backup was taken: the day's first start, or before an import, a restore or a sync. */
export type BackupReason = 'daily' | 'import' | 'restore' | 'sync';
/** One of the workspace's backups (in `backups/` next to its file) and what it holds. */
export interface BackupInfo {
  name: string;
  path: string;
  takenAt: string;
  reason: BackupReason;
  bytes: number;
  /** False when the file can't be read as a workspace (the counts are then null). */
  readable: boolean;
  schemaVersion: number | null;
  goals: number | null;
  sprints: number | null;
}

/** Something of an incoming file or segment that was skipped (line null: the whole file). */
export interface SyncProblem {
  file: string;
  line: number | null;
  message: string;
}
/** What a sync, or an import of changes, did. */
export interface SyncSummary {
  /** The workspace synced: this one's, or the one an empty workspace joined. */
  workspaceId: string;
  /** True when this (empty) workspace joined the workspace found there. */
  joined: boolean;
  /** Changes written for the others. */
  sent: number;
  /** Changes received that were new here… */
  received: number;
  /** …and those already here. */
  duplicates: number;
  /** How many installations the new changes came from. */
  installations: number;
  /** Concurrent edits of one field: the winner shows, the other value is recorded. */
  conflicts: number;
  /** Changes made by a newer Fortnight: kept, applied once this one is upgraded. */
  newerVersion: number;
  /** Segments not complete yet (a syncing tool still copying them): read by a later sync. */
  waiting: string[];
  /** The first problems (skipped lines and files), by file and line… */
  problems: SyncProblem[];
  /** …and how many there were in all. */
  problemCount: number;
}

/** Which workspace a folder, a git remote or a file of changes holds (`sync.peek`), before joining it. */
export interface SyncPeek {
  workspaceId: string;
  /** Its name, or null when nobody has named it. */
  name: string | null;
  people: number;
  goals: number;
  /** The changes it holds… */
  changes: number;
  /** …made on this many installations. */
  installations: number;
  /** Files not complete yet (a syncing tool still copying them): a join reads them later. */
  waiting: number;
  /** Lines and files that can't be read (a join skips them too). */
  problems: number;
  /** True when it is this workspace's own (a sync, not a join). */
  isThisWorkspace: boolean;
}

export const contract = {
  'workspace.info': read<WorkspaceInfo>()(empty),
  'workspace.loadExample': write<WorkspaceInfo>()(empty),
  /** Says whose installation this is, so the history can name who made each change. */
  'workspace.setMe': write<WorkspaceInfo>()(z.strictObject({ personId: nullableId })),
  /** Names the workspace; the name syncs to every installation, and joining shows it. */
  'workspace.setName': write<WorkspaceInfo>()(entities.workspace.schema.pick({ name: true })),

  /** The workspace's backups, newest first. */
  'backups.list': read<BackupInfo[]>()(empty),
  /** Restores a backup by name, after backing up the current state (`undo` restores that). */
  'backups.restore': swap<{ restored: BackupInfo; undo: BackupInfo | null; info: WorkspaceInfo }>()(
    z.strictObject({
      name: text(200).regex(/^[^/\\]+$/, { error: 'must be the file name of a backup' }),
    }),
  ),

  /**
   * Sync (every installation is a replica of one workspace): exchanges changes through a folder
   * every installation can reach (a synced folder), a git remote, or a file. An empty workspace
   * joins the workspace it finds; one with data never merges with another workspace.
   */
  'sync.folder': chunked<SyncSummary>()(z.strictObject({ folder: absolutePath })),
  /** Through a git remote: a URL git can push to (the user's own git and credentials), or a repository's path. */
  'sync.git': chunked<SyncSummary>()(z.strictObject({ remote: gitRemote })),
  /**
   * Writes every change (or those made since `since`) to one file for email or a USB stick;
   * importing it elsewhere merges them.
   */
  'sync.exportChanges': chunked<{ file: string; sent: number; bytes: number; workspaceId: string }>()(
    z.strictObject({ file: changesFile, since: z.iso.datetime({ offset: true }).optional() }),
  ),
  'sync.importChanges': chunked<SyncSummary>()(z.strictObject({ file: absolutePath })),
  ...syncSetupMethods,
  ...reviewMethods,
  /**
   * Which workspace a folder, a git remote or a file of changes holds (exactly one of the three),
   * read without changing this workspace: what "Join your group's workspace" shows first.
   */
  'sync.peek': read<SyncPeek>()(
    z
      .strictObject({
        folder: absolutePath.optional(),
        remote: gitRemote.optional(),
        file: absolutePath.optional(),
      })
      .refine((place) => Object.values(place).filter((v) => v !== undefined).length === 1, {
        error: 'must name one place: a folder, a remote or a file',
      }),
  ),

  /**
   * The roadmap for its screen: goals, initiatives (without their Markdown texts:
   * `initiatives.get` has them), blocked work, milestone counts, and the milestones worth showing
   * at once (see `Roadmap`); plus the milestones of `initiativeIds` and those `participantId`
   * takes part in (null: those nobody takes part in).
   */
  'roadmap.view': read<Roadmap>()(
    z.strictObject({
      initiativeIds: z.array(id).max(10_000, { error: 'must list at most 10000 items' }).optional(),
      participantId: nullableId.optional(),
    }),
  ),
  /** Quick-open: goals, initiatives, milestones, people and polish issues by title. */
  'search.quick': read<SearchHit[]>()(
    z.strictObject({
      query: text(100).trim().min(1, { error: 'must not be empty' }),
      limit: fields.whole(1, 50).optional(),
    }),
  ),

  /**
   * Native file dialogs: answered by the desktop app; the core (browser mode, CLI) answers
   * `unsupported`, and the renderer downloads or uploads instead.
   */
  'files.saveAs': read<{ path: string | null }>()(
    z.strictObject({
      suggestedName: text(200).regex(/^[^/\\]+$/, { error: 'must be a file name' }),
      content: text(20_000_000),
    }),
  ),
  'files.open': read<{ files: { path: string; content: string }[] } | null>()(
    z.strictObject({ folder: z.boolean(), extensions: z.array(text(10)).max(10) }),
  ),

  'people.list': read<Person[]>()(empty),
  'people.get': read<Person>()(byId),
  'people.create': write<Person>()(personFields.partial().required({ name: true })),
  'people.update': write<Person>()(update(personFields)),
  'people.delete': write<null>()(byId),
  /** Everything about one person: what they own, take part in, committed to and polished. */
  'people.view': read<PersonView>()(byId),
  /** How many goals and initiatives each person owns. */
  'people.ownership': read<Ownership[]>()(empty),

  ...stakeholderMethods,
  ...togetherMethods,

  // Goals, initiatives and milestones may be in progress while nobody owns them (real roadmaps
  // have such items): allowed, and flagged wherever they show (`isUnowned`, UNOWNED_FLAG).
  'goals.list': read<Goal[]>()(empty),
  'goals.get': read<Goal>()(byId),
  'goals.create': write<Goal>()(goalFields.partial().required({ title: true })),
  'goals.update': write<Goal>()(update(goalFields)),
  /** Deleting a goal that still has initiatives needs `cascade: true`; sprint goals and polish keep their text. */
  'goals.delete': write<null>()(z.strictObject({ id, cascade: z.boolean().optional() })),
  'goals.reorder': write<Goal[]>()(reorder),

  'initiatives.list': read<Initiative[]>()(z.strictObject({ goalId: id.optional() })),
  'initiatives.get': read<Initiative>()(byId),
  'initiatives.create': write<Initiative>()(
    initiativeFields.partial().required({ goalId: true, title: true }),
  ),
  'initiatives.update': write<Initiative>()(update(initiativeFields)),
  'initiatives.delete': write<null>()(z.strictObject({ id, cascade: z.boolean().optional() })),
  'initiatives.reorder': write<Initiative[]>()(reorder),

  'milestones.list': read<Milestone[]>()(z.strictObject({ initiativeId: id.optional() })),
  'milestones.get': read<Milestone>()(byId),
  'milestones.create': write<Milestone>()(
    milestoneFields.partial().required({ initiativeId: true, title: true }),
  ),
  /** Done while a dependency isn't: refused with `needs_confirmation` unless `confirm` is true. */
  'milestones.update': write<Milestone>()(
    update(milestoneFields).extend({ confirm: z.boolean().optional() }),
  ),
  'milestones.delete': write<null>()(byId),
  'milestones.reorder': write<Milestone[]>()(reorder),

  'sprints.list': read<Sprint[]>()(empty),
  'sprints.get': read<Sprint>()(byId),
  /** The sprint with this number, or null: the one way to find a sprint by its number. */
  'sprints.byNumber': read<Sprint | null>()(z.strictObject({ number: sprintFields.number })),
  /** The first sprint takes a start date; every later one follows the last with no gap. */
  'sprints.createNext': write<Sprint>()(
    z.strictObject({
      startDate: sprintFields.startDate.optional(),
      meetingAt: sprintFields.meetingAt.unwrap().optional(),
      meetingTimeZone: sprintFields.meetingTimeZone.unwrap().optional(),
    }),
  ),
  'sprints.update': write<Sprint>()(
    z.strictObject({
      id,
      meetingAt: sprintFields.meetingAt.optional(),
      meetingTimeZone: sprintFields.meetingTimeZone.optional(),
    }),
  ),
  /** Closes the active sprint and makes the next one active (creating it when missing). */
  'sprints.closeActive': write<Sprint>()(empty),
  /** Makes the earliest planned sprint active when none is. */
  'sprints.activate': write<Sprint>()(byId),

  'sprintGoals.list': read<SprintGoal[]>()(z.strictObject({ sprintId: id })),
  'sprintGoals.create': write<SprintGoal>()(
    sprintGoalFields.partial().required({ sprintId: true, title: true }),
  ),
  'sprintGoals.update': write<SprintGoal>()(update(sprintGoalFields.omit({ sprintId: true }))),
  'sprintGoals.delete': write<null>()(byId),
  'sprintGoals.reorder': write<SprintGoal[]>()(reorder),
  /** Copies an unfinished sprint goal into a later sprint, linking the original. */
  'sprintGoals.carryOver': write<SprintGoal>()(z.strictObject({ id, toSprintId: id })),

  'capacities.list': read<Capacity[]>()(z.strictObject({ sprintId: id })),
  'capacities.set': write<Capacity>()(
    entities.capacity.schema.pick({ sprintId: true, personId: true, days: true }),
  ),

  /** Polish issues by status, by the sprint they were done in, or by their link (already listed?). */
  'polish.list': read<PolishIssue[]>()(
    z.strictObject({
      status: polishStatus.optional(),
      doneSprintId: id.optional(),
      link: polishFields.shape.link.unwrap().optional(),
    }),
  ),
  /** Polish issues a page at a time: by status, by words of the title, oldest or newest first. */
  'polish.page': read<PolishPage>()(
    z.strictObject({
      status: z
        .array(polishStatus)
        .min(1, { error: 'must name at least one status' })
        .max(POLISH_STATUSES.length, { error: `must list at most ${POLISH_STATUSES.length} statuses` })
        .optional(),
      query: polishQuery.optional(),
      order: z.enum(['oldest first', 'newest first']).optional(),
      limit: fields.whole(1, 1000).optional(),
      cursor: z.string().regex(POLISH_CURSOR, { error: "must be a page's nextCursor" }).optional(),
    }),
  ),
  /** How many polish issues have each status (those whose title has the words of `query`). */
  'polish.counts': read<Record<PolishStatus, number>>()(z.strictObject({ query: polishQuery.optional() })),
  'polish.get': read<PolishIssue>()(byId),
  'polish.create': write<PolishIssue>()(polishFields.partial().required({ title: true })),
  'polish.update': write<PolishIssue>()(update(polishFields)),
  'polish.delete': write<null>()(byId),

  'retroNotes.list': read<RetroNote[]>()(z.strictObject({ sprintId: id })),
  'retroNotes.create': write<RetroNote>()(
    retroNoteFields.partial().required({ sprintId: true, column: true, text: true }),
  ),
  'retroNotes.update': write<RetroNote>()(update(retroNoteFields.omit({ sprintId: true }))),
  'retroNotes.delete': write<null>()(byId),
  'retroNotes.vote': write<RetroNote>()(
    z.strictObject({ id, delta: z.union([z.literal(1), z.literal(-1)]) }),
  ),

  'actionItems.list': read<ActionItem[]>()(
    z.strictObject({ status: actionItemFields.shape.status.optional(), sprintId: id.optional() }),
  ),
  'actionItems.create': write<ActionItem>()(
    actionItemFields.partial().required({ sprintId: true, text: true }),
  ),
  'actionItems.update': write<ActionItem>()(update(actionItemFields.omit({ sprintId: true }))),
  'actionItems.delete': write<null>()(byId),

  'meeting.get': read<Meeting | null>()(z.strictObject({ sprintId: id })),
  /** The Meeting screen's one opening read: the active sprint, its meeting, the next and the one before. */
  'meeting.current': read<CurrentMeeting>()(empty),
  'meeting.start': write<Meeting>()(
    z.strictObject({ sprintId: id, attendeeIds: ids.optional(), timeboxes: timeboxes.optional() }),
  ),
  'meeting.update': write<Meeting>()(
    z.strictObject({
      id,
      attendees: meetingFields.attendees.optional(),
      timeboxes: timeboxes.optional(),
    }),
  ),
  'meeting.goTo': write<Meeting>()(z.strictObject({ id, step: meetingFields.step })),
  'meeting.end': write<Meeting>()(byId),
  /**
   * One action of the meeting (`method`, one of MEETING_ACTIONS, with its own `input`; its result
   * is the answer's `value`), recorded with the meeting so that the meeting's undo can take it
   * back. With `redraw`, the answer carries that step's view as the write left it.
   */
  'meeting.act': write<MeetingActed>()(
    z.strictObject({
      id,
      method: z.enum(MEETING_ACTIONS),
      input: z.record(z.string(), z.unknown()),
      redraw: meetingFields.step.optional(),
    }),
  ),
  /**
   * Takes back the meeting's last action; `undone` names its method, null when none is left. The
   * answer carries the meeting and the view of its step as the undo left them.
   */
  'meeting.undo': write<MeetingUndone>()(byId),

  /** Changes that lost to one made elsewhere without having seen them, newest first. */
  'conflicts.list': read<Conflict[]>()(empty),
  /** Keeps the value shown, or takes the other one (a new edit); answers the open conflicts. */
  'conflicts.resolve': write<Conflict[]>()(
    z.strictObject({ id: z.string().min(1).max(80), choice: z.enum(['keep', 'other']) }),
  ),

  'history.list': read<Change[]>()(
    z.strictObject({ entity: z.string().max(40), id, limit: fields.whole(1, 1000).optional() }),
  ),

  /** The roadmap as Markdown: an mdBook-style folder (roadmap.md + roadmap/…), or one roadmap.md. */
  'roadmap.export': read<{ files: { path: string; content: string }[] }>()(
    z.strictObject({ variant: z.enum(['folder', 'single']) }),
  ),
  /**
   * What importing a roadmap folder (its files) or one roadmap.md would create, update and
   * remove (what the files no longer have; none with `keepMissing`); writes nothing.
   */
  'roadmap.previewImport': read<{
    create: RoadmapImportItem[];
    update: RoadmapImportItem[];
    /** Title changes, `was` → `title`. */
    rename: RoadmapImportItem[];
    /** Items the files have elsewhere (`from`): deleted there, created here. */
    move: RoadmapImportItem[];
    remove: RoadmapImportItem[];
    problems: RoadmapImportProblem[];
    /** Kept as the files say, and flagged (UNOWNED_FLAG): what will be in progress unowned. */
    notes: RoadmapImportProblem[];
  }>()(roadmapImportInput, { maxBodyBytes: ROADMAP_IMPORT_MAX_JSON_BYTES }),
  /**
   * Imports the roadmap (one transaction) so the roadmap matches the files; refused, naming file
   * and line, when it can't be read at all.
   */
  'roadmap.import': write<{
    created: number;
    updated: number;
    removed: number;
    problems: RoadmapImportProblem[];
  }>()(roadmapImportInput, { maxBodyBytes: ROADMAP_IMPORT_MAX_JSON_BYTES }),

  /** The retrospective step of a sprint: goals per owner, action items, notes, roadmap changes. */
  'retrospective.view': read<RetrospectiveView>()(z.strictObject({ sprintId: id })),
  /** The polish step: open polish, this sprint's tally, polish done over the last sprints (default 8). */
  'polish.view': read<PolishView>()(
    z.strictObject({ sprintId: id, lastSprints: fields.whole(1, 52).optional() }),
  ),
  /** Planning `sprintId` (the next sprint): carry-over, per-owner capacity and checks, milestones due. */
  'planning.view': read<PlanningView>()(z.strictObject({ sprintId: id })),
  /** The sprint summary as GitHub-flavoured Markdown, with a file name for it. */
  'sprints.summary': read<SprintSummary>()(z.strictObject({ sprintId: id })),
  /** Every sprint with its dates, status and outcome counts (the Sprints screen). */
  'sprints.overview': read<SprintOverview[]>()(empty),
  /** The sprint meetings as an iCalendar file: a two-weekly series in the organiser's zone. */
  'calendar.export': read<{ fileName: string; content: string }>()(empty),
} as const;

/** An item a roadmap import creates or updates (`fields`: what an update changes). */
export interface RoadmapImportItem {
  kind: 'person' | 'goal' | 'initiative' | 'milestone';
  title: string;
  within: string | null;
  fields: string[];
  /** The title before a rename. */
  was?: string;
  /** Where a moved item was: another kind (a goal that became an initiative) or another parent. */
  from?: { kind: RoadmapImportItem['kind']; within: string | null };
}
/** Something of the imported files that could not be read (and was skipped). */
export interface RoadmapImportProblem {
  file: string;
  line: number;
  message: string;
}

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = Exclude<Contract[M]['output'], undefined>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.hasOwn(contract, name);
