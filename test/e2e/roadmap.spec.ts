import type { Locator } from '@playwright/test';
import { UNOWNED_FLAG } from '../../src/shared/unowned.ts';
import { announcement, expect, heading, test, type Api } from './fixtures.ts';

/** The titles of a list's own rows, in order. */
async function rowTitles(list: Locator): Promise<string[]> {
  return list
    .locator(':scope > li')
    .evaluateAll((rows) => rows.map((row) => row.querySelector('.title')?.textContent?.trim() ?? ''));
}

test('a goal owner brings a goal up to date: initiatives, milestones, order, states, progress, dependencies, quick-open and history', async ({
  page,
  app,
  api,
}) => {
  const ada = await api('people.create', { name: 'Ada Lovelace', handle: 'ada' });
  await api('people.create', { name: 'Grace Hopper', handle: 'grace' });

  // This installation is Ada's, so the history can say who changed what.
  await app.open('#/settings');
  await page.getByLabel('This installation belongs to').selectOption({ label: 'Ada Lovelace' });
  await expect(page.getByText('changes made here are now signed Ada Lovelace')).toBeVisible();
  expect((await api('workspace.info', {})).mePersonId).toBe(ada.id);

  // A goal, from the roadmap.
  await page.keyboard.press('Control+2');
  await expect(heading(page)).toHaveText('Roadmap');
  await page.getByRole('link', { name: 'Add the first goal' }).click();
  await page.getByLabel('Title').fill('Faster builds');
  await page.getByLabel('Impact').fill('- Incremental builds in **seconds**');
  await expect(page.locator('.preview strong')).toHaveText('seconds');
  await page.getByRole('checkbox', { name: 'Ada Lovelace' }).check();
  await page.getByLabel('State', { exact: true }).selectOption('in progress');
  await page.getByRole('button', { name: 'Create goal' }).click();
  const goal = page.getByRole('article', { name: 'Faster builds' });
  await expect(goal).toContainText('Incremental builds in seconds');

  // Two initiatives, typed one after the other.
  await goal.getByRole('button', { name: 'Add initiative to “Faster builds”' }).click();
  const newInitiative = goal.getByLabel('New initiative in “Faster builds”');
  await newInitiative.fill('Incremental cache');
  await newInitiative.press('Enter');
  await expect(announcement(page)).toHaveText('Added initiative “Incremental cache” to “Faster builds”.');
  await newInitiative.fill('Remote execution');
  await newInitiative.press('Enter');
  await newInitiative.press('Escape');
  const initiatives = goal.getByRole('list', { name: 'Initiatives of Faster builds' });
  await expect.poll(() => rowTitles(initiatives)).toEqual(['Incremental cache', 'Remote execution']);

  // Reordered by keyboard: Alt+↑ on the row moves it, the move is announced, the focus stays.
  const grip = initiatives.getByRole('button', { name: 'Move “Remote execution”' });
  await grip.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => rowTitles(initiatives)).toEqual(['Remote execution', 'Incremental cache']);
  await expect(announcement(page)).toHaveText('Moved “Remote execution” to position 1 of 2.');
  await expect(grip).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(announcement(page)).toHaveText('“Remote execution” is already first.');
  await page.reload();
  await expect.poll(() => rowTitles(initiatives)).toEqual(['Remote execution', 'Incremental cache']);

  // Milestones, one level further.
  await goal.getByRole('button', { name: 'Milestones of “Incremental cache”' }).click();
  await goal.getByRole('button', { name: 'Add milestone to “Incremental cache”' }).click();
  const newMilestone = goal.getByLabel('New milestone in “Incremental cache”');
  for (const title of ['Design', 'Build']) {
    await newMilestone.fill(title);
    await newMilestone.press('Enter');
  }
  await newMilestone.press('Escape');
  await goal.getByRole('button', { name: 'Milestones of “Remote execution”' }).click();
  await goal.getByRole('button', { name: 'Add milestone to “Remote execution”' }).click();
  await goal.getByLabel('New milestone in “Remote execution”').fill('Prototype');
  await goal.getByLabel('New milestone in “Remote execution”').press('Enter');
  await goal.getByLabel('New milestone in “Remote execution”').press('Escape');
  const cacheMilestones = goal.getByRole('list', { name: 'Milestones of Incremental cache' });
  await expect.poll(() => rowTitles(cacheMilestones)).toEqual(['Design', 'Build']);

  // In progress without an owner is allowed, and flagged in its row until it has one.
  const cacheState = goal.getByLabel('State of “Incremental cache”');
  const cacheRow = goal
    .getByRole('listitem')
    .filter({ has: page.getByRole('combobox', { name: 'State of “Incremental cache”' }) })
    .last();
  await expect(cacheState.locator('option[value="in progress"]')).toHaveText('🦀 in progress');
  await cacheState.selectOption('in progress');
  await expect(cacheState).toHaveValue('in progress');
  await expect(cacheState).not.toHaveAttribute('aria-invalid');
  await expect(cacheRow.getByText(UNOWNED_FLAG)).toBeVisible();
  await goal.getByRole('button', { name: /^Owners of “Incremental cache”/ }).click();
  await page.getByRole('group', { name: 'Owners of “Incremental cache”' }).getByLabel('Ada Lovelace').check();
  await page.keyboard.press('Escape');
  await expect(
    goal.getByRole('button', { name: 'Owners of “Incremental cache”: Ada Lovelace' }),
  ).toBeFocused();
  await expect(cacheState).toHaveValue('in progress');
  await expect(cacheRow.getByText(UNOWNED_FLAG)).toHaveCount(0);

  // Progress moves as milestones get done: derived 1 of 2 → 50%, the goal averages its initiatives.
  const cacheProgress = goal.getByRole('img', { name: /^Progress \d+%$/ }).nth(2);
  await expect(goal.getByRole('img', { name: 'Progress 0%' })).toHaveCount(3);
  await goal.getByLabel('State of “Design”').selectOption('done');
  await expect(cacheProgress).toHaveAccessibleName('Progress 50%');
  await expect(cacheProgress).toHaveText('▰▰▰▱▱▱');
  await expect(goal.getByRole('img', { name: /^Progress/ }).first()).toHaveAccessibleName('Progress 25%');

  // On the initiative's page: a milestone depends on one elsewhere; done before it asks first.
  await goal.getByRole('link', { name: 'Incremental cache', exact: true }).click();
  await expect(heading(page)).toHaveText('Incremental cache');
  const build = page.locator('#milestone-' + (await milestoneId(api, 'Build')));
  await build.getByRole('button', { name: 'Dependencies' }).click();
  await build.getByLabel('Add a dependency').selectOption({ label: '✋ Prototype' });
  await build.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(build).toContainText('after ✋ Prototype');
  await build.getByLabel('State of “Build”').selectOption('done');
  const confirm = page.getByRole('dialog', { name: 'Mark “Build” done?' });
  await expect(confirm).toContainText('“Build” depends on “Prototype”, not done yet. Mark it done anyway?');
  await confirm.getByRole('button', { name: 'Mark done anyway' }).click();
  await expect(confirm).toBeHidden();
  await expect(build.getByLabel('State of “Build”')).toHaveValue('done');
  await expect(page.locator('.summary').getByRole('img', { name: /^Progress/ })).toHaveAccessibleName(
    'Progress 100%',
  );

  // Initiative dependencies: one is fine, the reverse would close a cycle and is refused, named.
  const dependsOn = page.getByRole('region', { name: 'Depends on' });
  await dependsOn.getByLabel('Add a dependency').selectOption({ label: '✋ Remote execution' });
  await dependsOn.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dependsOn.getByRole('list', { name: 'Depends on' })).toContainText('Remote execution');
  await page.keyboard.press('Control+k');
  const find = page.getByRole('combobox', { name: 'Find' });
  await expect(find).toBeFocused();
  await find.fill('remote');
  const results = page.getByRole('listbox', { name: 'Results' });
  await expect(results.getByRole('option').first()).toContainText('Remote execution');
  await expect(find).toHaveAttribute(
    'aria-activedescendant',
    (await results.getByRole('option').first().getAttribute('id')) ?? '',
  );
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Remote execution');
  const reverse = page.getByRole('region', { name: 'Depends on' });
  await reverse.getByLabel('Add a dependency').selectOption({ label: '🦀 Incremental cache' });
  await reverse.getByRole('button', { name: 'Add', exact: true }).click();
  const refusal =
    'That dependency would close a cycle: Remote execution → Incremental cache → Remote execution';
  await expect(reverse.getByRole('alert')).toHaveText(refusal);
  await expect(reverse.getByLabel('Add a dependency')).toHaveAccessibleDescription(refusal);
  await expect(reverse.getByRole('list', { name: 'Depends on' })).toHaveCount(0);

  // A change to the goal, in place; its page tells it, with when and who.
  await page.keyboard.press('Control+2');
  await goal.getByRole('button', { name: /^Owners of “Faster builds”/ }).click();
  await page.getByRole('group', { name: 'Owners of “Faster builds”' }).getByLabel('Grace Hopper').check();
  await page.keyboard.press('Escape');
  await expect(
    goal.getByRole('button', { name: 'Owners of “Faster builds”: Ada Lovelace and Grace Hopper' }),
  ).toBeVisible();
  await goal.getByRole('link', { name: 'Faster builds' }).click();
  const history = page.getByRole('list', { name: 'Changes to this goal, newest first' });
  const latest = history.getByRole('listitem').first();
  await expect(latest).toContainText('Owners: + Grace Hopper');
  await expect(latest).toContainText('Ada Lovelace');
  await expect(latest.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  const created = history.locator(':scope > li').last();
  await expect(created).toContainText('Created');
  await expect(created).toContainText('State: 🦀 in progress');
  await expect(created).toContainText('Owners: Ada Lovelace');
});

