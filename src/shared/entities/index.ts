/**
 * Every entity of the domain, defined once: its table, and for each field the schema of a valid
 * value and where the store keeps it. The domain's row types (`Goal`, `SprintGoal`…), the
 * contract's input schemas (picked from `schema`) and the store's reads and writes all come from
 * here; a test checks each definition against the migrated database.
 *
 * To add a field: add it here (and its column in a new migration); the type, the store and
 * the field's validation follow. Add it to the contract's `pick` where the API may write it.
 */
import { z } from 'zod';
import {
  ACTION_STATUSES,
  LIMITS,
  MEETING_STEPS,
  OUTCOMES,
  POLISH_SIZES,
  POLISH_STATUSES,
  RETRO_COLUMNS,
  ROLES,
  SPRINT_STATUSES,
  STATES,
  UPDATE_STATUSES,
} from '../domain.ts';
import {
  entity,
  jsonColumn,
  linkTable,
  numberColumn,
  textColumn,
  type Entity,
  type Field,
} from './define.ts';
import {
  decimal,
  id,
  ids,
  isoDate,
  isoInstant,
  issueLink,
  link,
  longText,
  month,
  nullableId,
  oneLine,
  oneLineOrEmpty,
  percent,
  position,
  someText,
  text,
  timeZone,
  title,
  whole,
} from './fields.ts';

const state = z.enum(STATES);

export const person = entity('people', {
  name: textColumn('name', oneLine(LIMITS.name)),
  handle: textColumn(
    'handle',
    text(LIMITS.handle)
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: 'must be a handle such as a GitHub login' })
      .nullable(),
  ),
  timeZone: textColumn('time_zone', timeZone),
  roles: jsonColumn('roles', z.array(z.enum(ROLES)).max(ROLES.length)),
  /** A stakeholder's team or affiliation ('' when not said). */
  team: textColumn('team', oneLineOrEmpty(LIMITS.name)),
  /** A stakeholder's page (a profile, a team page). */
  link: textColumn('link', link),
  /** The goals and initiatives a stakeholder follows: what the monthly update tells them about. */
  followsGoalIds: linkTable('person_follows_goals', 'person_id', 'goal_id', ids),
  followsInitiativeIds: linkTable('person_follows_initiatives', 'person_id', 'initiative_id', ids),
});

/** An installation of Fortnight, and whose it is (so the history can name who changed what). */
export const replica = entity('replicas', {
  personId: textColumn('person_id', nullableId),
});

export const goal = entity('goals', {
  title: textColumn('title', title),
  impact: textColumn('impact', longText),
  howToHelp: textColumn('how_to_help', longText),
  state: textColumn('state', state),
  /** Set by hand (0–100), or null when derived from the initiatives. */
  manualProgress: numberColumn('manual_progress', percent),
  position: numberColumn('position', position),
  ownerIds: linkTable('goal_owners', 'goal_id', 'person_id', ids),
});

export const initiative = entity('initiatives', {
  goalId: textColumn('goal_id', id),
  title: textColumn('title', title),
  impact: textColumn('impact', longText),
  features: textColumn('features', longText),
  link: textColumn('link', link),
  state: textColumn('state', state),
  manualProgress: numberColumn('manual_progress', percent),
  position: numberColumn('position', position),
  ownerIds: linkTable('initiative_owners', 'initiative_id', 'person_id', ids),
  dependsOnIds: linkTable('initiative_dependencies', 'initiative_id', 'depends_on_id', ids),
});

export const milestone = entity('milestones', {
  initiativeId: textColumn('initiative_id', id),
  title: textColumn('title', title),
  state: textColumn('state', state),
  targetSprintId: textColumn('target_sprint_id', nullableId),
  position: numberColumn('position', position),
  participantIds: linkTable('milestone_participants', 'milestone_id', 'person_id', ids),
  dependsOnIds: linkTable('milestone_dependencies', 'milestone_id', 'depends_on_id', ids),
});

export const sprint = entity('sprints', {
  /** Counted from 1; a hundred thousand two-week sprints outlast any group. */
  number: numberColumn('number', whole(1, 100_000)),
  /** Calendar dates, `yyyy-MM-dd`. */
  startDate: textColumn('start_date', isoDate),
  endDate: textColumn('end_date', isoDate),
  status: textColumn('status', z.enum(SPRINT_STATUSES)),
  /** The meeting instant (ISO 8601, UTC) and the organiser's IANA zone. */
  meetingAt: textColumn('meeting_at', isoInstant.nullable()),
  meetingTimeZone: textColumn('meeting_time_zone', timeZone.nullable()),
});

export const sprintGoal = entity('sprint_goals', {
  sprintId: textColumn('sprint_id', id),
  title: textColumn('title', title),
  ownerId: textColumn('owner_id', nullableId),
  goalId: textColumn('goal_id', nullableId),
  initiativeId: textColumn('initiative_id', nullableId),
  milestoneId: textColumn('milestone_id', nullableId),
  definitionOfDone: textColumn('definition_of_done', longText),
  /** Days of work the owner expects it to take. */
  estimate: numberColumn('estimate', decimal(0, LIMITS.estimateDays).nullable()),
  outcome: textColumn('outcome', z.enum(OUTCOMES).nullable()),
  outcomeNote: textColumn('outcome_note', longText),
  carriedOverFromId: textColumn('carried_over_from_id', nullableId),
  /** How many sprints it has been carried over through. */
  rolloverCount: numberColumn('rollover_count', whole(0, 100_000)),
  position: numberColumn('position', position),
});

export const capacity = entity('capacities', {
  sprintId: textColumn('sprint_id', id),
  personId: textColumn('person_id', id),
  /** Days available in the sprint (two weeks at most). */
  days: numberColumn('days', decimal(0, LIMITS.sprintDays)),
});

