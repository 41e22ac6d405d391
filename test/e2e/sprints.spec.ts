import { expect, heading, test } from './fixtures.ts';

test('the Sprints screen shows a year of sprints, and earlier years a year at a time', async ({
  page,
  app,
  api,
}) => {
  await api('sprints.createNext', { startDate: '2024-01-03' });
  for (let i = 2; i <= 30; i++) await api('sprints.createNext', {});
  await app.open('#/sprints');
  await expect(heading(page)).toHaveText('Sprints');
  const rows = page.getByRole('table', { name: 'Sprints, latest first' }).locator('tbody tr');
  await expect(rows).toHaveCount(26);
  await expect(rows.first()).toContainText('30');
  await expect(page.getByText('4 more before sprint 5')).toBeVisible();

  const more = page.getByRole('button', { name: 'Show 4 earlier sprints' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(30);
  await expect(rows.last()).toContainText(/Jan 3\s–\s16, 2024/);
  await expect(more).toHaveCount(0);
});
