/**
 * The folder transport on real workspace files and a real folder: joining, converging after
 * edits in either order, a half-synced folder, invalid lines, another workspace, a folder that
 * can't be written, a backup before a large catch-up.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encode } from '../../src/main/sync/segment.ts';
import { dump, lockAgainstWrites, must, refused, tempCore, tempDir } from './helpers.ts';
import { someWork, synced, syncedDump } from './sync-transport-helpers.ts';

const segmentsOf = (folder: string, workspace: string, replica: string) =>
  readdirSync(join(folder, workspace, replica))
    .filter((name) => name.endsWith('.changes.gz'))
    .sort()
    .map((name) => join(folder, workspace, replica, name));

describe('sync through a folder', () => {
  it('an empty workspace joins; edits made on both sides, the same field too, converge in either order', async () => {
    const folder = tempDir();
    const a = await tempCore();
    const b = await tempCore();
    const { goal } = someWork(a, 'a');

    const first = synced(a, 'sync.folder', { folder });
    expect(first).toMatchObject({ joined: false, received: 0, conflicts: 0 });
    expect(first.sent).toBeGreaterThan(0);
    expect(readdirSync(folder)).toEqual([first.workspaceId]);

    const joined = synced(b, 'sync.folder', { folder });
    expect(joined).toMatchObject({
      workspaceId: first.workspaceId,
      joined: true,
      received: first.sent,
      installations: 1,
      sent: 0,
      problems: [],
    });
    expect(syncedDump(b.workspace.db)).toEqual(syncedDump(a.workspace.db));

    // Offline, both edit the title of one goal; each adds work of its own.
    must(a, 'goals.update', { id: goal.id, title: 'Faster builds (A)' });
    someWork(a, 'a2');
    must(b, 'goals.update', { id: goal.id, title: 'Faster builds (B)' });
    someWork(b, 'b');

    const summaries = [
      synced(b, 'sync.folder', { folder }),
      synced(a, 'sync.folder', { folder }),
      synced(b, 'sync.folder', { folder }),
    ];
    expect(summaries[1]!.received).toBeGreaterThan(0);
    expect(summaries[2]!.received).toBeGreaterThan(0);
    expect(summaries.reduce((n, s) => n + s.conflicts, 0)).toBeGreaterThanOrEqual(1);
    expect(syncedDump(b.workspace.db)).toEqual(syncedDump(a.workspace.db));

    // Nothing new: nothing sent, nothing received, no file written.
    const files = readdirSync(join(folder, first.workspaceId), { recursive: true }).length;
    for (const core of [a, b]) {
      expect(synced(core, 'sync.folder', { folder })).toMatchObject({ sent: 0, received: 0, duplicates: 0 });
    }
    expect(readdirSync(join(folder, first.workspaceId), { recursive: true }).length).toBe(files);
  });

  it("refuses to merge a workspace that has data with another workspace's folder, naming both, changing nothing", async () => {
    const folder = tempDir();
    const a = await tempCore();
    someWork(a, 'a');
    const { workspaceId } = synced(a, 'sync.folder', { folder });
    const other = await tempCore();
    someWork(other, 'other');
    const before = dump(other.workspace.db);

    const error = refused(other, 'sync.folder', { folder });
    expect(error.code).toBe('rule_violation');
    expect(error.message).toMatch(
      new RegExp(`^This workspace \\([0-9a-f-]{36}\\) is not the one in ${folder} \\(${workspaceId}\\)`),
    );
    expect(dump(other.workspace.db)).toBe(before);
    expect(readdirSync(folder)).toEqual([workspaceId]);
  });

  it('a half-synced folder: a segment cut short waits, and is read once it is whole', async () => {
    const folder = tempDir();
    const a = await tempCore();
    someWork(a, 'one');
    const { workspaceId } = synced(a, 'sync.folder', { folder });
    someWork(a, 'two');
    synced(a, 'sync.folder', { folder });
    const [, second] = segmentsOf(folder, workspaceId, a.workspace.replicaId);
    expect(second).toBeDefined();

    // Another installation's copy of the folder, where the syncing tool has half of the second.
    const copy = tempDir();
    cpSync(folder, copy, { recursive: true });
    const copied = second!.replace(folder, copy);
    const whole = readFileSync(second!);
    writeFileSync(copied, whole.subarray(0, Math.floor(whole.length / 2)));

    const c = await tempCore();
    const half = synced(c, 'sync.folder', { folder: copy });
    expect(half.joined).toBe(true);
    expect(half.waiting).toEqual([copied]);
    expect(half.problems).toEqual([]);
    expect(must(c, 'goals.list', {}).map((g) => g.title)).toEqual(['Goal one']);

    writeFileSync(copied, whole);
    const rest = synced(c, 'sync.folder', { folder: copy });
    expect(rest.waiting).toEqual([]);
    expect(rest.received).toBeGreaterThan(0);
    expect(syncedDump(c.workspace.db)).toEqual(syncedDump(a.workspace.db));
  });

  it('skips invalid lines and invalid changes, naming file and line, and applies the rest', async () => {
    const folder = tempDir();
    const a = await tempCore();
    const { goal } = someWork(a, 'a');
    const { workspaceId } = synced(a, 'sync.folder', { folder });
    const b = await tempCore();
    synced(b, 'sync.folder', { folder });

    // A segment from a third installation: a good edit, an edit the goal's rules refuse, a bad line.
    const writer = randomUUID();
    const stamp = (n: number) => `${String(Date.now() + n).padStart(13, '0')}-00000-${writer}`;
    const change = (n: number, field: string, value: unknown) => ({
      entity: 'goal',
      id: goal.id,
      field,
      value: JSON.stringify(value),
      hlc: stamp(n),
      replica: writer,
      base: null,
    });
    const bytes = encode({ workspace: workspaceId, replica: writer }, [
      change(1, 'title', 'Renamed elsewhere'),
      change(2, 'title', 'x'.repeat(5000)),
      change(3, 'impact', 'Builds in a minute'),
    ]);
    const file = join(folder, workspaceId, writer, '00000001.changes.gz');
    mkdirSync(join(folder, workspaceId, writer));
    writeFileSync(file, bytes);

    const summary = synced(b, 'sync.folder', { folder });
    expect(summary.problems).toEqual([{ file, line: 3, message: expect.stringMatching(/\w/) }]);
    expect(summary.problemCount).toBe(1);
    expect(summary.received).toBe(2);
    expect(must(b, 'goals.get', { id: goal.id })).toMatchObject({
      title: 'Renamed elsewhere',
      impact: 'Builds in a minute',
    });
    // Read once: the next sync doesn't report it again.
    expect(synced(b, 'sync.folder', { folder }).problems).toEqual([]);
  });

  it('says clearly when the folder is missing, a file, or cannot be written', async (context) => {
    const a = await tempCore();
    someWork(a, 'a');
    const dir = tempDir();
    expect(refused(a, 'sync.folder', { folder: join(dir, 'nowhere') }).message).toBe(
      `There is no folder at ${join(dir, 'nowhere')}: create it (or choose your synced folder) first.`,
    );
    writeFileSync(join(dir, 'file'), '');
    expect(refused(a, 'sync.folder', { folder: join(dir, 'file') }).message).toBe(
      `${join(dir, 'file')} is a file, not a folder.`,
    );
    expect(refused(a, 'sync.folder', { folder: 'relative/path' })).toMatchObject({
      code: 'invalid_input',
      field: 'folder',
      message: 'folder: must be an absolute path',
    });

    const folder = tempDir();
    const unlock = lockAgainstWrites(folder, true);
    if (!unlock) return context.skip();
    try {
      const error = refused(a, 'sync.folder', { folder });
      expect(error.code).toBe('unavailable');
      expect(error.message).toMatch(
        /^Fortnight can't write .*: it is read-only or belongs to someone else\./,
      );
    } finally {
      unlock();
    }
  });

  it("counts only folders holding a workspace's files, beside a synced folder's other folders", async () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'Photos'));
    mkdirSync(join(folder, 'Work', 'drafts'), { recursive: true });
    writeFileSync(join(folder, 'Work', 'drafts', 'notes.txt'), 'not a segment');
    const a = await tempCore();
    someWork(a, 'a');
    const first = synced(a, 'sync.folder', { folder });
    expect(first).toMatchObject({ joined: false, problems: [] });
    expect(readdirSync(folder).sort()).toEqual(['Photos', 'Work', first.workspaceId].sort());
    // A new installation joins the one workspace there, and a second sync of A goes on as before.
    const b = await tempCore();
    expect(synced(b, 'sync.folder', { folder })).toMatchObject({
      workspaceId: first.workspaceId,
      joined: true,
    });
    expect(synced(a, 'sync.folder', { folder }).workspaceId).toBe(first.workspaceId);
  });

  it("refuses a folder that holds the workspace's own file, naming the field, and changes nothing", async () => {
    const dir = tempDir();
    const a = await tempCore(join(dir, 'workspace.db'));
    const place = must(a, 'sync.place', {});
    for (const folder of [dir, join(dir, '..')]) {
      expect(refused(a, 'sync.setPlace', { kind: 'folder', folder })).toMatchObject({
        field: 'folder',
        message: expect.stringContaining("holds this workspace's own file"),
      });
      expect(refused(a, 'sync.folder', { folder }).field).toBe('folder');
    }
    expect(must(a, 'sync.place', {})).toEqual(place);
    expect(readdirSync(dir).filter((name) => !name.startsWith('workspace.db'))).toEqual([]);
  });
});
