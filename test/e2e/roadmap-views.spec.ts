import type { Locator } from '@playwright/test';
import { expect, heading, test, type Api } from './fixtures.ts';

/**
 * A small roadmap with blocked work: "Cache" (in progress) waits for "Remote" (paused), and its
 * milestone "Ship" (in progress) waits for "Spike" (help wanted) in "Remote".
 */
async function seed(api: Api) {
  if (!(await api('workspace.info', {})).isEmpty) return;
  const ada = await api('people.create', { name: 'Ada Lovelace', handle: 'ada' });
  const grace = await api('people.create', { name: 'Grace Hopper', handle: 'grace' });
  await api('people.create', { name: 'Linus Pauling' });
  const builds = await api('goals.create', {
    title: 'Faster builds',
    state: 'in progress',
    ownerIds: [ada.id],
  });
  const errors = await api('goals.create', { title: 'Friendlier errors', impact: '- Errors say what to do' });
  await api('goals.create', { title: 'Docs', state: 'paused', ownerIds: [grace.id] });
  const remote = await api('initiatives.create', {
    goalId: builds.id,
    title: 'Remote',
    state: 'paused',
    ownerIds: [grace.id],
  });
  const cache = await api('initiatives.create', {
    goalId: builds.id,
    title: 'Cache',
    state: 'in progress',
    ownerIds: [ada.id],
    dependsOnIds: [remote.id],
  });
  await api('initiatives.create', {
    goalId: errors.id,
    title: 'Error index',
    features: '- One page per error code, with **examples**',
  });
  const spike = await api('milestones.create', { initiativeId: remote.id, title: 'Spike' });
  await api('milestones.create', { initiativeId: cache.id, title: 'Design', state: 'done' });
  await api('milestones.create', {
    initiativeId: cache.id,
    title: 'Ship',
    state: 'in progress',
    participantIds: [ada.id],
    dependsOnIds: [spike.id],
  });
}

const goalTitles = (list: Locator) =>
  list
    .locator(':scope > li h2')
    .allTextContents()
    .then((titles) => titles.map((t) => t.trim()));

