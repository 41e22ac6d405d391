/**
 * A title's `inline code` reads as code wherever the title is shown: the roadmap, an item's page,
 * the Polish screen and the meeting's lists.
 */
import { expect, heading, test } from './fixtures.ts';

test('backticks in titles show as inline code in lists and on pages, never as raw backticks', async ({
  page,
  app,
  api,
}) => {
  await api('workspace.loadExample', {});
  const goal = await api('goals.create', { title: 'Stabilize `async fn` in traits' });
  await api('polish.create', { title: 'Better error for a missing `Send` bound' });

  await app.open('#/roadmap');
  const card = page.getByRole('list', { name: 'Goals' }).getByRole('heading', { name: /Stabilize/ });
  await expect(card.locator('code')).toHaveText('async fn');
  await expect(card).toHaveText('Stabilize async fn in traits');

  await page.goto(`${app.server.origin}/#/goals/${goal.id}`);
  await expect(heading(page).locator('code')).toHaveText('async fn');

  await app.open('#/polish');
  const issue = page.getByRole('main').getByText(/Better error for a missing/);
  await expect(issue.locator('code')).toHaveText('Send');

  const sprintId = (await api('workspace.info', {})).activeSprintId!;
  await api('meeting.start', { sprintId });
  await app.open('#/meeting');
  await page.keyboard.press('2');
  const row = page.locator('[data-row]').filter({ hasText: 'Better error for a missing' });
  await expect(row.locator('code')).toHaveText('Send');
  await expect(row).not.toContainText('`');
});
