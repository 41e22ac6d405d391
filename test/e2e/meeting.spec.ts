/**
 * A whole sprint meeting on the example workspace, driven mostly from the keyboard: the
 * retrospective, polish, planning the next sprint, the wrap-up; then the next sprint is active
 * and the summary is on the Sprints screen.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, heading, test } from './fixtures.ts';

const stepHeading = (page: Page) => page.locator('#step-heading');
/** A row of a meeting list (a goal, a note, a polish issue…) by its text. */
const row = (scope: Page | Locator, text: string | RegExp) =>
  scope.locator('[data-row]').filter({ hasText: text });

test('a whole meeting runs from the keyboard, and its summary lands on the Sprints screen', async ({
  page,
  app,
  api,
}) => {
  test.setTimeout(120_000);
  await api('workspace.loadExample', {});
  const sprint7 = (await api('workspace.info', {})).activeSprintId!;
  // Something happened on the roadmap during the sprint.
  const roadmap = await api('roadmap.view', {});
  const report = roadmap.milestones.find((m) => m.title === 'Stabilization report')!;
  await api('milestones.update', { id: report.id, state: 'done', confirm: true });
  await app.open('#/meeting');
  await expect(page.getByText(/^Sprint 7 · /)).toBeVisible();

  // Start: goal owners are ticked; Sofia (a stakeholder) joins too.
  await expect(page.getByRole('checkbox', { name: 'Dana Okafor' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Sofia Marchetti' }).check();
  await page.getByRole('button', { name: 'Start the meeting' }).press('Enter');
  await expect(stepHeading(page)).toHaveText('Retrospective of sprint 7');
  await expect(stepHeading(page)).toBeFocused();
  // A message that is neither a save nor an undo has no mark before it.
  await expect(page.getByRole('status')).toHaveText(/^The meeting of sprint 7 has started\.$/);
  await expect(
    page.getByRole('navigation', { name: 'Meeting steps' }).getByRole('button', { name: /Retrospective/ }),
  ).toHaveAttribute('aria-current', 'step');

  // 1. Retrospective — outcomes with one key each, j to the next goal.
  const goals = page.getByRole('region', { name: 'Sprint goals' });
  await expect(row(goals, 'Async closures: finish')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(row(goals, 'Async closures: finish')).toBeFocused();
  for (const key of ['d', 'j', 'p', 'n']) await page.keyboard.press(key);
  await expect(
    page.getByLabel('Note on “Present async fn in traits at the lang team design meeting”'),
  ).toBeFocused();
  await page.keyboard.type('Sign-off pending two questions');
  await page.keyboard.press('Enter');
  await expect(row(goals, 'Present async fn')).toBeFocused();
  for (const key of ['j', 'm', 'j', 'd', 'j', 'x', 'j', 'd', 'j', 'd', 'j', 'p'])
    await page.keyboard.press(key);
  await expect(goals.getByText('8 of 8 reviewed')).toBeVisible();
  const pressed = (text: string) => row(goals, text).locator('button[aria-pressed="true"]');
  await expect(pressed('Async closures: finish')).toHaveText(/Done/);
  await expect(pressed('Present async fn')).toHaveText(/Partial/);
  await expect(pressed('Port a second crate')).toHaveText(/Missed/);
  await expect(pressed('release blockers')).toHaveText(/Dropped/);
  await expect(pressed('Quick fix in the IDE')).toHaveText(/Partial/);
  await expect(row(goals, 'Present async fn')).toContainText('Sign-off pending two questions');

  // Beside the review, what changed on the roadmap.
  const changes = page.getByRole('complementary', { name: 'What changed on the roadmap' });
  await expect(changes).toContainText('Stabilization report');
  await expect(changes.getByRole('listitem').filter({ hasText: 'Milestone' })).toContainText('done');

  // An earlier action item is done; the others stay open.
  const earlier = page.getByRole('region', { name: 'Action items from earlier retrospectives' });
  await row(earlier, 'Triage the polish queue').focus();
  await page.keyboard.press('d');
  await expect(
    row(earlier, 'Triage the polish queue').getByRole('button', { name: /^Done/ }),
  ).toHaveAttribute('aria-pressed', 'true');

  // Notes at typing speed: N, type, Enter, the next — focus stays in the input.
  await page.keyboard.press('1'); // back to the step's heading
  await page.keyboard.press('n');
  const wentWell = page.getByLabel('New note: went well');
  await expect(wentWell).toBeFocused();
  await page.keyboard.type('Pairing on the replay fixed it in a day');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Release notes were early for once');
  await page.keyboard.press('Enter');
  await expect(wentWell).toBeFocused();
  await expect(wentWell).toHaveValue('');
  const wentWellColumn = page.getByRole('region', { name: /^Went well/ });
  await expect(wentWellColumn.locator('[data-row]')).toHaveText([/Pairing on the replay/, /Release notes/]);

  // Votes: ↓ from the empty input to the notes, + twice on the second.
  await page.keyboard.press('ArrowDown');
  await expect(row(wentWellColumn, 'Pairing on the replay')).toBeFocused();
  for (const key of ['j', '+', '+']) await page.keyboard.press(key);
  await expect(row(wentWellColumn, 'Release notes')).toContainText('2 votes');
  await page.keyboard.press('k');
  await page.keyboard.press('+');
  await expect(row(wentWellColumn, 'Pairing on the replay')).toContainText('1 vote');
  await wentWellColumn.getByRole('button', { name: 'Most votes first' }).click();
  await expect(wentWellColumn.locator('[data-row]')).toHaveText([/Release notes/, /Pairing on the replay/]);

  // A new action item with its owner.
  await page.keyboard.press('1');
  await page.keyboard.press('a');
  await expect(page.getByLabel('New action item', { exact: true })).toBeFocused();
  await page.keyboard.type('Write the release checklist');
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Lena Brandt' });
  await page.getByLabel('New action item', { exact: true }).press('Enter');
  const newItems = page.getByRole('region', { name: 'New action items' });
  await expect(row(newItems, 'Write the release checklist')).toContainText('Lena Brandt');
  await expect(page.getByLabel('New action item', { exact: true })).toHaveValue('');

  // 2. Polish — Alt+→ moves on.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(stepHeading(page)).toHaveText('Polish issues');
  const open = page.getByRole('region', { name: /^Open/ });
  await row(open, 'Clarify the').focus();
  await page.keyboard.press('d');
  await expect(row(open, 'Clarify the')).toHaveCount(0);
  await expect(open.locator('[data-row]:focus')).toHaveCount(1); // focus went to a neighbour
  const tally = page.getByRole('region', { name: /^Done in sprint 7/ });
  await expect(tally.getByRole('listitem').filter({ hasText: 'Kenji Watanabe' })).toContainText('1');
  await expect(tally).toContainText('5 goal owners have none yet');

  // Take one for the next sprint.
  await row(open, 'Runtime-agnostic spawn').focus();
  await page.keyboard.press('t');
  await expect(row(open, 'Runtime-agnostic spawn')).toContainText('for sprint 8');

  // Add one by pasting a link: it is recognised and kept.
  await page.keyboard.press('l');
  await expect(page.getByLabel('Link', { exact: true })).toBeFocused();
  await page.keyboard.insertText('https://github.com/ferrite-lang/ferrite/issues/49001');
  await expect(page.getByText('Recognised: ferrite-lang/ferrite#49001')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Misleading hint for async blocks');
  await page.keyboard.press('Enter');
  await expect(row(open, 'Misleading hint for async blocks')).toContainText('ferrite-lang/ferrite#49001');
  await expect(page.getByLabel('Link', { exact: true })).toBeFocused();
  await expect(row(open, 'Misleading hint for async blocks').getByRole('link')).toHaveAttribute(
    'href',
    'https://github.com/ferrite-lang/ferrite/issues/49001',
  );

  // 3. Plan — Alt+→ works from a text field too; sprint 8 exists with its dates; carry-over with C.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(stepHeading(page)).toHaveText('Plan sprint 8');
  const carryOver = page.getByRole('region', { name: /^Carry over/ });
  await expect(carryOver.locator('[data-row]')).toHaveCount(3);
  const plansSaid = page.getByRole('region', { name: 'Per owner' }).getByRole('status');
  await expect(plansSaid).toHaveText('No sprint goals yet');
  await row(carryOver, 'Port a second crate').focus();
  await page.keyboard.press('c');
  await expect(row(carryOver, 'Port a second crate')).toHaveCount(0);
  await expect(carryOver.locator('[data-row]:focus')).toHaveCount(1);
  const kenji = page.getByRole('article', { name: 'Kenji Watanabe' });
  await expect(kenji).toContainText('Port a second crate to async fn in traits');
  await expect(row(kenji, 'Port a second crate')).toContainText('carried over 1×');
  await expect(plansSaid).toHaveText(
    '✓ Every plan is well-defined and fits its capacity; 5 owners have none yet',
  );

  // A new sprint goal from the keyboard that puts Marcus over his capacity (4 days, as last time).
  const marcus = page.getByRole('article', { name: 'Marcus Hale' });
  await expect(marcus.getByLabel('Capacity')).toHaveValue('4');
  await expect(marcus).toContainText('As in sprint 7');
  await page.keyboard.press('a');
  await expect(page.getByLabel('Owner', { exact: true })).toBeFocused();
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Marcus Hale' });
  await page.getByLabel('Goal', { exact: true }).selectOption({ label: 'Tooling and observability' });
  await page.getByLabel('Sprint goal', { exact: true }).fill('Ship the debugger extension preview');
  await page.getByLabel('Definition of done').fill('The preview is on the marketplace');
  await page.getByLabel('Estimate (days)').fill('5');
  await page.keyboard.press('Enter');
  await expect(marcus).toContainText('Ship the debugger extension preview');
  await expect(marcus).toContainText('Over capacity by 1 day');
  await expect(page.getByRole('region', { name: 'Per owner' })).toContainText('1 owner needs a look');
  await expect(page.getByLabel('Sprint goal', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Sprint goal', { exact: true })).toHaveValue('');

  // A day more for Marcus fits it exactly; undo brings the warning back.
  await marcus.getByLabel('Capacity').fill('5');
  await marcus.getByLabel('Capacity').press('Enter');
  await expect(marcus).toContainText('5 d planned of 5');
  await expect(marcus).not.toContainText('Over capacity');
  await row(marcus, 'Ship the debugger extension preview').focus(); // out of the field and its own undo
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toHaveText(
    /Undone: Marcus Hale has 5 days in sprint 8\./,
  );
  await expect(marcus).toContainText('Over capacity by 1 day');

  // Alt+→ from a form holding what was typed stays: another step would draw the form anew.
  await page.getByLabel('Definition of done').fill('Half a thought');
  await page.getByLabel('Sprint goal', { exact: true }).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByRole('status').filter({ hasText: 'what you typed' })).toHaveText(
    'Add or clear what you typed first: another step would not keep it.',
  );
  await expect(stepHeading(page)).toHaveText('Plan sprint 8');
  await expect(page.getByLabel('Definition of done')).toHaveValue('Half a thought');
  await page.getByLabel('Definition of done').fill('');

  // 4. Wrap-up — the summary, exported as a download (browser mode), then the meeting closes.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(stepHeading(page)).toHaveText('Wrap-up');
  const preview = page.getByRole('article', { name: 'Sprint summary preview' });
  await expect(preview).toContainText('Sprint 7 summary');
  await expect(preview).toContainText('Release notes were early for once (2 votes)');
  await expect(preview).toContainText('Write the release checklist');
  await expect(preview).toContainText('Sign-off pending two questions');
  await stepHeading(page).focus();
  const download = page.waitForEvent('download');
  await page.keyboard.press('e');
  const file = await download;
  expect(file.suggestedFilename()).toBe('sprint-7-summary.md');
  const markdown = readFileSync(await file.path(), 'utf8');
  expect(markdown).toContain('# Sprint 7 summary');
  expect(markdown).toContain('Clarify the');

  await page.keyboard.press('Shift+C');
  const dialog = page.getByRole('dialog', { name: 'Close the meeting of sprint 7?' });
  await expect(dialog).toContainText('sprint 8');
  await dialog.getByRole('button', { name: 'Close the meeting' }).click();
  await expect(page.getByRole('heading', { name: 'The meeting of sprint 7 is closed' })).toBeFocused();
  const record = page.getByRole('region', { name: 'The meeting of sprint 7 is closed' });
  await expect(record).toContainText('Sofia Marchetti');
  // Its times say their zone, the one the summary writes them in.
  const zone = (await api('sprints.get', { id: sprint7 })).meetingTimeZone ?? 'UTC';
  await expect(record.getByText(`(${zone})`)).toHaveCount(2);

  // The next sprint is active, and the summary is on the Sprints screen.
  const info = await api('workspace.info', {});
  expect(info.activeSprintId).not.toBe(sprint7);
  expect((await api('sprints.get', { id: info.activeSprintId! })).number).toBe(8);
  await page.getByRole('link', { name: 'The summary of sprint 7' }).click();
  await expect(heading(page)).toHaveText('Sprint 7');
  await expect(page.getByRole('article', { name: 'Summary of sprint 7' })).toContainText(
    'Pairing on the replay fixed it in a day',
  );
  await expect(page.getByRole('article', { name: 'Summary of sprint 7' })).toContainText(`(${zone})`);
  await page.keyboard.press('Control+3');
  await expect(heading(page)).toHaveText('Sprints');
  await expect(page.getByRole('row', { name: /^8 / })).toContainText('active');
  await expect(page.getByRole('row', { name: /^7 / })).toContainText('closed');
  await expect(page.getByRole('row', { name: /^7 / })).toContainText('4 done');

  // The meeting screen now offers sprint 8's meeting, with the last one's record.
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('button', { name: 'Start the meeting' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The last meeting: sprint 7' })).toBeVisible();
});
