/** The workspace's backups as the API offers them: listing, restoring, and one before a risky write. */
import type { BackupInfo, BackupReason, ParsedInput } from '../../shared/contract.ts';
import {
  BackupRefusedError,
  backupsFolder,
  describeBackup,
  findBackup,
  listBackups,
  replaceWithBackup,
  takeBackup,
} from '../db/backups.ts';
import { reopenWorkspace, type Workspace } from '../db/open.ts';
import { DomainError } from './errors.ts';
import { workspaceInfo } from './workspace.ts';

/** An in-memory workspace (tests) has no file to back up. */
const hasFile = (ws: Workspace) => ws.file !== ':memory:';

export function listWorkspaceBackups(ws: Workspace): BackupInfo[] {
  return hasFile(ws) ? listBackups(ws.file) : [];
}

/** A backup of the committed state before a write that changes much (an import, a sync). */
export function backUpBefore(ws: Workspace, reason: BackupReason): void {
  if (hasFile(ws)) takeBackup(ws.file, reason, ws.now());
}

/**
 * The hook for sync: call it before a catch-up applies other installations' changes, from inside
 * the catch-up's writing call (the backup holds the last committed state, before the catch-up).
 */
export function backUpBeforeSyncCatchUp(ws: Workspace): void {
  backUpBefore(ws, 'sync');
}

/**
 * Restores one of the workspace's backups in place of its file, after backing up the current
 * state (restoring `undo` takes the restore back), and reopens the workspace on it.
 */
export function restoreWorkspaceBackup(ws: Workspace, { name }: ParsedInput<'backups.restore'>) {
  const path = hasFile(ws) ? findBackup(ws.file, name) : null;
  const restored = path ? describeBackup(ws.file, name) : null;
  if (!path || !restored) {
    throw new DomainError(
      'not_found',
      `There is no backup named ${name} in ${backupsFolder(ws.file)}`,
      'name',
    );
  }
  let undo: BackupInfo | null;
  try {
    undo = replaceWithBackup(ws.file, path, () => ws.db.close(), ws.now()).undo;
  } catch (error) {
    if (error instanceof BackupRefusedError) throw new DomainError('rule_violation', error.message, 'name');
    throw error;
  } finally {
    // Reopened whether the file was replaced or not: either way the app goes on with a database.
    if (!ws.db.open) reopenWorkspace(ws);
  }
  return { restored, undo, info: workspaceInfo(ws) };
}
