/**
 * The roadmap's states (✅ 🦀 ✋ 💤) stay recognisable on a machine without a colour-emoji font:
 * the app brings a font for these characters. This machine has none installed, so without it
 * each would be drawn as the empty box of a missing glyph, or not at all.
 */
import { expect, test } from './fixtures.ts';

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
