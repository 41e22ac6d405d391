import { expect, heading, test, type Api } from './fixtures.ts';

/** Olga owns a goal and an initiative and takes part in a milestone (each test its own Olga). */
async function seed(api: Api, name = 'Olga Owner', handle = 'olga') {
  const olga = await api('people.create', {
    name,
    handle,
    timeZone: 'Asia/Tokyo',
    roles: ['goal owner'],
  });
  const heir = await api('people.create', { name: `Heir of ${name}` });
  const goal = await api('goals.create', {
    title: `Faster builds (${handle})`,
    state: 'in progress',
    ownerIds: [olga.id],
  });
  const initiative = await api('initiatives.create', {
    goalId: goal.id,
    title: `Incremental cache (${handle})`,
    state: 'in progress',
    ownerIds: [olga.id],
  });
  await api('milestones.create', {
    initiativeId: initiative.id,
    title: `Cache design (${handle})`,
    state: 'in progress',
    participantIds: [olga.id],
  });
  return { olga, heir, goal, initiative };
}

test('a person’s page shows what they own, take part in, committed to and polished', async ({
  page,
  app,
  api,
}) => {
  const { olga, goal } = await seed(api);
  const sprint = await api('sprints.createNext', { startDate: '2025-03-03' });
  if (sprint.status !== 'active') await api('sprints.activate', { id: sprint.id });
  await api('sprintGoals.create', {
    sprintId: sprint.id,
    title: 'Land the cache',
    ownerId: olga.id,
    goalId: goal.id,
  });
  await api('polish.create', { title: 'Typo in the guide', status: 'in progress', assigneeId: olga.id });
  const typo = (await api('polish.list', {})).find((p) => p.title === 'Typo in the guide')!;
  await api('polish.update', { id: typo.id, status: 'done' });
  await api('initiatives.create', {
    goalId: goal.id,
    title: 'Old cache (olga)',
    state: 'done',
    ownerIds: [olga.id],
  });

  await app.open('#/people');
  await expect(page.getByRole('row', { name: /^Olga Owner/ })).toContainText('1 goal, 1 initiative, 1 done');
  await page.getByRole('link', { name: 'Olga Owner', exact: true }).click();
  await expect(heading(page)).toHaveText('Olga Owner');
  await expect(page.getByText(/Asia\/Tokyo \(.+ there now\) · goal owner/)).toBeVisible();
  await expect(page.getByRole('link', { name: '@olga' })).toHaveAttribute('href', 'https://github.com/olga');

  const owns = page.getByRole('region', { name: 'Owns' });
  await expect(owns.getByRole('link', { name: 'Faster builds (olga)' })).toHaveAttribute(
    'href',
    `#/goals/${goal.id}`,
  );
  await expect(owns).toContainText('Incremental cache');
  // What is done waits behind its disclosure.
  const oldCache = owns.getByRole('link', { name: 'Old cache (olga)' });
  await expect(oldCache).toBeHidden();
  await owns.getByText('Done (1)').click();
  await expect(oldCache).toBeVisible();
  await expect(page.getByRole('region', { name: 'Takes part in' }).getByText(/^Done/)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Takes part in' })).toContainText(
    'Cache design (olga) in Incremental cache (olga)',
  );
  await expect(
    page.getByRole('region', { name: 'Sprint goals' }).getByRole('row', { name: /Land the cache/ }),
  ).toContainText('1');
  const polish = page.getByRole('region', { name: 'Polish' });
  await expect(polish).toContainText('1 polish issue done');
  await expect(polish.getByRole('list', { name: 'Polish done by Olga Owner, per sprint' })).toContainText(
    '1 in sprint 1',
  );

  // Following what they own leads to its page.
  await page
    .getByRole('region', { name: 'Takes part in' })
    .getByRole('link', { name: 'Cache design' })
    .click();
  await expect(heading(page)).toHaveText('Incremental cache (olga)');
  await expect(page.locator('.highlight')).toContainText('Cache design (olga)');
});

test('deleting someone who still owns something says what, and reassigns it to someone else first', async ({
  page,
  app,
  api,
}) => {
  const { olga, heir, goal, initiative } = await seed(api, 'Oskar Owner', 'oskar');
  await app.open(`#/people/${olga.id}`);
  await page.getByRole('button', { name: 'Delete person…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Oskar Owner?' });
  await dialog.getByRole('button', { name: 'Delete person' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'Oskar Owner still owns goal “Faster builds (oskar)”; owns initiative “Incremental cache (oskar)”; takes part in 1 milestone(s)',
  );

  await dialog.getByLabel('Hand Oskar Owner’s 1 goal, 1 initiative, and 1 milestone to').selectOption({
    label: 'Heir of Oskar Owner',
  });
  await dialog.getByRole('button', { name: 'Reassign, then delete' }).click();
  await expect(dialog).toBeHidden();
  await expect(heading(page)).toHaveText('People');
  await expect(page.getByRole('main').getByText('Deleted person “Oskar Owner”.')).toBeVisible();
  await expect(page.getByRole('row', { name: /^Oskar Owner/ })).toHaveCount(0);
  expect((await api('goals.get', { id: goal.id })).ownerIds).toEqual([heir.id]);
  expect((await api('initiatives.get', { id: initiative.id })).ownerIds).toEqual([heir.id]);
  const milestones = await api('milestones.list', { initiativeId: initiative.id });
  expect(milestones.map((m) => m.participantIds)).toEqual([[heir.id]]);
});
