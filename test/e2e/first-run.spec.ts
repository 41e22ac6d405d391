import { expect, heading, test } from './fixtures.ts';

test('a new workspace welcomes the user and loads the example workspace', async ({ page, app }) => {
  await app.open();
  await expect(heading(page)).toHaveText('Welcome to Fortnight');
  // The welcome is the empty workspace's home screen, in the Meeting's place.
  await expect(page.getByRole('link', { name: /Meeting/ })).toHaveAttribute('aria-current', 'page');

  await page.getByRole('button', { name: 'Load the example workspace' }).click();

  await expect(heading(page)).toHaveText('Meeting');
  await expect(page.getByRole('link', { name: /Meeting/ })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText(/^Sprint \d+ · /)).toBeVisible();

  await page.getByRole('link', { name: /Roadmap/ }).click();
  await expect(heading(page)).toHaveText('Roadmap');
  const goals = page.getByRole('list', { name: 'Goals' }).getByRole('article');
  await expect(goals.first()).toBeVisible();
  const count = await goals.count();
  expect(count).toBeGreaterThan(0);

  // A reload keeps the place and finds the data in the database.
  await page.reload();
  await expect(heading(page)).toHaveText('Roadmap');
  await expect(goals).toHaveCount(count);
});
