/**
 * An exchange through a folder of segments (a synced folder, or a git clone's working tree):
 * join the workspace the folder holds when this one is empty, apply every segment not applied
 * yet — each in one transaction, remembered with it — then write what the folder doesn't hold yet
 * as this installation's new segments.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncSummary } from '../../shared/contract.ts';
import type { Workspace } from '../db/open.ts';
import { backUpBeforeSyncCatchUp } from '../services/backups.ts';
import { DomainError } from '../services/errors.ts';
import { adopt, isEmpty, receiveChecked, workspaceId, type Change } from './log.ts';
import { decode, readIfThere, type Problem } from './segment.ts';
import { listSegments, listSnapshots } from './segment-files.ts';
import { readSnapshotAhead } from './snapshot-reading.ts';
import { checkChanges, type CheckedChanges } from './validate.ts';
import {
  coverOf,
  forgetTarget,
  isApplied,
  markApplied,
  markAppliedUpTo,
  sourcesOf,
  type Source,
} from './sources.ts';

/** A catch-up bigger than this (compressed segments) into a workspace with data takes a backup first. */
export const CATCH_UP_BACKUP_BYTES = 256 * 1024;
/** Problems listed in a summary (the count says how many there were in all). */
const LISTED_PROBLEMS = 100;

/** A summary with nothing done yet. */
export function emptySummary(workspace: string): SyncSummary {
  return {
    workspaceId: workspace,
    joined: false,
    sent: 0,
    received: 0,
    duplicates: 0,
    installations: 0,
    conflicts: 0,
    newerVersion: 0,
    waiting: [],
    problems: [],
    problemCount: 0,
  };
}

/** Adds a problem of `file` (line null: the whole file) to the summary. */
export function report(
  summary: SyncSummary,
  file: string,
  problem: Problem | { line: null; message: string },
): void {
  summary.problemCount++;
  if (summary.problems.length < LISTED_PROBLEMS) summary.problems.push({ file, ...problem });
}

/**
 * The workspace to exchange with, given the workspaces `found` at `where`: this one's own when
 * it is there or nothing is; another one only when this workspace is empty (it joins it, and
 * says so); otherwise refused, naming both.
 */
export function joinWorkspace(
  ws: Workspace,
  found: readonly string[],
  where: string,
): { id: string; joined: boolean } {
  // One transaction: a refusal rolls back even the making of this workspace's id.
  return ws.db.transaction(() => {
    const mine = workspaceId(ws);
    if (found.length === 0 || found.includes(mine)) return { id: mine, joined: false };
    if (!isEmpty(ws)) {
      throw new DomainError(
        'rule_violation',
        `This workspace (${mine}) is not the one in ${where} (${found.join(', ')}): a workspace that has data never merges with another workspace's changes. Sync with a folder, remote or file of this workspace, or join from an empty workspace.`,
      );
    }
    if (found.length > 1) {
      throw new DomainError(
        'rule_violation',
        `${where} holds several workspaces (${found.join(', ')}), and this empty workspace can join only one: sync it with a folder that holds just the one to join.`,
      );
    }
    adopt(ws, found[0]!);
    return { id: found[0]!, joined: true };
  })();
}

/** Applies `changes` read from `file` in one transaction, with `remember` (in the same transaction). */
export function applyChanges(
  ws: Workspace,
  summary: SyncSummary,
  file: string,
  changes: readonly Change[],
  lines: readonly number[],
  remember: () => void = () => {},
): void {
  applyChecked(ws, summary, file, checkChanges(changes, ws.now()), lines, remember);
}

/** `applyChanges` of changes checked already; `lines[i]` is the line of the i-th change checked. */
function applyChecked(
  ws: Workspace,
  summary: SyncSummary,
  file: string,
  checked: CheckedChanges,
  lines: readonly number[],
  remember: () => void,
): void {
  const result = ws.db.transaction(() => {
    const received = receiveChecked(ws, checked);
    remember();
    return received;
  })();
  summary.received += result.applied;
  summary.duplicates += result.duplicates;
  summary.conflicts += result.conflicts;
  summary.newerVersion += result.newerVersion;
  for (const { index, reason } of result.invalid)
    report(summary, file, { line: lines[index] ?? null, message: reason });
}

/** Counts the installations whose changes a sync brought. */
export class Origins {
  readonly #replicas = new Set<string>();
  add(changes: readonly Change[]): void {
    for (const change of changes) this.#replicas.add(change.replica);
  }
  get size(): number {
    return this.#replicas.size;
  }
}

/** An exchange with a folder of segments under way: what each of its steps reads and adds to. */
export interface Exchange {
  ws: Workspace;
  /** The workspace's folder in the place (`<root>/<workspace id>`). */
  folder: string;
  /** How the place is named among the targets this installation remembers. */
  target: string;
  summary: SyncSummary;
  /** What this installation has applied from the place, and sent to it, per writer. */
  sources: Map<string, Source>;
  /** The installations whose changes it brought. */
  origins: Origins;
}

/**
 * Starts an exchange with `root` (a folder, or a git clone's working tree), given the workspaces
 * `found` there: joins the one there when this workspace is empty (`joinWorkspace`).
 */
export function openExchange(
  ws: Workspace,
  root: string,
  found: readonly string[],
  target: string,
  where: string,
): Exchange {
  const { id, joined } = joinWorkspace(ws, found, where);
  const summary = emptySummary(id);
  summary.joined = joined;
  return {
    ws,
    folder: join(root, id),
    target,
    summary,
    sources: sourcesOf(ws, target),
    origins: new Origins(),
  };
}

