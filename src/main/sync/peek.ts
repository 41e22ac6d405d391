/**
 * `sync.peek`: which workspace a folder, a git remote or a file of changes holds — its name, how
 * many people and goals, how many changes from how many installations — before joining it. The
 * changes are received, through the engine, into a scratch workspace in memory (so the answer is
 * what a join would show) and the scratch is thrown away: the workspace asking is never written.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncPeek, SyncSummary } from '../../shared/contract.ts';
import { openWorkspace, type Workspace } from '../db/open.ts';
import { DomainError } from '../services/errors.ts';
import { workspaceCounts, workspaceName } from '../services/workspace.ts';
import { importChanges } from './changes-file.ts';
import { openExchange, receiveSegments } from './exchange.ts';
import { cloneToRead } from './git.ts';
import { storedWorkspaceId } from './log.ts';
import { requireSyncFolder, workspacesIn } from './segment-files.ts';

export type Place = { folder: string } | { remote: string } | { file: string };

/** The one place a `sync.peek` names (the contract lets exactly one through). */
export function placeOf(input: { folder?: string; remote?: string; file?: string }): Place {
  if (input.folder !== undefined) return { folder: input.folder };
  if (input.remote !== undefined) return { remote: input.remote };
  if (input.file !== undefined) return { file: input.file };
  throw new DomainError('invalid_input', 'input: must name one place: a folder, a remote or a file');
}

/** What `place` holds; a place holding no workspace, or one that can't be read, is refused in one sentence. */
export function peek(ws: Workspace, place: Place): SyncPeek {
  if ('folder' in place) {
    requireSyncFolder(place.folder);
    return inScratch(ws, (scratch) => peekFolder(scratch, place.folder, place.folder, 'folder'));
  }
  if ('remote' in place) return peekRemote(ws, place.remote);
  return inScratch(ws, (scratch) => importChanges(scratch, place.file));
}

/** Receives into a scratch workspace in memory, says what it holds, and closes it. */
function inScratch(ws: Workspace, receive: (scratch: Workspace) => SyncSummary): SyncPeek {
  const scratch = openWorkspace(':memory:');
  try {
    const summary = receive(scratch);
    const counts = workspaceCounts(scratch);
    return {
      workspaceId: summary.workspaceId,
      name: workspaceName(scratch),
      people: counts.person ?? 0,
      goals: counts.goal ?? 0,
      changes: summary.received,
      installations: summary.installations,
      waiting: summary.waiting.length,
      problems: summary.problemCount,
      isThisWorkspace: summary.workspaceId === storedWorkspaceId(ws),
    };
  } finally {
    scratch.db.close();
  }
}

/**
 * Receives the one workspace `root` holds (see `workspacesIn` for what counts as one).
 */
function peekFolder(scratch: Workspace, root: string, where: string, field: string): SyncSummary {
  const found = workspacesIn(root);
  if (found.length === 0) {
    throw new DomainError(
      'unavailable',
      `${where} holds no Fortnight workspace: no installation has synced through it yet (or its files are still being copied). Choose the place your group syncs through.`,
      field,
    );
  }
  if (found.length > 1) {
    throw new DomainError(
      'unavailable',
      `${where} holds several workspaces (${found.join(', ')}): join from a place that holds just the one of your group.`,
      field,
    );
  }
  const exchange = openExchange(scratch, root, found, 'peek', where);
  const { summary } = exchange;
  receiveSegments(exchange);
  if (summary.received === 0 && summary.waiting.length > 0) {
    throw new DomainError(
      'unavailable',
      `The workspace in ${where} is still being copied (${summary.waiting.length} of its files are not complete yet): wait until your syncing tool has finished, then try again.`,
      field,
    );
  }
  if (summary.received === 0 && summary.problems[0]) {
    throw new DomainError(
      'unavailable',
      `The workspace in ${where} can't be read: ${summary.problems[0].message}.`,
      field,
    );
  }
  return summary;
}

/** Fetches the remote into a temporary clone, reads it as a folder, and removes the clone. */
function peekRemote(ws: Workspace, remote: string): SyncPeek {
  const dir = mkdtempSync(join(tmpdir(), 'fortnight-peek-'));
  try {
    if (!cloneToRead(dir, remote)) {
      throw new DomainError(
        'unavailable',
        `${remote} holds no Fortnight workspace yet (it has no branch fortnight): choose the remote your group syncs through.`,
        'remote',
      );
    }
    return inScratch(ws, (scratch) => peekFolder(scratch, dir, remote, 'remote'));
  } catch (error) {
    // git's faults (unreachable, refused, no git) are about the remote the user typed.
    if (error instanceof DomainError && error.field === undefined) {
      throw new DomainError(error.code, error.message, 'remote');
    }
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
