/** Facts about the workspace as a whole, its item history, and the example workspace. */
import type { ParsedInput, WorkspaceInfo } from '../../shared/contract.ts';
import type { Change } from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { SCHEMA_VERSION } from '../db/migrations/index.ts';
import { parseHlc } from '../store/hlc.ts';
import { ENTITIES, ENTITY_NAMES } from '../store/entities.ts';
import { stmt } from '../store/write.ts';
import { DomainError } from './errors.ts';
import { activeSprint } from './sprints.ts';

export function workspaceInfo(ws: Workspace): WorkspaceInfo {
  const counts = Object.fromEntries(
    ENTITY_NAMES.map((name) => [
      name,
      (stmt(ws.db, `SELECT count(*) AS n FROM ${ENTITIES[name].table}`).get() as { n: number }).n,
    ]),
  );
  return {
    schemaVersion: SCHEMA_VERSION,
    replicaId: ws.replicaId,
    isEmpty: Object.values(counts).every((n) => n === 0),
    counts,
    activeSprintId: activeSprint(ws)?.id ?? null,
  };
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
    'SELECT seq, entity, entity_id, field, value, hlc, replica_id FROM changes WHERE entity_id = ? AND entity = ? ORDER BY seq DESC LIMIT ?',
  ).all(id, entity, limit ?? 200) as {
    seq: number;
    entity: string;
    entity_id: string;
    field: string;
    value: string | null;
    hlc: string;
    replica_id: string;
  }[];
  return rows.map((r) => ({
    seq: r.seq,
    entity: r.entity,
    entityId: r.entity_id,
    field: r.field,
    value: r.value === null ? null : JSON.parse(r.value),
    hlc: r.hlc,
    replicaId: r.replica_id,
    at: new Date(parseHlc(r.hlc).wall).toISOString(),
  }));
}
