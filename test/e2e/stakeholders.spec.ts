/**
 * Stakeholders, polls and the monthly update, end to end in Chromium: stakeholders added on the
 * People screen, a poll created, responses imported from a CSV (a bad row skipped) and answered
 * by hand, its results; the month's update written from its draft, edited, published and
 * exported as a blog post and as slides; accessibility scans of the new screens.
 */
import { format } from 'date-fns/format';
import { readFileSync } from 'node:fs';
import { expect, heading, test } from './fixtures.ts';
import { seriousViolations } from './a11y.ts';

test('stakeholders, a poll with imported responses, and the monthly update exported both ways', async ({
  page,
  app,
  api,
}) => {
  test.setTimeout(180_000);
  const owner = await api('people.create', { name: 'Olga Owner' });
  const goal = await api('goals.create', {
    title: 'Faster builds',
    ownerIds: [owner.id],
    state: 'in progress',
  });
  await api('initiatives.create', { goalId: goal.id, title: 'Remote cache' });
  const docs = await api('goals.create', { title: 'Better docs' });
  await api('initiatives.create', { goalId: docs.id, title: 'A getting-started guide' });
  await api('people.create', { name: 'Ben Ode', roles: ['stakeholder'], team: 'Platform' });

  // Add a stakeholder who follows the builds goal.
  await app.open('#/people');
  await page.getByRole('link', { name: 'Add stakeholder' }).click();
  await expect(heading(page)).toHaveText('New stakeholder');
  await page.getByLabel('Name').fill('Sofia Marchetti');
  await page.getByLabel('Team or affiliation').fill('Foundation');
  await page.getByLabel('Link').fill('https://example.org/sofia');
  await page
    .getByRole('group', { name: 'Follows goals' })
    .getByRole('checkbox', { name: 'Faster builds' })
    .check();
  await page.getByRole('button', { name: 'Add stakeholder' }).click();
  await expect(heading(page)).toHaveText('People');

  const stakeholders = page.getByRole('region', { name: 'Stakeholders' });
  await expect(stakeholders.getByRole('row', { name: /Sofia Marchetti/ })).toContainText('Foundation');
  await expect(stakeholders.getByRole('row', { name: /Sofia Marchetti/ })).toContainText('1 item');
  await expect(stakeholders.getByRole('status')).toHaveText(
    'Identify 5–10 stakeholders: the group has 2 yet.',
  );
  await expect(stakeholders.getByRole('list')).toContainText('A getting-started guide');
  await expect(stakeholders.getByRole('list')).not.toContainText('Remote cache');
  await expect(
    page.getByRole('region', { name: 'Members' }).getByRole('row', { name: /Olga Owner/ }),
  ).toBeVisible();
  expect(await seriousViolations(page), 'People with stakeholders').toEqual([]);

  // A poll about the builds goal, asking both stakeholders.
  await page.keyboard.press('Control+6');
  await expect(heading(page)).toHaveText('Updates');
  await page.getByRole('link', { name: 'New poll' }).click();
  await expect(heading(page)).toHaveText('New poll');
  await page.getByLabel('Question').fill('Which cache first?');
  await page.getByLabel('About').selectOption({ label: 'Goal: Faster builds' });
  await page.getByLabel('Options').fill('Local\nRemote');
  await expect(page.getByRole('checkbox', { name: /Sofia Marchetti/ })).toBeChecked();
  await page.getByRole('button', { name: 'Create poll' }).click();
  await expect(heading(page)).toHaveText('Which cache first?');

  // Responses from a form tool's CSV: one good row, one unknown option.
  await page.getByLabel('CSV file of responses').setInputFiles({
    name: 'responses.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Timestamp,Name,Which cache first?\n2026-03-02,Sofia Marchetti,remote\n2026-03-02,Ben Ode,Maybe\n',
    ),
  });
  const preview = page.getByRole('table', { name: /1 row to import, 1 skipped/ });
  await expect(preview).toContainText('Skipped: “Maybe” is not one of the options (Local, Remote)');
  expect(await seriousViolations(page), 'the import preview').toEqual([]);
  await page.getByRole('button', { name: 'Import 1 answer' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Imported 1 answer (0 replaced); 1 row skipped.' }),
  ).toBeVisible();
  const results = page.getByRole('table', { name: 'Results of “Which cache first?”' });
  await expect(results.getByRole('row', { name: /Remote/ })).toContainText('1');

  // Ben answers in the app.
  await page.getByLabel('Answer of Ben Ode').selectOption('Local');
  await page.getByRole('button', { name: 'Save the answer of Ben Ode' }).click();
  await expect(results.getByRole('row', { name: /Local/ })).toContainText('1');
  await expect(page.getByText('2 of 2 asked answered.')).toBeVisible();
  // A row's header names its stakeholder as a name, not as a column label.
  await expect(page.getByRole('rowheader', { name: 'Ben Ode' })).toHaveCSS('text-transform', 'none');

  // Its details are edited in place; an option someone chose can't be dropped.
  const details = page.getByRole('region', { name: 'Details' });
  await details.getByLabel('Options').fill('Local');
  await details.getByRole('button', { name: 'Save poll' }).click();
  await expect(
    details.getByText(/Sofia Marchetti answered “Remote”, which the new options leave out/),
  ).toBeVisible();
  await details.getByLabel('Options').fill('Local\nRemote\nBoth');
  await details.getByLabel('Question').fill('Which cache first?');
  await details.getByRole('button', { name: 'Save poll' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the poll.' })).toBeVisible();
  await expect(results.getByRole('row', { name: /Both/ })).toContainText('0');
  // A save refused next no longer reads as saved.
  await details.getByLabel('Options').fill('Local\nBoth');
  await details.getByRole('button', { name: 'Save poll' }).click();
  await expect(details.getByText(/which the new options leave out/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the poll.' })).toHaveCount(0);
  await details.getByLabel('Options').fill('Local\nRemote\nBoth');

  // The poll shows on its goal's page too.
  await app.open(`#/goals/${goal.id}`);
  await expect(
    page.getByRole('region', { name: 'Polls' }).getByRole('link', { name: 'Which cache first?' }),
  ).toBeVisible();

  // The month's update: its draft, edited, published, exported.
  await app.open('#/updates');
  const month = format(new Date(), 'yyyy-MM');
  await page.getByLabel('Month', { exact: true }).fill(month);
  await page.getByRole('button', { name: 'Write the draft' }).click();
  await expect(heading(page)).toHaveText(/^Monthly update: /);
  const body = page.getByLabel('Update', { exact: true });
  await expect(body).toHaveValue(/## Polls\n\n### Which cache first\?/);
  await expect(body).toHaveValue(/### Sofia Marchetti \(Foundation\)\n\n- Faster builds: /);
  await body.fill(`${await body.inputValue()}\n## Thanks\n\nThanks to **everyone** who answered.\n`);
  await page.getByRole('button', { name: 'Save update' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.locator('.preview strong').filter({ hasText: 'everyone' })).toBeVisible();
  await page.getByRole('button', { name: 'Mark published' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Marked published.' })).toBeVisible();
  expect(await seriousViolations(page), 'the update page').toEqual([]);

  const post = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export blog post' }).click();
  const postFile = await post;
  expect(postFile.suggestedFilename()).toBe(`update-${month}.md`);
  const postText = readFileSync(await postFile.path(), 'utf8');
  expect(postText).toMatch(
    /^---\ntitle: "Monthly update: [^"]+"\ndate: \d{4}-\d\d-\d\d\nauthors:\n {2}- "Olga Owner"\n---\n/,
  );
  expect(postText).toContain('Thanks to **everyone** who answered.');

  const slides = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export slides' }).click();
  const slidesFile = await slides;
  expect(slidesFile.suggestedFilename()).toBe(`update-${month}-slides.md`);
  const deck = readFileSync(await slidesFile.path(), 'utf8').split(/^---$/m);
  expect(deck[0]).toMatch(/^# Monthly update: /);
  expect(deck.at(-1)).toContain('## Thanks');

  // What is on screen is what an export carries, saved first: a title not saved yet too.
  const title = page.getByLabel('Title', { exact: true });
  await title.fill('Monthly update: the news');
  const retitled = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export blog post' }).click();
  expect(readFileSync(await (await retitled).path(), 'utf8')).toMatch(
    /^---\ntitle: "Monthly update: the news"/,
  );

  // Edits not saved are kept when the page is left by the navigation, and dropped with Cancel.
  await title.fill('Monthly update: the December news');
  await body.fill(`${await body.inputValue()}\nOne more line.\n`);
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^People/ })
    .click();
  await expect(heading(page)).toHaveText('People');
  await page.goBack();
  await expect(title).toHaveValue('Monthly update: the December news');
  await expect(body).toHaveValue(/One more line\.\n$/);
  await title.fill('Monthly update: dropped');
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(heading(page)).toHaveText('Updates');
  await expect(page.getByRole('row', { name: /Monthly update/ })).toContainText('the December news');

  await app.open('#/updates');
  await expect(page.getByRole('row', { name: /Monthly update/ })).toContainText('Published');
  expect(await seriousViolations(page), 'Updates').toEqual([]);

  // An update can be deleted (its draft written again later).
  await page
    .getByRole('row', { name: /Monthly update/ })
    .getByRole('link')
    .click();
  await page.getByRole('button', { name: 'Delete update…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete update' }).click();
  await expect(heading(page)).toHaveText('Updates');
  await expect(page.getByText("No update yet: write the first one's draft above.")).toBeVisible();
});
