/**
 * At 900 px wide a meeting step's actions go under its heading and keys rather than squeeze
 * them into a column of a few words, and the polish chart's table scrolls in its own box (one
 * the keyboard can scroll) rather than the page.
 */
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
