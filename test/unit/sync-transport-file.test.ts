/** The file transport: a round trip, joining from a file, since a time, another workspace, bad files, the backup. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dump, must, refused, tempCore, tempDir } from './helpers.ts';
import { someWork, synced, syncedDump } from './sync-transport-helpers.ts';

const exported = (core: Awaited<ReturnType<typeof tempCore>>, file: string, since?: string) =>
  must(core, 'sync.exportChanges', { file, ...(since ? { since } : {}) });

describe('sync through a file', () => {
  it('an empty workspace joins from a file; importing it again changes nothing more', async () => {
    const dir = tempDir();
    const a = await tempCore();
    someWork(a, 'a');
    const file = join(dir, 'week.fortnight-changes');
    const out = exported(a, file);
    expect(out.sent).toBeGreaterThan(0);
    expect(out.bytes).toBe(readFileSync(file).length);

    const b = await tempCore();
    const first = synced(b, 'sync.importChanges', { file });
    expect(first).toMatchObject({
      joined: true,
      workspaceId: out.workspaceId,
      received: out.sent,
      installations: 1,
    });
    expect(syncedDump(b.workspace.db)).toEqual(syncedDump(a.workspace.db));

    const again = synced(b, 'sync.importChanges', { file });
    expect(again).toMatchObject({ joined: false, received: 0, duplicates: out.sent });

    // Back the other way: B's edits reach A.
    someWork(b, 'b');
    const back = join(dir, 'back.fortnight-changes');
    exported(b, back);
    expect(synced(a, 'sync.importChanges', { file: back }).received).toBeGreaterThan(0);
    expect(syncedDump(a.workspace.db)).toEqual(syncedDump(b.workspace.db));
  });

  it('exports only what was made since a time, and never replaces a file', async () => {
    const dir = tempDir();
    const a = await tempCore();
    let now = new Date('2026-11-01T12:00:00Z');
    a.workspace.now = () => now;
    someWork(a, 'early');
    const early = exported(a, join(dir, 'early.fortnight-changes')).sent;
    now = new Date('2026-11-20T12:00:00Z');
    someWork(a, 'late');
    const all = exported(a, join(dir, 'all.fortnight-changes')).sent;
    const since = exported(a, join(dir, 'since.fortnight-changes'), '2026-11-15T00:00:00Z').sent;
    expect(since).toBe(all - early);

    expect(refused(a, 'sync.exportChanges', { file: join(dir, 'all.fortnight-changes') })).toMatchObject({
      code: 'unavailable',
      message: `${join(dir, 'all.fortnight-changes')} already exists: choose a new file name.`,
    });
    expect(refused(a, 'sync.exportChanges', { file: join(dir, 'notes.txt') })).toMatchObject({
      code: 'invalid_input',
      field: 'file',
      message: 'file: must end in .fortnight-changes',
    });
  });

  it("refuses another workspace's file, a file cut short, and a file that isn't one, changing nothing", async () => {
    const dir = tempDir();
    const a = await tempCore();
    someWork(a, 'a');
    const file = join(dir, 'a.fortnight-changes');
    const { workspaceId } = exported(a, file);
    const other = await tempCore();
    someWork(other, 'other');
    const before = dump(other.workspace.db);

    const error = refused(other, 'sync.importChanges', { file });
    expect(error.code).toBe('rule_violation');
    expect(error.message).toContain(`is not the one in ${file} (${workspaceId})`);

    const cut = join(dir, 'cut.fortnight-changes');
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 9));
    expect(refused(other, 'sync.importChanges', { file: cut }).message).toBe(
      `${cut} is not complete (cut short while it was copied?): copy it again, then import it.`,
    );
    const text = join(dir, 'notes.fortnight-changes');
    writeFileSync(text, 'just some notes');
    expect(refused(other, 'sync.importChanges', { file: text }).message).toBe(
      `${text} can't be imported: it is not a Fortnight changes file.`,
    );
    expect(refused(other, 'sync.importChanges', { file: join(dir, 'missing') }).message).toBe(
      `There is no file or folder at ${join(dir, 'missing')}.`,
    );
    expect(dump(other.workspace.db)).toBe(before);
  });

  it('backs the workspace up before a large import into a workspace that has data', async () => {
    const dir = tempDir();
    const a = await tempCore();
    someWork(a, 'a');
    const small = join(dir, 'small.fortnight-changes');
    exported(a, small);
    const b = await tempCore();
    synced(b, 'sync.importChanges', { file: small });
    someWork(b, 'b');
    expect(must(b, 'backups.list', {}).filter((x) => x.reason === 'sync')).toEqual([]);

    for (let i = 0; i < 1500; i++) must(a, 'people.create', { name: `Person ${i}`, timeZone: 'UTC' });
    const large = join(dir, 'large.fortnight-changes');
    expect(exported(a, large).sent).toBeGreaterThan(5000);
    const summary = synced(b, 'sync.importChanges', { file: large });
    expect(summary.received).toBeGreaterThan(5000);
    const backups = must(b, 'backups.list', {}).filter((x) => x.reason === 'sync');
    expect(backups).toHaveLength(1);
    // It holds the state before the import: B's own work, none of the 1500 people.
    expect(backups[0]).toMatchObject({ readable: true, goals: 2 });
    expect(syncedDump(b.workspace.db).people).toHaveLength(1502);
  }, 60_000);
});
