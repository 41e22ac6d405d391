/**
 * Closing the meeting says what it does: the sprint goals still without an outcome are listed
 * and can be decided first, and the next sprint becomes active even while the ending one's dates
 * still run.
 */
import { format } from 'date-fns/format';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const stepHeading = (page: Page) => page.locator('#step-heading');

test('the close dialog lists undecided sprint goals and offers to decide them first', async ({
  page,
  app,
  api,
}) => {
  await api('workspace.loadExample', {});
  const info = await api('workspace.info', {});
  const sprint = (await api('sprints.list', {})).find((s) => s.id === info.activeSprintId)!;
  const goals = await api('sprintGoals.list', { sprintId: sprint.id });
  const undecided = goals.filter((g) => g.outcome === null);
  expect(undecided.length).toBeGreaterThan(1);
  await api('meeting.start', { sprintId: sprint.id });
  await app.open('#/meeting');
  await page.keyboard.press('4');
  await expect(stepHeading(page)).toHaveText('Wrap-up');
  await page.keyboard.press('Shift+C');
  const dialog = page.getByRole('dialog', { name: /Close the meeting/ });
  await expect(dialog).toContainText(`${undecided.length} sprint goals have no outcome yet`);
  await expect(dialog.getByRole('list', { name: /no outcome yet/ }).getByRole('listitem')).toHaveText(
    // A title's `inline code` shows as code, without its backticks.
    undecided.map((g) => g.title.replaceAll('`', '')),
  );
  const stillRuns = sprint.endDate >= format(new Date(), 'yyyy-MM-dd');
  await expect(dialog.getByText(/dates run until/)).toHaveCount(stillRuns ? 1 : 0);

  // Decide them first: back to the retrospective, at the first goal without an outcome, where
  // each gets one by key.
  await dialog.getByRole('button', { name: 'Decide them first' }).click();
  await expect(dialog).toBeHidden();
  await expect(stepHeading(page)).toHaveText(/Retrospective/);
  const review = page.getByRole('region', { name: 'Sprint goals' });
  await expect(review.locator('[data-row]:focus')).toHaveAttribute('data-outcome', 'none');
  await review.locator('[data-row]').first().focus();
  for (let i = 0; i < goals.length; i++) {
    await page.keyboard.press('m');
    await page.keyboard.press('j');
  }
  await expect(review.getByText(`${goals.length} of ${goals.length} reviewed`)).toBeVisible();

  // Now the dialog has nothing undecided to list.
  await page.keyboard.press('4');
  await expect(stepHeading(page)).toHaveText('Wrap-up');
  await page.keyboard.press('Shift+C');
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toContainText('no outcome yet');
  await dialog.getByRole('button', { name: 'Close the meeting' }).click();
  await expect(dialog).toBeHidden();
  expect((await api('sprintGoals.list', { sprintId: sprint.id })).filter((g) => g.outcome === null)).toEqual(
    [],
  );
});
