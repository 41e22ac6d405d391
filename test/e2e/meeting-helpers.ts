/** What the meeting's end-to-end tests share: the step's heading, a row of a list, a meeting under way. */
import type { Locator, Page } from '@playwright/test';
import { expect, type Api, type App } from './fixtures.ts';

/** The current step's heading. */
export const stepHeading = (page: Page): Locator => page.locator('#step-heading');

/** The keyboard row (`[data-row]`) in `scope` whose text matches. */
export const row = (scope: Page | Locator, text: string | RegExp): Locator =>
  scope.locator('[data-row]').filter({ hasText: text });

/** The example workspace with sprint 7's meeting started (once per file: later calls find it). */
export async function meetingUnderWay(api: Api): Promise<void> {
  if ((await api('workspace.info', {})).isEmpty) await api('workspace.loadExample', {});
  const sprintId = (await api('workspace.info', {})).activeSprintId!;
  if (!(await api('meeting.get', { sprintId }))) await api('meeting.start', { sprintId });
}

/** The meeting under way, opened at the step of key `step` (1 retrospective … 4 wrap-up), its heading shown. */
export async function meetingAtStep(
  { page, app, api }: { page: Page; app: App; api: Api },
  step: '1' | '2' | '3' | '4',
  heading: string | RegExp,
): Promise<void> {
  await meetingUnderWay(api);
  await app.open('#/meeting');
  if (step !== '1') await page.keyboard.press(step);
  await expect(stepHeading(page)).toHaveText(heading);
}