async function milestoneId(api: Api, title: string): Promise<string> {
  const milestones = await api('milestones.list', {});
  const found = milestones.find((m) => m.title === title);
  if (!found) throw new Error(`no milestone “${title}”`);
  return found.id;
}

test('the goal page previews Markdown safely: hostile input renders inert', async ({ page, app, api }) => {
  const goal = await api('goals.create', { title: 'Hostile impact' });
  // Nothing in the preview may run, load or navigate; a CSP violation would be logged (and fail the test).
  await app.open(`#/goals/${goal.id}`);
  await page.evaluate(() => ((window as unknown as { pwned: number }).pwned = 0));
  const hostile = [
    '<script>window.pwned = 1</script>',
    '<img src=x onerror="window.pwned = 2">',
    '[click me](javascript:window.pwned=3)',
    '<a href="javascript:window.pwned=4">raw link</a>',
    '![tracker](https://example.org/pixel.png)',
    '<iframe src="https://example.org"></iframe>',
    '[safe](https://example.org/docs)',
  ].join('\n\n');
  await page.getByRole('textbox', { name: 'Impact' }).fill(hostile);
  const preview = page.locator('.preview').first();
  await expect(preview).toContainText('<script>window.pwned = 1</script>');
  await expect(preview).toContainText('<img src=x onerror="window.pwned = 2">');
  await expect(preview.locator('script, img, iframe, [onerror]')).toHaveCount(0);
  await expect(preview.locator('a[href^="javascript" i]')).toHaveCount(0);
  await expect(preview.getByRole('link', { name: 'safe' })).toHaveAttribute(
    'href',
    'https://example.org/docs',
  );
  await expect(preview.getByRole('link', { name: 'safe' })).toHaveAttribute('rel', 'noopener noreferrer');
  await preview.getByText('click me').click();
  await preview.getByText('raw link').click();
  expect(await page.evaluate(() => (window as unknown as { pwned: number }).pwned)).toBe(0);
  await expect(heading(page)).toHaveText('Hostile impact');
});
