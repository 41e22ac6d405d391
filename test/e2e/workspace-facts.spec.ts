/**
 * Settings → Workspace shows this installation's id and counts what the workspace holds, each
 * kind named in words, one or many.
 */
import { expect, heading, test } from './fixtures.ts';

test('Settings counts what the workspace holds, one or many of each kind', async ({ page, app, api }) => {
  if ((await api('workspace.info', {})).isEmpty) await api('workspace.loadExample', {});
  const { counts } = await api('workspace.info', {});
  await app.open('#/settings');
  await expect(heading(page)).toHaveText('Settings');
  const replicaId = (await api('workspace.info', {})).replicaId;
  await expect(page.getByText("This installation's id", { exact: true })).toBeVisible();
  await expect(page.getByText(replicaId, { exact: true })).toBeVisible();
  const held = page.locator('.counts .count');
  await expect(held).toHaveCount(Object.keys(counts).length);
  const said = await held.evaluateAll((all) =>
    Object.fromEntries(
      all.map((c) => [c.querySelector('dt')!.textContent, c.querySelector('dd')!.textContent]),
    ),
  );
  expect(said).toMatchObject({
    Poll: String(counts.poll),
    'Poll answers': String(counts.pollResponse),
    'Monthly update': String(counts.monthlyUpdate),
    [counts.replica === 1 ? 'Installation' : 'Installations']: String(counts.replica),
    People: String(counts.person),
  });
});
