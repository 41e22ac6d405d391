/**
 * How each entity of the domain maps to its table: the user-visible fields the write path may
 * change, and the link tables behind list fields (owners, participants, dependencies).
 */
type Column = { column: string; type: 'text' | 'number' | 'json' | 'bool' };
type Link = { link: { table: string; key: string; other: string } };
export type FieldDef = Column | Link;

export interface EntityDef {
  table: string;
  fields: Record<string, FieldDef>;
}

const text = (column: string): Column => ({ column, type: 'text' });
const num = (column: string): Column => ({ column, type: 'number' });
const json = (column: string): Column => ({ column, type: 'json' });
const link = (table: string, key: string, other: string): Link => ({ link: { table, key, other } });

export const ENTITIES = {
  person: {
    table: 'people',
    fields: { name: text('name'), handle: text('handle'), timeZone: text('time_zone'), roles: json('roles') },
  },
  replica: {
    table: 'replicas',
    fields: { personId: text('person_id') },
  },
  goal: {
    table: 'goals',
    fields: {
      title: text('title'),
      impact: text('impact'),
      howToHelp: text('how_to_help'),
      state: text('state'),
      manualProgress: num('manual_progress'),
      position: num('position'),
      ownerIds: link('goal_owners', 'goal_id', 'person_id'),
    },
  },
  initiative: {
    table: 'initiatives',
    fields: {
      goalId: text('goal_id'),
      title: text('title'),
      impact: text('impact'),
      features: text('features'),
      link: text('link'),
      state: text('state'),
      manualProgress: num('manual_progress'),
      position: num('position'),
      ownerIds: link('initiative_owners', 'initiative_id', 'person_id'),
      dependsOnIds: link('initiative_dependencies', 'initiative_id', 'depends_on_id'),
    },
  },
  milestone: {
    table: 'milestones',
    fields: {
      initiativeId: text('initiative_id'),
      title: text('title'),
      state: text('state'),
      targetSprintId: text('target_sprint_id'),
      position: num('position'),
      participantIds: link('milestone_participants', 'milestone_id', 'person_id'),
      dependsOnIds: link('milestone_dependencies', 'milestone_id', 'depends_on_id'),
    },
  },
  sprint: {
    table: 'sprints',
    fields: {
      number: num('number'),
      startDate: text('start_date'),
      endDate: text('end_date'),
      status: text('status'),
      meetingAt: text('meeting_at'),
      meetingTimeZone: text('meeting_time_zone'),
    },
  },
  sprintGoal: {
    table: 'sprint_goals',
    fields: {
      sprintId: text('sprint_id'),
      title: text('title'),
      ownerId: text('owner_id'),
      goalId: text('goal_id'),
      initiativeId: text('initiative_id'),
      milestoneId: text('milestone_id'),
      definitionOfDone: text('definition_of_done'),
      estimate: num('estimate'),
      outcome: text('outcome'),
      outcomeNote: text('outcome_note'),
      carriedOverFromId: text('carried_over_from_id'),
      rolloverCount: num('rollover_count'),
      position: num('position'),
    },
  },
  capacity: {
    table: 'capacities',
    fields: { sprintId: text('sprint_id'), personId: text('person_id'), days: num('days') },
  },
  polishIssue: {
    table: 'polish_issues',
    fields: {
      title: text('title'),
      link: text('link'),
      goalId: text('goal_id'),
      assigneeId: text('assignee_id'),
      size: text('size'),
      status: text('status'),
      doneSprintId: text('done_sprint_id'),
      plannedSprintId: text('planned_sprint_id'),
      createdAt: text('created_at'),
    },
  },
  retroNote: {
    table: 'retro_notes',
    fields: {
      sprintId: text('sprint_id'),
      column: text('column'),
      text: text('text'),
      votes: num('votes'),
      position: num('position'),
    },
  },
  actionItem: {
    table: 'action_items',
    fields: {
      sprintId: text('sprint_id'),
      text: text('text'),
      ownerId: text('owner_id'),
      status: text('status'),
      doneSprintId: text('done_sprint_id'),
    },
  },
  meeting: {
    table: 'meetings',
    fields: {
      sprintId: text('sprint_id'),
      step: text('step'),
      attendees: json('attendees'),
      timeboxes: json('timeboxes'),
      secondsSpent: json('seconds_spent'),
      stepStartedAt: text('step_started_at'),
      startedAt: text('started_at'),
      endedAt: text('ended_at'),
    },
  },
} as const satisfies Record<string, EntityDef>;

export type EntityName = keyof typeof ENTITIES;
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[];
export const isEntityName = (name: string): name is EntityName => Object.hasOwn(ENTITIES, name);
