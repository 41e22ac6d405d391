import { expect, heading, test } from './fixtures.ts';

test('starting empty names the workspace, then leads to adding the first person', async ({
  page,
  app,
  api,
}) => {
  await app.open();
  await page.getByRole('button', { name: 'Start empty' }).click();
  await expect(page.getByRole('textbox', { name: 'Name of the workspace' })).toBeFocused();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(heading(page)).toHaveText('New person');
  expect((await api('workspace.info', {})).name).toBe('Our working group');
  await expect(page.getByLabel('Name')).toBeFocused();
  await page.getByLabel('Name').fill('Ada Lovelace');
  await page.getByLabel('Handle').fill('ada');
  await page.getByLabel('Time zone').selectOption('Europe/London');
  await page.getByRole('checkbox', { name: 'stakeholder' }).check();
  await page.getByRole('button', { name: 'Add person' }).click();

  await expect(heading(page)).toHaveText('People');
  await expect(page.getByRole('main').getByText('Added person “Ada Lovelace”.')).toBeVisible();
  const row = page.getByRole('row', { name: /Ada Lovelace/ });
  await expect(row).toContainText('@ada');
  await expect(row).toContainText('Europe/London');
  await expect(row).toContainText('goal owner, stakeholder');
});

test('a new person gets the browser’s time zone by default', async ({ page, app }) => {
  await app.open('#/people/new');
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
});

test.describe('in India', () => {
  test.use({ timezoneId: 'Asia/Kolkata' });

  test('the time zones go by their current names: the default Asia/Kolkata, Europe/Kyiv listed', async ({
    page,
    app,
  }) => {
    await app.open('#/people/new');
    const zone = page.getByLabel('Time zone');
    await expect(zone).toHaveValue('Asia/Kolkata');
    const names = await zone
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(names).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Europe/Kyiv']));
    expect(names.filter((name) => name === 'Asia/Calcutta' || name === 'Europe/Kiev')).toEqual([]);
  });
});

test('a person is edited, and a reload finds the change', async ({ page, app, api }) => {
  await api('people.create', { name: 'Grace Hopper', handle: 'grace', timeZone: 'America/New_York' });
  await app.open('#/people');

  await page.getByRole('link', { name: 'Grace Hopper' }).click();
  await expect(heading(page)).toHaveText('Grace Hopper');
  await page.getByLabel('Name').fill('Grace Brewster Hopper');
  await page.getByLabel('Time zone').selectOption('America/Chicago');
  await page.getByRole('button', { name: 'Save person' }).click();

  await expect(heading(page)).toHaveText('People');
  await expect(page.getByRole('main').getByText('Saved person “Grace Brewster Hopper”.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Grace Brewster Hopper/ })).toHaveAttribute('data-saved');
  await page.reload();
  await expect(page.getByRole('row', { name: /Grace Brewster Hopper/ })).toContainText('America/Chicago');
});

test('a goal owner’s form reads what a stakeholder may follow only once they are made one', async ({
  page,
  app,
  api,
}) => {
  const goal = await api('goals.create', { title: 'Faster builds' });
  await api('initiatives.create', { goalId: goal.id, title: 'Remote execution' });
  const ada = await api('people.create', { name: 'Ada Owner', roles: ['goal owner'] });
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));

  await app.open(`#/people/${ada.id}`);
  await expect(page.getByLabel('Name')).toHaveValue('Ada Owner');
  await expect(page.getByRole('group', { name: 'Follows initiatives' })).toHaveCount(0);
  expect(asked).not.toContain('/api/initiatives.list');

  await page.getByRole('checkbox', { name: 'stakeholder' }).check();
  const follows = page.getByRole('group', { name: 'Follows initiatives' });
  await expect(follows.getByRole('checkbox', { name: 'Remote execution (Faster builds)' })).toBeVisible();
  expect(asked.filter((path) => path === '/api/initiatives.list')).toHaveLength(1);
});

test('a person is deleted after a confirmation', async ({ page, app, api }) => {
  await api('people.create', { name: 'Linus Leaving' });
  await app.open('#/people');

  await page.getByRole('button', { name: 'Delete Linus Leaving' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Linus Leaving?' });
  await expect(dialog).toBeVisible();
  // The dialog stands in the row's last cell, which aligns its button right: its text doesn't.
  await expect(dialog.getByRole('heading')).toHaveCSS('text-align', 'start');
  await dialog.getByRole('button', { name: 'Delete person' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Linus Leaving/ })).toHaveCount(0);
  await expect(page.getByRole('main').getByText('Deleted person “Linus Leaving”.')).toBeVisible();
  await expect(heading(page)).toBeFocused();
  await page.reload();
  await expect(heading(page)).toHaveText('People');
  await expect(page.getByRole('row', { name: /Linus Leaving/ })).toHaveCount(0);
});

test('deleting a person who still owns a goal is refused, with the reason next to the action', async ({
  page,
  app,
  api,
}) => {
  const owner = await api('people.create', { name: 'Olga Owner' });
  const goal = await api('goals.create', {
    title: 'Faster builds',
    ownerIds: [owner.id],
    state: 'in progress',
  });
  await api('initiatives.create', { goalId: goal.id, title: 'Cache', ownerIds: [owner.id] });
  await api('initiatives.create', {
    goalId: goal.id,
    title: 'Old cache',
    ownerIds: [owner.id],
    state: 'done',
  });
  await app.open('#/people');
  // The list says what each person owns: what is not done, then how much is done.
  await expect(page.getByRole('row', { name: /Olga Owner/ })).toContainText('1 goal, 1 initiative, 1 done');

  await page.getByRole('button', { name: 'Delete Olga Owner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Olga Owner?' });
  await dialog.getByRole('button', { name: 'Delete person' }).click();

  await expect(dialog.getByRole('alert')).toContainText('Faster builds');
  await expect(dialog.getByRole('button', { name: 'Delete person' })).toHaveAccessibleDescription(
    /Faster builds/,
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Olga Owner/ })).toBeVisible();
});

test('when Fortnight can’t be reached, the form says so next to the action and keeps the input', async ({
  page,
  app,
  pageErrors,
}) => {
  pageErrors.allow(/ERR_CONNECTION_REFUSED .*\/api\/people\.create/);
  await app.open('#/people/new');
  await page.route('**/api/people.create', (route) => route.abort('connectionrefused'));
  await page.getByLabel('Name').fill('Nobody Reachable');
  await page.getByRole('button', { name: 'Add person' }).click();

  await expect(page.getByRole('alert')).toContainText('could not be reached');
  await expect(page.getByLabel('Name')).toHaveValue('Nobody Reachable');
  await expect(heading(page)).toHaveText('New person');
});

test('a handle someone already has is refused next to the handle field', async ({ page, app, api }) => {
  await api('people.create', { name: 'Hedy Lamarr', handle: 'hedy' });
  await app.open('#/people/new');
  await page.getByLabel('Name').fill('Hedy Impostor');
  await page.getByLabel('Handle').fill('hedy');
  await page.getByRole('button', { name: 'Add person' }).click();

  const handle = page.getByLabel('Handle');
  await expect(handle).toHaveAttribute('aria-invalid', 'true');
  await expect(handle).toBeFocused();
  // The hint and the API's message both describe the field.
  await expect(handle).toHaveAccessibleDescription(/GitHub login.*already Hedy Lamarr's/);
  await expect(page.getByLabel('Name')).not.toHaveAttribute('aria-invalid');
});
