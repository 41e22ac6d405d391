/**
 * Stakeholders, polls and monthly updates are synced data like the rest: the example workspace's
 * (five stakeholders, a poll with answers, a published update) reach a joining installation
 * whole, and an answer recorded on either side reaches the other.
 */
import { describe, expect, it } from 'vitest';
import { must, tempCore, tempDir } from './helpers.ts';
import { synced, syncedDump } from './sync-transport-helpers.ts';

describe('stakeholders, polls and updates through a synced folder', () => {
  it('reach a joining installation, and a later answer reaches the other side', async () => {
    const folder = tempDir();
    const a = await tempCore();
    const b = await tempCore();
    must(a, 'workspace.loadExample', {});
    synced(a, 'sync.folder', { folder });
    expect(synced(b, 'sync.folder', { folder })).toMatchObject({ joined: true, problems: [] });

    for (const method of ['stakeholders.overview', 'polls.list', 'updates.list'] as const) {
      expect(must(b, method, {}), method).toEqual(must(a, method, {}));
    }
    expect(must(b, 'polls.list', {}).length).toBeGreaterThan(0);
    expect(must(b, 'updates.list', {}).length).toBeGreaterThan(0);

    const poll = must(b, 'polls.get', { id: must(b, 'polls.list', {})[0]!.id });
    const asked = poll.askedIds.find((id) => !poll.responses.some((r) => r.personId === id));
    expect(asked, 'a stakeholder asked who has not answered yet').toBeDefined();
    must(b, 'polls.respond', { pollId: poll.id, personId: asked!, answer: poll.options[0] ?? 'Yes' });
    synced(b, 'sync.folder', { folder });
    synced(a, 'sync.folder', { folder });
    expect(must(a, 'polls.get', { id: poll.id })).toEqual(must(b, 'polls.get', { id: poll.id }));
    expect(syncedDump(a.workspace.db)).toEqual(syncedDump(b.workspace.db));
  });
});
