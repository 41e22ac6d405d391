/**
 * Joining the group's workspace from the welcome screen: installation A (the command line) loads
 * the example and syncs it to a folder; this browser-mode installation, empty, finds it by path,
 * sees its name and counts, joins, says who it is, and lands on A's roadmap. A wrong folder gets
 * its one sentence and changes nothing.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, fortnight, heading, test } from './fixtures.ts';
import { axe } from './a11y.ts';

test('an empty installation joins the group’s workspace from a folder, after a wrong one', async ({
  page,
  app,
  api,
}) => {
  test.setTimeout(240_000); // two command-line runs and a catch-up, on a loaded machine
  const dir = mkdtempSync(join(tmpdir(), 'fortnight-join-'));
  try {
    const shared = join(dir, 'shared');
    const a = join(dir, 'a', 'ws.db');
    const wrong = join(dir, 'wrong');
    for (const folder of [shared, wrong]) mkdirSync(folder);
    fortnight(a, 'example');
    fortnight(a, 'sync', '--folder', shared);

    await app.open();
    await expect(heading(page)).toHaveText('Welcome to Fortnight');
    await page.getByRole('button', { name: "Join your group's workspace" }).click();
    const panel = page.getByRole('region', { name: "Join your group's workspace" });
    await expect(panel.getByRole('radio', { name: 'A shared folder' })).toBeChecked();
    const folder = panel.getByRole('textbox', { name: 'Folder' });

    // A folder that holds no workspace: one sentence at the field, nothing joined.
    await folder.fill(wrong);
    await panel.getByRole('button', { name: 'Look' }).click();
    await expect(folder).toHaveAttribute('aria-invalid', 'true');
    await expect(folder).toHaveAccessibleDescription(
      new RegExp(`${escape(wrong)} holds no Fortnight workspace: no installation has synced through it yet`),
    );
    expect(await api('workspace.info', {})).toMatchObject({ isEmpty: true, name: null });

    await folder.fill(shared);
    await panel.getByRole('button', { name: 'Look' }).click();
    const found = panel.getByRole('status');
    await expect(found).toContainText(
      /^Found Ferrite async working group: 11 people, 6 goals — [\d,]+ changes from 1 installation\./,
    );
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      const { violations } = await axe(page).include('section[aria-labelledby="join-heading"]').analyze();
      expect(violations, `the join panel, ${theme}`).toEqual([]);
    }
    expect(await api('workspace.info', {})).toMatchObject({ isEmpty: true });

    await panel.getByRole('button', { name: 'Join' }).click();
    const whoAreYou = page.getByRole('heading', { name: 'Which of these people are you?' });
    await expect(whoAreYou).toBeFocused({ timeout: 60_000 });
    // The app polls the workspace's version; the join moved it, and the question stays after the
    // screens have heard of it (the second poll from now started after the join ended).
    for (let poll = 0; poll < 2; poll++) {
      await page.waitForResponse((response) => response.url().endsWith('/api/workspace.version'));
    }
    await expect(whoAreYou).toBeVisible();
    // Joined: no longer "empty", no example to load over it, and the navigation syncs through the folder.
    await expect(page.getByText('This workspace is empty')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Load the example workspace' })).toHaveCount(0);
    const status = page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('link', { name: /sync|edit/i });
    await expect(status).not.toHaveText('Sync not set up');
    await page.getByRole('combobox', { name: 'You are' }).selectOption({ label: 'Priya Raghunathan' });
    await page.getByRole('button', { name: 'Continue to the roadmap' }).click();

    await expect(heading(page)).toHaveText('Roadmap');
    const goals = page.getByRole('list', { name: 'Goals' }).getByRole('article');
    await expect(goals).toHaveCount(6);
    await expect(goals.first()).toContainText('Async functions everywhere');
    const info = await api('workspace.info', {});
    expect(info).toMatchObject({ isEmpty: false, name: 'Ferrite async working group' });
    const me = (await api('people.list', {})).find((person) => person.id === info.mePersonId);
    expect(me?.name).toBe('Priya Raghunathan');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

test('Settings shows the workspace’s name and changes it', async ({ page, app, api }) => {
  await api('workspace.setName', { name: 'Team Ferrite' });
  await app.open('#/settings');
  const name = page.getByRole('textbox', { name: 'Name of the workspace' });
  await expect(name).toHaveValue('Team Ferrite');

  await name.fill('   ');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/Must not be empty/);
  expect((await api('workspace.info', {})).name).toBe('Team Ferrite');

  await name.fill('Ferrite async working group');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: the workspace is called' })).toHaveText(
    'Saved: the workspace is called Ferrite async working group.',
  );
  expect((await api('workspace.info', {})).name).toBe('Ferrite async working group');
});
