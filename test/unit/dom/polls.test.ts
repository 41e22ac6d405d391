/**
 * The navigation's polls (the version, the sync status, the review count) go after the calls a
 * screen or a user waits for, so a screen's first reads never queue behind them.
 */
import { describe, expect, it } from 'vitest';
import { call, callWhenQuiet } from '../../../src/renderer/src/lib/api.ts';
import { bridge, settle } from './workspace.ts';

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
});
