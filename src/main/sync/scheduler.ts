/**
 * Syncing by itself, for the app's doors (the desktop app and browser mode): a wrapper around the
 * core client that, once a place is set (`sync.setPlace`), runs `sync.now` in the core
 *
 * - when the app starts, and as soon as the place is set or changed;
 * - when the synced folder changes (another installation's files arriving; watched, debounced;
 *   a folder that can't be watched is still synced on the other occasions, and watched again
 *   after the next sync that reaches it);
 * - every few minutes (`everyMs`);
 * - after a sync that failed (the folder or remote out of reach), again after `retryMs`, then
 *   twice as long after each further failure, up to `everyMs`;
 * - after a burst of edits (`afterEditsMs` after the last write, at most `longestDelayMs` after
 *   the first one not synced yet);
 * - before the app quits (`close`), given at most `beforeQuitMs`.
 *
 * Never two syncs at once: a sync asked for while one runs runs once after it (however many asked).
 * The sync itself (SQLite, files, git) runs in the core's writer thread; only timers are here.
 * A sync that fails is a quiet state (`sync.status` says why), never an exception here.
 */
import { watch, type FSWatcher } from 'node:fs';
import { sep } from 'node:path';
import { answerAsJson } from '../api/answer-json.ts';
import type { CoreClient } from '../api/core-client.ts';
import { describeIssue } from '../api/core.ts';
import type { SyncPlace } from '../../shared/contract-sync-setup.ts';
import { contract, isMethodName } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';

export interface SchedulerOptions {
  /** A sync every so often: default 5 minutes. */
  everyMs: number;
  /** A sync this long after the last edit: default 8 seconds. */
  afterEditsMs: number;
  /** …but no longer than this after the first edit not synced yet: default 1 minute. */
  longestDelayMs: number;
  /** A sync this long after the folder last changed: default 2 seconds. */
  afterFolderMs: number;
  /** A sync this long after one that failed (doubling with each failure, up to `everyMs`): default 30 seconds. */
  retryMs: number;
  /** The longest the last sync before quitting may take: default 5 seconds. */
  beforeQuitMs: number;
}

export const DEFAULT_SCHEDULE: SchedulerOptions = {
  everyMs: 5 * 60_000,
  afterEditsMs: 8_000,
  longestDelayMs: 60_000,
  afterFolderMs: 2_000,
  retryMs: 30_000,
  beforeQuitMs: 5_000,
};

const ENV_NAMES: Record<keyof SchedulerOptions, string> = {
  everyMs: 'FORTNIGHT_SYNC_EVERY_MS',
  afterEditsMs: 'FORTNIGHT_SYNC_AFTER_EDITS_MS',
  longestDelayMs: 'FORTNIGHT_SYNC_LONGEST_DELAY_MS',
  afterFolderMs: 'FORTNIGHT_SYNC_AFTER_FOLDER_MS',
  retryMs: 'FORTNIGHT_SYNC_RETRY_MS',
  beforeQuitMs: 'FORTNIGHT_SYNC_BEFORE_QUIT_MS',
};

/** The schedule, with any interval the environment sets (whole milliseconds, at least 10). */
export function scheduleFromEnv(env: NodeJS.ProcessEnv = process.env): SchedulerOptions {
  const schedule = { ...DEFAULT_SCHEDULE };
  for (const [key, name] of Object.entries(ENV_NAMES) as [keyof SchedulerOptions, string][]) {
    const value = Number(env[name]);
    if (env[name] !== undefined && Number.isInteger(value) && value >= 10) schedule[key] = value;
  }
  return schedule;
}

export interface SyncingCore extends CoreClient {
  /** Reads the place and starts syncing by itself (a first sync at once, when a place is set). */
  start(): Promise<void>;
}

/** Whether a write counts as an edit to send (a sync's own writes don't; setting the place re-arms). */
/** The folder to watch: the place's path without a trailing separator. */
const folderPath = (folder: string) => folder.replace(/[\\/]+$/, '') || sep;

const isEdit = (method: string) =>
  isMethodName(method) && contract[method].writes && !method.startsWith('sync.');

