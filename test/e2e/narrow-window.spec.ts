/**
 * A narrow window (1024 px) keeps titles readable: an initiative or milestone too narrow for its
 * title beside its controls puts the title on a line of its own, never a column a few letters
 * wide (at 1280 px the title stays beside its controls); a page's actions go under its title
 * rather than squeeze it; the roadmap folder's file list stays inside the page; a meeting's
 * timebox fields line up in a narrow column, clear of the names; the People tables show every
 * column. At the desktop app's narrowest window (720 px) a table too wide scrolls within its card,
 * a sprint summary's table scrolls in its own box, the meeting calendar puts names under their
 * zones, and the roadmap's titles and controls keep to lines of their own inside their cards. A
 * sprint summary's headers and short cells (an outcome) never break, narrow or wide.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, heading, test, type Api } from './fixtures.ts';

/** The example workspace (loaded by the file's first test), in a window `width` px wide. */
async function exampleAt({ page, api }: { page: Page; api: Api }, width: number): Promise<void> {
  if ((await api('workspace.info', {})).isEmpty) await api('workspace.loadExample', {});
  await page.setViewportSize({ width, height: 820 });
}

/** The narrowest of the titles' boxes, and whether any title shares its line with its state. */
async function titles(page: Page, rows: Locator): Promise<{ narrowest: number; besideState: boolean }> {
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((all) => {
    const widths: number[] = [];
    let besideState = false;
    for (const row of all) {
      const main = row.querySelector<HTMLElement>('.main')!;
      const state = row.querySelector<HTMLElement>('select')!;
      widths.push(main.getBoundingClientRect().width);
      if (state.getBoundingClientRect().top < main.getBoundingClientRect().bottom - 1) besideState = true;
    }
    return { narrowest: Math.min(...widths), besideState };
  });
}

/**
 * True when nothing in the main area reaches past its right edge, but inside a box of its own
 * that scrolls (a wide table).
 */
function fits(page: Page): Promise<boolean> {
  return page.locator('main').evaluate((main) => {
    const right = main.getBoundingClientRect().right;
    const scrolls = (element: Element) => {
      for (let box = element.parentElement; box && box !== main; box = box.parentElement)
        if (getComputedStyle(box).overflowX !== 'visible') return true;
      return false;
    };
    return [...main.querySelectorAll('*')].every(
      (e) => e.getBoundingClientRect().right <= right + 1 || scrolls(e),
    );
  });
}

for (const width of [1024, 1280]) {
  test(`roadmap and initiative titles stay readable at ${width} px wide`, async ({ page, app, api }) => {
    await exampleAt({ page, api }, width);
    await app.open('#/roadmap');
    await expect(heading(page)).toHaveText('Roadmap');
    await page.getByRole('button', { name: 'Expand all' }).click();
    const initiatives = page.locator('.initiative > .row');
    const milestones = page.locator('.milestone > .row');
    await expect(milestones.first()).toBeVisible();
    const roadmapInitiatives = await titles(page, initiatives);
    const roadmapMilestones = await titles(page, milestones);
    expect(roadmapInitiatives.narrowest).toBeGreaterThan(200);
    expect(roadmapMilestones.narrowest).toBeGreaterThan(200);
    expect(await fits(page)).toBe(true);

    await page.getByRole('link', { name: 'Async fn in traits', exact: true }).click();
    await expect(heading(page)).toHaveText('Async fn in traits');
    const detailed = await titles(page, page.locator('.milestone > .row'));
    expect(detailed.narrowest).toBeGreaterThan(200);
    expect(await fits(page)).toBe(true);
    // Wide enough, each title stays beside its controls; too narrow, it takes a line of its own.
    const wide = width === 1280;
    expect(roadmapInitiatives.besideState).toBe(wide);
    expect(detailed.besideState).toBe(wide);
  });
}

test('a page with many actions puts them under its title at 1024 px wide', async ({ page, app, api }) => {
  await exampleAt({ page, api }, 1024);
  const [update] = await api('updates.list', {});
  await app.open(`#/updates/${update!.id}`);
  await expect(heading(page)).toHaveText(update!.title);
  const lines = await heading(page).evaluate(
    (h) => h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight),
  );
  expect(lines).toBeLessThan(1.5);
  expect(await fits(page)).toBe(true);
});

