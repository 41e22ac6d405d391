/** The app shell: each screen's file loads when the screen is first shown, alongside its data. */
import { expect, heading, test } from './fixtures.ts';
import { ensureSeeded } from './seed.ts';

const screenFile = (name: string) => new RegExp(`/assets/${name}-[\\w-]{8}\\.js$`);

test('a screen’s file loads when the screen is first shown, and the browser keeps it', async ({
  page,
  app,
  api,
}) => {
  await ensureSeeded(api);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await app.open('#/settings');
  await expect(heading(page)).toHaveText('Settings');
  expect(requested.filter((url) => screenFile('PeopleScreen').test(url))).toEqual([]);

  const people = page.waitForResponse((response) => screenFile('PeopleScreen').test(response.url()));
  await page.keyboard.press('Control+5');
  await expect(heading(page)).toHaveText('People');
  expect((await people).headers()['cache-control']).toBe('private, max-age=31536000, immutable');
  await expect(page.getByRole('link', { name: 'Ada Lovelace' }).first()).toBeVisible();
});

test('a screen comes up while the workspace’s facts are still on their way', async ({ page, app, api }) => {
  await ensureSeeded(api);
  await app.open('#/settings');
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  await page.route('**/api/workspace.info', async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  await page.keyboard.press('Control+3');
  await expect(heading(page)).toHaveText('Sprints');
  await expect(page.locator('main tbody tr, main li').first()).toBeVisible();
  const answered = page.waitForResponse('**/api/workspace.info');
  release();
  expect((await answered).ok()).toBe(true);
});

test('a screen whose file cannot load says so, and a reload brings it back', async ({
  page,
  app,
  api,
  pageErrors,
}) => {
  await ensureSeeded(api);
  pageErrors.allow(/PolishScreen|Failed to load resource|dynamically imported module/i);
  await app.open('#/meeting');
  await page.route(screenFile('PolishScreen'), (route) => route.abort());
  await page.keyboard.press('Control+4');
  await expect(page.getByRole('alert')).toContainText('This screen could not be loaded');

  await page.unroute(screenFile('PolishScreen'));
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(heading(page)).toHaveText('Polish');
});
