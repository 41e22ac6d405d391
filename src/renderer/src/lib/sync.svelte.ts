/**
 * The sync's status for the navigation and Settings → Sync (`sync.status`): read every few
 * seconds (the app syncs by itself in the background), at once after anything the user does
 * here, and its words for the navigation. "Synced n minutes ago" is worked out again each minute.
 */
import type { SyncStatus } from '../../../shared/contract-sync-setup.ts';
import type { SyncSummary } from '../../../shared/contract.ts';
import { WAITING_COUNTED } from '../../../shared/sync-status.ts';
import type { Result } from '../../../shared/result.ts';
import { call, callWhenQuiet } from './api.ts';
import { formatAgo } from './dates.ts';
import { workspace } from './workspace.svelte.ts';

/** How often the status is read: often while a sync runs, else every few seconds. */
const READ_EVERY_MS = 5_000;
const READ_SYNCING_EVERY_MS = 1_000;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** The navigation's short words for a status: what it is now, and conflicts when there are any. */
export function statusWords(
  status: SyncStatus,
  now: Date,
): { state: string; line: string; conflicts: string | null } {
  const where = status.place.kind === 'git' ? 'the remote' : 'the folder';
  const waiting =
    status.waiting >= WAITING_COUNTED
      ? `${WAITING_COUNTED.toLocaleString()}+ edits waiting to go out`
      : status.waiting > 0
        ? plural(status.waiting, 'edit waiting to go out', 'edits waiting to go out')
        : null;
  const conflicts =
    status.conflicts > 0 ? plural(status.conflicts, 'conflict to review', 'conflicts to review') : null;
  if (status.place.kind === 'none') return { state: 'Sync not set up', line: 'Sync not set up', conflicts };
  if (status.state === 'syncing') return { state: 'Syncing…', line: 'Syncing…', conflicts };
  if (status.state === 'unreachable') {
    const state = `Can't reach ${where}`;
    return { state, line: waiting ? `${state} · ${waiting}` : state, conflicts };
  }
  if (waiting) return { state: 'Edits waiting to go out', line: waiting, conflicts };
  if (status.state === 'synced' && status.syncedAt) {
    return { state: 'Synced', line: `Synced ${formatAgo(status.syncedAt, now)}`, conflicts };
  }
  return { state: 'Not synced yet', line: 'Not synced yet', conflicts };
}

class SyncStore {
  status = $state.raw<SyncStatus | null>(null);
  /** The time "n minutes ago" is counted from: moved on each minute. */
  now = $state.raw(new Date());
  private reading: ReturnType<typeof setTimeout> | null = null;
  private ticking: ReturnType<typeof setInterval> | null = null;
  private users = 0;

  /** Reads the status now, or — a poll — once the calls on their way have answered. */
  async refresh(poll = false): Promise<void> {
    const result = poll ? await callWhenQuiet('sync.status', {}) : await call('sync.status', {});
    if (result.ok) this.status = result.value;
    this.now = new Date();
  }

  /** Starts reading the status (for as long as a screen showing it is open); returns the stop. */
  follow(): () => void {
    if (this.users++ === 0) {
      const read = async () => {
        await this.refresh(true);
        if (this.users === 0) return;
        const wait = this.status?.state === 'syncing' ? READ_SYNCING_EVERY_MS : READ_EVERY_MS;
        this.reading = setTimeout(() => void read(), wait);
      };
      void read();
      this.ticking = setInterval(() => (this.now = new Date()), 60_000);
    }
    return () => {
      if (--this.users > 0) return;
      if (this.reading) clearTimeout(this.reading);
      if (this.ticking) clearInterval(this.ticking);
      this.reading = this.ticking = null;
    };
  }

  /** "Sync now": one sync through the place set, then the status and the workspace's facts read again. */
  async syncNow(): Promise<Result<SyncSummary>> {
    if (this.status) this.status = { ...this.status, state: 'syncing' };
    const result = await call('sync.now', {});
    await Promise.all([this.refresh(), workspace.refresh()]);
    return result;
  }
}

export const sync = new SyncStore();
