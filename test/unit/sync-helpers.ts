/** Replicas for sync tests: real workspace files, each with a clock the test drives. */
import type { Core } from '../../src/main/api/core.ts';
import { changesAfter, receive, seen, type Received } from '../../src/main/sync/log.ts';
import { ENTITIES, ENTITY_NAMES } from '../../src/shared/entities/index.ts';
import { tempCore } from './helpers.ts';

export interface Replica {
  core: Core;
  name: string;
  /** Moves this replica's wall clock on by `ms` (never back): later edits get later stamps. */
  tick(ms?: number): void;
  /** Sets this replica's wall clock. */
  at(iso: string): void;
}

export async function replica(name: string, start = '2026-11-01T12:00:00.000Z'): Promise<Replica> {
  const core = await tempCore();
  let now = new Date(start).getTime();
  core.workspace.now = () => new Date(now);
  return {
    core,
    name,
    tick: (ms = 1000) => {
      now += ms;
    },
    at: (iso) => {
      now = new Date(iso).getTime();
    },
  };
}

/** Sends `to` everything `from` has that `to` lacks. */
export function send(from: Replica, to: Replica, limit?: number): Received {
  return receive(to.core.workspace, changesAfter(from.core.workspace, seen(to.core.workspace), limit));
}

/** Every replica sends to every other, until none has anything new. */
export function syncAll(replicas: readonly Replica[]): void {
  for (let round = 0; round < replicas.length; round++) {
    for (const from of replicas) for (const to of replicas) if (from !== to) send(from, to);
  }
}

/** The synced tables' rows (and their link tables'), in a stable order: equal means converged. */
export function syncedRows(r: Replica): Record<string, unknown[]> {
  const { db } = r.core.workspace;
  const out: Record<string, unknown[]> = {};
  for (const name of ENTITY_NAMES) {
    const { table, fields } = ENTITIES[name];
    out[table] = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
    for (const field of Object.values(fields)) {
      if ('link' in field.storage) {
        const { table: link, key } = field.storage.link;
        out[link] = db.prepare(`SELECT * FROM ${link} ORDER BY ${key}, ord`).all();
      }
    }
  }
  return out;
}