export function withSyncScheduler(core: CoreClient, options: Partial<SchedulerOptions> = {}): SyncingCore {
  const schedule = { ...DEFAULT_SCHEDULE, ...options };
  let place: SyncPlace = { kind: 'none' };
  let replicaId = '';
  let stopped = false;
  let watcher: FSWatcher | null = null;
  /** The watch no longer sees the folder (it was moved or removed meanwhile). */
  let watchLost = false;
  let every: NodeJS.Timeout | null = null;
  let afterEdits: NodeJS.Timeout | null = null;
  let firstEditAt: number | null = null;
  let afterFolder: NodeJS.Timeout | null = null;
  let retry: NodeJS.Timeout | null = null;
  /** Syncs that failed in a row. */
  let failures = 0;

  let running: Promise<Result<unknown>> | null = null;
  let queued: Promise<Result<unknown>> | null = null;

  const begin = (): Promise<Result<unknown>> => {
    const run = core.call('sync.now', {});
    running = run;
    void run
      .then(afterSync, () => undefined)
      .finally(() => {
        if (running === run) running = null;
      });
    return run;
  };
  /** One sync now, or once the one under way ends (one for every ask meanwhile). */
  const syncNow = (): Promise<Result<unknown>> => {
    if (queued) return queued;
    if (!running) return begin();
    queued = running.then(() => {
      queued = null;
      return begin();
    });
    return queued;
  };
  const syncByItself = () => {
    if (!stopped && place.kind !== 'none') void syncNow();
  };

  const clearTimer = (timer: NodeJS.Timeout | null) => {
    if (timer) clearTimeout(timer);
    return null;
  };
  const unwatch = () => {
    watcher?.close();
    watcher = null;
  };

  /** Another installation's files: anything but this installation's own folder and hidden temporary names. */
  const isOthers = (name: string | null) => {
    if (!name) return true;
    const parts = name.split(/[\\/]/);
    return !parts.includes(replicaId) && !parts.some((part) => part.startsWith('.'));
  };
  /**
   * Watches the place's folder. A watch sees nothing more once the folder itself is moved or
   * removed, and says so at most with one event naming no file: it is then lost until the next
   * sync that reaches the folder watches it anew.
   */
  const watchFolder = () => {
    unwatch();
    if (place.kind !== 'folder' || replicaId === '') return;
    try {
      const current = watch(
        folderPath(place.folder),
        { recursive: true, persistent: false },
        (_event, name) => {
          const file = name === null ? '' : String(name);
          if (file === '') watchLost = true;
          if (stopped || !isOthers(file)) return;
          afterFolder = clearTimer(afterFolder);
          afterFolder = setTimeout(syncByItself, schedule.afterFolderMs);
        },
      );
      watcher = current;
      watchLost = false;
      // A folder that goes away or can't be watched any more: the other occasions still sync.
      current.on('error', unwatch);
      current.on('close', () => {
        if (watcher === current) watchLost = true;
      });
    } catch {
      watcher = null;
    }
  };

  /**
   * After each sync: one that failed is tried again soon (the folder back, the network up); one
   * that reached the folder after it was out of reach, or after the watch was lost, watches anew.
   */
  const afterSync = (result: Result<unknown>) => {
    retry = clearTimer(retry);
    if (stopped || place.kind === 'none') return;
    if (!result.ok) {
      failures += 1;
      retry = setTimeout(syncByItself, Math.min(schedule.everyMs, schedule.retryMs * 2 ** (failures - 1)));
      retry.unref();
      return;
    }
    if (failures > 0 || watchLost || !watcher) watchFolder();
    failures = 0;
  };

  /** Reads the place (and this installation's id), then syncs through it and watches it. */
  const arm = async () => {
    unwatch();
    const [placed, status] = await Promise.all([core.call('sync.place', {}), core.call('sync.status', {})]);
    place = placed.ok ? placed.value : { kind: 'none' };
    replicaId = status.ok ? status.value.replicaId : '';
    if (stopped || place.kind === 'none') return;
    failures = 0;
    watchFolder();
    syncByItself();
  };

  const edited = () => {
    if (place.kind === 'none' || stopped) return;
    const now = Date.now();
    firstEditAt ??= now;
    afterEdits = clearTimer(afterEdits);
    const wait = Math.min(schedule.afterEditsMs, firstEditAt + schedule.longestDelayMs - now);
    afterEdits = setTimeout(
      () => {
        firstEditAt = null;
        syncByItself();
      },
      Math.max(0, wait),
    );
  };

  const call = async (method: string, input: unknown): Promise<Result<unknown>> => {
    if (method === 'sync.now') {
      const parsed = contract['sync.now'].input.safeParse(input ?? {});
      return parsed.success ? syncNow() : { ok: false, error: describeIssue(parsed.error.issues[0]!, input) };
    }
    const result = await core.call(method, input);
    if (result.ok && method === 'sync.setPlace') await arm();
    else if (result.ok && isEdit(method)) edited();
    return result;
  };

  const stopTimers = () => {
    stopped = true;
    unwatch();
    every = clearTimer(every);
    afterEdits = clearTimer(afterEdits);
    afterFolder = clearTimer(afterFolder);
    retry = clearTimer(retry);
  };

  return {
    call: call as CoreClient['call'],
    // A write goes through `call`, which schedules the sync after it; a read goes straight on.
    callAsJson: async (method, input) =>
      isMethodName(method) && !contract[method].writes
        ? core.callAsJson(method, input)
        : answerAsJson(await call(method, input)),
    version: () => core.version(),
    start: async () => {
      every = setInterval(syncByItself, schedule.everyMs);
      every.unref();
      await arm();
    },
    close: async () => {
      const lastSync = place.kind !== 'none' && !stopped ? syncNow() : null;
      stopTimers();
      let finished = true;
      if (lastSync) {
        let timer: NodeJS.Timeout | undefined;
        const bound = new Promise<boolean>(
          (done) => (timer = setTimeout(() => done(false), schedule.beforeQuitMs)),
        );
        finished = await Promise.race([lastSync.then(() => true), bound]);
        clearTimeout(timer);
      }
      // A sync still running past the bound is stopped with the core: each of its steps is a
      // transaction, so the next sync completes what it left. Other calls under way may finish.
      await core.close({ within: finished ? schedule.beforeQuitMs : 0 });
    },
  };
}
