/**
 * The navigation's polls (the version, the sync status, the review count) go after the calls a
 * screen or a user waits for, so a screen's first reads never queue behind them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, callWhenQuiet } from '../../../src/renderer/src/lib/api.ts';
import { bridge, settle } from './workspace.ts';

afterEach(() => vi.useRealTimers());

describe('a poll', () => {
  it('is sent once the calls on their way have answered', async () => {
    const { calls, hold } = await bridge();
    const held = hold('roadmap.view');
    const screen = call('roadmap.view', {});
    const answer = await held;
    const poll = callWhenQuiet('workspace.version', {});
    await settle();
    expect(calls).toEqual(['roadmap.view']); // the poll waits
    await answer.release();
    expect((await screen).ok).toBe(true);
    const version = await poll;
    expect(calls).toEqual(['roadmap.view', 'workspace.version']);
    expect(version.ok && typeof version.value.version).toBe('number');
  });

  it('is sent at once when nothing is on its way', async () => {
    const { calls } = await bridge();
    expect((await callWhenQuiet('sync.status', {})).ok).toBe(true);
    expect(calls).toEqual(['sync.status']);
  });

  it('goes while a long call (a sync) is on its way, once that is a second old, and after a screen read beside it', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const { calls, hold } = await bridge();
    const syncing = hold('sync.now');
    const sync = call('sync.now', {});
    const held = await syncing;
    // A poll asked just after the sync started waits for it, at most until it is a second old.
    const early = callWhenQuiet('sync.status', {});
    await settle();
    expect(calls).toEqual(['sync.now']);
    await vi.advanceTimersByTimeAsync(1000);
    expect((await early).ok).toBe(true);
    expect(calls).toEqual(['sync.now', 'sync.status']);

    // The sync is a long call now: a poll goes at once, and after a screen's read asked meanwhile.
    const reading = hold('roadmap.view');
    const screen = call('roadmap.view', {});
    const read = await reading;
    const poll = callWhenQuiet('workspace.version', {});
    await settle();
    expect(calls).toEqual(['sync.now', 'sync.status', 'roadmap.view']);
    await read.release();
    expect((await screen).ok).toBe(true);
    expect((await poll).ok).toBe(true);
    expect(calls).toEqual(['sync.now', 'sync.status', 'roadmap.view', 'workspace.version']);
    await held.release();
    await sync;
  });
});
