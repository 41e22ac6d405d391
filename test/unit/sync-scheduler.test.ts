/**
 * Syncing by itself (`scheduler.ts`), with the core in its worker threads as the doors run it,
 * real workspace files and a real shared folder, and short intervals: an edit goes out by
 * itself, another installation's files arrive by themselves (the folder is watched), a folder out
 * of reach is tried again and watched anew once back, never two syncs at once, and a last sync
 * before closing.
 */
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../src/main/api/core-client.ts';
import { scheduleFromEnv, withSyncScheduler, type SyncingCore } from '../../src/main/sync/scheduler.ts';
import type { Output } from '../../src/shared/contract.ts';
import { must as mustNow, tempCore, tempDir } from './helpers.ts';

/** Generous: each step is quick, but the machine may be loaded. */
const WAIT_MS = 60_000;
const running: SyncingCore[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((core) => core.close()));
});

/** A core syncing by itself; the interval is long, so only edits, the folder and asking start a sync. */
async function syncingCore(file: string): Promise<SyncingCore> {
  const core = withSyncScheduler(await startCore(file), {
    everyMs: 3_600_000,
    afterEditsMs: 150,
    longestDelayMs: 1_000,
    afterFolderMs: 150,
    retryMs: 200,
    beforeQuitMs: 20_000,
  });
  running.push(core);
  await core.start();
  return core;
}

async function must<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
  const result = await answer;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const titles = async (core: SyncingCore) =>
  (await must(core.call('goals.list', {}))).map((goal) => goal.title);

/** Waits until `check` holds (asked again and again), or fails saying what it last saw. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const until = Date.now() + WAIT_MS;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > until) throw new Error(`Still not there: ${JSON.stringify(value)}`);
    await new Promise((done) => setTimeout(done, 50));
    value = await read();
  }
  return value;
}

describe('syncing by itself', { timeout: 180_000 }, () => {
  it('sends an edit by itself, and the other installation receives it by itself (folder watch)', async () => {
    const dir = tempDir();
    const folder = join(dir, 'shared');
    mkdirSync(folder);
    const a = await syncingCore(join(dir, 'a.db'));
    const b = await syncingCore(join(dir, 'b.db'));
    await must(a.call('goals.create', { title: 'Before the place' }));
    expect(await must(a.call('sync.setPlace', { kind: 'folder', folder }))).toEqual({
      kind: 'folder',
      folder,
    });
    // Setting the place syncs at once.
    await eventually(
      () => must(a.call('sync.status', {})),
      (s) => s.state === 'synced' && s.waiting === 0,
    );
    await must(b.call('sync.setPlace', { kind: 'folder', folder }));
    await eventually(
      () => titles(b),
      (list) => list.includes('Before the place'),
    );

    // An edit on A goes out by itself; B sees A's new file and takes it in by itself.
    await must(a.call('goals.create', { title: 'Sent by itself' }));
    await eventually(
      () => titles(b),
      (list) => list.includes('Sent by itself'),
    );
    const status = await must(a.call('sync.status', {}));
    expect(status).toMatchObject({ state: 'synced', waiting: 0 });
    // And back: B's edit reaches A the same way.
    await must(b.call('goals.create', { title: 'From B' }));
    await eventually(
      () => titles(a),
      (list) => list.includes('From B'),
    );
  });

  it('tries a folder out of reach again soon, and watches it anew once it is back', async () => {
    const dir = tempDir();
    const folder = join(dir, 'shared');
    const away = join(dir, 'away');
    mkdirSync(folder);
    const a = await syncingCore(join(dir, 'a.db'));
    const b = await syncingCore(join(dir, 'b.db'));
    for (const core of [a, b]) {
      await must(core.call('sync.setPlace', { kind: 'folder', folder }));
      await eventually(
        () => must(core.call('sync.status', {})),
        (s) => s.state === 'synced',
      );
    }
    // The folder goes away (a share unmounted, a synced folder moved): A's edit waits.
    renameSync(folder, away);
    await must(a.call('goals.create', { title: 'Made while away' }));
    await eventually(
      () => must(a.call('sync.status', {})),
      (s) => s.state === 'unreachable' && s.waiting > 0,
    );
    // It is back: with no edit and no sync asked for, the edit goes out and reaches B.
    renameSync(away, folder);
    await eventually(
      () => titles(b),
      (list) => list.includes('Made while away'),
    );
    // Both watch the folder anew: B's next edit reaches A by itself.
    await must(b.call('goals.create', { title: 'After the folder came back' }));
    await eventually(
      () => titles(a),
      (list) => list.includes('After the folder came back'),
    );
  });

  it('never runs two syncs at once: asks meanwhile get one more sync after the one under way', async () => {
    const dir = tempDir();
    const folder = join(dir, 'shared');
    mkdirSync(folder);
    const a = await syncingCore(join(dir, 'a.db'));
    await must(a.call('sync.setPlace', { kind: 'folder', folder }));
    expect(await a.call('sync.now', { folder })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'folder' },
    });
    const answers = await Promise.all([1, 2, 3, 4].map(() => a.call('sync.now', {})));
    for (const answer of answers) expect(answer.ok).toBe(true);
    // The second to fourth asks share one sync: the same summary object.
    const values = answers.map((answer) => (answer.ok ? answer.value : null)) as Output<'sync.now'>[];
    expect(values[2]).toEqual(values[1]);
    expect(values[3]).toEqual(values[1]);
  });

  it('syncs a last time when closed', async () => {
    const dir = tempDir();
    const folder = join(dir, 'shared');
    mkdirSync(folder);
    const a = withSyncScheduler(await startCore(join(dir, 'a.db')), { afterEditsMs: 3_600_000 });
    await a.start();
    await must(a.call('sync.setPlace', { kind: 'folder', folder }));
    await eventually(
      () => must(a.call('sync.status', {})),
      (s) => s.state === 'synced',
    );
    await must(a.call('goals.create', { title: 'Made just before quitting' }));
    await a.close();
    // Closed: another installation finds the edit in the folder.
    const b = await tempCore(join(dir, 'b.db'));
    mustNow(b, 'sync.setPlace', { kind: 'folder', folder });
    mustNow(b, 'sync.now', {});
    expect(mustNow(b, 'goals.list', {}).map((goal) => goal.title)).toContain('Made just before quitting');
  });

  it('takes its intervals from the environment, ignoring values that are not whole milliseconds', () => {
    const schedule = scheduleFromEnv({
      FORTNIGHT_SYNC_EVERY_MS: '60000',
      FORTNIGHT_SYNC_AFTER_EDITS_MS: 'soon',
      FORTNIGHT_SYNC_AFTER_FOLDER_MS: '5',
      FORTNIGHT_SYNC_RETRY_MS: '1000',
    });
    expect(schedule).toMatchObject({
      everyMs: 60_000,
      afterEditsMs: 8_000,
      afterFolderMs: 2_000,
      retryMs: 1_000,
    });
  });
});
