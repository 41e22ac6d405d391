/**
 * Rules shared by the services (referenced rows exist, the owner rule, no cycles) and the writes
 * they share: a new order, a position at the end, links dropped.
 */
import type { Workspace } from '../db/open.ts';
import { stmt, update } from '../store/write.ts';
import type { State } from '../../shared/domain.ts';
import { ENTITIES } from '../../shared/entities/index.ts';
import { DomainError, notFound } from './errors.ts';

export function exists(ws: Workspace, table: string, id: string): boolean {
  return stmt(ws.db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

/** Refuses an id that names no row, naming the input field. */
export function requireRow(
  ws: Workspace,
  table: string,
  what: string,
  id: string | null | undefined,
  field: string,
): void {
  if (id != null && !exists(ws, table, id)) throw notFound(ws, what, id, field);
}

export function requireRows(
  ws: Workspace,
  table: string,
  what: string,
  ids: readonly string[] | undefined,
  field: string,
): void {
  ids?.forEach((id, i) => requireRow(ws, table, what, id, `${field}.${i}`));
}

/** A polish issue in progress has an assignee (a roadmap item may be in progress unowned: flagged, not refused). */
export function requireOwnerWhenInProgress(
  what: string,
  state: State,
  owners: readonly string[],
  changed: { state?: unknown; owners?: unknown },
  ownersField = 'ownerIds',
  ownerWord = 'an owner',
): void {
  if (state !== 'in progress' || owners.length > 0) return;
  const stateField = ownersField === 'assigneeId' ? 'status' : 'state';
  const field =
    changed.state !== undefined ? stateField : changed.owners !== undefined ? ownersField : stateField;
  throw new DomainError(
    'rule_violation',
    `${what} without ${ownerWord} can't be in progress: add ${ownerWord} or mark it help wanted`,
    field,
  );
}

/** Where each kind of item keeps its dependencies. */
const DEPENDENCIES = {
  initiative: { items: 'initiatives', links: 'initiative_dependencies', key: 'initiative_id' },
  milestone: { items: 'milestones', links: 'milestone_dependencies', key: 'milestone_id' },
} as const;

export type DependentKind = keyof typeof DEPENDENCIES;

/** What an initiative or milestone depends on today, in order. */
export function dependenciesOf(ws: Workspace, kind: DependentKind, id: string): string[] {
  const { links, key } = DEPENDENCIES[kind];
  return (
    stmt(ws.db, `SELECT depends_on_id AS id FROM ${links} WHERE ${key} = ? ORDER BY ord`).all(id) as {
      id: string;
    }[]
  ).map((r) => r.id);
}

/** Drops `id` from the dependencies of every item that depended on it, through the write path. */
export function dropDependenciesOn(ws: Workspace, kind: DependentKind, id: string): void {
  const { links, key } = DEPENDENCIES[kind];
  const dependents = stmt(ws.db, `SELECT ${key} AS id FROM ${links} WHERE depends_on_id = ?`).all(id) as {
    id: string;
  }[];
  for (const dependent of dependents) {
    update(ws, kind, dependent.id, {
      dependsOnIds: dependenciesOf(ws, kind, dependent.id).filter((d) => d !== id),
    });
  }
}

/** Refuses new dependencies of `id` that would close a cycle, naming it: "A → B → A". */
export function refuseCycle(
  ws: Workspace,
  kind: DependentKind,
  id: string,
  dependsOn: readonly string[],
): void {
  const title = (x: string) =>
    (
      stmt(ws.db, `SELECT title FROM ${DEPENDENCIES[kind].items} WHERE id = ?`).get(x) as
        { title: string } | undefined
    )?.title ?? x;
  const edges = (x: string) => dependenciesOf(ws, kind, x);
  for (const [i, first] of dependsOn.entries()) {
    if (first === id) {
      throw new DomainError('cycle', `“${title(id)}” can't depend on itself`, `dependsOnIds.${i}`);
    }
    const path = pathTo(first, id, edges);
    if (path) {
      const cycle = [id, ...path].map(title).join(' → ');
      throw new DomainError('cycle', `That dependency would close a cycle: ${cycle}`, `dependsOnIds.${i}`);
    }
  }
}

/** A path of dependencies from `from` to `to`, or null (depth-first, each node visited once). */
function pathTo(from: string, to: string, edges: (x: string) => string[]): string[] | null {
  const seen = new Set<string>();
  const walk = (node: string): string[] | null => {
    if (node === to) return [node];
    if (seen.has(node)) return null;
    seen.add(node);
    for (const next of edges(node)) {
      const rest = walk(next);
      if (rest) return [node, ...rest];
    }
    return null;
  };
  return walk(from);
}

/**
 * Puts `ids` in that order (positions 1, 2, …), each move through the write path, once they are
 * the complete, duplicate-free list of their siblings: the rows of the entity's table, or those
 * whose `parent` column holds the given value. Otherwise a refusal naming `what`.
 */
export function placeInOrder(
  ws: Workspace,
  entity: 'goal' | 'initiative' | 'milestone' | 'sprintGoal',
  ids: readonly string[],
  what: string,
  parent?: [column: string, value: string],
): void {
  const { table } = ENTITIES[entity];
  const siblings = (
    parent
      ? stmt(ws.db, `SELECT id FROM ${table} WHERE ${parent[0]} = ?`).all(parent[1])
      : stmt(ws.db, `SELECT id FROM ${table}`).all()
  ) as { id: string }[];
  const given = new Set(ids);
  if (
    given.size !== ids.length ||
    given.size !== siblings.length ||
    !siblings.every((s) => given.has(s.id))
  ) {
    throw new DomainError('invalid_input', `ids: must list every ${what} exactly once`, 'ids');
  }
  ids.forEach((id, i) => update(ws, entity, id, { position: i + 1 }));
}

export function nextPosition(ws: Workspace, table: string, where = '1', ...params: unknown[]): number {
  const row = stmt(ws.db, `SELECT coalesce(max(position), 0) + 1 AS p FROM ${table} WHERE ${where}`).get(
    ...params,
  ) as { p: number };
  return row.p;
}

/** Clears a reference through the write path, so the history says where the link went. */
export function unlink(
  ws: Workspace,
  table: string,
  entity: 'sprintGoal' | 'polishIssue' | 'milestone' | 'poll',
  field: string,
  column: string,
  id: string,
): void {
  const rows = stmt(ws.db, `SELECT id FROM ${table} WHERE ${column} = ?`).all(id) as { id: string }[];
  for (const row of rows) update(ws, entity, row.id, { [field]: null });
}
