import type { Page } from '@playwright/test';
import { expect, heading, test, type Api } from './fixtures.ts';
import { seriousViolations } from './a11y.ts';

/** The example workspace, with blocked work so its flags are scanned too. */
async function prepare(api: Api) {
  if (!(await api('workspace.info', {})).isEmpty) return;
  await api('workspace.loadExample', {});
  const { initiatives, milestones } = await api('roadmap.view', {});
  const generators = initiatives.find((i) => i.title === 'Generator syntax')!;
  const streams = initiatives.find((i) => i.title === 'Stream combinators in the standard library')!;
  await api('initiatives.update', {
    id: generators.id,
    dependsOnIds: [...generators.dependsOnIds, streams.id],
  });
  const waiting = milestones.find((m) => m.initiativeId === generators.id && m.state === 'in progress')!;
  const wanted = milestones.find((m) => m.state === 'help wanted' && m.initiativeId !== generators.id)!;
  await api('milestones.update', { id: waiting.id, dependsOnIds: [...waiting.dependsOnIds, wanted.id] });
}

async function scan(page: Page, what: string) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  expect(await seriousViolations(page), what).toEqual([]);
}

for (const theme of ['light', 'dark'] as const) {
  test(`the roadmap's screens pass an accessibility scan in the ${theme} theme`, async ({
    page,
    app,
    api,
  }) => {
    test.setTimeout(120_000);
    await prepare(api);
    await page.emulateMedia({ colorScheme: theme });
    await page.addInitScript((choice) => window.localStorage.setItem('fortnight.theme', choice), theme);

    await app.open('#/roadmap');
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page.getByRole('button', { name: /^Owners of “Async drop”/ }).click();
    await expect(page.getByRole('group', { name: 'Owners of “Async drop”' })).toBeVisible();
    await scan(page, `roadmap, expanded, owners open, ${theme}`);
    await page.keyboard.press('Escape');

    await page
      .getByRole('group', { name: 'Show items by state' })
      .getByRole('button', { name: /blocked/ })
      .click();
    await scan(page, `roadmap filtered to blocked work, ${theme}`);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Find' }).fill('async');
    await expect(page.getByRole('option').first()).toBeVisible();
    await scan(page, `quick-open with results, ${theme}`);
    await page.keyboard.press('Escape');

    await page
      .getByRole('navigation', { name: 'Roadmap views' })
      .getByRole('link', { name: /Help wanted/ })
      .click();
    await expect(page.getByRole('region', { name: /Initiatives/ })).toBeVisible();
    await scan(page, `help wanted, ${theme}`);

    await page
      .getByRole('navigation', { name: 'Roadmap views' })
      .getByRole('link', { name: /Dependencies/ })
      .click();
    await expect(page.getByRole('list', { name: 'Dependency graph of the initiatives' })).toBeVisible();
    await scan(page, `dependencies of the initiatives, ${theme}`);
    await page.getByLabel('Graph of', { exact: true }).selectOption({ label: 'Async closures' });
    await expect(page.getByRole('list', { name: /milestones of Async closures/ })).toBeVisible();
    await scan(page, `dependencies of milestones, ${theme}`);

    await page.keyboard.press('Control+2');
    await page.getByRole('link', { name: 'Async functions everywhere' }).click();
    await expect(heading(page)).toHaveText('Async functions everywhere');
    await expect(page.getByRole('list', { name: /Changes to this goal/ })).toBeVisible();
    await scan(page, `goal page, ${theme}`);

    await page.getByRole('link', { name: 'Async closures', exact: true }).click();
    await expect(heading(page)).toHaveText('Async closures');
    await scan(page, `initiative page, ${theme}`);
    // A refusal on screen: the cycle back through "Async fn in traits".
    const traits = (await api('initiatives.list', {})).find((i) => i.title === 'Async fn in traits')!;
    await page.goto(app.server.origin + `/#/initiatives/${traits.id}`);
    await expect(heading(page)).toHaveText('Async fn in traits');
    await page.getByRole('region', { name: 'Depends on' }).getByLabel('Add a dependency').selectOption({
      label: '🦀 Async closures',
    });
    await page
      .getByRole('region', { name: 'Depends on' })
      .getByRole('button', { name: 'Add', exact: true })
      .click();
    await expect(page.getByRole('region', { name: 'Depends on' }).getByRole('alert')).toContainText('cycle');
    await page
      .getByRole('button', { name: /^Dependencies/ })
      .first()
      .click();
    await scan(page, `initiative page with a cycle refusal, ${theme}`);

    await page.keyboard.press('Control+5');
    await page.getByRole('link', { name: 'Dana Okafor' }).click();
    await expect(page.getByRole('region', { name: 'Sprint goals' })).toBeVisible();
    await scan(page, `person page, ${theme}`);

    await page.keyboard.press('Control+7');
    await scan(page, `settings, ${theme}`);
  });
}
