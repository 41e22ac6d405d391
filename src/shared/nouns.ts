/**
 * The words for each kind of item, one and many: "polish issue", "3 polish issues". What arrived
 * and the conflicts name items with them, Settings counts what the workspace holds.
 */
import type { EntityName } from './entities/index.ts';

const NOUNS: Record<Exclude<EntityName, 'workspace'>, [one: string, many: string]> = {
  person: ['person', 'people'],
  replica: ['installation', 'installations'],
  goal: ['goal', 'goals'],
  initiative: ['initiative', 'initiatives'],
  milestone: ['milestone', 'milestones'],
  sprint: ['sprint', 'sprints'],
  sprintGoal: ['sprint goal', 'sprint goals'],
  capacity: ['capacity', 'capacities'],
  polishIssue: ['polish issue', 'polish issues'],
  retroNote: ['retro note', 'retro notes'],
  actionItem: ['action item', 'action items'],
  meeting: ['meeting', 'meetings'],
  poll: ['poll', 'polls'],
  pollResponse: ['poll answer', 'poll answers'],
  monthlyUpdate: ['monthly update', 'monthly updates'],
};

/** The noun for `count` items of a kind, without the number: "polish issue", "polish issues". */
export function kindNoun(entity: string, count = 1): string {
  const [one, many] = (NOUNS as Record<string, [string, string]>)[entity] ?? ['item', 'items'];
  return count === 1 ? one : many;
}

/** "goal", "3 polish issues". */
export function itemNoun(entity: string, count = 1): string {
  return count === 1 ? kindNoun(entity) : `${count} ${kindNoun(entity, count)}`;
}
