/**
 * Editing a polish issue between meetings: from its row on the Polish screen to its page, where
 * a refused field is named (and nothing changes), the fields are saved and show in the list, and
 * deleting it (after a confirmation) takes it off the list. Quick-open finds it on its page.
 */
import { expect, expectRefused, heading, test } from './fixtures.ts';
import { axe } from './a11y.ts';

test('a polish issue is edited and deleted from its page, reached from the Polish screen', async ({
  page,
  app,
  api,
}) => {
  const kim = await api('people.create', { name: 'Kim Park', roles: ['goal owner'] });
  const goal = await api('goals.create', { title: 'Faster builds' });
  const issue = await api('polish.create', { title: 'Flaky login test', link: 'acme/web#12' });

  await app.open('#/polish');
  const list = page.getByRole('region', { name: /^Open and in progress/ });
  await list.getByRole('link', { name: 'Edit “Flaky login test”' }).click();
  await expect(heading(page)).toHaveText('Flaky login test');
  await expect(page.getByRole('link', { name: 'Open the issue ↗' })).toHaveAttribute(
    'href',
    'https://github.com/acme/web/issues/12',
  );
  const title = page.getByLabel('Title', { exact: true });
  await expect(title).toHaveValue('Flaky login test');

  // A link it can't read is refused at its field; nothing is saved.
  const link = page.getByLabel('Link', { exact: true });
  await title.fill('Flaky login test on Firefox');
  await link.fill('not a link');
  await page.getByRole('button', { name: 'Save polish issue' }).click();
  await expectRefused(link, /Must be an http\(s\) link or owner\/repo#123/);
  expect(await api('polish.list', {})).toMatchObject([{ title: 'Flaky login test', link: 'acme/web#12' }]);

  expect((await axe(page).analyze()).violations).toEqual([]);

  await link.fill('https://example.org/bugs/7');
  await page.getByLabel('Goal').selectOption({ label: 'Faster builds' });
  await page.getByLabel('Assignee').selectOption({ label: 'Kim Park' });
  await page.getByLabel('Status').selectOption('in progress');
  await page.getByLabel('Size').selectOption('M');
  await page.getByRole('button', { name: 'Save polish issue' }).click();

  await expect(heading(page)).toHaveText('Polish');
  await expect(
    page.getByRole('main').getByText('Saved polish issue “Flaky login test on Firefox”.'),
  ).toBeVisible();
  expect((await axe(page).analyze()).violations).toEqual([]);
  const row = list.getByRole('listitem').filter({ hasText: 'Flaky login test on Firefox' });
  await expect(row).toContainText('Faster builds');
  await expect(row).toContainText('in progress');
  await expect(row).toContainText('Kim Park');
  expect(await api('polish.list', {})).toMatchObject([
    {
      id: issue.id,
      title: 'Flaky login test on Firefox',
      link: 'https://example.org/bugs/7',
      goalId: goal.id,
      assigneeId: kim.id,
      status: 'in progress',
      size: 'M',
    },
  ]);

  // Quick-open leads to the issue's page.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Find' }).fill('Firefox');
  const option = page.getByRole('option', { name: /Flaky login test on Firefox/ });
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Flaky login test on Firefox');

  // Deleting asks first; then the issue is gone from the list.
  await page.getByRole('button', { name: 'Delete polish issue…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Flaky login test on Firefox”?' });
  await dialog.getByRole('button', { name: 'Delete polish issue' }).click();
  await expect(heading(page)).toHaveText('Polish');
  await expect(
    page.getByRole('main').getByText('Deleted polish issue “Flaky login test on Firefox”.'),
  ).toBeVisible();
  await expect(page.getByText('No polish issues here.')).toBeVisible();
  expect(await api('polish.list', {})).toEqual([]);

  // An issue that isn't there says so.
  await app.open(`#/polish/${issue.id}`);
  await expect(heading(page)).toHaveText('Polish issue not found');
});

test('the issue just saved is marked in a long list and scrolled into view, until the notice goes', async ({
  page,
  app,
  api,
}) => {
  for (let n = 1; n <= 40; n++) await api('polish.create', { title: `Older issue ${n}` });
  await api('polish.create', { title: 'Slow search' });

  await app.open('#/polish');
  const list = page.getByRole('region', { name: /^Open and in progress/ });
  await list.getByRole('link', { name: 'Edit “Slow search”' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Slow search in big workspaces');
  await page.getByRole('button', { name: 'Save polish issue' }).click();

  // The list opens at its top; the saved issue, last of 41, is brought into view and marked.
  await expect(heading(page)).toHaveText('Polish');
  const marked = page.locator('[data-saved]');
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText('Slow search in big workspaces');
  await expect(marked).toBeInViewport();
  await expect(list.getByRole('listitem').first()).not.toBeInViewport();

  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(marked).toHaveCount(0);
});
