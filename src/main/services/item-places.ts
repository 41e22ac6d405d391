/**
 * What an item is called and where the app shows it, read from the change log so that an item
 * deleted meanwhile still has its name (What arrived, conflicts to review).
 */
import type { ItemPlace } from '../../shared/arrivals.ts';
import { isEntityName, ENTITIES } from '../../shared/entities/index.ts';
import type { Workspace } from '../db/open.ts';
import { stmt } from '../store/write.ts';

/** The field that names an item of each kind (else none: it is named by its kind). */
const LABEL_FIELDS: Record<string, string> = {
  person: 'name',
  sprint: 'number',
  retroNote: 'text',
  actionItem: 'text',
  poll: 'question',
  goal: 'title',
  initiative: 'title',
  milestone: 'title',
  sprintGoal: 'title',
  polishIssue: 'title',
  monthlyUpdate: 'title',
};

/** The newest value of an item's field in the log (the one shown), decoded; undefined if none. */
export function loggedValue(ws: Workspace, id: string, field: string): unknown {
  const row = stmt(
    ws.db,
    'SELECT value FROM changes WHERE entity_id = ? AND field = ? ORDER BY hlc DESC LIMIT 1',
  ).get(id, field) as { value: string | null } | undefined;
  return row === undefined ? undefined : row.value === null ? null : JSON.parse(row.value);
}

/** Whether the item has a row now (it exists and is shown). */
export function isShown(ws: Workspace, entity: string, id: string): boolean {
  if (!isEntityName(entity)) return false;
  return stmt(ws.db, `SELECT 1 FROM ${ENTITIES[entity].table} WHERE id = ?`).get(id) !== undefined;
}

/** An item's title or name ("Sprint 12" for a sprint, "Meeting of sprint 12"); '' for items that have none. */
export function itemLabel(ws: Workspace, entity: string, id: string): string {
  if (entity === 'meeting') {
    const number = sprintNumber(ws, loggedValue(ws, id, 'sprintId'));
    return number === null ? '' : `Meeting of sprint ${number}`;
  }
  const field = LABEL_FIELDS[entity];
  if (!field) return '';
  const value = loggedValue(ws, id, field);
  if (value === undefined || value === null) return '';
  return entity === 'sprint' ? `Sprint ${String(value)}` : String(value);
}

function sprintNumber(ws: Workspace, sprintId: unknown): number | null {
  if (typeof sprintId !== 'string') return null;
  const row = stmt(ws.db, 'SELECT number FROM sprints WHERE id = ?').get(sprintId) as
    { number: number } | undefined;
  return row?.number ?? null;
}

/** Where the app shows an item; null when it is not shown (deleted) or has no place of its own. */
export function itemPlace(ws: Workspace, entity: string, id: string): ItemPlace | null {
  if (!isShown(ws, entity, id)) return null;
  const inSprint = (sprintId: unknown): ItemPlace | null => {
    const number = sprintNumber(ws, sprintId);
    return number === null ? null : { page: 'sprint', number };
  };
  switch (entity) {
    case 'goal':
      return { page: 'goal', id };
    case 'initiative':
      return { page: 'initiative', id, milestoneId: null };
    case 'milestone': {
      const initiativeId = loggedValue(ws, id, 'initiativeId');
      return typeof initiativeId === 'string'
        ? { page: 'initiative', id: initiativeId, milestoneId: id }
        : null;
    }
    case 'person':
      return { page: 'person', id };
    case 'polishIssue':
      return { page: 'polish', id };
    case 'sprint':
      return inSprint(id);
    case 'sprintGoal':
    case 'retroNote':
    case 'actionItem':
    case 'capacity':
      return inSprint(loggedValue(ws, id, 'sprintId'));
    case 'meeting':
      return { page: 'meeting' };
    case 'poll':
      return { page: 'poll', id };
    case 'pollResponse': {
      const pollId = loggedValue(ws, id, 'pollId');
      return typeof pollId === 'string' ? { page: 'poll', id: pollId } : null;
    }
    case 'monthlyUpdate':
      return { page: 'update', id };
    default:
      return null;
  }
}

/** The name of the person whose installation `replica` is, or null when it never said. */
export function replicaPerson(
  ws: Workspace,
  replica: string,
): { personId: string | null; name: string | null } {
  const row = stmt(
    ws.db,
    'SELECT r.person_id, p.name FROM replicas r LEFT JOIN people p ON p.id = r.person_id WHERE r.id = ?',
  ).get(replica) as { person_id: string | null; name: string | null } | undefined;
  return { personId: row?.person_id ?? null, name: row?.name ?? null };
}