test('blocked work is flagged on the roadmap, on its page and in the dependency graph', async ({
  page,
  app,
  api,
}) => {
  await seed(api);
  await app.open('#/roadmap');
  const builds = page.getByRole('article', { name: 'Faster builds' });
  await expect(builds).toContainText('⛔ 2 blocked');
  await expect(builds).toContainText('Blocked: waits for “Remote” (💤 paused)');
  await expect(
    page.getByRole('navigation', { name: 'Roadmap views' }).getByRole('link', { name: /Dependencies/ }),
  ).toHaveAccessibleName('Dependencies 2 blocked');
  await builds.getByRole('button', { name: 'Milestones of “Cache”' }).click();
  await expect(builds.getByRole('list', { name: 'Milestones of Cache' })).toContainText(
    'Blocked: waits for “Spike” (✋ help wanted)',
  );

  await builds.getByRole('link', { name: 'Cache', exact: true }).click();
  await expect(page.getByRole('note')).toContainText(
    'Blocked. This is in progress but waits for “Remote” (💤 paused)',
  );

  await page.goto(app.server.origin + '/#/dependencies');
  await expect(page.getByRole('region', { name: /Blocked/ }).getByRole('listitem')).toHaveText([
    /Cache \(initiative\) waits for\s+“Remote” \(💤 paused\)/,
    /Ship \(milestone\) waits for\s+“Spike” \(✋ help wanted\)/,
  ]);
  const graph = page.getByRole('list', { name: 'Dependency graph of the initiatives' });
  const columns = graph.locator(':scope > li');
  await expect(columns).toHaveCount(2);
  await expect(columns.nth(0)).toContainText('Remote');
  await expect(columns.nth(1)).toContainText('Cache');
  await expect(columns.nth(1)).toContainText('Waits for “Remote”');
  await expect(columns.nth(1)).toContainText('Blocked: “Remote” is paused');
  await expect(page.locator('svg path.edge.blocked')).toHaveCount(1);
  await expect(page.getByText('Without dependencies: Error index.')).toBeVisible();

  await page.getByLabel('Graph of', { exact: true }).selectOption({ label: 'Cache' });
  await expect(page).toHaveURL(/#\/dependencies\/[0-9a-f-]+$/);
  const milestones = page.getByRole('list', { name: 'Dependency graph of the milestones of Cache' });
  await expect(milestones.locator(':scope > li').nth(0)).toContainText('Spike');
  await expect(milestones.locator(':scope > li').nth(0)).toContainText('in Remote');
  await expect(milestones.locator(':scope > li').nth(1)).toContainText('Waits for “Spike”');
});

test('filters show items by state, blocked work and owner, with their goals as context', async ({
  page,
  app,
  api,
}) => {
  await seed(api);
  await app.open('#/roadmap');
  const goals = page.getByRole('list', { name: 'Goals' });
  const states = page.getByRole('group', { name: 'Show items by state' });
  // Each chip's emoji is a flex item, a run of its own: the emoji font comes first there, or
  // Chromium draws ✅ as the text font's empty box.
  for (const emoji of await states.locator('[aria-hidden="true"]').all()) {
    await expect(emoji).toHaveCSS('font-family', /^"Fortnight Emoji"/);
  }

  await states.getByRole('button', { name: /paused/ }).click();
  await expect(states.getByRole('button', { name: /paused/ })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => goalTitles(goals)).toEqual(['Faster builds', 'Docs']);
  await expect(
    page.getByRole('article', { name: 'Faster builds' }).getByRole('list', { name: /Initiatives/ }),
  ).toHaveText(/Remote/);
  await expect(page.getByRole('article', { name: 'Faster builds' })).not.toContainText('Cache');
  // Moving is off while some siblings are hidden.
  await expect(page.getByRole('button', { name: /^Move / })).toHaveCount(0);

  await states.getByRole('button', { name: /paused/ }).click();
  await states.getByRole('button', { name: /blocked/ }).click();
  await expect.poll(() => goalTitles(goals)).toEqual(['Faster builds']);
  // A blocked milestone shows without expanding its initiative by hand.
  await expect(page.getByRole('list', { name: 'Milestones of Cache' })).toContainText('Ship');
  await expect(page.getByRole('list', { name: 'Milestones of Cache' })).not.toContainText('Design');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Nobody yet' });
  await expect.poll(() => goalTitles(goals)).toEqual(['Faster builds', 'Friendlier errors']);
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Grace Hopper' });
  await expect.poll(() => goalTitles(goals)).toEqual(['Faster builds', 'Docs']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(() => goalTitles(goals)).toEqual(['Faster builds', 'Friendlier errors', 'Docs']);
});

test('the help wanted view lists what seeks an owner, and "I\'ll take it" takes it', async ({
  page,
  app,
  api,
}) => {
  await seed(api);
  const linus = (await api('people.list', {})).find((p) => p.name === 'Linus Pauling')!;
  await api('workspace.setMe', { personId: linus.id });
  await app.open('#/roadmap');
  await page
    .getByRole('navigation', { name: 'Roadmap views' })
    .getByRole('link', { name: /Help wanted/ })
    .click();
  await expect(page).toHaveURL(/#\/roadmap\/help-wanted$/);
  await expect(page.getByRole('region', { name: /Goals/ })).toContainText('Friendlier errors');
  await expect(page.getByRole('region', { name: /Goals/ })).toContainText('Errors say what to do');
  await expect(page.getByRole('region', { name: /Initiatives/ })).toContainText('Error index');
  await expect(page.getByRole('region', { name: /Initiatives/ })).toContainText(
    'One page per error code, with examples',
  );
  await expect(page.getByRole('region', { name: /Milestones/ })).toContainText('Spike');

  await page.getByRole('button', { name: "I'll take it — “Error index”" }).click();
  await expect(page.getByRole('region', { name: /Initiatives/ })).toHaveCount(0);
  const index = (await api('initiatives.list', {})).find((i) => i.title === 'Error index')!;
  expect(index.ownerIds).toEqual([linus.id]);
  expect(index.state).toBe('in progress');
  await api('initiatives.update', { id: index.id, ownerIds: [], state: 'help wanted' });
  await api('workspace.setMe', { personId: null });
});

test('goals are reordered by dragging their grip', async ({ page, app, api }) => {
  await seed(api);
  await app.open('#/roadmap');
  const goals = page.getByRole('list', { name: 'Goals' });
  await expect.poll(() => goalTitles(goals)).toEqual(['Faster builds', 'Friendlier errors', 'Docs']);
  await goals
    .getByRole('button', { name: 'Move “Docs”' })
    .dragTo(page.getByRole('article', { name: 'Faster builds' }), { targetPosition: { x: 40, y: 8 } });
  await expect.poll(() => goalTitles(goals)).toEqual(['Docs', 'Faster builds', 'Friendlier errors']);
  // The list shows the new order at once; the write lands just after.
  await expect
    .poll(async () => (await api('goals.list', {})).map((g) => g.title))
    .toEqual(['Docs', 'Faster builds', 'Friendlier errors']);
  await api('goals.reorder', {
    ids: (await api('goals.list', {}))
      .sort((a, b) => (a.title === 'Docs' ? 1 : b.title === 'Docs' ? -1 : 0))
      .map((g) => g.id),
  });
});

test('quick-open finds a milestone and opens its initiative there; Escape gives the focus back', async ({
  page,
  app,
  api,
}) => {
  await seed(api);
  await app.open('#/roadmap');
  const newGoal = page.getByRole('link', { name: 'New goal' });
  await newGoal.focus();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Quick open' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('zzz');
  await expect(dialog.getByRole('status')).toHaveText('Nothing found for “zzz”.');
  // Too long to look for: the reason, without the API's name for the field.
  await page.getByRole('combobox', { name: 'Find' }).fill('z'.repeat(101));
  await expect(dialog.getByRole('status')).toHaveText('Must be at most 100 characters');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(newGoal).toBeFocused();

  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Find' }).fill('spi');
  const option = dialog.getByRole('option', { name: /Spike/ });
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(option).toContainText('Milestone');
  await expect(option).toContainText('Remote');
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Remote');
  const spike = page.locator('[id^="milestone-"].highlight');
  await expect(spike).toContainText('Spike');
  await expect(spike).toBeFocused();
});

test('titles are renamed in place (F2 or ✎); an empty one is refused under the box, Escape keeps the old', async ({
  page,
  app,
  api,
}) => {
  await seed(api);
  await app.open('#/roadmap');
  const docs = page.getByRole('article', { name: 'Docs' });
  await docs.getByRole('button', { name: 'Rename “Docs”' }).click();
  const box = docs.getByRole('textbox', { name: 'Rename “Docs”' });
  await expect(box).toBeFocused();
  await box.fill('  ');
  await box.press('Enter');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveAccessibleDescription(/must not be empty/);
  await box.press('Escape');
  await expect(docs.getByRole('button', { name: 'Rename “Docs”' })).toBeFocused();

  await docs.getByRole('link', { name: 'Docs' }).focus();
  await page.keyboard.press('F2');
  await docs.getByRole('textbox', { name: 'Rename “Docs”' }).fill('User guide');
  await page.keyboard.press('Enter');
  const guide = page.getByRole('article', { name: 'User guide' });
  await expect(guide.getByRole('button', { name: 'Rename “User guide”' })).toBeFocused();
  expect((await api('goals.list', {})).map((g) => g.title)).toContain('User guide');
  await api('goals.update', {
    id: (await api('goals.list', {})).find((g) => g.title === 'User guide')!.id,
    title: 'Docs',
  });
});
