import { expect, heading, test } from './fixtures.ts';
import { ensureSeeded } from './seed.ts';

const TITLES = ['Meeting', 'Roadmap', 'Sprints', 'Polish', 'People', 'Updates', 'Settings', 'My sprint'];

test('Ctrl+1…8 switch screens, the navigation marks the current one, and Back returns', async ({
  page,
  app,
  api,
}) => {
  await ensureSeeded(api);
  await app.open('#/meeting');
  const nav = page.getByRole('navigation', { name: 'Screens' });

  for (const [i, title] of TITLES.entries()) {
    await page.keyboard.press(`Control+${i + 1}`);
    await expect(heading(page)).toHaveText(title);
    await expect(heading(page)).toBeFocused();
    await expect(nav.getByRole('link', { name: new RegExp(title) })).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  }
  // Back and Forward retrace the switches, as after links followed.
  await page.goBack();
  await expect(heading(page)).toHaveText('Settings');
  await page.goBack();
  await expect(heading(page)).toHaveText('Updates');
  await page.goForward();
  await expect(heading(page)).toHaveText('Settings');
  await expect(nav.locator('[aria-current="page"]')).toHaveText(/Settings/);
});

test('coming back to a screen, its data comes again only if something changed', async ({
  page,
  app,
  api,
}) => {
  await ensureSeeded(api);
  await app.open('#/polish');
  await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
  await page.keyboard.press('Control+5');
  await expect(heading(page)).toHaveText('People');
  const statuses = new Map<string, number>();
  page.on('response', (response) => {
    const method = /\/api\/([\w.]+)$/.exec(response.url())?.[1];
    if (method) statuses.set(method, response.status());
  });
  const back = async () => {
    statuses.clear();
    await page.keyboard.press('Control+5');
    await expect(heading(page)).toHaveText('People');
    await page.keyboard.press('Control+4');
    await expect(heading(page)).toHaveText('Polish');
    await expect.poll(() => statuses.get('polish.page')).toBeDefined();
  };

  // Nothing written: the host says so (304) and the page shows what it had.
  await back();
  for (const method of ['polish.page', 'polish.counts', 'goals.list', 'sprints.list'])
    await expect.poll(() => statuses.get(method), method).toBe(304);
  // Written from elsewhere: the answers come in full, with the change.
  await api('polish.create', { title: 'Written by another program' });
  await back();
  await expect.poll(() => statuses.get('polish.page')).toBe(200);
  await expect(page.getByRole('link', { name: 'Written by another program' })).toBeVisible();
});

test('a reload keeps the place, down to a goal’s page', async ({ page, app, api }) => {
  await ensureSeeded(api);
  await app.open('#/roadmap');
  await page.getByRole('link', { name: 'Friendlier errors' }).click();
  await expect(page).toHaveURL(/#\/goals\/[0-9a-f-]+$/);
  await page.reload();
  await expect(heading(page)).toHaveText('Friendlier errors');
  await expect(page.getByLabel('Title')).toHaveValue('Friendlier errors');
});

test('the screens show the workspace’s data, dates in the user’s locale', async ({ page, app, api }) => {
  await ensureSeeded(api);
  await app.open('#/meeting');
  await expect(page.getByText(/^Sprint 1 · Mar 3\s–\s16, 2025$/)).toBeVisible();
  await expect(page.getByRole('row', { name: /Land the cache behind a flag/ })).toContainText('Ada Lovelace');

  await page.keyboard.press('Control+2');
  const builds = page.getByRole('article', { name: 'Faster builds' });
  // The done one waits behind the goal's disclosure.
  await expect(builds.getByRole('listitem')).toHaveText([/Remote execution/]);
  await builds.getByRole('button', { name: 'Show 1 done initiative of “Faster builds”' }).click();
  await expect(builds.getByRole('listitem')).toHaveText([/Incremental cache/, /Remote execution/]);
  await expect(page.getByRole('article', { name: 'Friendlier errors' })).toContainText('(set by hand)');

  await page.keyboard.press('Control+3');
  await expect(page.getByRole('row', { name: /^1 / })).toContainText('active');
  await expect(page.getByRole('row', { name: /^2 / })).toContainText('planned');

  await page.keyboard.press('Control+4');
  const working = page.getByRole('region', { name: /^Open and in progress/ });
  await expect(working).toContainText('Typo in the install guide');
  await expect(working).toContainText('Flaky test on Windows');
  await expect(working).not.toContainText('Slow startup with many goals');
  for (const [status, title] of [
    ['Done', 'Slow startup with many goals'],
    ["Won't fix", 'Support Internet Explorer'],
  ] as const) {
    await page.getByRole('radio', { name: new RegExp(`^${status} `) }).check();
    await expect(page.getByRole('region', { name: new RegExp(`^${status} `) })).toContainText(title);
  }
});

test('the theme is chosen in Settings, kept across reloads, and follows the system by default', async ({
  page,
  app,
  api,
}) => {
  await ensureSeeded(api);
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open('#/settings');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'system');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const darkSystem = await background();

  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(await background()).not.toBe(darkSystem);

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();

  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe(darkSystem);
  await expect(page.getByText('Schema version')).toBeVisible();
});

test('? lists the keyboard shortcuts, and Escape closes the list', async ({ page, app, api }) => {
  await ensureSeeded(api);
  await app.open('#/roadmap');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toContainText('Go to People');
  // It opens at its top, on its title, however long it is; Tab reaches Close.
  await expect(dialog.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeFocused();
  expect(await dialog.evaluate((d) => d.scrollTop)).toBe(0);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Typing a question mark in a field is just typing.
  await page.getByRole('link', { name: 'New goal' }).click();
  await page.getByLabel('Title').pressSequentially('Why?');
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Title')).toHaveValue('Why?');
});

test('in the desktop app, calls go through the bridge and the menu’s events reach the screens', async ({
  page,
  app,
  api,
}) => {
  await ensureSeeded(api);
  // A stand-in for the preload's `window.fortnight`, forwarding to browser mode's API.
  await page.addInitScript(() => {
    const listeners: Record<string, (payload: string) => void> = {};
    const calls: string[] = [];
    Object.assign(window, { __bridge: { listeners, calls } });
    (window as unknown as { fortnight: unknown }).fortnight = {
      invoke: async (method: string, input: unknown) => {
        calls.push(method);
        const response = await fetch(`/api/${method}`, { method: 'POST', body: JSON.stringify(input) });
        return response.json();
      },
      on: (event: string, callback: (payload: string) => void) => {
        listeners[event] = callback;
        return () => delete listeners[event];
      },
    };
  });
  type Bridge = { listeners: Record<string, (payload: string) => void>; calls: string[] };
  type WithBridge = { __bridge: Bridge };

  await app.open('#/roadmap');
  await expect(page.getByRole('article').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as WithBridge).__bridge.calls)).toContain(
    'roadmap.view',
  );

  await page.evaluate(() => (window as unknown as WithBridge).__bridge.listeners.navigate?.('people'));
  await expect(heading(page)).toHaveText('People');
  await page.evaluate(() => (window as unknown as WithBridge).__bridge.listeners.command?.('shortcuts'));
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});

test.describe('for a German-speaking user', () => {
  test.use({ locale: 'de-DE' });

  test('dates are written the German way', async ({ page, app, api }) => {
    await ensureSeeded(api);
    await app.open('#/sprints');
    await expect(page.getByRole('row', { name: /^1 / })).toContainText('3.–16. März 2025');
  });
});