/**
 * Applies every segment of the exchange's folder that its place hasn't given yet; the summary's
 * installations are those whose changes the exchange has brought so far.
 */
export function receiveSegments(exchange: Exchange): void {
  const { ws, folder, target, summary, sources, origins } = exchange;
  const fromSnapshot = catchUpFromSnapshot(exchange);
  const pending = listSegments(folder).filter((s) => !isApplied(sources.get(s.writer), s.number));
  const bytes = pending.reduce((sum, s) => sum + sizeOf(s.path), 0);
  if (bytes > CATCH_UP_BACKUP_BYTES && !fromSnapshot && !isEmpty(ws)) backUpBeforeSyncCatchUp(ws);
  for (const segment of pending) {
    const content = readIfThere(segment.path);
    if (content === null) {
      summary.waiting.push(segment.path);
      continue;
    }
    const decoded = decode(content);
    const remember = (covers = {}) =>
      markApplied(ws, target, segment.writer, segment.number, covers, sources);
    if (decoded.kind === 'incomplete') {
      summary.waiting.push(segment.path);
      continue;
    }
    const wrong =
      decoded.kind === 'invalid'
        ? decoded.reason
        : decoded.header.replica !== segment.writer
          ? `it says it was written by ${decoded.header.replica}, but it is in the folder of ${segment.writer}`
          : decoded.header.workspace !== summary.workspaceId
            ? `it belongs to workspace ${decoded.header.workspace}, not ${summary.workspaceId}`
            : null;
    if (wrong !== null || decoded.kind !== 'read') {
      // A finished file never changes: skipped once, reported, not read again.
      report(summary, segment.path, { line: null, message: `skipped: ${wrong ?? 'unreadable'}` });
      ws.db.transaction(() => remember())();
      continue;
    }
    for (const problem of decoded.problems) report(summary, segment.path, problem);
    const before = summary.received;
    applyChanges(ws, summary, segment.path, decoded.changes, decoded.lines, () =>
      remember(coverOf(decoded.changes)),
    );
    if (summary.received > before) origins.add(decoded.changes);
  }
  summary.installations = origins.size;
}

/** Where a snapshot load under way is remembered, per target: the chunks applied of each snapshot. */
const loadingTarget = (target: string) => `snapshot:${target}`;

/**
 * A newcomer — an empty workspace that has applied nothing from `target` yet, or one whose load
 * of a snapshot was cut short — loads the folder's newest complete snapshot first: in chunks of
 * `SNAPSHOT_CHUNK` changes, each in one transaction and remembered with it, so a rerun after a kill goes on
 * where it stopped. The last chunk's transaction marks the segments the snapshot stands for as
 * applied. A snapshot with a line that isn't a change can't stand for its segments: the load stops
 * there and the segments are read instead (the changes loaded stay: each is one of the log's).
 * Whether this sync caught up from a snapshot.
 */
function catchUpFromSnapshot({ ws, folder, target, summary, sources, origins }: Exchange): boolean {
  const loading = sourcesOf(ws, loadingTarget(target));
  if (loading.size === 0 && (sources.size > 0 || !isEmpty(ws))) return false;
  const reading = readSnapshotAhead(listSnapshots(folder), summary.workspaceId, ws.now());
  try {
    const found = reading.next();
    if (found?.kind !== 'found') return loading.size > 0;
    const done = () => {
      const { seen, segments } = found.cover;
      markAppliedUpTo(ws, target, found.writer, segments[found.writer] ?? 0, seen, sources);
      for (const [other, upto] of Object.entries(segments)) {
        if (other !== found.writer) markAppliedUpTo(ws, target, other, upto, {}, sources);
      }
      forgetTarget(ws, loadingTarget(target));
    };
    if (found.chunks === 0) ws.db.transaction(done)();
    const from = loading.get(found.key)?.upto ?? 0;
    return withFewerCheckpoints(ws, () => {
      for (let chunk = 0; chunk < found.chunks; chunk++) {
        const part = reading.next();
        if (part?.kind !== 'chunk') throw new Error(`${found.path}: its reading ended before its last chunk`);
        if (chunk < from) continue;
        const [problem] = part.problems;
        if (problem) {
          report(summary, found.path, {
            line: problem.line,
            message: `skipped from here: ${problem.message}; the segments it stands for are read instead`,
          });
          ws.db.transaction(() => forgetTarget(ws, loadingTarget(target)))();
          return false;
        }
        const before = summary.received;
        applyChecked(ws, summary, found.path, part.checked, part.lines, () => {
          markApplied(ws, loadingTarget(target), found.key, chunk + 1, {}, loading);
          if (chunk + 1 === found.chunks) done();
        });
        if (summary.received > before) origins.add(part.checked.valid);
      }
      return true;
    });
  } finally {
    reading.close();
  }
}

/**
 * Pages the write-ahead log may hold during a snapshot's load before it is copied into the file
 * (64 MB; SQLite's default is 1,000 pages). Each chunk's commit would otherwise copy the pages of
 * the log's indexes it touched; most are touched again by the next chunks, and are now copied once
 * every few chunks.
 */
const LOAD_CHECKPOINT_PAGES = 16_384;

function withFewerCheckpoints<T>(ws: Workspace, load: () => T): T {
  const usual = ws.db.pragma('wal_autocheckpoint', { simple: true }) as number;
  ws.db.pragma(`wal_autocheckpoint = ${LOAD_CHECKPOINT_PAGES}`);
  try {
    return load();
  } finally {
    ws.db.pragma(`wal_autocheckpoint = ${usual}`);
  }
}

const sizeOf = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};
