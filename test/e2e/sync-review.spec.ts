/**
 * Working together, end to end: two browser-mode instances on two workspaces share one folder
 * (syncs driven through each one's API, as the settings' "Sync now" would). B sees A's changes in
 * What arrived, with a link that opens the item and clears its mark; a field both changed shows
 * in B's conflict review, and resolving it reaches A after a sync. B's open roadmap, polish list,
 * What arrived and Conflicts show what a later sync brings without a reload.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { connectApi, expect, heading, startServer, stopServer, test } from './fixtures.ts';
import { axe } from './a11y.ts';

test.setTimeout(240_000);

/** An axe scan finds nothing, in the light theme and in the dark one. */
async function noAxeViolations(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await axe(page).analyze();
    expect(violations, colorScheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('B sees what A changed, opens it from What arrived, and a conflict resolved on B reaches A', async ({
  page,
  api: a,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'fortnight-shared-'));
  const serverB = await startServer();
  const { call: b, dispose } = await connectApi(serverB);
  try {
    const ana = await a('people.create', { name: 'Ana Lima', handle: 'ana', timeZone: 'Europe/Lisbon' });
    await a('people.create', { name: 'Bo Berg', handle: 'bo', timeZone: 'Europe/Oslo' });
    const goal = await a('goals.create', { title: 'Faster builds', ownerIds: [ana.id] });
    const remote = await a('initiatives.create', { goalId: goal.id, title: 'Remote execution' });
    await a('workspace.setMe', { personId: ana.id });
    await a('sync.folder', { folder });
    expect((await b('sync.folder', { folder })).joined).toBe(true);
    const bo = (await b('people.list', {})).find((p) => p.name === 'Bo Berg')!;
    await b('workspace.setMe', { personId: bo.id });
    await b('sync.folder', { folder });
    await a('sync.folder', { folder });

    // A changes things; B syncs.
    await a('goals.update', { id: goal.id, title: 'Fast builds' });
    await a('initiatives.update', { id: remote.id, state: 'in progress' });
    const typo = await a('polish.create', { title: 'Typo in the help' });
    await a('polish.create', { title: 'Slow first start' });
    await a('sync.folder', { folder });
    await b('sync.folder', { folder });

    const who = /Ana Lima/;
    await page.goto(`${serverB.url}#/roadmap`);
    await expect(heading(page)).toHaveText('Roadmap');
    const goalCard = page.getByRole('heading', { name: /Fast builds/ });
    await expect(goalCard.getByRole('img', { name: /^Changed by / })).toHaveAccessibleName(who);
    const nav = page.getByRole('navigation');
    const arrivedLink = nav.getByRole('link', { name: /What arrived 4 items changed by others/ });
    await arrivedLink.click();
    await expect(heading(page)).toHaveText('What arrived');
    const changes = page.getByRole('list', { name: 'Changes by others' });
    await expect(changes.getByRole('listitem')).toHaveCount(3);
    await expect(changes.getByRole('listitem').filter({ hasText: 'renamed goal' })).toContainText(
      'renamed goal Faster builds to “Fast builds”',
    );
    await expect(changes.getByRole('listitem').filter({ hasText: 'moved initiative' })).toContainText(
      'Remote execution ✋ → 🦀',
    );
    const added = changes.getByRole('listitem').filter({ hasText: 'added 2 polish issues' });
    await expect(added).toContainText(who);
    await expect(added).toContainText(
      /(Typo in the help, Slow first start|Slow first start, Typo in the help)/,
    );
    await expect(added.getByRole('link', { name: 'Typo in the help' })).toHaveAttribute(
      'href',
      `#/polish/${typo.id}`,
    );
    await noAxeViolations(page);

    await changes.getByRole('link', { name: 'Faster builds' }).click();
    await expect(heading(page)).toHaveText('Fast builds');
    // The merged rename is in the goal's history with its author, like a local edit.
    const history = page.getByRole('region', { name: 'History' });
    await expect(
      history.getByRole('listitem').filter({ hasText: 'Title: “Fast builds”' }).first(),
    ).toContainText(who);
    await expect(nav.getByRole('link', { name: /What arrived 3 items changed by others/ })).toBeVisible();
    await page.goto(`${serverB.url}#/roadmap`);
    await expect(page.getByRole('heading', { name: /Fast builds/ }).getByRole('img')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Remote execution' })).toBeVisible();

    // Both rename the same initiative without seeing each other's edit: B's (the later) shows.
    await a('initiatives.update', { id: remote.id, title: 'Remote builds from A' });
    await b('initiatives.update', { id: remote.id, title: 'Remote builds from B' });
    await a('sync.folder', { folder });
    await b('sync.folder', { folder });
    await a('sync.folder', { folder });
    expect(await a('conflicts.list', {})).toHaveLength(1);
    // The initiative's history on B keeps A's rename, marked as the edit that lost.
    await page.goto(`${serverB.url}#/initiatives/${remote.id}`);
    await expect(
      page
        .getByRole('region', { name: 'History' })
        .getByRole('listitem')
        .filter({ hasText: 'Title: “Remote builds from A”' })
        .last(),
    ).toHaveText('Title: “Remote builds from A” — not kept: edited elsewhere at the same time');

    await page.goto(`${serverB.url}#/arrived`);
    await nav.getByRole('link', { name: /Conflicts 1 to review/ }).click();
    await expect(heading(page)).toHaveText('Conflicts to review');
    const conflict = page.getByRole('listitem', { name: /Remote builds from B — title/ });
    await expect(conflict).toContainText('Shown');
    await expect(conflict).toContainText('Remote builds from A');
    await noAxeViolations(page);
    await conflict.getByRole('button', { name: 'Use the other' }).click();
    await expect(page.getByText('No conflicts to review.')).toBeVisible();
    await expect(nav.getByRole('link', { name: /Conflicts/ })).toHaveCount(0);

    await b('sync.folder', { folder });
    await a('sync.folder', { folder });
    expect(await a('conflicts.list', {})).toEqual([]);
    expect((await a('initiatives.get', { id: remote.id })).title).toBe('Remote builds from A');

    // With the roadmap open on B, A's next edit shows there after a sync, without a reload; so
    // does a new polish issue on the polish list.
    await page.goto(`${serverB.url}#/roadmap`);
    await expect(page.getByRole('link', { name: 'Remote builds from A' })).toBeVisible();
    await a('initiatives.update', { id: remote.id, title: 'Remote builds everywhere' });
    await a('sync.folder', { folder });
    await b('sync.folder', { folder });
    await expect(page.getByRole('link', { name: 'Remote builds everywhere' })).toBeVisible();
    await page.goto(`${serverB.url}#/polish`);
    await expect(heading(page)).toHaveText('Polish');
    await expect(page.getByRole('listitem').filter({ hasText: 'Typo in the help' })).toBeVisible();
    await a('polish.create', { title: 'Flaky login test' });
    await a('sync.folder', { folder });
    await b('sync.folder', { folder });
    await expect(page.getByRole('listitem').filter({ hasText: 'Flaky login test' })).toBeVisible();

    // With What arrived open on B, A's next change shows there after a sync, without a reload.
    await page.goto(`${serverB.url}#/arrived`);
    await expect(heading(page)).toHaveText('What arrived');
    await expect(changes).not.toContainText('Builds in seconds');
    await a('goals.update', { id: goal.id, title: 'Builds in seconds with `sccache`' });
    await a('sync.folder', { folder });
    await b('sync.folder', { folder });
    // The new title's inline code reads as code, as the title does everywhere.
    await expect(changes).toContainText('to “Builds in seconds with sccache”');
    await expect(changes.locator('code', { hasText: 'sccache' })).toBeVisible();

    // With Conflicts open on B, a conflict that A resolves leaves it after the sync.
    await a('goals.update', { id: goal.id, title: 'Goal named on A' });
    await b('goals.update', { id: goal.id, title: 'Goal named on B with `code`' });
    await a('sync.folder', { folder });
    await b('sync.folder', { folder });
    await a('sync.folder', { folder });
    await page.goto(`${serverB.url}#/conflicts`);
    const titleConflict = page.getByRole('listitem', { name: /Goal named on B with code — title/ });
    await expect(titleConflict).toBeVisible();
    // Both values read as titles do: inline code as code.
    await expect(titleConflict.locator('.value code', { hasText: 'code' })).toBeVisible();
    const [onA] = await a('conflicts.list', {});
    await a('conflicts.resolve', { id: onA!.conflictId, choice: 'other' });
    await a('sync.folder', { folder });
    await b('sync.folder', { folder });
    await expect(page.getByText('No conflicts to review.')).toBeVisible();
    await expect(nav.getByRole('link', { name: /Conflicts/ })).toHaveCount(0);
  } finally {
    await dispose();
    await stopServer(serverB);
    rmSync(folder, { recursive: true, force: true });
  }
});
