/**
 * What each sync target (a folder, a git remote's clone) has given this installation: per writer,
 * the segments applied, and the newest clock time per installation among their changes. Kept in
 * the local table `sync_sources`, written in the same transaction as the segment's changes, so a
 * segment is applied and remembered together, or neither.
 */
import type { Workspace } from '../db/open.ts';
import { stmt } from '../store/write.ts';

/** Newest clock time per installation (replica id → hlc), as `seen` and `changesAfter` take it. */
export type Seen = Record<string, string>;

export interface Source {
  /** Every segment numbered 1 to `upto` is applied… */
  upto: number;
  /** …and these above it. */
  beyond: number[];
  covers: Seen;
}

export const isApplied = (source: Source | undefined, segment: number): boolean =>
  source !== undefined && (segment <= source.upto || source.beyond.includes(segment));

/** The target's writers and what was applied of each. */
export function sourcesOf(ws: Workspace, target: string): Map<string, Source> {
  const rows = stmt(
    ws.db,
    'SELECT writer, applied_upto, applied_beyond, covers FROM sync_sources WHERE target = ?',
  ).all(target) as { writer: string; applied_upto: number; applied_beyond: string; covers: string }[];
  return new Map(
    rows.map((row) => [
      row.writer,
      {
        upto: row.applied_upto,
        beyond: JSON.parse(row.applied_beyond) as number[],
        covers: JSON.parse(row.covers) as Seen,
      },
    ]),
  );
}

/** The newer of two clock times per installation. */
export function merge(a: Seen, b: Seen): Seen {
  const out = { ...a };
  for (const [replica, hlc] of Object.entries(b)) {
    const mine = out[replica];
    if (mine === undefined || hlc > mine) out[replica] = hlc;
  }
  return out;
}

/** What a target is known to hold: the newest clock time per installation over all its writers. */
export const knownOf = (sources: Map<string, Source>): Seen =>
  [...sources.values()].reduce<Seen>((known, source) => merge(known, source.covers), {});

/** The newest clock time per installation among `changes`. */
export function coverOf(changes: readonly { hlc: string; replica: string }[]): Seen {
  const covers: Seen = {};
  for (const { hlc, replica } of changes) {
    const mine = covers[replica];
    if (mine === undefined || hlc > mine) covers[replica] = hlc;
  }
  return covers;
}

/** Remembers segment `segment` of `writer` as applied (call inside the transaction that applied it). */
export function markApplied(
  ws: Workspace,
  target: string,
  writer: string,
  segment: number,
  covers: Seen,
  sources: Map<string, Source>,
): void {
  remember(ws, target, writer, sources, covers, (before) => [before.upto, [...before.beyond, segment]]);
}

/**
 * Remembers segments 1 to `upto` of `writer` as applied, and `covers` with them (a snapshot's
 * changes stand for them; call inside the transaction that applied it).
 */
export function markAppliedUpTo(
  ws: Workspace,
  target: string,
  writer: string,
  upto: number,
  covers: Seen,
  sources: Map<string, Source>,
): void {
  remember(ws, target, writer, sources, covers, (before) => [Math.max(before.upto, upto), before.beyond]);
}

/** Saves what `applied` makes of the writer's segments applied: 1 to n, and others beyond. */
function remember(
  ws: Workspace,
  target: string,
  writer: string,
  sources: Map<string, Source>,
  covers: Seen,
  applied: (before: Source) => [upto: number, beyond: number[]],
): void {
  const before = sources.get(writer) ?? { upto: 0, beyond: [], covers: {} };
  const [from, others] = applied(before);
  const beyond = new Set(others);
  let upto = from;
  while (beyond.has(upto + 1)) beyond.delete(++upto);
  const after: Source = {
    upto,
    beyond: [...beyond].filter((n) => n > upto).sort((a, b) => a - b),
    covers: merge(before.covers, covers),
  };
  save(ws, target, writer, after);
  sources.set(writer, after);
}

function save(ws: Workspace, target: string, writer: string, source: Source): void {
  stmt(
    ws.db,
    `INSERT INTO sync_sources (target, writer, applied_upto, applied_beyond, covers) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (target, writer) DO UPDATE SET applied_upto = excluded.applied_upto,
       applied_beyond = excluded.applied_beyond, covers = excluded.covers`,
  ).run(target, writer, source.upto, JSON.stringify(source.beyond), JSON.stringify(source.covers));
}

/** The change log's last sequence number when this installation last wrote to `target`, or null. */
export function sentUpto(ws: Workspace, target: string): number | null {
  const row = stmt(ws.db, 'SELECT sent_upto FROM sync_targets WHERE target = ?').get(target) as
    { sent_upto: number } | undefined;
  return row?.sent_upto ?? null;
}

export function setSentUpto(ws: Workspace, target: string, seq: number): void {
  stmt(
    ws.db,
    `INSERT INTO sync_targets (target, sent_upto) VALUES (?, ?)
     ON CONFLICT (target) DO UPDATE SET sent_upto = excluded.sent_upto`,
  ).run(target, seq);
}

/** Forgets everything remembered of `target`. */
export function forgetTarget(ws: Workspace, target: string): void {
  stmt(ws.db, 'DELETE FROM sync_sources WHERE target = ?').run(target);
}
