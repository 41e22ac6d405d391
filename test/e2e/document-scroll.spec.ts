/**
 * The app's frame stays put: the sidebar, the meeting's bar and its Undo never scroll away. Only
 * the main area scrolls; the document itself has nothing to scroll on any screen, even with the
 * main area wheeled to its end.
 */
import type { Page } from '@playwright/test';
import { expect, heading, test } from './fixtures.ts';

/** How far the document itself overflows the window, after the main area is wheeled to its end. */
async function documentOverflow(page: Page): Promise<{ scrollable: number; scrolled: number }> {
  await page.locator('main').hover();
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 4000);
  await page.locator('main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    return {
      scrollable: root.scrollHeight - root.clientHeight + (root.scrollWidth - root.clientWidth),
      scrolled: root.scrollTop + root.scrollLeft,
    };
  });
}

const SCREENS = [
  '#/roadmap',
  '#/roadmap/help-wanted',
  '#/dependencies',
  '#/publish',
  '#/sprints',
  '#/polish',
  '#/people',
  '#/settings',
];

test('the document never scrolls: not on the welcome screen, any screen, or any meeting step', async ({
  page,
  app,
  api,
}) => {
  await app.open();
  await expect(heading(page)).toHaveText('Welcome to Fortnight');
  expect(await documentOverflow(page), 'welcome').toEqual({ scrollable: 0, scrolled: 0 });

  await api('workspace.loadExample', {});
  for (const hash of SCREENS) {
    await app.open(hash);
    expect(await documentOverflow(page), hash).toEqual({ scrollable: 0, scrolled: 0 });
  }
  // A goal's page.
  await app.open('#/roadmap');
  await page.getByRole('list', { name: 'Goals' }).getByRole('heading').first().getByRole('link').click();
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
  expect(await documentOverflow(page), 'a goal page').toEqual({ scrollable: 0, scrolled: 0 });

  // The meeting: its start screen, then each step.
  await app.open('#/meeting');
  await expect(page.getByRole('button', { name: 'Start the meeting' })).toBeVisible();
  expect(await documentOverflow(page), 'meeting start').toEqual({ scrollable: 0, scrolled: 0 });
  await page.getByRole('button', { name: 'Start the meeting' }).click();
  for (const [key, title] of [
    ['1', /Retrospective/],
    ['2', /Polish/],
    ['3', /Plan/],
    ['4', /Wrap-up/],
  ] as const) {
    await page.locator('#step-heading').focus();
    await page.keyboard.press(key);
    await expect(page.locator('#step-heading')).toHaveText(title);
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
    expect(await documentOverflow(page), `meeting step ${key}`).toEqual({ scrollable: 0, scrolled: 0 });
  }
});

test('each page opens at its top, wherever the main area was scrolled to before', async ({
  page,
  app,
  api,
}) => {
  if ((await api('workspace.info', {})).isEmpty) await api('workspace.loadExample', {});
  await app.open('#/roadmap');
  const main = page.locator('main');
  const scrolled = () => main.evaluate((m) => m.scrollTop);
  // A goal far down the roadmap opens at the top of its page, its title in view.
  const last = page.getByRole('list', { name: 'Goals' }).getByRole('heading').last().getByRole('link');
  await last.scrollIntoViewIfNeeded();
  expect(await scrolled()).toBeGreaterThan(0);
  const title = await last.innerText();
  await last.click();
  await expect(heading(page)).toHaveText(title);
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
  expect(await scrolled()).toBe(0);
  // From the end of the goal's page, the roadmap opens at its top too.
  await main.evaluate((m) => m.scrollTo(0, m.scrollHeight));
  expect(await scrolled()).toBeGreaterThan(0);
  await page.keyboard.press('Control+2');
  await expect(heading(page)).toHaveText('Roadmap');
  expect(await scrolled()).toBe(0);
});
