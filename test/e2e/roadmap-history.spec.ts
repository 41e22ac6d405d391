import { expect, heading, test, type Api } from './fixtures.ts';

/**
 * A roadmap with history: "Old cache" is done, with two done milestones ("Prototype", and
 * "Rollout", in which Grace took part); "New cache" is in progress, its "Measure" waits for
 * "Prototype". The roadmap loads a done initiative's milestones only when they're needed.
 */
async function seed(api: Api) {
  if (!(await api('workspace.info', {})).isEmpty) return;
  const ada = await api('people.create', { name: 'Ada Lovelace', handle: 'ada' });
  const grace = await api('people.create', { name: 'Grace Hopper', handle: 'grace' });
  const builds = await api('goals.create', { title: 'Faster builds', ownerIds: [ada.id] });
  const old = await api('initiatives.create', { goalId: builds.id, title: 'Old cache', ownerIds: [ada.id] });
  const prototype = await api('milestones.create', {
    initiativeId: old.id,
    title: 'Prototype',
    state: 'done',
  });
  await api('milestones.create', {
    initiativeId: old.id,
    title: 'Rollout',
    state: 'done',
    participantIds: [grace.id],
  });
  await api('initiatives.update', { id: old.id, state: 'done' });
  const next = await api('initiatives.create', { goalId: builds.id, title: 'New cache', ownerIds: [ada.id] });
  await api('milestones.create', {
    initiativeId: next.id,
    title: 'Measure',
    participantIds: [ada.id],
    dependsOnIds: [prototype.id],
  });
}

test('a done initiative shows its counts at once and its milestones when opened', async ({
  page,
  app,
  api,
}) => {
  await seed(api);
  // On arrival the roadmap holds the open work (and what it depends on), not the done history.
  const arrival = await api('roadmap.view', {});
  expect(arrival.milestones.map((m) => m.title).sort()).toEqual(['Measure', 'Prototype']);

  await app.open('#/roadmap');
  const goal = page.getByRole('article', { name: 'Faster builds' });
  // Done initiatives wait behind the goal's disclosure.
  await goal.getByRole('button', { name: 'Show 1 done initiative of “Faster builds”' }).click();
  const oldRow = goal.getByRole('listitem').filter({ hasText: 'Old cache' });
  await expect(oldRow).toContainText('2 of 2 milestones done');
  // Every milestone counts in the filter buttons, loaded or not.
  const states = page.getByRole('group', { name: 'Show items by state' });
  await expect(states.getByRole('button', { name: /done/ })).toContainText('3');

  // A dependency in a done initiative has its title.
  await goal.getByRole('button', { name: 'Milestones of “New cache”' }).click();
  await expect(goal.getByRole('list', { name: 'Milestones of New cache' })).toContainText(
    'after ✅ Prototype',
  );

  await goal.getByRole('button', { name: 'Milestones of “Old cache”' }).click();
  const oldMilestones = goal.getByRole('list', { name: 'Milestones of Old cache' });
  await expect(oldMilestones.getByRole('listitem')).toHaveText([/Prototype/, /Rollout/]);

  // Its page lists them too, also when it is where the app opens.
  for (const opened of ['from the roadmap', 'reloaded']) {
    if (opened === 'from the roadmap') await goal.getByRole('link', { name: 'Old cache' }).click();
    else await page.reload();
    await expect(heading(page)).toHaveText('Old cache');
    await expect(
      page.getByRole('list', { name: 'Milestones of Old cache' }).getByRole('listitem'),
    ).toHaveText([/Prototype/, /Rollout/]);
    await expect(page.getByText('derived: 2 of 2 milestones done')).toBeVisible();
  }
});

test('the owner filter finds their milestones in done initiatives', async ({ page, app, api }) => {
  await seed(api);
  await app.open('#/roadmap');
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Grace Hopper' });
  const oldMilestones = page.getByRole('list', { name: 'Milestones of Old cache' });
  await expect(oldMilestones.getByRole('listitem')).toHaveText([/Rollout/]);
  await expect(page.getByRole('article', { name: 'Faster builds' })).not.toContainText('New cache');
});

test('done work waits behind a disclosure, opened by hand or by a filter for done items', async ({
  page,
  app,
  api,
}) => {
  await seed(api);
  const view = await api('roadmap.view', {});
  const builds = view.goals.find((g) => g.title === 'Faster builds')!;
  await api('initiatives.create', { goalId: builds.id, title: 'Remote cache' });
  const docs = await api('goals.create', { title: 'Old docs' });
  const wiki = await api('initiatives.create', { goalId: docs.id, title: 'Wiki' });
  await api('initiatives.update', { id: wiki.id, state: 'done' });
  await api('goals.update', { id: docs.id, state: 'done' });

  await app.open('#/roadmap');
  const goal = page.getByRole('article', { name: 'Faster builds' });
  const initiatives = goal.getByRole('list', { name: 'Initiatives of Faster builds' });
  await expect(initiatives.getByRole('listitem')).toHaveText([/New cache/, /Remote cache/]);
  const disclosure = goal.getByRole('button', { name: 'Show 1 done initiative of “Faster builds”' });
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');

  // Reordering the open ones keeps the hidden done one in its place.
  await initiatives.getByRole('button', { name: 'Move “Remote cache”' }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(initiatives.getByRole('listitem')).toHaveText([/Remote cache/, /New cache/]);
  await expect
    .poll(async () =>
      (await api('roadmap.view', {})).initiatives
        .filter((i) => i.goalId === builds.id)
        .sort((a, b) => a.position - b.position)
        .map((i) => i.title),
    )
    .toEqual(['Old cache', 'Remote cache', 'New cache']);

  // From the keyboard: the disclosure opens and closes, and stays open while navigating.
  await disclosure.focus();
  await page.keyboard.press('Enter');
  const hide = goal.getByRole('button', { name: 'Hide 1 done initiative of “Faster builds”' });
  await expect(hide).toHaveAttribute('aria-expanded', 'true');
  await expect(hide).toBeFocused();
  await expect(initiatives.getByRole('listitem')).toHaveText([/Old cache/, /Remote cache/, /New cache/]);
  await page.keyboard.press('Space');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await expect(goal).not.toContainText('Old cache');

  // A done goal shows its initiatives behind its disclosure too.
  const oldDocs = page.getByRole('article', { name: 'Old docs' });
  await expect(oldDocs).not.toContainText('Wiki');
  await oldDocs.getByRole('button', { name: 'Show 1 initiative of “Old docs”' }).click();
  await expect(oldDocs.getByRole('list', { name: 'Initiatives of Old docs' })).toHaveText(/Wiki/);

  // Filtering for done items shows them at once.
  await oldDocs.getByRole('button', { name: 'Hide 1 initiative of “Old docs”' }).click();
  const states = page.getByRole('group', { name: 'Show items by state' });
  await states.getByRole('button', { name: /done/ }).click();
  await expect(goal.getByRole('list', { name: 'Initiatives of Faster builds' })).toHaveText(/Old cache/);
  await expect(oldDocs.getByRole('list', { name: 'Initiatives of Old docs' })).toHaveText(/Wiki/);
  await expect(page.getByRole('button', { name: /^Show \d+ .*initiative/ })).toHaveCount(0);
});
