/** The renderer's lazily loaded parts: loaded once, on first use; a failed load is tried again. */
import { describe, expect, it } from 'vitest';
import { lazy } from '../../src/renderer/src/lib/lazy.ts';

describe('lazy', () => {
  it('loads nothing until asked, then once, however often it is asked', async () => {
    let loads = 0;
    const screen = lazy(async () => ({ default: `screen ${++loads}` }));
    expect(loads).toBe(0);
    const [first, second] = await Promise.all([screen(), screen()]);
    expect([first, second, await screen()]).toEqual(['screen 1', 'screen 1', 'screen 1']);
    expect(loads).toBe(1);
  });

  it('forgets a failed load, so the next call tries again', async () => {
    let loads = 0;
    const screen = lazy(async () => {
      if (++loads === 1) throw new Error('Failed to fetch dynamically imported module');
      return { default: 'screen' };
    });
    await expect(screen()).rejects.toThrow('Failed to fetch');
    expect(await screen()).toBe('screen');
    expect(loads).toBe(2);
  });
});
