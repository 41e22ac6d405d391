/**
 * The meeting by keyboard alone, without focus or undo surprises: undo works from wherever an
 * action leaves the focus, N writes in the focused note's column, Escape leaves a field for its
 * list, a new action item's owner is chosen anew, focus follows an item that moves, and a focused
 * row scrolls clear of the sticky steps.
 */
import { expect, test } from './fixtures.ts';
import { meetingUnderWay, row, stepHeading } from './meeting-helpers.ts';

const undoKey = process.platform === 'darwin' ? 'Meta+z' : 'Control+z';

test("Ctrl/⌘+Z undoes deleting a column's only note, from the empty field the focus lands in", async ({
  page,
  app,
  api,
}) => {
  await meetingUnderWay(api);
  await app.open('#/meeting');
  await expect(stepHeading(page)).toHaveText('Retrospective of sprint 7');
  const kudos = page.getByRole('region', { name: /^Kudos/ });
  const field = page.getByLabel('New note: kudos');
  await field.fill('Thanks to Lena for the release');
  await field.press('Enter');
  await row(kudos, 'Thanks to Lena').focus();
  await page.keyboard.press('Delete');
  await expect(row(kudos, 'Thanks to Lena')).toHaveCount(0);
  await expect(field).toBeFocused(); // the column's only note: focus falls back to its field
  await page.keyboard.press(undoKey);
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toHaveText(
    /Undone: deleting note “Thanks to Lena for the release”\./,
  );
  await expect(row(kudos, 'Thanks to Lena')).toBeVisible();

  // A field with text keeps Ctrl/⌘+Z for itself.
  await field.fill('Half a thought');
  await field.press(undoKey);
  await expect(row(kudos, 'Thanks to Lena')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toHaveText(/deleting note/);
});

test('Ctrl/⌘+Z undoes deleting the only new action item, from the field the focus lands in', async ({
  page,
  app,
  api,
}) => {
  await meetingUnderWay(api);
  await app.open('#/meeting');
  const items = page.getByRole('region', { name: 'New action items' });
  const field = page.getByLabel('New action item', { exact: true });
  await field.fill('Draft the onboarding page');
  await field.press('Enter');
  await row(items, 'Draft the onboarding page').focus();
  await page.keyboard.press('Delete');
  await expect(row(items, 'Draft the onboarding page')).toHaveCount(0);
  await expect(field).toBeFocused();
  await page.keyboard.press(undoKey);
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toHaveText(
    /Undone: deleting action item “Draft the onboarding page”\./,
  );
  await expect(row(items, 'Draft the onboarding page')).toBeVisible();
  // Taken back again, for the tests after this one.
  await row(items, 'Draft the onboarding page').focus();
  await page.keyboard.press('Delete');
  await expect(row(items, 'Draft the onboarding page')).toHaveCount(0);
});

test("N starts a note in the focused note's column; Escape leaves a field for its list", async ({
  page,
  app,
  api,
}) => {
  await meetingUnderWay(api);
  await app.open('#/meeting');
  const ideas = page.getByRole('region', { name: /^Ideas/ });
  const ideaField = page.getByLabel('New note: ideas');
  await ideaField.fill('Rotate who drives the meeting');
  await ideaField.press('Enter');
  await row(ideas, 'Rotate who drives').focus();
  await page.keyboard.press('n');
  await expect(ideaField).toBeFocused();

  // Escape leaves the note field for the column's notes, keeping what was typed.
  await page.keyboard.type('Shorter');
  await page.keyboard.press('Escape');
  await expect(row(ideas, 'Rotate who drives')).toBeFocused();
  await expect(ideaField).toHaveValue('Shorter');
  await ideaField.fill('');

  // From the step's heading, N is the first column's.
  await stepHeading(page).focus();
  await page.keyboard.press('n');
  await expect(page.getByLabel('New note: went well')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('New note: went well')).not.toBeFocused();
  await page.keyboard.press('n'); // the keys work again at once
  await expect(page.getByLabel('New note: went well')).toBeFocused();

  // The new action item's field, and its owner, leave for the list the same way.
  const items = page.getByRole('region', { name: 'New action items' });
  const field = page.getByLabel('New action item', { exact: true });
  await field.fill('Book the room');
  await field.press('Enter');
  await field.press('Escape');
  await expect(row(items, 'Book the room')).toBeFocused();
  await page.getByLabel('Owner', { exact: true }).focus();
  await page.keyboard.press('Escape');
  await expect(row(items, 'Book the room')).toBeFocused();
  await page.keyboard.press('a');
  await expect(field).toBeFocused();
});

test("a new action item's owner is chosen for each item, never kept from the one before", async ({
  page,
  app,
  api,
}) => {
  await meetingUnderWay(api);
  await app.open('#/meeting');
  const items = page.getByRole('region', { name: 'New action items' });
  const field = page.getByLabel('New action item', { exact: true });
  const owner = page.getByLabel('Owner', { exact: true });
  await field.fill('Write the release checklist');
  await owner.selectOption({ label: 'Lena Brandt' });
  await field.press('Enter');
  await expect(row(items, 'Write the release checklist')).toContainText('Lena Brandt');
  await expect(owner.locator('option:checked')).toHaveText('No owner');
  await field.fill('Ask who hosts next time');
  await field.press('Enter');
  await expect(row(items, 'Ask who hosts next time')).toContainText('no owner');
});

test('focus stays on the same polish issue after G regroups or R reassigns it', async ({
  page,
  app,
  api,
}) => {
  await meetingUnderWay(api);
  await app.open('#/meeting');
  await page.keyboard.press('2');
  await expect(stepHeading(page)).toHaveText('Polish issues');
  const open = page.getByRole('region', { name: /^Open/ });
  const rows = open.locator('[data-row]');
  await expect(rows.first()).toBeVisible();
  // An issue that is not first in the list, so that its position changes when regrouped.
  const focused = open.locator('[data-row]:focus');
  await rows.nth(3).focus();
  const title = (await rows.nth(3).locator('.title').innerText()).trim();
  await page.keyboard.press('g');
  await expect(page.getByRole('radio', { name: 'Assignee' })).toBeChecked();
  await expect(focused).toHaveCount(1);
  await expect(focused.locator('.title')).toHaveText(title);
  await page.keyboard.press('g');
  await expect(page.getByRole('radio', { name: 'Goal' })).toBeChecked();
  await expect(focused.locator('.title')).toHaveText(title);

  // Grouped by assignee, a reassignment moves the row to another group; focus goes with it.
  await page.keyboard.press('g');
  await expect(focused.locator('.title')).toHaveText(title);
  const before = await page.evaluate(
    () => document.activeElement?.closest('.group')?.querySelector('h4')?.textContent,
  );
  await page.keyboard.press('r');
  const select = open.locator('select.assignee');
  await expect(select).toBeFocused();
  await expect(select).toHaveCSS('outline-style', 'solid'); // off the tab order, its focus shows
  // The list opens: the arrows go through the names without saving; Enter saves the one reached.
  const current = await select.inputValue();
  const last = await select.evaluate((s: HTMLSelectElement) => s.selectedIndex === s.options.length - 1);
  await page.keyboard.press(last ? 'ArrowUp' : 'ArrowDown');
  await page.keyboard.press(last ? 'ArrowUp' : 'ArrowDown');
  await expect(select).toBeFocused();
  await expect(select).toHaveValue(current);
  await expect(page.getByRole('status')).not.toContainText('Saved');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved');
  await expect(focused).toHaveCount(1);
  await expect(focused.locator('.title')).toHaveText(title);
  const after = await page.evaluate(
    () => document.activeElement?.closest('.group')?.querySelector('h4')?.textContent,
  );
  expect(after).not.toBe(before);
  // The next key acts on that same issue.
  await page.keyboard.press('d');
  await expect(row(open, title)).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText(title.slice(0, 20));
});

test('a row focused with J/K scrolls clear of the sticky steps, and what was saved stays in view', async ({
  page,
  app,
  api,
}) => {
  await page.setViewportSize({ width: 1300, height: 700 });
  await meetingUnderWay(api);
  const sprintId = (await api('workspace.info', {})).activeSprintId!;
  await api('meeting.goTo', { id: (await api('meeting.get', { sprintId }))!.id, step: 'retrospective' });
  await app.open('#/meeting');
  await expect(stepHeading(page)).toHaveText('Retrospective of sprint 7');
  const goals = page.getByRole('region', { name: 'Sprint goals' }).locator('[data-row]');
  const top = page.locator('.run > .top');
  await goals.last().focus();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('k');
    const stuck = (await top.boundingBox())!;
    const focused = (await page.locator('[data-row]:focus').boundingBox())!;
    expect(focused.y, `row ${i + 1} up`).toBeGreaterThanOrEqual(stuck.y + stuck.height);
  }
  await page.keyboard.press('p');
  await expect(top.getByRole('status')).toContainText('Saved');
  await expect(top.getByRole('status')).toBeInViewport();
});
