/** Facts about the workspace as a whole, its item history, and the example workspace. */
import type { ParsedInput, WorkspaceInfo } from '../../shared/contract.ts';
import type { Change } from '../../shared/domain.ts';
import { listConflicts, lostConflict, newerVersionChanges } from './conflicts.ts';
import type { Workspace } from '../db/open.ts';
import { SCHEMA_VERSION } from '../db/migrations/index.ts';
import { CHANGE_ROW_COLUMNS, changedAt, decodeValue, type ChangeRow } from '../store/change-rows.ts';
import { changeLogVersion } from '../store/version.ts';
import { ENTITIES, ENTITY_NAMES } from '../../shared/entities/index.ts';
import { current, insert, stmt, update } from '../store/write.ts';
import { workspaceDetailsId } from '../sync/natural-ids.ts';
import { requireRow } from './rules.ts';
import { DomainError } from './errors.ts';
import { activeSprint } from './sprints.ts';

/** What a workspace holds, by entity (its own details, the name, are not an item it holds). */
export function workspaceCounts(ws: Workspace): Record<string, number> {
  return Object.fromEntries(
    ENTITY_NAMES.filter((name) => name !== 'workspace').map((name) => [
      name,
      (stmt(ws.db, `SELECT count(*) AS n FROM ${ENTITIES[name].table}`).get() as { n: number }).n,
    ]),
  );
}

/** The workspace's name, or null when it has none yet. */
export function workspaceName(ws: Workspace): string | null {
  return current(ws, 'workspace', workspaceDetailsId())?.name ?? null;
}

export function workspaceInfo(ws: Workspace): WorkspaceInfo {
  const counts = workspaceCounts(ws);
  const name = workspaceName(ws);
  return {
    schemaVersion: SCHEMA_VERSION,
    replicaId: ws.replicaId,
    name,
    isEmpty: name === null && Object.values(counts).every((n) => n === 0),
    counts,
    changes: changeLogVersion(ws.db),
    activeSprintId: activeSprint(ws)?.id ?? null,
    mePersonId: mePersonId(ws),
    file: ws.file,
    readOnly: ws.readOnly,
    newerVersionChanges: newerVersionChanges(ws),
    conflicts: listConflicts(ws).length,
  };
}

/** The person this installation belongs to, when set. */
export function mePersonId(ws: Workspace): string | null {
  const row = stmt(ws.db, 'SELECT person_id FROM replicas WHERE id = ?').get(ws.replicaId) as
    { person_id: string | null } | undefined;
  return row?.person_id ?? null;
}

export function setMe(ws: Workspace, { personId }: ParsedInput<'workspace.setMe'>): WorkspaceInfo {
  requireRow(ws, 'people', 'Person', personId, 'personId');
  if (current(ws, 'replica', ws.replicaId)) update(ws, 'replica', ws.replicaId, { personId });
  else insert(ws, 'replica', { personId }, ws.replicaId);
  return workspaceInfo(ws);
}

/** Names the workspace (every installation of it sees the name after a sync). */
export function setWorkspaceName(ws: Workspace, { name }: ParsedInput<'workspace.setName'>): WorkspaceInfo {
  const id = workspaceDetailsId();
  const details = current(ws, 'workspace', id);
  if (details) update(ws, 'workspace', id, { name }, details);
  else insert(ws, 'workspace', { name }, id);
  return workspaceInfo(ws);
}

export function requireEmpty(ws: Workspace): void {
  if (!workspaceInfo(ws).isEmpty) {
    throw new DomainError(
      'rule_violation',
      'The example workspace loads only into an empty workspace; this one has data',
    );
  }
}

/** The change log of one item, newest first. */
export function itemHistory(ws: Workspace, { entity, id, limit }: ParsedInput<'history.list'>): Change[] {
  const rows = stmt(
    ws.db,
    `SELECT ${CHANGE_ROW_COLUMNS}, r.person_id
       FROM changes c LEFT JOIN replicas r ON r.id = c.replica_id
      WHERE c.entity_id = ? AND c.entity = ? ORDER BY c.hlc DESC LIMIT ?`,
  ).all(id, entity, limit ?? 200) as (ChangeRow & { person_id: string | null })[];
  return rows.map((r) => ({
    seq: r.seq,
    entity: r.entity,
    entityId: r.entity_id,
    field: r.field,
    value: decodeValue(r.value),
    hlc: r.hlc,
    replicaId: r.replica_id,
    personId: r.person_id,
    at: changedAt(r.hlc),
    conflict: lostConflict(ws, r.hlc),
  }));
}