export const polishIssue = entity('polish_issues', {
  title: textColumn('title', title),
  link: textColumn('link', issueLink),
  goalId: textColumn('goal_id', nullableId),
  assigneeId: textColumn('assignee_id', nullableId),
  size: textColumn('size', z.enum(POLISH_SIZES).nullable()),
  status: textColumn('status', z.enum(POLISH_STATUSES)),
  doneSprintId: textColumn('done_sprint_id', nullableId),
  plannedSprintId: textColumn('planned_sprint_id', nullableId),
  createdAt: textColumn('created_at', isoInstant),
});

export const retroNote = entity('retro_notes', {
  sprintId: textColumn('sprint_id', id),
  column: textColumn('column', z.enum(RETRO_COLUMNS)),
  text: textColumn('text', someText(LIMITS.text)),
  votes: numberColumn('votes', whole(0, 100_000)),
  position: numberColumn('position', position),
});

export const actionItem = entity('action_items', {
  sprintId: textColumn('sprint_id', id),
  text: textColumn('text', someText(LIMITS.text)),
  ownerId: textColumn('owner_id', nullableId),
  status: textColumn('status', z.enum(ACTION_STATUSES)),
  doneSprintId: textColumn('done_sprint_id', nullableId),
});

const meetingStep = z.enum(MEETING_STEPS);
export const attendee = z.strictObject({ personId: id, present: z.boolean() });
/** A step's timebox in minutes, or null for none. */
export const timebox = whole(1, LIMITS.timeboxMinutes).nullable();

export const meeting = entity('meetings', {
  sprintId: textColumn('sprint_id', id),
  step: textColumn('step', meetingStep),
  attendees: jsonColumn('attendees', z.array(attendee).max(LIMITS.list)),
  /** Minutes per step, or null for no timebox. */
  timeboxes: jsonColumn('timeboxes', z.record(meetingStep, timebox)),
  /** Seconds spent per step so far (not counting the current visit). */
  secondsSpent: jsonColumn('seconds_spent', z.record(meetingStep, whole(0, 1e9))),
  /** When the current step was entered. */
  stepStartedAt: textColumn('step_started_at', isoInstant),
  startedAt: textColumn('started_at', isoInstant),
  endedAt: textColumn('ended_at', isoInstant.nullable()),
});

/** A question to stakeholders about a goal or an initiative (exactly one of the two). */
export const poll = entity('polls', {
  question: textColumn('question', title),
  goalId: textColumn('goal_id', nullableId),
  initiativeId: textColumn('initiative_id', nullableId),
  /** The answers to choose from; none: a free-text question. */
  options: jsonColumn(
    'options',
    z.array(title).max(LIMITS.pollOptions, { error: `must list at most ${LIMITS.pollOptions} options` }),
  ),
  opensOn: textColumn('opens_on', isoDate),
  closesOn: textColumn('closes_on', isoDate.nullable()),
  /** The stakeholders asked. */
  askedIds: linkTable('poll_asked', 'poll_id', 'person_id', ids),
  createdAt: textColumn('created_at', isoInstant),
});

/** One person's answer to a poll (one per person and poll). */
export const pollResponse = entity('poll_responses', {
  pollId: textColumn('poll_id', id),
  personId: textColumn('person_id', id),
  answer: textColumn('answer', someText(LIMITS.text)),
  answeredAt: textColumn('answered_at', isoInstant),
});

/** The group's report to its stakeholders for one month: Markdown, a draft until published. */
export const monthlyUpdate = entity('monthly_updates', {
  /** `yyyy-MM`. */
  month: textColumn('month', month),
  title: textColumn('title', title),
  authors: jsonColumn('authors', z.array(oneLine(LIMITS.name)).max(LIMITS.list)),
  body: textColumn('body', text(LIMITS.updateBody)),
  status: textColumn('status', z.enum(UPDATE_STATUSES)),
  publishedOn: textColumn('published_on', isoDate.nullable()),
  createdAt: textColumn('created_at', isoInstant),
});

/** The workspace itself: its name, one row for the whole workspace (a natural id). */
export const workspace = entity('workspace_details', {
  name: textColumn('name', oneLine(LIMITS.name)),
});

export const ENTITIES = {
  workspace,
  person,
  replica,
  goal,
  initiative,
  milestone,
  sprint,
  sprintGoal,
  capacity,
  polishIssue,
  retroNote,
  actionItem,
  meeting,
  poll,
  pollResponse,
  monthlyUpdate,
} as const satisfies Record<string, Entity>;

export type EntityName = keyof typeof ENTITIES;
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[];
export const isEntityName = (name: string): name is EntityName => Object.hasOwn(ENTITIES, name);

/** An entity's row as the store reads it: its id and every field. */
export type EntityRow<E extends EntityName> = z.output<(typeof ENTITIES)[E]['schema']>;
/** The fields of an entity, as a write gives them (any of them). */
export type EntityValues<E extends EntityName> = Partial<Omit<EntityRow<E>, 'id'>>;

/** One field of an entity: its schema and storage, or undefined when the entity has no such field. */
export function findField(entity: EntityName, field: string): Field | undefined {
  const fields: Record<string, Field> = ENTITIES[entity].fields;
  return Object.hasOwn(fields, field) ? fields[field] : undefined;
}

/** The schema of one field, to validate a value for it (`entityField('goal', 'title').parse(v)`). */
export function entityField(entity: EntityName, field: string): z.ZodType {
  const found = findField(entity, field);
  if (!found) throw new Error(`${entity} has no field ${field}`);
  return found.schema;
}

export type { ColumnStorage, ColumnType, Entity, Field, LinkStorage, Storage } from './define.ts';
