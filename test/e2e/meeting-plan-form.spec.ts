/**
 * The Plan step's form shows owner, goal, initiative and milestone names whole, at the default
 * window size and at 1024 px wide.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { meetingAtStep, meetingUnderWay } from './meeting-helpers.ts';

/** The options of a select whose text is wider than the select shows (arrow and padding aside). */
function cutOff(page: Page, label: string): Promise<string[]> {
  return page.getByLabel(label, { exact: true }).evaluate((select: HTMLSelectElement) => {
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20; // the arrow
    return [...select.options]
      .filter((option) => context.measureText(option.text).width > room)
      .map((option) => option.text);
  });
}

for (const width of [1280, 1024]) {
  test(`the Plan form shows whole names at ${width} px wide`, async ({ page, app, api }) => {
    await meetingUnderWay(api);
    await page.setViewportSize({ width, height: 840 });
    await app.open('#/meeting');
    await page.keyboard.press('3');
    await expect(page.locator('#step-heading')).toHaveText(/^Plan sprint/);
    // Nothing reviewed yet: the carry-over says where the outcomes are set.
    await expect(page.getByRole('region', { name: /^Carry over/ })).toContainText(
      '8 goals of sprint 7 have no outcome yet: mark them in the retrospective (1)',
    );
    await expect(page.getByLabel('Goal', { exact: true })).toBeVisible();
    expect(await cutOff(page, 'Owner'), 'owners').toEqual([]);
    expect(await cutOff(page, 'Goal'), 'goals').toEqual([]);
    await page
      .getByLabel('Goal', { exact: true })
      .selectOption({ label: 'Scoped spawn and reliable cancellation' });
    expect(await cutOff(page, 'Initiative or milestone (optional)'), 'initiatives').toEqual([]);
  });
}

test('the Plan form names the field it refuses, keeps what was typed, and takes any estimate the data allows', async ({
  page,
  app,
  api,
}) => {
  await meetingAtStep({ page, app, api }, '3', /^Plan sprint/);
  const form = page.getByRole('form', { name: 'Add a sprint goal' });
  const field = (label: string) => form.getByLabel(label, { exact: true });
  const estimate = form.getByLabel(/^Estimate/);
  await field('Owner').selectOption({ label: 'Marcus Hale' });
  await field('Goal').selectOption({ label: 'Tooling and observability' });
  await field('Sprint goal').fill('Profile the scheduler');
  await field('Definition of done').fill('A flame graph in the issue');

  // The app's own checks, not the browser's: a negative estimate, then one over the limit (the core's).
  await estimate.fill('-3');
  await estimate.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('Estimate: a number of days, such as 2 or 0.5.');
  await expect(estimate).toHaveAttribute('aria-invalid', 'true');
  await expect(estimate).toBeFocused();
  await estimate.fill('500');
  await estimate.press('Enter');
  await expect(form.getByRole('alert')).toHaveText(/^Estimate: /);
  await expect(estimate).toHaveAttribute('aria-invalid', 'true');
  await expect(field('Sprint goal')).toHaveValue('Profile the scheduler');

  // A title the core refuses is marked at its field, named by its label.
  await field('Sprint goal').fill('x'.repeat(301));
  await estimate.fill('1.25');
  await estimate.press('Enter');
  await expect(form.getByRole('alert')).toHaveText(/^Sprint goal: .*300/);
  await expect(field('Sprint goal')).toHaveAttribute('aria-invalid', 'true');
  await expect(field('Sprint goal')).toBeFocused();

  // 1.25 days is an estimate like any other.
  await field('Sprint goal').fill('Profile the scheduler');
  await estimate.fill('1.25');
  await estimate.press('Enter');
  await expect(page.getByRole('article', { name: 'Marcus Hale' })).toContainText('Profile the scheduler');
  await expect(form.getByRole('alert')).toHaveText('');
});
