/**
 * The contract's methods for syncing by itself (see `contract.ts`): the place this installation
 * syncs through, remembered here only (never synced), a sync through it, and its status — what
 * the navigation and Settings → Sync show. The desktop app adds the native dialogs choosing a path.
 */
import { z } from 'zod';
import type { SyncSummary } from './contract.ts';
import { chunked, read, write } from './contract-methods.ts';
import { text } from './entities/fields.ts';
import { absolutePath, gitRemote } from './sync-fields.ts';

/** Where this installation syncs: nowhere yet, a shared folder, or a git remote. */
export type SyncPlace =
  { kind: 'none' } | { kind: 'folder'; folder: string } | { kind: 'git'; remote: string };

/**
 * - `never`: no sync through this place has ended yet;
 * - `syncing`: one is under way;
 * - `synced`: the last one worked (`syncedAt`);
 * - `unreachable`: the last one failed, and `fault` says why in one sentence. Edits keep being
 *   saved here and go out with the next sync that works.
 */
export type SyncState = 'never' | 'syncing' | 'synced' | 'unreachable';

export interface SyncStatus {
  place: SyncPlace;
  state: SyncState;
  /** When the last sync that worked ended (null: none yet through this place). */
  syncedAt: string | null;
  /** Why the last sync failed, in one sentence (null when it worked). */
  fault: string | null;
  /** When the last sync that failed ended. */
  faultAt: string | null;
  /**
   * Items edited here that have not gone out yet (after the last sync that worked), each counted
   * once, up to `WAITING_COUNTED` (`sync-status.ts`; more reads as that many); 0 while no place is set.
   */
  waiting: number;
  /** Conflicts to review (`conflicts.list`). */
  conflicts: number;
  /** What the last sync that worked did. */
  summary: SyncSummary | null;
  /** This installation's id: its own files in a synced folder are under a folder of that name. */
  replicaId: string;
}

const empty = z.strictObject({});

/** A place as `sync.setPlace` takes it: the same fields `sync.folder` and `sync.git` check. */
const syncPlace = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('folder'), folder: absolutePath }),
    z.strictObject({ kind: z.literal('git'), remote: gitRemote }),
  ],
  { error: 'must be none, folder or git' },
);

export const syncSetupMethods = {
  /** Where this installation syncs (local to it: never synced). */
  'sync.place': read<SyncPlace>()(empty),
  /** Sets where this installation syncs; a folder must exist. The status starts again at `never`. */
  'sync.setPlace': write<SyncPlace>()(syncPlace),
  /** One sync through the place set (as `sync.folder` / `sync.git`), its outcome remembered for the status. */
  'sync.now': chunked<SyncSummary>()(empty),
  /** The sync's status, for the navigation and Settings → Sync. */
  'sync.status': read<SyncStatus>()(empty),
  /**
   * A native dialog choosing a path, for the places above and the file of changes: a folder, a
   * file to open, or where to save one (nothing is written). Answered by the desktop app; the core
   * answers `unsupported`, and browser mode asks for the path in a field instead.
   */
  'files.choosePath': read<{ path: string | null }>()(
    z.strictObject({
      kind: z.enum(['folder', 'openFile', 'saveFile'], { error: 'must be folder, openFile or saveFile' }),
      title: text(200),
      /** The extension (without its dot) the file must have, for the two file dialogs. */
      extension: text(20)
        .regex(/^[a-z0-9-]+$/, { error: 'must be an extension such as md' })
        .optional(),
      suggestedName: text(200)
        .regex(/^[^/\\]*$/, { error: 'must be a file name' })
        .optional(),
    }),
  ),
} as const;
