/**
 * At 900 px wide a meeting step's actions go under its heading and keys rather than squeeze
 * them into a column of a few words.
 */
import { expect, test } from './fixtures.ts';
import { meetingAtStep, stepHeading } from './meeting-helpers.ts';

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
