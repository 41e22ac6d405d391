/**
 * What arrived and conflicts to review, between two real workspace files exchanging through the
 * engine: B's edits reach A; A's list names B's person, item and change in plain words until A
 * marks them seen; A's own edits are never listed; resolving a conflict either way settles it on
 * the other replica too, with both showing the same value.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { must, refused, seed } from './helpers.ts';
import { replica, send, syncAll, syncedRows } from './sync-helpers.ts';
import { adopt, workspaceId } from '../../src/main/sync/log.ts';
import {
  arrivalWords,
  fieldWords,
  itemLinkText,
  someoneElse,
  type Arrival,
} from '../../src/shared/arrivals.ts';
import { ENTITIES } from '../../src/shared/entities/index.ts';

async function pair() {
  const a = await replica('a', '2026-11-01T12:00:00.000Z');
  const b = await replica('b', '2026-11-01T12:01:00.000Z');
  const world = seed(a.core);
  adopt(b.core.workspace, workspaceId(a.core.workspace));
  send(a, b);
  must(a.core, 'sync.markSeen', { all: true });
  must(b.core, 'sync.markSeen', { all: true });
  must(a.core, 'workspace.setMe', { personId: world.ada.id });
  must(b.core, 'workspace.setMe', { personId: world.bo.id });
  syncAll([a, b]);
  return { a, b, world };
}

describe('what arrived', () => {
  it("lists B's rename, state change and new polish issues, with B's person, until marked seen", async () => {
    const { a, b, world } = await pair();
    expect(must(a.core, 'sync.arrived', {}).entries).toEqual([]);
    b.tick();
    must(b.core, 'goals.update', { id: world.goal.id, title: 'Fast builds' });
    must(b.core, 'initiatives.update', { id: world.remote.id, state: 'in progress' });
    for (const title of ['Typo in help', 'Slow start', 'Wrong icon'])
      must(b.core, 'polish.create', { title });
    must(a.core, 'goals.update', { id: world.goal.id, impact: 'Mine: never listed' });
    must(a.core, 'polish.create', { title: 'My own issue' });
    syncAll([a, b]);

    const { entries, unseen, more } = must(a.core, 'sync.arrived', {});
    expect(more).toBe(false);
    const said = entries.map((e) => {
      const { verb, rest } = arrivalWords(e);
      return [
        e.who,
        verb,
        e.items
          .map((i) => itemLinkText(e, i))
          .sort()
          .join(', '),
        rest,
      ].join(' | ');
    });
    expect(said.sort()).toEqual(
      [
        `Bo | added 3 polish issues: | Slow start, Typo in help, Wrong icon | `,
        `Bo | moved initiative | Remote execution | ✋ → 🦀`,
        `Bo | renamed goal | Faster builds | to “Fast builds”`,
      ].sort(),
    );
    const goalEntry = entries.find((e) => e.entity === 'goal')!;
    expect(goalEntry.items[0]).toMatchObject({
      label: 'Fast builds',
      place: { page: 'goal', id: world.goal.id },
    });
    expect(entries.find((e) => e.entity === 'polishIssue')!.items[0]!.place).toEqual({
      page: 'polish',
      id: expect.any(String) as unknown,
    });
    expect(unseen.map((u) => u.id)).toContain(world.remote.id);
    expect(unseen.every((u) => u.who.length === 1 && u.who[0] === 'Bo')).toBe(true);
    expect(must(a.core, 'sync.unseen', {})).toEqual(unseen);

    // Opening one item clears its mark and its entry; the rest stay until all are marked seen.
    const afterOne = must(a.core, 'sync.markSeen', { ids: [world.goal.id] });
    expect(afterOne.entries.map((e) => e.entity).sort()).toEqual(['initiative', 'polishIssue']);
    expect(afterOne.unseen.map((u) => u.id)).not.toContain(world.goal.id);
    const afterAll = must(a.core, 'sync.markSeen', { all: true });
    expect(afterAll).toEqual({ entries: [], unseen: [], more: false });

    // A later change of a seen item arrives again, as a change (not an addition).
    b.tick();
    must(b.core, 'goals.update', { id: world.goal.id, title: 'Faster builds again' });
    syncAll([a, b]);
    const again = must(a.core, 'sync.arrived', {}).entries;
    expect(again.map((e) => [e.kind, arrivalWords(e).rest])).toEqual([
      ['changed', 'to “Faster builds again”'],
    ]);
  });

  it('says who deleted what, and never lists what this installation did itself', async () => {
    const { a, b, world } = await pair();
    b.tick();
    must(b.core, 'initiatives.delete', { id: world.remote.id });
    must(a.core, 'goals.update', { id: world.goal.id, title: 'Renamed here' });
    syncAll([a, b]);
    const [deleted, ...rest] = must(a.core, 'sync.arrived', {}).entries;
    expect(rest).toEqual([]);
    expect(deleted).toMatchObject({ kind: 'deleted', entity: 'initiative' });
    expect(deleted!.items).toEqual([
      { entity: 'initiative', id: world.remote.id, label: 'Remote execution', place: null },
    ]);
    expect(arrivalWords(deleted!).verb).toBe('deleted initiative');
    expect(must(b.core, 'sync.arrived', {}).entries.map((e) => e.entity)).toEqual(['goal']);
  });

  it('folds what a cascade delete leaves: one entry per kind, the sprint goals it unlinked in one', async () => {
    const { a, b, world } = await pair();
    const milestones = ['Design', 'Prototype'].map((title) =>
      must(a.core, 'milestones.create', { initiativeId: world.cache.id, title }),
    );
    for (const title of ['Cache keys', 'Cache hits', 'Cache eviction'])
      must(a.core, 'sprintGoals.create', {
        sprintId: world.sprint.id,
        title,
        initiativeId: world.cache.id,
        milestoneId: milestones[0]!.id,
      });
    syncAll([a, b]);
    must(a.core, 'sync.markSeen', { all: true });
    b.tick();
    must(b.core, 'initiatives.delete', { id: world.cache.id, cascade: true });
    syncAll([a, b]);
    const said = must(a.core, 'sync.arrived', {})
      .entries.map((e) => {
        const { verb, rest } = arrivalWords(e);
        const items = e.items.map((i) => itemLinkText(e, i)).sort();
        return `${verb} ${items.join(', ')}${rest ? ` ${rest}` : ''}`;
      })
      .sort();
    expect(said).toEqual([
      'changed the initiative, milestone of 3 sprint goals: Cache eviction, Cache hits, Cache keys',
      'deleted 2 milestones: Design, Prototype',
      'deleted initiative Incremental cache',
    ]);
  });

  it('says a change of one item as a sentence, naming the item once', () => {
    const change = (entity: string, label: string, ...fields: [string, unknown, unknown][]): Arrival => ({
      who: 'Bo',
      personId: null,
      replica: 'b',
      kind: 'changed',
      entity,
      items: [{ entity, id: 'x', label, place: null }],
      fields: fields.map(([field, from, to]) => ({ field, from, to })),
      at: '2026-11-01T12:00:00.000Z',
    });
    const said = (a: Arrival) => {
      const { verb, rest } = arrivalWords(a);
      return [verb, itemLinkText(a, a.items[0]!), rest].filter(Boolean).join(' ');
    };
    expect(said(change('goal', 'Fast builds', ['ownerIds', [], ['p']], ['impact', '', 'More']))).toBe(
      'changed the owners, impact of goal Fast builds',
    );
    expect(
      said(change('meeting', 'Meeting of sprint 7', ['attendees', [], [{ personId: 'p', present: true }]])),
    ).toBe('changed the attendees of Meeting of sprint 7');
    expect(
      said(change('initiative', 'Remote', ['state', 'help wanted', 'in progress'], ['ownerIds', [], ['p']])),
    ).toBe('moved initiative Remote ✋ → 🦀 and changed its owners');
    expect(
      said(
        change(
          'initiative',
          'Remote',
          ['title', 'Remote', 'Remote builds'],
          ['state', 'help wanted', 'in progress'],
          ['impact', '', 'More'],
        ),
      ),
    ).toBe('renamed initiative Remote to “Remote builds”, moved it ✋ → 🦀 and changed its impact');
  });

  it('names every field in words, never by an id', () => {
    const fields = Object.values(ENTITIES).flatMap((e) => Object.keys(e.fields));
    const unnamed = fields.filter((field) => /\bids?\b/.test(fieldWords(field)));
    expect(unnamed).toEqual([]);
  });

  it("names an installation nobody said whose it is by a short label, and a joiner's catch-up is no news", async () => {
    const { a, world } = await pair();
    const c = await replica('c', '2026-11-01T12:05:00.000Z');
    const folder = mkdtempSync(join(tmpdir(), 'fortnight-arrived-'));
    try {
      must(a.core, 'sync.folder', { folder });
      expect(must(c.core, 'sync.folder', { folder }).joined).toBe(true);
      expect(must(c.core, 'sync.arrived', {})).toEqual({ entries: [], unseen: [], more: false });
      must(c.core, 'goals.update', { id: world.goal.id, state: 'paused' });
      must(c.core, 'sync.folder', { folder });
      must(a.core, 'sync.folder', { folder });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const [entry] = must(a.core, 'sync.arrived', {}).entries;
    expect(entry!.who).toBe(someoneElse(c.core.workspace.replicaId));
    expect(entry!.who).toMatch(/^Someone on another computer \([0-9a-f]{4}\)$/);
  });

  it('refuses a mark without items, naming the field, and changes nothing', async () => {
    const { a } = await pair();
    expect(refused(a.core, 'sync.markSeen', {}).message).toMatch(/ids/);
    expect(refused(a.core, 'sync.markSeen', { ids: ['not an id'] }).message).toMatch(/ids/);
  });
});

describe('conflicts to review', () => {
  async function conflicted() {
    const { a, b, world } = await pair();
    must(a.core, 'goals.update', { id: world.goal.id, title: 'From A' });
    b.tick();
    must(b.core, 'goals.update', { id: world.goal.id, title: 'From B' });
    syncAll([a, b]);
    const [conflict] = must(a.core, 'conflicts.list', {});
    expect(conflict).toMatchObject({
      value: 'From A',
      current: 'From B',
      replica: a.core.workspace.replicaId,
      currentReplica: b.core.workspace.replicaId,
      label: 'From B',
      place: { page: 'goal', id: world.goal.id },
    });
    expect(conflict!.currentAt > conflict!.at).toBe(true);
    expect(must(b.core, 'conflicts.list', {})).toHaveLength(1);
    return { a, b, world, conflict: conflict! };
  }

  for (const [choice, value] of [
    ['keep', 'From B'],
    ['other', 'From A'],
  ] as const) {
    it(`resolving with "${choice}" settles it on the other replica too, both showing one value`, async () => {
      const { a, b, world, conflict } = await conflicted();
      a.tick(120_000);
      expect(must(a.core, 'conflicts.resolve', { id: conflict.conflictId, choice })).toEqual([]);
      expect(must(b.core, 'conflicts.list', {})).toHaveLength(1);
      syncAll([a, b]);
      for (const r of [a, b]) {
        expect(must(r.core, 'conflicts.list', {})).toEqual([]);
        expect(must(r.core, 'workspace.info', {}).conflicts).toBe(0);
        expect(must(r.core, 'goals.get', { id: world.goal.id }).title).toBe(value);
      }
      expect(syncedRows(b)).toEqual(syncedRows(a));
    });
  }
});
