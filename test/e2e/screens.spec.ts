import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, heading, test } from './fixtures.ts';

const SCREENS = [
  { hash: '#/meeting', title: 'Meeting' },
  { hash: '#/roadmap', title: 'Roadmap' },
  { hash: '#/sprints', title: 'Sprints' },
  { hash: '#/polish', title: 'Polish' },
  { hash: '#/people', title: 'People' },
  { hash: '#/updates', title: 'Updates' },
  { hash: '#/settings', title: 'Settings' },
] as const;

/** Serious and critical WCAG 2 A/AA violations, described for the failure message. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function useTheme(page: Page, theme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: theme });
  await page.addInitScript((choice) => window.localStorage.setItem('fortnight.theme', choice), theme);
}

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
