/**
 * The Polish screen: the working set (open and in progress) at once; the history through the
 * status filter, a page at a time with "Show more" from the keyboard; a search of the titles;
 * counts per status.
 */
import { expect, heading, test } from './fixtures.ts';
import { seriousViolations } from './a11y.ts';

test('the Polish screen shows the working set, pages through the history and searches titles', async ({
  page,
  app,
  api,
}) => {
  const kim = await api('people.create', { name: 'Kim Park' });
  const sprint = await api('sprints.createNext', { startDate: '2025-03-03' });
  if (sprint.status !== 'active') await api('sprints.activate', { id: sprint.id });
  await api('polish.create', { title: 'Broken link in the guide' });
  await api('polish.create', { title: 'Typo on the welcome page' });
  await api('polish.create', { title: 'Flaky clock test', status: 'in progress', assigneeId: kim.id });
  await api('polish.create', { title: 'Rename the old flag', status: "won't fix" });
  for (let i = 1; i <= 105; i++)
    await api('polish.create', { title: `Fixed flaky test ${i}`, status: 'done' });

  await app.open('#/polish');
  await expect(heading(page)).toHaveText('Polish');
  const list = page.getByRole('region', { name: /^Open and in progress/ });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list).toContainText('Flaky clock test');
  await expect(list).toContainText('Kim Park');
  await expect(list).not.toContainText('Fixed flaky test');
  const status = page.getByRole('group', { name: 'Status' });
  await expect(status.getByRole('radio', { name: /^Done 105$/ })).toBeVisible();
  await expect(status.getByRole('radio', { name: /^All 109$/ })).toBeVisible();

  // The history, newest first, 100 at a time; the rest from the keyboard.
  await status.getByRole('radio', { name: /^Open and in progress/ }).focus();
  await page.keyboard.press('ArrowRight'); // Open
  await page.keyboard.press('ArrowRight'); // In progress
  await page.keyboard.press('ArrowRight'); // Done
  const done = page.getByRole('region', { name: /^Done/ });
  await expect(done.getByRole('heading')).toContainText('100 of 105');
  await expect(done.getByRole('listitem').first()).toContainText('Fixed flaky test 105');
  await expect(done.getByRole('listitem').first()).toContainText('done in sprint 1');
  expect(await seriousViolations(page)).toEqual([]);
  const more = done.getByRole('button', { name: 'Show 5 more' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(done.getByRole('listitem')).toHaveCount(105);
  await expect(done.getByRole('listitem').last()).toContainText('Fixed flaky test 1');
  await expect(more).toHaveCount(0);
  await expect(done.getByRole('heading')).toBeFocused();

  // A search narrows the list and the counts.
  await page.getByLabel('Search titles').fill('FLAKY 10');
  await expect(done.getByRole('listitem')).toHaveCount(7); // 10, 100…105
  await expect(status.getByRole('radio', { name: /^Done 7$/ })).toBeVisible();
  await expect(status.getByRole('radio', { name: /^Open and in progress 0$/ })).toBeVisible();
  await page.getByLabel('Search titles').fill('no such words');
  await expect(page.getByText('No polish issue matches “no such words”.')).toBeVisible();
});
