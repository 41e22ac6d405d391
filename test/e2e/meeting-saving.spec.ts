/**
 * What a meeting action shows the moment its key is pressed, while its write is on its way: a
 * note or a sprint goal marked as saving (the answer turns it into the saved row; a refusal takes
 * it back to its form with the reason), a goal's outcome, a polish issue leaving the open list.
 */
import type { Page } from '@playwright/test';
import { LIMITS } from '../../src/shared/domain.ts';
import { expect, test } from './fixtures.ts';
import { meetingAtStep, meetingUnderWay, row } from './meeting-helpers.ts';

/** Holds the meeting's writes on their way to the host; `letGo` sends them on, unchanged. */
async function holdWrites(page: Page): Promise<{ letGo: () => Promise<void> }> {
  let letGo!: () => void;
  const held = new Promise<void>((resolve) => (letGo = resolve));
  await page.route('**/api/meeting.act', async (route) => {
    await held;
    await route.continue();
  });
  return {
    letGo: async () => {
      letGo();
      await page.unrouteAll({ behavior: 'wait' });
    },
  };
}

test('a note shows at once as saving, becomes the saved note, and a refused one goes back to its field', async ({
  page,
  app,
  api,
}) => {
  await meetingAtStep({ page, app, api }, '1', 'Retrospective of sprint 7');
  const kudos = page.getByRole('region', { name: /^Kudos/ });
  const field = page.getByLabel('New note: kudos');
  const saving = kudos.locator('li[aria-busy="true"]');
  const notes = kudos.locator('[data-row]');
  const before = await notes.count();

  const writes = await holdWrites(page);
  await field.fill('Thanks to Lena for the release');
  await field.press('Enter');
  await expect(saving).toHaveText('Thanks to Lena for the release Saving…');
  await expect(field).toHaveValue('');
  await expect(row(kudos, 'Thanks to Lena')).toHaveCount(0);
  await writes.letGo();
  await expect(row(kudos, 'Thanks to Lena')).toHaveCount(1);
  await expect(saving).toHaveCount(0);

  // A note over the length limit: the host refuses it, and nothing of it stays in the column.
  const tooLong = 'x'.repeat(LIMITS.text + 1);
  await field.fill(tooLong);
  await field.press('Enter');
  // The reason, without the API's name for the field (the field it shows under says which).
  await expect(kudos.getByRole('alert')).toHaveText(new RegExp(`^Must be at most ${LIMITS.text} characters`));
  await expect(field).toHaveValue(tooLong);
  await expect(saving).toHaveCount(0);
  await expect(notes).toHaveCount(before + 1);
});

