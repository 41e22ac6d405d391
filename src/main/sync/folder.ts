/**
 * The folder transport: a folder every installation of the workspace can reach (Dropbox,
 * Syncthing, OneDrive, iCloud Drive, a network share). Also the heart of the git transport, which
 * runs it on its clone's working tree.
 */
import { join } from 'node:path';
import type { SyncSummary } from '../../shared/contract.ts';
import type { Workspace } from '../db/open.ts';
import { DomainError } from '../services/errors.ts';
import { changesAfter } from './log.ts';
import { openExchange, receiveSegments, type Exchange } from './exchange.ts';
import { encode, SEGMENT_LIMITS } from './segment.ts';
import { writeSnapshotIfDue } from './snapshot.ts';
import {
  nextSegmentNumber,
  requireSyncFolder,
  segmentName,
  workspacesIn,
  writeNewFile,
} from './segment-files.ts';
import { changeLogVersion } from '../store/version.ts';
import { coverOf, knownOf, markApplied, merge, sentUpto, setSentUpto } from './sources.ts';

/** How a folder is named among the targets this installation remembers. */
export const folderTarget = (folder: string) => `folder:${folder}`;

/**
 * Writes what the exchange's place doesn't hold yet (every change newer than what its segments
 * hold, per installation) as this installation's new segments, each at most `changesPerSegment`
 * long, and remembers each as applied (it is: its changes came from this workspace).
 */
export function sendSegments({ ws, folder, target, summary, sources }: Exchange): void {
  // Nothing was written to the log since the last time: nothing new to send (a quick answer).
  const version = changeLogVersion(ws.db);
  if (sentUpto(ws, target) === version) return;
  const own = join(folder, ws.replicaId);
  let known = knownOf(sources);
  let number = nextSegmentNumber(own);
  for (;;) {
    const batch = changesAfter(ws, known, SEGMENT_LIMITS.changesPerSegment);
    if (batch.length === 0) break;
    const bytes = encode({ workspace: summary.workspaceId, replica: ws.replicaId }, batch);
    // Another process of this installation may have taken the number: take the next one.
    while (!writeNewFile(join(own, segmentName(number)), bytes)) number++;
    const covers = coverOf(batch);
    ws.db.transaction(() => markApplied(ws, target, ws.replicaId, number, covers, sources))();
    summary.sent += batch.length;
    known = merge(known, covers);
    number++;
  }
  ws.db.transaction(() => setSentUpto(ws, target, version))();
}

/** Exchanges with the segments under `root` (a folder, or a git clone's working tree) as `target`. */
export function exchangeWith(ws: Workspace, root: string, target: string, where: string): SyncSummary {
  const exchange = openExchange(ws, root, workspacesIn(root), target, where);
  receiveSegments(exchange);
  sendAfterReceiving(exchange);
  return exchange.summary;
}

/**
 * Sends, then writes a snapshot when one is due. A failure says what the sync received before
 * it (that stays received).
 */
export function sendAfterReceiving(exchange: Exchange): void {
  const { ws, folder, summary, sources } = exchange;
  try {
    sendSegments(exchange);
    writeSnapshotIfDue(ws, folder, summary.workspaceId, sources);
  } catch (error) {
    if (!(error instanceof DomainError) || summary.received === 0) throw error;
    const received = `Received ${summary.received} change${summary.received === 1 ? '' : 's'} (kept), then: `;
    throw new DomainError(error.code, received + error.message, error.field);
  }
}

/** `sync.folder`: the exchange through a folder that exists. */
export function syncFolder(ws: Workspace, folder: string): SyncSummary {
  requireSyncFolder(folder, ws.file);
  return exchangeWith(ws, folder, folderTarget(folder), folder);
}
