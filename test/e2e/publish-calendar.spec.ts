/**
 * The meeting on the Publish & import screen, in browser mode on the example workspace (the
 * browser's zone is Europe/Berlin): the active sprint's meeting in everyone's zone, changing it,
 * and the calendar download; and an accessibility scan of the whole screen in both themes.
 */
import { readFileSync } from 'node:fs';
import { expect, heading, test, type Api } from './fixtures.ts';
import { seriousViolations } from './a11y.ts';

async function prepare(api: Api) {
  if ((await api('workspace.info', {})).isEmpty) await api('workspace.loadExample', {});
}

test("the active sprint's meeting shows in every zone, the viewer's first, and can be moved", async ({
  page,
  app,
  api,
}) => {
  await prepare(api);
  const active = (await api('sprints.list', {})).find((s) => s.status === 'active')!;
  await app.open('#/publish');

  const calendar = page.getByRole('region', { name: 'Meeting calendar' });
  await expect(calendar.getByRole('heading', { name: `Sprint ${active.number} meeting` })).toBeVisible();
  const zones = calendar.getByRole('list', { name: 'The meeting in each zone' }).getByRole('listitem');
  // 11:00 in New York is 17:00 in Berlin (16:00 in the weeks the two switch at different dates).
  await expect(zones.first()).toContainText(/1[67]:00 GMT\+[12] Berlin\s+your time\s+Lena Brandt/);
  await expect(zones.filter({ hasText: 'New York' })).toContainText(
    /11:00 E[SD]T New York\s+organiser's zone\s+Dana Okafor/,
  );
  await expect(zones.filter({ hasText: 'Tokyo' })).toContainText('Kenji Watanabe');
  // One row per zone: the viewer's (Berlin, the tests' zone) and each person's.
  const people = await api('people.list', {});
  await expect(zones).toHaveCount(new Set(['Europe/Berlin', ...people.map((p) => p.timeZone)]).size);
  await expect(calendar.getByText(/^1[67]:00 Berlin · .*11:00 New York/)).toBeVisible();

  await calendar.getByRole('button', { name: 'Change…' }).click();
  const when = calendar.getByLabel('Date and time');
  const date = (await when.inputValue()).slice(0, 10);
  await when.fill(`${date}T09:30`);
  await calendar.getByLabel("Organiser's time zone").selectOption('Asia/Tokyo');
  await calendar.getByRole('button', { name: 'Save meeting time' }).click();
  await expect(calendar.getByRole('status')).toContainText(
    `Saved: the meeting of sprint ${active.number} is on`,
  );
  await expect(calendar.getByRole('status')).toContainText('09:30 GMT+9');
  await expect(zones.first()).toContainText(/0[12]:30 GMT\+[12] Berlin\s+your time/);
  await expect(zones.filter({ hasText: 'Tokyo' })).toContainText(
    /09:30 GMT\+9 Tokyo\s+organiser's zone\s+Kenji Watanabe/,
  );

  const saved = (await api('sprints.get', { id: active.id }))!;
  expect(saved.meetingTimeZone).toBe('Asia/Tokyo');
  expect(new Date(saved.meetingAt!).toISOString()).toBe(new Date(`${date}T09:30:00+09:00`).toISOString());
});

test('a time left empty is refused next to its field', async ({ page, app, api }) => {
  await prepare(api);
  await app.open('#/publish');
  const calendar = page.getByRole('region', { name: 'Meeting calendar' });
  await calendar.getByRole('button', { name: 'Change…' }).click();
  await calendar.getByLabel('Date and time').fill('');
  await calendar.getByRole('button', { name: 'Save meeting time' }).click();
  await expect(calendar.getByLabel('Date and time')).toBeFocused();
  await expect(calendar.getByLabel('Date and time')).toHaveAttribute('aria-invalid', 'true');
  await expect(calendar.getByText('Choose the date and the time of the meeting')).toBeVisible();
  await calendar.getByRole('button', { name: 'Cancel' }).click();
  await expect(calendar.getByLabel('Date and time')).toHaveCount(0);
});

test('the meeting series downloads as an iCalendar file', async ({ page, app, api }) => {
  await prepare(api);
  const sprints = await api('sprints.list', {});
  await app.open('#/publish');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download calendar (.ics)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.ics$/);
  const ics = readFileSync(await file.path(), 'utf8');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2');
  expect(ics).toContain(`SUMMARY:Sprint ${sprints.at(-1)!.number} meeting`);
  await expect(
    page.getByRole('status').filter({ hasText: `Downloaded ${file.suggestedFilename()}.` }),
  ).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the Publish & import screen passes an accessibility scan in the ${theme} theme`, async ({
    page,
    app,
    api,
  }) => {
    await prepare(api);
    await page.emulateMedia({ colorScheme: theme });
    await page.addInitScript((choice) => window.localStorage.setItem('fortnight.theme', choice), theme);
    await app.open('#/publish');
    await expect(heading(page)).toHaveText('Publish & import');
    await expect(page.getByRole('region', { name: 'Preview of roadmap.md' })).toBeVisible();
    await page.getByText(/^The folder's \d+ files$/).click();
    await page
      .getByRole('region', { name: 'Meeting calendar' })
      .getByRole('button', { name: 'Change…' })
      .click();
    expect(await seriousViolations(page), `publish & import, ${theme}`).toEqual([]);

    await page.getByRole('radio', { name: 'Markdown' }).check();
    await page.getByRole('radio', { name: /^Single file/ }).check();
    await expect(page.getByRole('region', { name: 'Preview of roadmap.md' }).locator('pre')).toBeVisible();
    expect(await seriousViolations(page), `publish & import, single file as Markdown, ${theme}`).toEqual([]);
  });
}