test("a goal's outcome shows at once, and stays once its write answers", async ({ page, app, api }) => {
  await meetingAtStep({ page, app, api }, '1', 'Retrospective of sprint 7');
  const goal = page.getByRole('region', { name: 'Sprint goals' }).locator('[data-row]').first();
  const id = (await goal.getAttribute('data-row'))!;
  const outcome = (await goal.getAttribute('data-outcome')) === 'done' ? 'partial' : 'done';
  const writes = await holdWrites(page);
  await goal.focus();
  await page.keyboard.press(outcome === 'done' ? 'd' : 'p');
  await expect(goal).toHaveAttribute('data-outcome', outcome);
  await expect(goal).toHaveAttribute('aria-busy', 'true');
  await expect(goal.getByRole('button', { name: outcome === 'done' ? /Done/ : /Partial/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await writes.letGo();
  await expect(goal).not.toHaveAttribute('aria-busy', 'true');
  await expect(goal).toHaveAttribute('data-outcome', outcome);
  const sprintId = (await api('workspace.info', {})).activeSprintId!;
  const saved = (await api('sprintGoals.list', { sprintId })).find((g) => g.id === id);
  expect(saved?.outcome).toBe(outcome);
});

test('a polish issue marked done leaves the open list at once', async ({ page, app, api }) => {
  await meetingAtStep({ page, app, api }, '2', 'Polish issues');
  const open = page.getByRole('region', { name: /^Open/ });
  const issue = open.locator('[data-row]').first();
  await expect(issue).toBeVisible();
  const id = (await issue.getAttribute('data-row'))!;
  const count = open.locator('h3 .count');
  const before = Number(await count.innerText());
  const writes = await holdWrites(page);
  await issue.focus();
  await page.keyboard.press('d');
  await expect(open.locator(`[data-row="${id}"]`)).toHaveCount(0);
  await expect(count).toHaveText(String(before - 1));
  await writes.letGo();
  await expect
    .poll(async () => (await api('polish.list', { status: 'done' })).some((p) => p.id === id))
    .toBe(true);
  await expect(open.locator(`[data-row="${id}"]`)).toHaveCount(0);
  await expect(count).toHaveText(String(before - 1));
});

test('a new sprint goal shows in its owner’s plan at once, as saving, until its write answers', async ({
  page,
  app,
  api,
}) => {
  await meetingAtStep({ page, app, api }, '3', /^Plan sprint/);
  const marcus = page.getByRole('article', { name: 'Marcus Hale' });
  const title = page.getByLabel('Sprint goal', { exact: true });
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Marcus Hale' });
  await title.fill('Profile the cold start');
  const writes = await holdWrites(page);
  await title.press('Enter');
  await expect(marcus.locator('li[aria-busy="true"]')).toHaveText('Profile the cold start Saving…');
  await expect(row(marcus, 'Profile the cold start')).toHaveCount(0);
  await expect(title).toHaveValue('');
  await expect(title).toBeFocused();
  await writes.letGo();
  await expect(row(marcus, 'Profile the cold start')).toHaveCount(1);
  await expect(marcus.locator('li[aria-busy="true"]')).toHaveCount(0);
});

test('a sprint goal the host refuses goes back to the form with the reason', async ({ page, app, api }) => {
  await meetingAtStep({ page, app, api }, '3', /^Plan sprint/);
  const marcus = page.getByRole('article', { name: 'Marcus Hale' });
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Marcus Hale' });
  await page.getByLabel('Goal', { exact: true }).selectOption({ label: 'Tooling and observability' });
  const link = page.getByLabel(/^Initiative or milestone/);
  const initiative = (await link.locator('option[value^="i:"]').first().getAttribute('value'))!;
  await link.selectOption(initiative);
  const removed = await api('initiatives.get', { id: initiative.slice(2) });
  // Someone removes that initiative meanwhile, elsewhere: the write names what no longer exists.
  await api('initiatives.delete', { id: initiative.slice(2), cascade: true });
  const title = page.getByLabel('Sprint goal', { exact: true });
  await title.fill('Linked to a removed initiative');
  await title.press('Enter');
  await expect(page.locator('#new-goal-error')).toContainText(`Initiative “${removed.title}” was removed`);
  await expect(link).toBeFocused(); // the field the refusal names
  await expect(title).toHaveValue('Linked to a removed initiative');
  await expect(page.locator('li[aria-busy="true"]')).toHaveCount(0);
  await expect(row(marcus, 'Linked to a removed initiative')).toHaveCount(0);
});

test("a goal's note the host refuses stays in its field with the reason", async ({ page, app, api }) => {
  await meetingUnderWay(api);
  const sprintId = (await api('workspace.info', {})).activeSprintId!;
  await api('meeting.goTo', { id: (await api('meeting.get', { sprintId }))!.id, step: 'retrospective' });
  await meetingAtStep({ page, app, api }, '1', 'Retrospective of sprint 7');
  const goal = page.getByRole('region', { name: 'Sprint goals' }).locator('[data-row]').first();
  const id = (await goal.getAttribute('data-row'))!;
  await goal.focus();
  await page.keyboard.press('Enter');
  const note = goal.getByRole('textbox');
  const tooLong = 'y'.repeat(LIMITS.text + 1);
  await note.fill(tooLong);
  await note.press('Enter');
  await expect(goal.locator('.field-error')).toHaveText(
    new RegExp(`^Must be at most ${LIMITS.text} characters`),
  );
  await expect(note).toHaveValue(tooLong);
  await expect(note).toBeFocused();
  await expect(note).toHaveAttribute('aria-invalid', 'true');
  expect((await api('sprintGoals.list', { sprintId })).find((g) => g.id === id)?.outcomeNote).not.toBe(
    tooLong,
  );

  // Mended, it saves.
  await note.fill('Shipped on the last day');
  await note.press('Enter');
  await expect(goal).toContainText('Shipped on the last day');
  await expect(goal.getByRole('textbox')).toHaveCount(0);
  // Its button opens it again with its text.
  await goal.getByRole('button', { name: 'Edit note' }).click();
  await expect(goal.getByRole('textbox')).toHaveValue('Shipped on the last day');
});
