import { expect, heading, test } from './fixtures.ts';

test('a goal is created, edited and deleted through the roadmap', async ({ page, app, api }) => {
  await api('people.create', { name: 'Ada Lovelace', handle: 'ada' });
  await app.open('#/roadmap');

  // Create
  await page.getByRole('link', { name: 'New goal' }).click();
  await expect(heading(page)).toHaveText('New goal');
  await expect(page.getByLabel('Title')).toBeFocused();
  await page.getByLabel('Title').fill('Friendlier errors');
  await page.getByLabel('Impact').fill('- Errors say what to do next');
  await page.getByLabel('How to help').fill('Send us confusing messages');
  await page.getByRole('checkbox', { name: 'Ada Lovelace' }).check();
  await page.getByLabel('State').selectOption('in progress');
  await page.getByRole('button', { name: 'Create goal' }).click();

  await expect(heading(page)).toHaveText('Roadmap');
  const card = page.getByRole('article', { name: 'Friendlier errors' });
  await expect(card).toContainText('in progress');
  await expect(card).toContainText('Ada Lovelace');
  await expect(card.getByRole('img', { name: 'Progress 0%' })).toHaveText('▱▱▱▱▱▱');

  // Edit
  await card.getByRole('link', { name: 'Friendlier errors' }).click();
  await expect(heading(page)).toHaveText('Friendlier errors');
  await page.getByLabel('Title').fill('Friendlier compiler errors');
  await page.getByLabel('Progress set by hand').fill('50');
  await page.getByRole('button', { name: 'Save goal' }).click();

  await expect(heading(page)).toHaveText('Roadmap');
  const edited = page.getByRole('article', { name: 'Friendlier compiler errors' });
  await expect(edited.getByRole('img', { name: 'Progress 50%, set by hand' })).toHaveText('▰▰▰▱▱▱');
  await expect(edited).toContainText('(set by hand)');

  // The change is in the database
  await page.reload();
  await expect(edited).toBeVisible();

  // Delete
  await edited.getByRole('link', { name: 'Friendlier compiler errors' }).click();
  await page.getByRole('button', { name: 'Delete goal…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Friendlier compiler errors”?' });
  await dialog.getByRole('button', { name: 'Delete goal' }).click();

  await expect(heading(page)).toHaveText('Roadmap');
  await expect(page.getByRole('article', { name: 'Friendlier compiler errors' })).toHaveCount(0);
  await page.reload();
  await expect(heading(page)).toHaveText('Roadmap');
  await expect(page.getByRole('article', { name: 'Friendlier compiler errors' })).toHaveCount(0);
});

test('an initiative’s page shows its impact and features, and the edited ones after saving', async ({
  page,
  app,
  api,
}) => {
  const goal = await api('goals.create', { title: 'Faster builds' });
  const cache = await api('initiatives.create', {
    goalId: goal.id,
    title: 'Incremental cache',
    impact: '- Builds in **seconds**',
    features: '- A content-addressed store',
  });
  await app.open(`#/initiatives/${cache.id}`);
  await expect(heading(page)).toHaveText('Incremental cache');
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByLabel('Impact')).toHaveValue('- Builds in **seconds**');
  await expect(details.getByLabel('Features')).toHaveValue('- A content-addressed store');
  await expect(details.locator('.preview strong')).toHaveText('seconds');

  // A change elsewhere on the page reloads the roadmap: the texts stay.
  await page.getByRole('button', { name: 'Add milestone to “Incremental cache”' }).click();
  await page.getByLabel('New milestone in “Incremental cache”').fill('Design');
  await page.getByLabel('New milestone in “Incremental cache”').press('Enter');
  await expect(page.getByRole('list', { name: 'Milestones of Incremental cache' })).toContainText('Design');
  await expect(details.getByLabel('Impact')).toHaveValue('- Builds in **seconds**');

  await details.getByLabel('Impact').fill('- Builds in **milliseconds**');
  await details.getByLabel('Features').fill('- A shared cache');
  await details.getByRole('button', { name: 'Save initiative' }).click();
  await expect(heading(page)).toHaveText('Faster builds');

  await page.getByRole('link', { name: 'Incremental cache', exact: true }).click();
  await expect(heading(page)).toHaveText('Incremental cache');
  await expect(details.getByLabel('Impact')).toHaveValue('- Builds in **milliseconds**');
  await expect(details.getByLabel('Features')).toHaveValue('- A shared cache');
  await expect(details.locator('.preview strong')).toHaveText('milliseconds');
  await page.reload();
  await expect(details.getByLabel('Impact')).toHaveValue('- Builds in **milliseconds**');
  expect(await api('initiatives.get', { id: cache.id })).toMatchObject({
    impact: '- Builds in **milliseconds**',
    features: '- A shared cache',
  });
  await api('goals.delete', { id: goal.id, cascade: true });
});

test('an empty title is refused by the API and the message shows next to the title field', async ({
  page,
  app,
}) => {
  await app.open('#/goals/new');
  await page.getByRole('button', { name: 'Create goal' }).click();

  const title = page.getByLabel('Title');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toBeFocused();
  await expect(title).toHaveAccessibleDescription(/must not be empty/i);
  const message = page.locator(`#${await title.getAttribute('aria-describedby')}`);
  await expect(message).toHaveText(/must not be empty/i);
  // Still on the form: nothing was created.
  await expect(heading(page)).toHaveText('New goal');

  // Fixing the title clears the error on the next save.
  await title.fill('Better docs');
  await page.getByRole('button', { name: 'Create goal' }).click();
  await expect(heading(page)).toHaveText('Roadmap');
  await expect(page.getByRole('article', { name: 'Better docs' })).toBeVisible();
});

test('a goal with initiatives is deleted only after a second confirmation that names them', async ({
  page,
  app,
  api,
}) => {
  const goal = await api('goals.create', { title: 'Async everywhere' });
  await api('initiatives.create', { goalId: goal.id, title: 'Async closures' });
  await api('initiatives.create', { goalId: goal.id, title: 'Async drop' });
  await app.open('#/roadmap');

  const card = page.getByRole('article', { name: 'Async everywhere' });
  await expect(
    card.getByRole('list', { name: 'Initiatives of Async everywhere' }).getByRole('listitem'),
  ).toHaveCount(2);
  await card.getByRole('link', { name: 'Async everywhere' }).click();
  await page.getByRole('button', { name: 'Delete goal…' }).click();
  await page
    .getByRole('dialog', { name: /Delete “Async everywhere”/ })
    .getByRole('button', { name: 'Delete goal' })
    .click();

  const second = page.getByRole('dialog', { name: 'Also delete 2 initiatives?' });
  await expect(second).toBeVisible();
  await second.getByRole('button', { name: 'Delete goal and 2 initiatives' }).click();

  await expect(heading(page)).toHaveText('Roadmap');
  await expect(page.getByRole('article', { name: 'Async everywhere' })).toHaveCount(0);
  expect(await api('initiatives.list', {})).toEqual([]);
});
