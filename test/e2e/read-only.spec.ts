/**
 * A read-only workspace (its file, or its folder) in every screen: the banner says why, every
 * edit control is disabled and described by it, an edit key is refused out loud instead of tried,
 * the page asks the core for no write at all, and the file's bytes are what they were.
 */
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { contract, isMethodName } from '../../src/shared/contract.ts';
import { expect, fortnight, heading, startReadOnlyServer, test, type ReadOnlyServer } from './fixtures.ts';
import { row, stepHeading } from './meeting-helpers.ts';
import { axe } from './a11y.ts';

/** Its own browser-mode Fortnight, started on a prepared file: allow for a loaded machine. */
test.describe.configure({ timeout: 300_000 });

const undoKey = process.platform === 'darwin' ? 'Meta+z' : 'Control+z';
const REASON = /can't write to .*, so it is open read-only: to edit it, make (the file|its folder) writable/;

/** The example workspace with sprint 7's meeting under way and sprint 8 made for its plan. */
function exampleMeetingUnderWay(db: string): void {
  fortnight(db, 'example');
  const info = JSON.parse(fortnight(db, 'call', 'workspace.info')) as { value: { activeSprintId: string } };
  fortnight(db, 'call', 'sprints.createNext');
  fortnight(db, 'call', 'meeting.start', JSON.stringify({ sprintId: info.value.activeSprintId }));
}

/** The writing methods the page asked the core for (none may be asked while read-only). */
function writesAsked(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    const method = /\/api\/([\w.]+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (method && isMethodName(method) && contract[method].writes) asked.push(method);
  });
  return asked;
}

/** An edit control: disabled, and described by the banner that says why. */
async function expectLocked(control: Locator): Promise<void> {
  await expect(control).toBeDisabled();
  await expect(control).toHaveAccessibleDescription(REASON);
}

/** Presses an edit key (after `focus`, if given): it is refused out loud, and nothing is tried. */
async function expectRefused(page: Page, key: string, focus?: Locator): Promise<void> {
  await expectRefusal(page, async () => {
    if (focus) await focus.focus();
    await page.keyboard.press(key);
  });
}

/** Does `edit`, which is refused out loud: a new alert in the banner says so. */
async function expectRefusal(page: Page, edit: () => Promise<void>): Promise<void> {
  const alert = page.locator('.read-only-banner [role="alert"]');
  const before = (await alert.count()) ? await alert.elementHandle() : null;
  await edit();
  // Each refusal is a new alert, so that it is announced again.
  if (before) await expect.poll(() => before.evaluate((element) => element.isConnected)).toBe(false);
  await expect(alert).toHaveText('Not changed: this workspace is read-only.');
}

async function open(page: Page, server: ReadOnlyServer, hash: string): Promise<void> {
  await page.goto(`${server.server.origin}/${hash}`);
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Read-only:' })).toContainText(REASON);
}