test("the roadmap folder's file list stays inside the page at 1024 px wide", async ({ page, app, api }) => {
  await exampleAt({ page, api }, 1024);
  await app.open('#/publish');
  await page.getByText(/^The folder's \d+ files$/).click();
  await expect(page.getByText('roadmap/flexible_async_iteration.md', { exact: true })).toBeVisible();
  expect(await fits(page)).toBe(true);
});

for (const width of [900, 720]) {
  test(`a meeting's timebox fields line up, clear of the names, at ${width} px wide`, async ({
    page,
    app,
    api,
  }) => {
    await exampleAt({ page, api }, width);
    await app.open('#/meeting');
    const timeboxes = page.getByRole('group', { name: 'Timebox per step' });
    await expect(timeboxes.getByRole('spinbutton')).toHaveCount(4);
    const lefts = await timeboxes
      .getByRole('spinbutton')
      .evaluateAll((inputs) => inputs.map((input) => Math.round(input.getBoundingClientRect().left)));
    expect(new Set(lefts).size, `the fields' left edges: ${lefts.join(', ')}`).toBe(1);
    // No name runs into the timeboxes beside it.
    const box = (await timeboxes.boundingBox())!;
    const names = page.getByRole('group', { name: 'Who is here?' }).getByRole('checkbox');
    const overlapping = await names.evaluateAll(
      (inputs, t) =>
        inputs
          .map((input) => input.closest('label')!)
          .filter((label) => {
            const r = label.getBoundingClientRect();
            return r.right > t.x && r.left < t.x + t.width && r.bottom > t.y && r.top < t.y + t.height;
          })
          .map((label) => label.textContent!.trim()),
      box,
    );
    expect(overlapping).toEqual([]);
    expect(await fits(page)).toBe(true);
  });
}

test("at the desktop app's narrowest, 720 px, a table too wide scrolls within its card", async ({
  page,
  app,
  api,
}) => {
  await exampleAt({ page, api }, 720);
  for (const [screen, name] of [
    ['#/people', 'Members'],
    ['#/people', 'Stakeholders'],
    ['#/sprints', 'Sprints'],
    ['#/updates', 'Monthly updates'],
  ]) {
    await app.open(screen!);
    const table = page.getByRole('table', { name });
    await expect(table).toBeVisible();
    expect(await fits(page), `${screen}: ${name}`).toBe(true);
  }
});

test('at 720 px a sprint summary and the meeting calendar stay inside the page', async ({
  page,
  app,
  api,
}) => {
  await exampleAt({ page, api }, 720);
  // The summary's plan table has four columns; each zone's line names who meets from it.
  await app.open('#/sprints/5');
  await expect(page.getByRole('heading', { name: 'Plan for sprint 6' })).toBeVisible();
  expect(await fits(page), 'sprint 5').toBe(true);
  await app.open('#/publish');
  await expect(page.getByRole('list', { name: 'The meeting in each zone' })).toBeVisible();
  expect(await fits(page), 'the meeting calendar').toBe(true);
});

for (const width of [720, 1300]) {
  test(`at ${width} px a sprint summary's headers and outcomes keep to one line`, async ({
    page,
    app,
    api,
  }) => {
    await exampleAt({ page, api }, width);
    await app.open('#/sprints/5');
    const summary = page.getByRole('article', { name: /summary/i });
    await expect(summary.getByRole('cell', { name: /^\S+ dropped$/ })).toBeVisible();
    const broken = await summary.locator('th, td').evaluateAll((cells) =>
      cells
        .filter((cell) => cell.tagName === 'TH' || (cell.textContent ?? '').length <= 16)
        .filter((cell) => {
          const lines = document.createRange();
          lines.selectNodeContents(cell);
          return new Set([...lines.getClientRects()].map((r) => Math.round(r.bottom))).size > 1;
        })
        .map((cell) => cell.textContent),
    );
    expect(broken).toEqual([]);
  });
}

test("at 720 px a goal's title keeps a line of its own rather than a narrow column", async ({
  page,
  app,
  api,
}) => {
  await exampleAt({ page, api }, 720);
  await app.open('#/roadmap');
  const titles = page.locator('.goal-list h2');
  await expect(titles.first()).toBeVisible();
  const narrowest = Math.min(
    ...(await titles.evaluateAll((all) => all.map((h) => h.getBoundingClientRect().width))),
  );
  expect(narrowest).toBeGreaterThan(200);
  expect(await fits(page)).toBe(true);

  // Initiatives and milestones put their controls on lines of their own, inside the goal's card;
  // a progress set by hand says so there too.
  await page.getByRole('button', { name: 'Expand all' }).click();
  await expect(page.locator('.goal-list .meter').filter({ hasText: 'set by hand' }).first()).toBeVisible();
  const controls = page.locator('.goal-list select, .goal-list .owners-button, .goal-list .meter > *');
  await expect(page.locator('.milestone').first()).toBeVisible();
  const outside = await controls.evaluateAll((all) =>
    all
      .filter(
        (c) => c.getBoundingClientRect().right > c.closest('.goal-list > li')!.getBoundingClientRect().right,
      )
      .map((c) => c.textContent?.trim()),
  );
  expect(outside).toEqual([]);
});

test('the People tables show every column at 900 px wide', async ({ page, app, api }) => {
  await exampleAt({ page, api }, 900);
  await app.open('#/people');
  for (const name of ['Members', 'Stakeholders']) {
    const table = page.getByRole('table', { name });
    await expect(table.getByRole('button', { name: /^Delete / }).first()).toBeVisible();
    const [tableWidth, cardWidth] = await table.evaluate((t) => [
      t.scrollWidth,
      t.parentElement!.clientWidth,
    ]);
    expect(tableWidth, name).toBeLessThanOrEqual(cardWidth!);
  }
  expect(await fits(page)).toBe(true);
});
