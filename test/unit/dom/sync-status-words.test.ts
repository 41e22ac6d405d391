/**
 * The navigation's words for the sync status, from the status a real workspace gives: the edits
 * waiting to go out are counted one by one up to 1,000, then said as "1,000+" (before the first
 * sync of years of history, the status doesn't walk the whole change log).
 */
import { describe, expect, it } from 'vitest';
import { statusWords } from '../../../src/renderer/src/lib/sync.svelte.ts';
import { WAITING_COUNTED } from '../../../src/shared/sync-status.ts';
import { must, tempCore, tempDir } from '../helpers.ts';

describe('the sync status in words', () => {
  it('counts the edits waiting up to 1,000, then says 1,000+', { timeout: 120_000 }, async () => {
    const core = await tempCore();
    must(core, 'sync.setPlace', { kind: 'folder', folder: tempDir() });
    const now = new Date();
    const said = () => {
      const status = must(core, 'sync.status', {});
      return { waiting: status.waiting, line: statusWords(status, now).line };
    };
    const addPeople = (count: number) => {
      for (let i = 0; i < count; i++) must(core, 'people.create', { name: `Person ${i}`, timeZone: 'UTC' });
    };

    addPeople(1);
    expect(said()).toEqual({ waiting: 1, line: '1 edit waiting to go out' });
    addPeople(WAITING_COUNTED - 2);
    expect(said()).toEqual({ waiting: 999, line: '999 edits waiting to go out' });
    addPeople(5);
    expect(said()).toEqual({ waiting: WAITING_COUNTED, line: '1,000+ edits waiting to go out' });
  });
});
