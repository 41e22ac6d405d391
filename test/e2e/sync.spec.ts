/**
 * Settings → Sync in browser mode: two instances on two workspaces sharing one folder. The first
 * sets the folder (a wrong path first: refused, naming the field), syncs, and the navigation says
 * synced; the second, empty, sets the same folder and receives the workspace; an edit on the
 * first then reaches the second by itself. An axe scan of the Sync section.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { connectApi, expect, fortnight, startServer, stopServer, test, type Server } from './fixtures.ts';
import { axe } from './a11y.ts';

/** Short intervals, so syncing by itself happens within the test. */
const QUICK = { FORTNIGHT_SYNC_AFTER_EDITS_MS: '300', FORTNIGHT_SYNC_AFTER_FOLDER_MS: '300' };
const SLOW = { timeout: 60_000 };

const syncSection = (page: Page) => page.getByRole('region', { name: 'Sync' });
const navStatus = (page: Page) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: /sync|edit|reach/i });

async function openSettings(page: Page, server: Server): Promise<void> {
  await page.goto(`${server.url}#/settings/sync`);
  await expect(syncSection(page)).toBeVisible();
}

async function syncThrough(page: Page, folder: string): Promise<void> {
  const section = syncSection(page);
  await section.getByRole('radio', { name: 'A shared folder' }).check();
  await section.getByRole('textbox', { name: 'Folder' }).fill(folder);
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByRole('status').first()).toContainText('Saved: Fortnight syncs through it');
}

test('a folder set in Settings → Sync: synced, and a second instance receives', async ({ page, browser }) => {
  test.setTimeout(240_000); // two browser-mode Fortnights of its own, which may take two minutes to start
  const shared = mkdtempSync(join(tmpdir(), 'fortnight-shared-'));
  const dirA = mkdtempSync(join(tmpdir(), 'fortnight-e2e-'));
  fortnight(join(dirA, 'ws.db'), 'example');
  const [a, b] = await Promise.all([startServer(dirA, QUICK), startServer(undefined, QUICK)]);
  const other = await browser.newPage();
  try {
    await openSettings(page, a);
    await expect(navStatus(page)).toHaveText('Sync not set up');

    // A wrong path is refused next to its field, and nothing is set.
    const section = syncSection(page);
    await section.getByRole('radio', { name: 'A shared folder' }).check();
    const folderField = section.getByRole('textbox', { name: 'Folder' });
    await folderField.fill('Dropbox/fortnight');
    await section.getByRole('button', { name: 'Save' }).click();
    await expect(folderField).toHaveAttribute('aria-invalid', 'true');
    await expect(folderField).toHaveAccessibleDescription(/Must be an absolute path/);
    await expect(navStatus(page)).toHaveText('Sync not set up');

    await syncThrough(page, shared);
    await section.getByRole('button', { name: 'Sync now' }).click();
    await expect(navStatus(page)).toHaveText('Synced this minute', SLOW);
    await expect(section).toContainText(
      /Last sync.*: Sent [\d,]+ changes?; received 0 changes; 0 conflicts recorded\./,
    );

    const { violations } = await axe(page).include('section[aria-labelledby="sync-heading"]').analyze();
    expect(violations).toEqual([]);

    // The second instance, empty, joins through the same folder (setting it syncs at once).
    await openSettings(other, b);
    await syncThrough(other, shared);
    await expect(navStatus(other)).toHaveText('Synced this minute', SLOW);
    await expect(syncSection(other)).toContainText("This workspace joined the group's workspace.");
    await other.goto(`${b.url}#/roadmap`);
    await expect(other.getByRole('link', { name: 'Async functions everywhere' }).first()).toBeVisible();

    // An edit on the first goes out by itself, and the second takes it in by itself.
    const api = await connectApi(a);
    await api.call('goals.create', { title: 'Arrived by itself' });
    await api.dispose();
    await expect(async () => {
      await other.reload();
      await expect(other.getByRole('link', { name: 'Arrived by itself' }).first()).toBeVisible({
        timeout: 2_000,
      });
    }).toPass(SLOW);
  } finally {
    // Off the page first: its status reads would fail (and log) once its Fortnight stops. After
    // a timeout the page is closed already: the error that counts is the one before.
    await page.goto('about:blank').catch(() => undefined);
    await other.close();
    await Promise.all([stopServer(a), stopServer(b)]);
    rmSync(shared, { recursive: true, force: true });
  }
});
