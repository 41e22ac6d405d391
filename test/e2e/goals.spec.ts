import { UNOWNED_FLAG } from '../../src/shared/unowned.ts';
import { announcement, expect, expectRefused, heading, test, type Api } from './fixtures.ts';

/** A goal with one initiative, written through the API. */
async function goalWithInitiative(api: Api, goalTitle: string, title: string) {
  const goal = await api('goals.create', { title: goalTitle });
  return { goal, initiative: await api('initiatives.create', { goalId: goal.id, title }) };
}

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
  const created = page.getByRole('main').getByText('Created goal “Friendlier errors”.');
  await expect(created).toBeVisible();
  // Screen readers hear it once, from the announcer (the notice itself is no live region).
  await expect(announcement(page)).toHaveText('Created goal “Friendlier errors”.');
  const card = page.getByRole('article', { name: 'Friendlier errors' });
  await expect(card).toContainText('in progress');
  await expect(card).toContainText('Ada Lovelace');
  await expect(card.getByRole('img', { name: 'Progress 0%' })).toHaveText('▱▱▱▱▱▱');

  // The notice lasts until the next navigation: coming back doesn't bring it again.
  await card.getByRole('link', { name: 'Friendlier errors' }).click();
  await expect(heading(page)).toHaveText('Friendlier errors');
  await expect(created).toHaveCount(0);
  await page.goBack();
  await expect(heading(page)).toHaveText('Roadmap');
  await expect(created).toHaveCount(0);

  // Edit
  await card.getByRole('link', { name: 'Friendlier errors' }).click();
  await expect(heading(page)).toHaveText('Friendlier errors');
  await page.getByLabel('Title').fill('Friendlier compiler errors');
  await page.getByLabel('Progress set by hand').fill('50');
  await page.getByRole('button', { name: 'Save goal' }).click();

  await expect(heading(page)).toHaveText('Roadmap');
  const saved = page.getByRole('main').getByText('Saved goal “Friendlier compiler errors”.');
  await expect(saved).toBeVisible();
  const edited = page.getByRole('article', { name: 'Friendlier compiler errors' });
  await expect(edited.getByRole('img', { name: 'Progress 50%, set by hand' })).toHaveText('▰▰▰▱▱▱');
  await expect(edited).toContainText('(set by hand)');
  await expect(edited).toHaveAttribute('data-saved');

  // The change is in the database (and the notice, and the mark, were for that moment only).
  await page.reload();
  await expect(edited).toBeVisible();
  await expect(saved).toHaveCount(0);
  await expect(edited).not.toHaveAttribute('data-saved');

  // Delete
  await edited.getByRole('link', { name: 'Friendlier compiler errors' }).click();
  await page.getByRole('button', { name: 'Delete goal…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Friendlier compiler errors”?' });
  await dialog.getByRole('button', { name: 'Delete goal' }).click();

  await expect(heading(page)).toHaveText('Roadmap');
  await expect(page.getByRole('article', { name: 'Friendlier compiler errors' })).toHaveCount(0);
  const deleted = page.getByRole('main').getByText('Deleted goal “Friendlier compiler errors”.');
  await expect(deleted).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(deleted).toHaveCount(0);
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
  await expect(second).toContainText(
    '“Async everywhere” still has 2 initiatives: “Async closures” and “Async drop”. Deleting the goal deletes them too, with their milestones.',
  );
  await expect(second).toContainText("This can't be undone.");
  await second.getByRole('button', { name: 'Delete goal and 2 initiatives' }).click();

  await expect(heading(page)).toHaveText('Roadmap');
  await expect(page.getByRole('article', { name: 'Async everywhere' })).toHaveCount(0);
  expect(await api('initiatives.list', {})).toEqual([]);
});

