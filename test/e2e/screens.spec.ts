import { expect, heading, test } from './fixtures.ts';
import { seriousViolations, useTheme } from './a11y.ts';

const SCREENS = [
  { hash: '#/meeting', title: 'Meeting' },
  { hash: '#/roadmap', title: 'Roadmap' },
  { hash: '#/sprints', title: 'Sprints' },
  { hash: '#/polish', title: 'Polish' },
  { hash: '#/people', title: 'People' },
  { hash: '#/updates', title: 'Updates' },
  { hash: '#/settings', title: 'Settings' },
] as const;

test('the welcome screen passes an accessibility scan in light and dark', async ({ page, app }) => {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await app.open();
    await expect(heading(page)).toHaveText('Welcome to Fortnight');
    expect(await seriousViolations(page), `welcome screen, ${theme}`).toEqual([]);
  }
});

for (const theme of ['light', 'dark'] as const) {
  test(`every screen passes an accessibility scan in the ${theme} theme`, async ({ page, app, api }) => {
    if ((await api('workspace.info', {})).isEmpty) await api('workspace.loadExample', {});
    await useTheme(page, theme);
    await app.open();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    for (const screen of SCREENS) {
      await page.goto(app.server.origin + '/' + screen.hash);
      await expect(heading(page)).toHaveText(screen.title);
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      expect(await seriousViolations(page), `${screen.title}, ${theme}`).toEqual([]);
    }

    // A polish issue's page, from its row.
    await page.goto(app.server.origin + '/#/polish');
    await page
      .getByRole('link', { name: /^Edit “/ })
      .first()
      .click();
    await expect(page.getByRole('button', { name: 'Save polish issue' })).toBeVisible();
    expect(await seriousViolations(page), `a polish issue's page, ${theme}`).toEqual([]);

    // A stakeholder's form, its pickers' done goals and initiatives shown.
    await page.goto(app.server.origin + '/#/people/new-stakeholder');
    await expect(heading(page)).toHaveText('New stakeholder');
    const done = page.getByRole('group', { name: 'Follows initiatives' }).getByText(/^Done \(\d+\)$/);
    await done.click();
    await expect(
      page.getByRole('group', { name: 'Follows initiatives' }).locator('details[open] input'),
    ).not.toHaveCount(0);
    expect(await seriousViolations(page), `New stakeholder, ${theme}`).toEqual([]);
  });

  test(`a goal's page with an error and a confirmation pass an accessibility scan in the ${theme} theme`, async ({
    page,
    app,
    api,
  }) => {
    if ((await api('workspace.info', {})).isEmpty) await api('workspace.loadExample', {});
    await useTheme(page, theme);
    await app.open('#/roadmap');
    await page.getByRole('list', { name: 'Goals' }).getByRole('heading').first().getByRole('link').click();
    await page.getByLabel('Title').fill('');
    await page.getByRole('button', { name: 'Save goal' }).click();
    await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(await seriousViolations(page), `goal page with an error, ${theme}`).toEqual([]);

    await page.getByRole('button', { name: 'Delete goal…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(page), `delete confirmation, ${theme}`).toEqual([]);
  });
}
