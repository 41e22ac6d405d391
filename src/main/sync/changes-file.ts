/**
 * The file transport, for email or a USB stick: every change (or those made since a time) in one
 * file of the segment format; importing it merges them, in chunks of a segment's size, each in
 * one transaction. An import is idempotent: importing a file again, or after an interrupted
 * import, applies only what is missing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { SyncSummary } from '../../shared/contract.ts';
import type { Workspace } from '../db/open.ts';
import { backUpBeforeSyncCatchUp } from '../services/backups.ts';
import { DomainError } from '../services/errors.ts';
import { formatHlc } from '../store/hlc.ts';
import { applyChanges, emptySummary, joinWorkspace, Origins, report } from './exchange.ts';
import { changesAfter, isEmpty, seen, workspaceId, type Change } from './log.ts';
import { decode, encode, SEGMENT_LIMITS } from './segment.ts';
import { fileSystem, writeNewFile } from './segment-files.ts';
import { merge, coverOf, type Seen } from './sources.ts';

/** Changes read from the log at a time while writing a file. */
const PAGE = 50_000;

/** The point `since` as a `seen`: every installation's changes from that time on. */
function seenBefore(ws: Workspace, since: string): Seen {
  const before = new Date(since).getTime() - 1;
  return Object.fromEntries(
    Object.keys(seen(ws)).map((replica) => [replica, formatHlc(before, 99_999, replica)]),
  );
}

/** `sync.exportChanges`: writes the file (a new one: an existing file is never replaced). */
export function exportChanges(ws: Workspace, file: string, since?: string) {
  if (existsSync(file)) {
    throw new DomainError('unavailable', `${file} already exists: choose a new file name.`, 'file');
  }
  const id = ws.db.transaction(() => workspaceId(ws))();
  let cursor: Seen = since === undefined ? {} : seenBefore(ws, since);
  const changes: Change[] = [];
  for (;;) {
    const page = changesAfter(ws, cursor, PAGE);
    if (page.length === 0) break;
    changes.push(...page);
    cursor = merge(cursor, coverOf(page));
  }
  const bytes = encode({ workspace: id, replica: ws.replicaId }, changes);
  if (!writeNewFile(file, bytes)) {
    throw new DomainError('unavailable', `${file} already exists: choose a new file name.`, 'file');
  }
  return { file, sent: changes.length, bytes: bytes.length, workspaceId: id };
}

/** `sync.importChanges`: merges the changes of a file exported by any installation of this workspace. */
export function importChanges(ws: Workspace, file: string): SyncSummary {
  const stat = fileSystem(file, 'read', () => statSync(file));
  if (!stat.isFile())
    throw new DomainError('unavailable', `${file} is a folder, not a file of changes.`, 'file');
  if (stat.size > SEGMENT_LIMITS.fileBytes) {
    throw new DomainError(
      'unavailable',
      `${file} is larger than ${SEGMENT_LIMITS.fileBytes / 1024 / 1024} MB: it is not a file Fortnight wrote.`,
      'file',
    );
  }
  const decoded = decode(fileSystem(file, 'read', () => readFileSync(file)));
  if (decoded.kind === 'incomplete') {
    throw new DomainError(
      'unavailable',
      `${file} is not complete (cut short while it was copied?): copy it again, then import it.`,
      'file',
    );
  }
  if (decoded.kind === 'invalid')
    throw new DomainError('unavailable', `${file} can't be imported: ${decoded.reason}.`, 'file');
  const { id, joined } = joinWorkspace(ws, [decoded.header.workspace], file);
  const summary = emptySummary(id);
  summary.joined = joined;
  for (const problem of decoded.problems) report(summary, file, problem);
  if (decoded.changes.length > SEGMENT_LIMITS.changesPerSegment && !isEmpty(ws)) backUpBeforeSyncCatchUp(ws);
  const origins = new Origins();
  const size = SEGMENT_LIMITS.changesPerSegment;
  for (let start = 0; start < decoded.changes.length; start += size) {
    const chunk = decoded.changes.slice(start, start + size);
    const before = summary.received;
    applyChanges(ws, summary, file, chunk, decoded.lines.slice(start, start + size));
    if (summary.received > before) origins.add(chunk);
  }
  summary.installations = origins.size;
  return summary;
}