test('a read-only workspace file: every screen says why and disables its edits', async ({ page }) => {
  const server = await startReadOnlyServer('file', exampleMeetingUnderWay);
  try {
    const asked = writesAsked(page);
    await page.goto(server.server.url);
    await expect(page.getByRole('status').filter({ hasText: 'Read-only:' })).toContainText(
      `can't write to ${server.db}, so it is open read-only`,
    );

    // The meeting: every step can be read (moving between them saves nothing), none edited.
    await open(page, server, '#/meeting');
    await expect(stepHeading(page)).toHaveText('Retrospective of sprint 7');
    const goals = page.getByRole('region', { name: 'Sprint goals' });
    await expectLocked(goals.getByRole('button', { name: /^Done/ }).first());
    await expectLocked(page.getByLabel('New note: kudos'));
    await expectLocked(page.getByLabel('New action item', { exact: true }));
    await expectLocked(page.getByRole('button', { name: 'Undo' }));
    const pressed = await goals.locator('[aria-pressed="true"]').count();
    await expectRefused(page, 'd', goals.locator('[data-row]').first());
    await expectRefused(page, undoKey);
    await expectRefused(page, 'n', row(goals, /./).first()); // a note on the goal
    expect(await goals.locator('[aria-pressed="true"]').count()).toBe(pressed);

    await page.keyboard.press('2');
    await expect(stepHeading(page)).toHaveText('Polish issues');
    await expectLocked(page.getByRole('button', { name: 'Add polish issue' }));
    await expectLocked(page.getByLabel('Link', { exact: true }));
    const openIssues = page.getByRole('region', { name: /^Open/ });
    await expectLocked(openIssues.getByRole('button', { name: /^Done/ }).first());
    await expectRefused(page, 'w', openIssues.locator('[data-row]').first());

    await page.keyboard.press('3');
    await expect(stepHeading(page)).toHaveText(/^Plan sprint/);
    await expectLocked(page.getByRole('button', { name: 'Add sprint goal' }));
    await expectLocked(page.getByLabel('Owner', { exact: true }));
    await expectLocked(page.getByRole('spinbutton', { name: 'Capacity' }).first());
    await expectRefused(page, 'a', stepHeading(page));

    await page.keyboard.press('4');
    await expect(stepHeading(page)).toHaveText('Wrap-up');
    await expectLocked(page.getByRole('button', { name: 'Close the meeting…' }));
    await expectRefused(page, 'Shift+C', stepHeading(page));
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // The roadmap: titles, states, owners, order and new goals.
    await open(page, server, '#/roadmap');
    await expect(heading(page)).toHaveText('Roadmap');
    const newGoal = page.getByRole('link', { name: 'New goal' });
    await expect(newGoal).toHaveAttribute('aria-disabled', 'true');
    await expect(newGoal).toHaveAccessibleDescription(REASON);
    await expectLocked(page.getByRole('button', { name: /^Rename “/ }).first());
    await expectLocked(page.getByRole('combobox', { name: /^State of “/ }).first());
    await expectLocked(page.getByRole('button', { name: /^Owners of “/ }).first());
    await expectLocked(page.getByRole('button', { name: /^Move “/ }).first());
    await expectLocked(page.getByRole('button', { name: /^Add initiative/ }).first());
    const firstGoal = page.locator('main h2 a').first();
    const goalTitle = await firstGoal.innerText();
    await expectRefused(page, 'Alt+ArrowDown', firstGoal);
    await expectRefused(page, 'F2', firstGoal);
    await expect(page.locator('main h2 a').first()).toHaveText(goalTitle);
    // A disabled link is no target for Playwright's click: forced, to show following it is refused.
    await expectRefusal(page, () => newGoal.click({ force: true }));
    await expect(page).toHaveURL(/#\/roadmap$/);
    const { violations } = await axe(page).analyze();
    expect(violations).toEqual([]);

    // A goal's page, an initiative's page, and the form of a new goal.
    await firstGoal.click();
    await expect(heading(page)).toHaveText(goalTitle);
    await expectLocked(page.getByRole('button', { name: 'Delete goal…' }));
    await expectLocked(page.getByRole('button', { name: 'Save goal' }));
    await expectLocked(page.getByRole('textbox', { name: 'Title', exact: true }));
    await page.locator('main .initiative a.title').first().click();
    await expect(page).toHaveURL(/#\/initiatives\//);
    await expectLocked(page.getByRole('button', { name: 'Delete initiative…' }));
    await expectLocked(page.getByRole('combobox', { name: 'Add a dependency' }));
    await expectLocked(page.getByRole('button', { name: 'Save initiative' }));
    await open(page, server, '#/goals/new');
    await expectLocked(page.getByRole('textbox', { name: 'Title', exact: true }));
    await expectLocked(page.getByRole('button', { name: 'Create goal' }));

    // People, a person's page; polish; sprints (nothing to edit there); settings; import;
    // updates and a poll.
    await open(page, server, '#/people');
    await expect(page.getByRole('link', { name: 'Add person' })).toHaveAttribute('aria-disabled', 'true');
    await expectLocked(page.getByRole('button', { name: /^Delete / }).first());
    await page.locator('main th a').first().click();
    await expectLocked(page.getByRole('button', { name: 'Delete person…' }));
    await expectLocked(page.getByRole('button', { name: 'Save person' }));
    await expectLocked(page.getByRole('textbox', { name: 'Name', exact: true }));
    await open(page, server, '#/polish');
    await expectLocked(page.getByRole('button', { name: 'New polish issue' }));
    await open(page, server, '#/sprints');
    await open(page, server, '#/settings');
    await expectLocked(page.getByLabel('This installation belongs to'));
    await expectLocked(page.getByRole('button', { name: /^Restore the backup of / }).first());
    await expectLocked(page.getByRole('button', { name: 'Sync now' }));
    await expectLocked(page.getByRole('radio', { name: 'A shared folder' }));
    await expectLocked(page.getByRole('button', { name: 'Save', exact: true }));
    await open(page, server, '#/publish');
    await expectLocked(page.getByRole('button', { name: 'Choose a folder…' }));
    await expectLocked(page.getByRole('button', { name: 'Choose roadmap.md…' }));
    await open(page, server, '#/updates');
    await expect(page.getByRole('link', { name: 'New poll' })).toHaveAttribute('aria-disabled', 'true');
    await expectLocked(page.getByRole('button', { name: 'Write the draft' }));
    await page.locator('main a[href^="#/polls/"]:not([href="#/polls/new"])').first().click();
    await expectLocked(page.getByRole('button', { name: 'Delete poll…' }));

    expect(asked, 'writing calls the page made').toEqual([]);
    expect(readFileSync(server.db).equals(server.bytes), 'the file is unchanged').toBe(true);
  } finally {
    await page.goto('about:blank'); // the app's reads stop before its server does
    await server.stop();
  }
});

test('a read-only workspace folder: an empty workspace offers neither the example nor starting empty', async ({
  page,
}) => {
  const server = await startReadOnlyServer('folder', (db) => void fortnight(db, 'init'));
  try {
    const asked = writesAsked(page);
    await page.goto(server.server.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Fortnight' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Read-only:' })).toContainText(
      `can't write to ${dirname(server.db)}, so it is open read-only: to edit it, make its folder writable`,
    );
    await expectLocked(page.getByRole('button', { name: 'Load the example workspace' }));
    await expectLocked(page.getByRole('button', { name: 'Start empty' }));

    await open(page, server, '#/roadmap');
    const firstGoal = page.getByRole('link', { name: 'Add the first goal' });
    await expect(firstGoal).toHaveAttribute('aria-disabled', 'true');
    await expect(firstGoal).toHaveAccessibleDescription(REASON);
    await open(page, server, '#/people/new');
    await expectLocked(page.getByRole('button', { name: 'Add person' }));
    await expectLocked(page.getByRole('textbox', { name: 'Name', exact: true }));

    expect(asked, 'writing calls the page made').toEqual([]);
    expect(readFileSync(server.db).equals(server.bytes), 'the file is unchanged').toBe(true);
  } finally {
    await page.goto('about:blank'); // the app's reads stop before its server does
    await server.stop();
  }
});
