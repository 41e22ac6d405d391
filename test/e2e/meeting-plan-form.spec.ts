/**
 * The Plan step's form shows owner, goal, initiative and milestone names whole, at the default
 * window size and at 1024 px wide.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { meetingUnderWay } from './meeting-helpers.ts';

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