test('an initiative with milestones is deleted only after a second confirmation that names them', async ({
  page,
  app,
  api,
}) => {
  const { goal, initiative } = await goalWithInitiative(api, 'Smaller binaries', 'Dead code removal');
  await api('milestones.create', { initiativeId: initiative.id, title: 'Measure' });
  await api('milestones.create', { initiativeId: initiative.id, title: 'Strip' });
  await app.open(`#/initiatives/${initiative.id}`);
  await expect(heading(page)).toHaveText('Dead code removal');

  await page.getByRole('button', { name: 'Delete initiative…' }).click();
  const first = page.getByRole('dialog', { name: 'Delete “Dead code removal”?' });
  await expect(first).toContainText(
    'The initiative leaves the roadmap. Initiatives that depend on it drop that dependency; sprint goals linked to it keep their text.',
  );
  await first.getByRole('button', { name: 'Delete initiative' }).click();

  const second = page.getByRole('dialog', { name: 'Also delete 2 milestones?' });
  await expect(second).toContainText(
    '“Dead code removal” still has 2 milestones: “Measure” and “Strip”. Deleting the initiative deletes them too.',
  );
  await expect(second).toContainText("This can't be undone.");
  // Cancelling keeps everything; the next try starts again at the first confirmation.
  await second.getByRole('button', { name: 'Cancel' }).click();
  await expect(second).toBeHidden();
  expect(await api('milestones.list', { initiativeId: initiative.id })).toHaveLength(2);
  await page.getByRole('button', { name: 'Delete initiative…' }).click();
  await first.getByRole('button', { name: 'Delete initiative' }).click();
  await second.getByRole('button', { name: 'Delete initiative and 2 milestones' }).click();

  // Back on its goal's page, without it.
  await expect(heading(page)).toHaveText('Smaller binaries');
  await expect(page.getByText('No initiatives yet')).toBeVisible();
  expect(await api('initiatives.list', { goalId: goal.id })).toEqual([]);
  expect(await api('milestones.list', {})).toEqual([]);
  await api('goals.delete', { id: goal.id });
});

test('a goal in progress without an owner is created, and flagged on the roadmap and in Help wanted', async ({
  page,
  app,
  api,
}) => {
  await app.open('#/goals/new');
  await page.getByLabel('Title').fill('Nobody’s goal');
  // The hint says it is allowed, and flagged.
  await expect(page.getByLabel('State')).toHaveAccessibleDescription(/no owner is allowed, and flagged/);
  await page.getByLabel('State').selectOption('in progress');
  await page.getByRole('button', { name: 'Create goal' }).click();
  await expect(heading(page)).not.toHaveText('New goal');
  const goal = (await api('goals.list', {})).find((g) => g.title === 'Nobody’s goal')!;
  expect(goal).toMatchObject({ state: 'in progress', ownerIds: [] });

  await app.open('#/roadmap');
  await expect(page.getByRole('article', { name: 'Nobody’s goal' })).toContainText(UNOWNED_FLAG);
  await app.open('#/roadmap/help-wanted');
  const wantedGoal = page
    .getByRole('region', { name: /Goals/ })
    .getByRole('listitem')
    .filter({ hasText: 'Nobody’s goal' });
  await expect(wantedGoal).toContainText(UNOWNED_FLAG);
  await api('goals.delete', { id: goal.id });
});

test('an initiative’s refused link and state show next to their fields, and nothing is saved', async ({
  page,
  app,
  api,
}) => {
  const { goal, initiative } = await goalWithInitiative(api, 'Reproducible builds', 'Pinned toolchains');
  await app.open(`#/initiatives/${initiative.id}`);
  const details = page.getByRole('region', { name: 'Details' });
  const link = details.getByLabel('Link', { exact: true });
  await link.fill('ftp://example.org/toolchains');
  await details.getByRole('button', { name: 'Save initiative' }).click();

  await expectRefused(link, /page or repository.*http\(s\) link/i);
  await expect(heading(page)).toHaveText('Pinned toolchains');

  expect(await api('initiatives.get', { id: initiative.id })).toMatchObject({ link: null });

  // Fixed, it saves (in progress without an owner is allowed) and goes back to its goal.
  await link.fill('https://example.org/toolchains');
  await details.getByLabel('State', { exact: true }).selectOption('in progress');
  await details.getByRole('button', { name: 'Save initiative' }).click();
  await expect(heading(page)).toHaveText('Reproducible builds');
  await expect(page.locator('[data-saved]')).toContainText('Pinned toolchains');
  expect(await api('initiatives.get', { id: initiative.id })).toMatchObject({
    link: 'https://example.org/toolchains',
    state: 'in progress',
    ownerIds: [],
  });
  await api('goals.delete', { id: goal.id, cascade: true });
});
