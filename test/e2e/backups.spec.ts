/** Settings → Backups: the list, a restore in one click, and its undo; a damaged workspace's backups. */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, heading, nodeBinary, startServer, stopServer, test } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');

test('a backup is listed, restored in one click, and the restore undone', async ({ page, app, api }) => {
  await api('goals.create', { title: 'Kept goal' });
  // An import backs the workspace up first: that backup holds one goal.
  const content = '# Roadmap\n\n| Goal | State | Owner |\n|---|---|---|\n| Imported goal | :crab: | |\n';
  await api('roadmap.import', { files: [{ path: 'roadmap.md', content }], keepMissing: true });
  expect(await api('goals.list', {})).toHaveLength(2);

  await app.open('#/settings');
  await expect(heading(page)).toHaveText('Settings');
  const section = page.getByRole('region', { name: 'Backups' });
  const row = section.getByRole('row', { name: /Before an import/ });
  await expect(row).toContainText('1 goals, 0 sprints');
  await expect(row).toContainText(/kB/);

  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(violations).toEqual([]);

  await row.getByRole('button', { name: /^Restore the backup of / }).click();
  await expect(section.getByRole('status')).toContainText('Restored the backup of');
  expect((await api('goals.list', {})).map((goal) => goal.title)).toEqual(['Kept goal']);
  await expect(section.getByRole('row', { name: /Before a restore/ })).toContainText('2 goals');

  await section.getByRole('button', { name: 'Undo the restore' }).click();
  await expect(section.getByRole('status')).toContainText('Restored the backup of');
  await expect
    .poll(async () => (await api('goals.list', {})).map((goal) => goal.title).sort())
    .toEqual(['Imported goal', 'Kept goal']);
});

test('a damaged workspace opens on its backups, and one click brings the app back', async ({ page }) => {
  test.setTimeout(240_000); // it starts a browser-mode Fortnight of its own, which may take two minutes
  const dir = mkdtempSync(join(tmpdir(), 'fortnight-e2e-'));
  const db = join(dir, 'ws.db');
  const fortnight = (...args: string[]) =>
    execFileSync(nodeBinary(), ['src/cli/fortnight.ts', '--db', db, ...args], { cwd: ROOT, stdio: 'pipe' });
  fortnight('example');
  fortnight('check'); // the second open takes the day's backup: the example workspace
  writeFileSync(db, Buffer.alloc(8192, 7)); // no longer a database SQLite can read

  const server = await startServer(dir);
  try {
    await page.goto(server.url);
    await expect(page.locator('main h1')).toHaveText('The workspace is damaged');
    await expect(page.getByRole('alert').first()).toContainText(`${db} is damaged`);
    const row = page.getByRole('row', { name: /First start of the day/ });
    await expect(row).toContainText(/[1-9]\d* goals, [1-9]\d* sprints/);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(violations).toEqual([]);

    await row.getByRole('button', { name: /^Restore the backup of / }).click();
    // The restore starts the core's worker threads, which load from the sources here: allow for it.
    await expect(page.getByRole('navigation')).toBeVisible({ timeout: 120_000 });
    await page.goto(`${server.origin}/#/roadmap`);
    await expect(heading(page)).toHaveText('Roadmap');
    await expect(page.getByRole('main').getByRole('link').first()).toBeVisible();
  } finally {
    await stopServer(server);
  }
});

test('a read-only workspace says why in a banner and disables its forms', async ({ page }) => {
  test.setTimeout(240_000); // it starts a browser-mode Fortnight of its own, which may take two minutes
  const dir = mkdtempSync(join(tmpdir(), 'fortnight-e2e-'));
  const db = join(dir, 'ws.db');
  execFileSync(nodeBinary(), ['src/cli/fortnight.ts', '--db', db, 'example'], { cwd: ROOT, stdio: 'pipe' });
  // Root ignores permission bits: only an immutable file stops it; anyone else loses the write bits.
  const asRoot = process.getuid?.() === 0;
  try {
    if (asRoot) execFileSync('chattr', ['+i', db], { stdio: 'pipe' });
    else chmodSync(db, 0o444);
  } catch (error) {
    test.skip(true, `Skipped: chattr +i (needed as root to make ${db} read-only) failed: ${String(error)}`);
  }
  const server = await startServer(dir).catch(async (error: unknown) => {
    unlock();
    throw error;
  });
  function unlock() {
    if (asRoot) execFileSync('chattr', ['-i', db]);
    else chmodSync(db, 0o644);
  }
  try {
    await page.goto(`${server.url}#/people/new`);
    const banner = page.getByRole('status').filter({ hasText: 'Read-only:' });
    await expect(banner).toContainText(`can't write to ${db}, so it is open read-only`);
    const form = page.locator('main form');
    await expect(form.getByRole('button', { name: 'Add person' })).toBeDisabled();
    await expect(form.getByRole('textbox').first()).toBeDisabled();
    await expect(form.getByRole('alert')).toContainText('make the file writable and open Fortnight again');
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(violations).toEqual([]);
  } finally {
    unlock();
    await stopServer(server);
  }
});
