/**
 * A workspace whose file or folder can't be written opens read-only: reads work, every write
 * is refused with `read_only` naming the file and what to do, and the file is left as it was.
 *
 * Tests run as root here, and root ignores permission bits; so as root the file or folder is
 * made immutable (`chattr +i`, which stops root too), otherwise its write bits are removed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../src/main/api/core.ts';
import { openCoreOrRecovery } from '../../src/main/api/recovery.ts';
import { APP_PAGE_URL } from '../../src/main/desktop/app-protocol.ts';
import { createIpcGate } from '../../src/main/desktop/ipc-gate.ts';
import { startHost } from '../../src/main/web/host.ts';
import { CLI, dump, lockAgainstWrites, must, refused, seed, tempDir } from './helpers.ts';

async function seededWorkspace() {
  const dir = tempDir();
  const file = join(dir, 'workspace.db');
  const core = await openCore(file);
  seed(core);
  const content = dump(core.workspace.db);
  core.close();
  return { dir, file, content };
}

function expectReadOnly(core: Core, file: string, content: string) {
  expect(dump(core.workspace.db)).toBe(content);
  expect(must(core, 'goals.list', {})).toHaveLength(1);
  const info = must(core, 'workspace.info', {});
  expect(info.readOnly).toContain(file.replace(/\/workspace\.db$/, ''));
  const error = refused(core, 'goals.create', { title: 'Not allowed' });
  expect(error.code).toBe('read_only');
  expect(error.message).toMatch(/open read-only: to edit it, make (the file|its folder) writable/);
}

/**
 * The desktop app's and browser mode's path: the core in its workers (both open the file
 * read-only), asked over the IPC gate and over HTTP. Reads answer; every write, a restore
 * included, is refused with `read_only` naming the file or folder.
 */
async function expectReadOnlyDoors(file: string, named: string) {
  const core = await openCoreOrRecovery(file);
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fortnight</title>');
  const host = await startHost({ core, rendererDir });
  try {
    const info = await core.call('workspace.info', {}); // answered by the reader worker
    expect(info).toMatchObject({ ok: true, value: { readOnly: expect.stringContaining(named) } });
    expect(await core.call('goals.list', {})).toMatchObject({
      ok: true,
      value: [{ title: 'Faster builds' }],
    });

    const ipc = createIpcGate({ core: () => core, desktop: {} });
    const overIpc = await ipc(APP_PAGE_URL, 'goals.create', { title: 'Not allowed' });
    expect(overIpc).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(!overIpc.ok && overIpc.error.message).toContain(named);
    expect(await ipc(APP_PAGE_URL, 'backups.restore', { name: 'any.db' })).toMatchObject({
      ok: false,
      error: { code: 'read_only' },
    });

    const login = await fetch(host.url, { redirect: 'manual' });
    const cookie = String(login.headers.get('set-cookie')).split(';')[0]!;
    const overHttp = await fetch(`${host.origin}/api/people.create`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: host.origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Not allowed' }),
    });
    const body = (await overHttp.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(body.error.message).toContain(named);
    expect(body.error.message).toMatch(/make (the file|its folder) writable and open Fortnight again/);
  } finally {
    await host.close();
    await core.close();
  }
}

describe('a read-only workspace', { timeout: 180_000 }, () => {
  it('whose file is read-only opens read-only, refuses writes, and keeps its bytes', async (context) => {
    const { file, content } = await seededWorkspace();
    const bytes = readFileSync(file);
    const unlock = lockAgainstWrites(file, false);
    if (!unlock) return context.skip();
    try {
      const core = await openCore(file);
      expect(core.workspace.readOnly).toContain(`can't write to ${file}`);
      expectReadOnly(core, file, content);
      core.close();
      const cli = spawnSync(process.execPath, [CLI, '--db', file, 'call', 'goals.create', '{"title":"x"}'], {
        encoding: 'utf8',
      });
      expect(cli.status).toBe(1);
      expect(JSON.parse(cli.stdout)).toMatchObject({ ok: false, error: { code: 'read_only' } });
      expect(cli.stdout).toContain(file);
      const restore = spawnSync(process.execPath, [CLI, '--db', file, 'restore', file], { encoding: 'utf8' });
      expect(restore.status).toBe(1);
      expect(restore.stderr).toContain(`can't write to ${file}, so it is open read-only`);
      // The commands that write name the file and what to do, as the others do.
      const folder = tempDir();
      writeFileSync(
        join(folder, 'roadmap.md'),
        '# Roadmap\n\n| Goal | State |\n|---|---|\n| Smaller installers | :crab: |\n',
      );
      for (const command of [['example'], ['import', 'roadmap', folder]]) {
        const refusal = spawnSync(process.execPath, [CLI, '--db', file, ...command], { encoding: 'utf8' });
        expect(refusal.status, command.join(' ')).toBe(1);
        expect(refusal.stderr).toContain(
          `fortnight: Fortnight can't write to ${file}, so it is open read-only: to edit it, make the file writable`,
        );
      }
      await expectReadOnlyDoors(file, file);
    } finally {
      unlock();
    }
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('whose folder is read-only opens read-only and reads, even with no shared-memory file', async (context) => {
    const { dir, file, content } = await seededWorkspace();
    expect(readdirSync(dir)).toEqual(['workspace.db']); // closed cleanly: no -wal, no -shm
    const bytes = readFileSync(file);
    const unlock = lockAgainstWrites(dir, true);
    if (!unlock) return context.skip();
    try {
      const core = await openCore(file);
      expect(core.workspace.readOnly).toContain(`can't write to ${dir}`);
      expectReadOnly(core, file, content);
      expect(must(core, 'backups.list', {})).toEqual([]);
      core.close();
      await expectReadOnlyDoors(file, dir);
    } finally {
      unlock();
    }
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['workspace.db']);
  });
});
