/** Settings → Backups: the list, a restore in one click, and its undo; a damaged workspace's backups. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, fortnight, heading, startServer, stopServer, test } from './fixtures.ts';
import { axe } from './a11y.ts';

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

  const { violations } = await axe(page).analyze();
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
  fortnight(db, 'example');
  fortnight(db, 'check'); // the second open takes the day's backup: the example workspace
  writeFileSync(db, Buffer.alloc(8192, 7)); // no longer a database SQLite can read

  const server = await startServer(dir);
  try {
    await page.goto(server.url);
    await expect(page.locator('main h1')).toHaveText('The workspace is damaged');
    await expect(page.getByRole('alert').first()).toContainText(`${db} is damaged`);
    const row = page.getByRole('row', { name: /First start of the day/ });
    await expect(row).toContainText(/[1-9]\d* goals, [1-9]\d* sprints/);
    const { violations } = await axe(page).analyze();
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
