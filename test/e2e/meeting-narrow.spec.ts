/**
 * At 900 px wide a meeting step's actions go under its heading and keys rather than squeeze
 * them into a column of a few words, and the polish chart's table scrolls in its own box (one
 * the keyboard can scroll) rather than the page. At 720 px, the desktop app's narrowest, the
 * steps wrap onto a second line and every step keeps its controls in view.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { meetingAtStep, stepHeading } from './meeting-helpers.ts';
import { axe } from './a11y.ts';

test("the wrap-up's buttons go under its keys at 900 px wide", async ({ page, app, api }) => {
  await page.setViewportSize({ width: 900, height: 820 });
  await meetingAtStep({ page, app, api }, '4', 'Wrap-up');
  const keys = page.locator('.step-heading .hint');
  const lines = await keys.evaluate(
    (hint) => hint.getBoundingClientRect().height / parseFloat(getComputedStyle(hint).lineHeight),
  );
  expect(lines).toBeLessThan(2.5);
  const [headingBox, buttonBox] = await Promise.all([
    stepHeading(page).boundingBox(),
    page.getByRole('button', { name: 'Export Markdown' }).boundingBox(),
  ]);
  expect(buttonBox!.y).toBeGreaterThan(headingBox!.y + headingBox!.height);
});

test("the polish chart's table scrolls in its own box at 900 px wide", async ({ page, app, api }) => {
  await page.setViewportSize({ width: 900, height: 820 });
  await meetingAtStep({ page, app, api }, '2', 'Polish issues');
  await page.getByText('As a table', { exact: true }).click();
  const table = page.getByRole('region', { name: 'Polish done per sprint and person' });
  await expect(table).toBeVisible();
  const main = await page.locator('main').evaluate((m) => [m.scrollWidth, m.clientWidth]);
  expect(main[0], 'the page does not scroll sideways').toBeLessThanOrEqual(main[1]!);
  const { violations } = await axe(page).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});

/**
 * What is cut off: the text of each element reaching past the right edge of the box that clips
 * it (or of the main area), unless a box between them scrolls.
 */
function cutOff(page: Page): Promise<string[]> {
  return page.locator('main').evaluate((main) =>
    [...main.querySelectorAll('*')]
      .filter((element) => {
        const { width, right } = element.getBoundingClientRect();
        if (width === 0 || element.children.length > 0) return false;
        let edge = main.getBoundingClientRect().right;
        for (let box = element.parentElement; box && box !== main; box = box.parentElement) {
          const overflow = getComputedStyle(box).overflowX;
          if (overflow === 'auto' || overflow === 'scroll') return false;
          if (overflow === 'hidden' || overflow === 'clip') {
            edge = box.getBoundingClientRect().right;
            break;
          }
        }
        return right > edge + 1;
      })
      .map((element) => element.textContent!.trim()),
  );
}

test('at 720 px wide every meeting step keeps its controls in view', async ({ page, app, api }) => {
  await page.setViewportSize({ width: 720, height: 820 });
  await meetingAtStep({ page, app, api }, '2', 'Polish issues');
  for (const [step, heading] of [
    ['1', /Retrospective/],
    ['2', 'Polish issues'],
    ['3', /Plan sprint/],
    ['4', 'Wrap-up'],
  ] as const) {
    await page.keyboard.press(step);
    await expect(stepHeading(page)).toHaveText(heading);
    expect(await cutOff(page), `step ${step}`).toEqual([]);
    const main = await page.locator('main').evaluate((m) => [m.scrollWidth, m.clientWidth]);
    expect(main[0], `step ${step}: the page does not scroll sideways`).toBeLessThanOrEqual(main[1]!);
  }
});
