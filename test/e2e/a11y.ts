/** What the accessibility scans share: the scan itself, and a theme chosen before the page loads. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * Axe with the WCAG 2 A and AA rules, run in the page itself and asked for its violations only:
 * a scan of the expanded roadmap takes 1.3 s instead of 7. By default it opens a blank page to
 * merge the results of the page's frames (Fortnight has none), and describes every element that
 * passed a rule.
 */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa'])
    .setLegacyMode(true);
}

/**
 * Serious and critical WCAG 2 A/AA violations, described for the failure message; scanned once
 * nothing on the page is loading any more.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const { violations } = await axe(page).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The page in `theme`: the system's colour scheme, and the same choice in Settings. */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.addInitScript((choice) => window.localStorage.setItem('fortnight.theme', choice), theme);
}
