/**
 * On an old roadmap most chains of dependencies are done: the Dependencies view shows those only
 * when asked for, with the initiatives done that wait for nothing.
 */
import { expect, test } from './fixtures.ts';

test('the chains where everything is done show only when asked for', async ({ page, app, api }) => {
  const goal = await api('goals.create', { title: 'Faster builds' });
  const initiative = (
    title: string,
    state: 'done' | 'in progress' | 'help wanted',
    dependsOnIds: string[] = [],
  ) => api('initiatives.create', { goalId: goal.id, title, state, dependsOnIds });
  const design = await initiative('Old design', 'done');
  await initiative('Old rollout', 'done', [design.id]);
  const spike = await initiative('Spike', 'help wanted');
  await initiative('Remote cache', 'help wanted', [spike.id]);
  await initiative('Old docs', 'done');
  await initiative('Error index', 'help wanted');

  await app.open('#/dependencies');
  const graph = page.getByRole('list', { name: 'Dependency graph of the initiatives' });
  await expect(graph).toContainText('Remote cache');
  await expect(graph).not.toContainText('Old rollout');
  await expect(page.getByText(/^Without dependencies:/)).toHaveText('Without dependencies: Error index.');

  const showDone = page.getByRole('checkbox', { name: 'Show the chains where everything is done (1)' });
  await showDone.check();
  await expect(graph).toContainText('Old design');
  await expect(graph).toContainText('Old rollout');
  await expect(graph).toContainText('Remote cache');
  await expect(page.getByText(/^Without dependencies:/)).toHaveText(
    'Without dependencies: Old docs and Error index.',
  );
  await showDone.uncheck();
  await expect(graph).not.toContainText('Old design');
});
