/**
 * Every step of the meeting, its confirmation, its record and the sprint summary pass an
 * accessibility scan (WCAG 2 A/AA, no serious or critical violations) in both themes.
 */
import { expect, test, type Api } from './fixtures.ts';
import { seriousViolations, useTheme } from './a11y.ts';

const THEMES = ['light', 'dark'] as const;
const STEPS = [
  { key: '1', heading: 'Retrospective of sprint 7', ready: 'Sprint goals' },
  { key: '2', heading: 'Polish issues', ready: 'Done in sprint 7' },
  { key: '3', heading: 'Plan sprint 8', ready: 'Per owner' },
  { key: '4', heading: 'Wrap-up', ready: 'Sprint summary preview' },
] as const;

async function example(api: Api) {
  if ((await api('workspace.info', {})).isEmpty) await api('workspace.loadExample', {});
}

for (const theme of THEMES) {
  test(`every step of the meeting passes an accessibility scan in the ${theme} theme`, async ({
    page,
    app,
    api,
  }) => {
    // Five scans of whole screens: on a loaded machine each takes seconds.
    test.setTimeout(120_000);
    await example(api);
    await useTheme(page, theme);
    await app.open('#/meeting');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    // The start screen is scanned with every screen (screens.spec.ts).
    const start = page.getByRole('button', { name: 'Start the meeting' });
    if (await start.isVisible()) await start.click();
    // Something in each step, so its lists and states are scanned too.
    await page.keyboard.press('1');
    await page.getByLabel('New note: went well').fill('Short meetings');
    await page.getByLabel('New note: went well').press('Enter');
    await expect(page.getByRole('region', { name: /^Went well/ })).toContainText('Short meetings');
    const goal = page.getByRole('region', { name: 'Sprint goals' }).locator('[data-row]').first();
    await goal.focus();
    await page.keyboard.press('d');
    await expect(goal.locator('[aria-pressed="true"]')).toHaveText(/Done/);
    await page.getByText('Attendees and timeboxes').click();
    await expect(page.getByLabel('Retrospective', { exact: true })).toBeVisible();

    for (const step of STEPS) {
      await page.locator('#step-heading').focus();
      await page.keyboard.press(step.key);
      await expect(page.locator('#step-heading')).toHaveText(step.heading);
      await expect(
        page
          .getByRole('region', { name: step.ready })
          .or(page.getByRole('article', { name: step.ready }))
          .first(),
      ).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      expect(await seriousViolations(page), `${step.heading}, ${theme}`).toEqual([]);
    }

    // The dialogs share one look: the confirmation in one theme, the cheat sheet in the other.
    if (theme === 'light') {
      await page.keyboard.press('Shift+C');
      await expect(page.getByRole('dialog', { name: /Close the meeting/ })).toBeVisible();
      expect(await seriousViolations(page), `close confirmation, ${theme}`).toEqual([]);
      await page.keyboard.press('Escape');
    } else {
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
        'Take for the next sprint',
      );
      expect(await seriousViolations(page), `shortcuts, ${theme}`).toEqual([]);
    }
  });
}

test('the meeting record and a sprint summary pass an accessibility scan in both themes', async ({
  page,
  app,
  api,
}) => {
  test.setTimeout(120_000); // four scans of whole screens
  await example(api);
  const sprintId = (await api('workspace.info', {})).activeSprintId!;
  const meeting = (await api('meeting.get', { sprintId })) ?? (await api('meeting.start', { sprintId }));
  await api('meeting.goTo', { id: meeting.id, step: 'wrap-up' });
  await app.open('#/meeting');
  await page.getByRole('button', { name: 'Close the meeting…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Close the meeting' }).click();
  await expect(page.getByRole('heading', { name: 'The meeting of sprint 7 is closed' })).toBeVisible();

  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await page.evaluate((choice) => (document.documentElement.dataset.theme = choice), theme);
    expect(await seriousViolations(page), `meeting record, ${theme}`).toEqual([]);
  }
  for (const theme of THEMES) {
    await useTheme(page, theme);
    await page.goto(app.server.origin + '/#/sprints/7');
    await expect(page.getByRole('article', { name: 'Summary of sprint 7' })).toBeVisible();
    expect(await seriousViolations(page), `summary of sprint 7, ${theme}`).toEqual([]);
  }
});
