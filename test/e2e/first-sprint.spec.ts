/**
 * A workspace started empty has no sprint: the Meeting and the Sprints screens plan the first
 * one from its start date (the next ones follow it).
 */
import { format } from 'date-fns/format';
import { expect, test } from './fixtures.ts';

test('a workspace started empty plans its first sprint from the Meeting or the Sprints screen', async ({
  page,
  app,
  api,
}) => {
  await api('workspace.setName', { name: 'Our working group' });
  await api('people.create', { name: 'Ada Lovelace', roles: ['goal owner'] });
  await app.open('#/sprints');
  const starts = page.getByLabel('Starts on');
  await expect(starts).toHaveValue(format(new Date(), 'yyyy-MM-dd'));
  // A date that is none is refused at its field; nothing is made.
  await starts.fill('');
  await page.getByRole('button', { name: 'Create sprint 1' }).click();
  await expect(starts).toHaveAttribute('aria-invalid', 'true');
  expect(await api('sprints.list', {})).toEqual([]);

  await app.open('#/meeting');
  await page.getByLabel('Starts on').fill('2026-03-02');
  await expect(page.getByText('It ends on')).toContainText('Mar 15, 2026');
  await page.getByRole('button', { name: 'Create sprint 1' }).click();
  await expect(page.getByRole('heading', { name: 'Start the meeting of sprint 1' })).toBeVisible();
  expect(await api('sprints.list', {})).toMatchObject([
    { number: 1, startDate: '2026-03-02', endDate: '2026-03-15', status: 'active' },
  ]);
  await app.open('#/sprints');
  await expect(page.getByRole('table')).toContainText('Mar 2 – 15, 2026');
});
