/**
 * The roadmap's states (✅ 🦀 ✋ 💤) stay recognisable on a machine without a colour-emoji font:
 * the app brings a font for these characters. This machine has none installed, so without it
 * each would be drawn as the empty box of a missing glyph, or not at all. The app's emoji are
 * drawn by an emoji font (the system's colour one, or the bundled Noto Emoji) even first in a run
 * of text ("❌ missed" in a summary's table, a goal's "🔻" in the roadmap's preview, "🦀 in
 * progress" on a state badge).
 */
import type { Page } from '@playwright/test';
import { expect, heading, test } from './fixtures.ts';

test('each state emoji is drawn as a glyph, not as a missing-glyph box', async ({ page, app, api }) => {
  await api('workspace.loadExample', {});
  await app.open('#/roadmap');
  await expect(page.getByRole('main').getByText('🦀').first()).toBeVisible();
  const drawn = await page.evaluate(async () => {
    const family = getComputedStyle(document.body).fontFamily;
    /** The pixels of one character drawn in the app's font. */
    const draw = async (text: string) => {
      await document.fonts.load(`32px ${family}`, text);
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 48;
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      context.font = `32px ${family}`;
      context.textBaseline = 'top';
      context.fillText(text, 4, 4);
      return context.getImageData(0, 0, 48, 48).data;
    };
    const missing = await draw('\u{10FFFD}'); // a character no font has: the missing-glyph box
    const result: Record<string, { ink: number; likeMissing: boolean }> = {};
    for (const emoji of ['✅', '🦀', '✋', '💤', '⚠']) {
      const data = await draw(emoji);
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 128) ink++;
      result[emoji] = { ink, likeMissing: data.every((v, i) => v === missing[i]) };
    }
    return result;
  });
  for (const [emoji, { ink, likeMissing }] of Object.entries(drawn)) {
    expect(ink, `${emoji} is drawn`).toBeGreaterThan(30);
    expect(likeMissing, `${emoji} is not the missing-glyph box`).toBe(false);
  }
});

/** The fonts Chromium drew `selector`'s first match with, and how many glyphs each drew. */
async function fontsOf(page: Page, selector: string): Promise<{ familyName: string; glyphCount: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts;
}

const drawnByAnEmojiFont = (fonts: { familyName: string; glyphCount: number }[]) =>
  fonts.some((f) => /emoji/i.test(f.familyName) && f.glyphCount > 0);

test('outcomes, goals and states are drawn by an emoji font, first in their text too', async ({
  page,
  app,
  api,
}) => {
  if ((await api('workspace.info', {})).isEmpty) await api('workspace.loadExample', {});
  await app.open('#/sprints/6');
  await expect(heading(page)).toHaveText('Sprint 6');
  const missed = page.locator('td', { hasText: /^❌ missed$/ }).first();
  await expect(missed).toBeVisible();
  await missed.evaluate((cell) => cell.setAttribute('data-probe', 'missed'));
  await expect.poll(async () => drawnByAnEmojiFont(await fontsOf(page, '[data-probe="missed"]'))).toBe(true);

  await app.open('#/publish');
  const goal = page.locator('.markdown td', { hasText: /^🔻 / }).first();
  await expect(goal).toBeVisible();
  await goal.evaluate((cell) => cell.setAttribute('data-probe', 'goal'));
  await expect.poll(async () => drawnByAnEmojiFont(await fontsOf(page, '[data-probe="goal"]'))).toBe(true);

  await app.open('#/people');
  await page.getByRole('link', { name: 'Dana Okafor' }).click();
  await expect(heading(page)).toHaveText('Dana Okafor');
  const badge = page.locator('.state', { hasText: 'in progress' }).first();
  await expect(badge).toBeVisible();
  await badge.evaluate((element) => element.setAttribute('data-probe', 'state'));
  await expect
    .poll(async () => drawnByAnEmojiFont(await fontsOf(page, '[data-probe="state"] span')))
    .toBe(true);
});
