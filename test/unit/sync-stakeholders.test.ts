/**
 * Stakeholders, polls and monthly updates are synced data like the rest: the example workspace's
 * (five stakeholders, a poll with answers, a published update) reach a joining installation
 * whole, and an answer recorded on either side reaches the other; one stakeholder's answer to one
 * poll, and the update of one month, made on two installations offline, merge into one.
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

  it('one answer per stakeholder and poll, and one update per month, when two installations make them offline', async () => {
    const folder = tempDir();
    const a = await tempCore();
    const b = await tempCore();
    const person = must(a, 'people.create', { name: 'Sam Stake', timeZone: 'UTC', roles: ['stakeholder'] });
    const goal = must(a, 'goals.create', { title: 'Faster builds' });
    const poll = must(a, 'polls.create', {
      question: 'Which first?',
      goalId: goal.id,
      options: ['Linux', 'Windows'],
      opensOn: '2026-11-01',
      askedIds: [person.id],
    });
    synced(a, 'sync.folder', { folder });
    synced(b, 'sync.folder', { folder });

    must(a, 'polls.respond', { pollId: poll.id, personId: person.id, answer: 'Linux' });
    must(b, 'polls.respond', { pollId: poll.id, personId: person.id, answer: 'Windows' });
    must(a, 'updates.create', { month: '2026-11' });
    must(b, 'updates.create', { month: '2026-11' });
    for (const core of [a, b, a]) {
      expect(synced(core, 'sync.folder', { folder }).problems).toEqual([]);
    }

    expect(syncedDump(a.workspace.db)).toEqual(syncedDump(b.workspace.db));
    const answers = must(a, 'polls.get', { id: poll.id }).responses;
    expect(answers).toHaveLength(1);
    expect(['Linux', 'Windows']).toContain(answers[0]!.answer);
    expect(must(a, 'updates.list', {}).filter((u) => u.month === '2026-11')).toHaveLength(1);

    // Deleted, the month's update can be started again: the same item comes back.
    const update = must(a, 'updates.list', {}).find((u) => u.month === '2026-11')!;
    must(a, 'updates.delete', { id: update.id });
    expect(must(a, 'updates.create', { month: '2026-11' }).id).toBe(update.id);
  });
});
