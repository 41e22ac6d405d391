/**
 * A note shows the moment Enter is pressed, marked as saving, while its write is on its way; the
 * answer turns it into the saved note, and a refusal takes it back to the field with the reason.
 */
import { LIMITS } from '../../src/shared/domain.ts';
import { expect, test } from './fixtures.ts';
import { meetingUnderWay, row, stepHeading } from './meeting-helpers.ts';

test('a note shows at once as saving, becomes the saved note, and a refused one goes back to its field', async ({
  page,
  app,
  api,
}) => {
  await meetingUnderWay(api);
  await app.open('#/meeting');
  await expect(stepHeading(page)).toHaveText('Retrospective of sprint 7');
  const kudos = page.getByRole('region', { name: /^Kudos/ });
  const field = page.getByLabel('New note: kudos');
  const saving = kudos.locator('li[aria-busy="true"]');
  const notes = kudos.locator('[data-row]');
  const before = await notes.count();

  // The write is held on its way to the host (it goes through unchanged once let go).
  let letGo!: () => void;
  const held = new Promise<void>((resolve) => (letGo = resolve));
  await page.route('**/api/meeting.act', async (route) => {
    await held;
    await route.continue();
  });
  await field.fill('Thanks to Lena for the release');
  await field.press('Enter');
  await expect(saving).toHaveText('Thanks to Lena for the release Saving…');
  await expect(field).toHaveValue('');
  await expect(row(kudos, 'Thanks to Lena')).toHaveCount(0);
  letGo();
  await expect(row(kudos, 'Thanks to Lena')).toHaveCount(1);
  await expect(saving).toHaveCount(0);
  await page.unroute('**/api/meeting.act');

  // A note over the length limit: the host refuses it, and nothing of it stays in the column.
  const tooLong = 'x'.repeat(LIMITS.text + 1);
  await field.fill(tooLong);
  await field.press('Enter');
  await expect(kudos.getByRole('alert')).toContainText(`at most ${LIMITS.text} characters`);
  await expect(field).toHaveValue(tooLong);
  await expect(saving).toHaveCount(0);
  await expect(notes).toHaveCount(before + 1);
});
