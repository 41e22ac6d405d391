/** Settings → Backups: the list, a restore in one click, and its undo. */
import AxeBuilder from '@axe-core/playwright';
import { expect, heading, test } from './fixtures.ts';

test('a backup is listed, restored in one click, and the restore undone', async ({ page, app, api }) => {
  await api('goals.create', { title: 'Kept goal' });
  // An import backs the workspace up first: that backup holds one goal.
  const content = '# Roadmap\n\n| Goal | State | Owner |\n|---|---|---|\n| Imported goal | :crab: | |\n';
  await api('roadmap.import', { files: [{ path: 'roadmap.md', content }] });
  expect(await api('goals.list', {})).toHaveLength(2);

  await app.open('#/settings');
  await expect(heading(page)).toHaveText('Settings');
  const section = page.getByRole('region', { name: 'Backups' });
  const row = section.getByRole('row', { name: /Before an import/ });
  await expect(row).toContainText('1 goals, 0 sprints');
  await expect(row).toContainText(/kB/);

  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(violations).toEqual([]);

  await row.getByRole('button', { name: /^Restore the backup of / }).click();
  await expect(section.getByRole('status')).toContainText('Restored the backup of');
  expect((await api('goals.list', {})).map((goal) => goal.title)).toEqual(['Kept goal']);
  await expect(section.getByRole('row', { name: /Before a restore/ })).toContainText('2 goals');

  await section.getByRole('button', { name: 'Undo the restore' }).click();
  await expect(section.getByRole('status')).toContainText('Restored the backup of');
  await expect
    .poll(async () => (await api('goals.list', {})).map((goal) => goal.title).sort())
    .toEqual(['Imported goal', 'Kept goal']);
});
