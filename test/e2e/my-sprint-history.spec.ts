/**
 * My sprint on a workspace with history: what the owner finished before the sprint began is left
 * out, counted, and one link away.
 */
import { expect, heading, test } from './fixtures.ts';

test('My sprint leaves out what was done before the sprint began, and says where it is', async ({
  page,
  app,
  api,
}) => {
  const priya = await api('people.create', { name: 'Priya Raman', roles: ['goal owner'] });
  const goal = await api('goals.create', { title: 'Faster builds', ownerIds: [priya.id] });
  const going = await api('initiatives.create', {
    goalId: goal.id,
    title: 'Incremental cache',
    ownerIds: [priya.id],
    state: 'in progress',
  });
  const shipped = await api('initiatives.create', {
    goalId: goal.id,
    title: 'Build graph',
    ownerIds: [priya.id],
    state: 'done',
  });
  await api('milestones.create', { initiativeId: shipped.id, title: 'Graph export', state: 'done' });
  await api('milestones.create', { initiativeId: going.id, title: 'Local cache' });
  // A sprint that begins tomorrow: everything done today was done before it.
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await api('sprints.createNext', { startDate: tomorrow });
  await api('workspace.setMe', { personId: priya.id });

  await app.open('#/my-sprint');
  const initiatives = page.getByRole('region', { name: 'Initiatives' });
  const milestones = page.getByRole('region', { name: 'Milestones' });
  await expect(initiatives.getByRole('heading', { level: 3 })).toHaveText(['Incremental cache']);
  await expect(initiatives).toContainText('1 initiative done before this sprint is on your page.');
  await expect(milestones.getByRole('heading', { level: 3 })).toHaveText([/^Local cache/]);
  await expect(milestones).toContainText(
    '1 milestone done before this sprint is on your page and the pages of your initiatives.',
  );
  await initiatives.getByRole('link', { name: 'your page' }).click();
  await expect(heading(page)).toHaveText('Priya Raman');
  // There, what is done waits behind its disclosure.
  const owns = page.getByRole('region', { name: 'Owns' });
  await expect(owns.getByRole('link', { name: 'Incremental cache' })).toBeVisible();
  await expect(owns.getByRole('link', { name: 'Build graph' })).toBeHidden();
  await owns.getByText('Done (1)').click();
  await expect(owns.getByRole('link', { name: 'Build graph' })).toBeVisible();
});
