/**
 * Publish & import in browser mode, starting from an empty workspace: a hand-written roadmap
 * folder uploaded, previewed, cancelled, imported and seen on the Roadmap screen; then exported
 * as roadmap.md and as the folder's .zip. The tests of this file share its workspace, in order.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { expect, heading, test } from './fixtures.ts';
import { seriousViolations } from './a11y.ts';

const HANDWRITTEN = resolve(import.meta.dirname, '../fixtures/roadmap/handwritten');

/** Clicks a button that opens the browser's file picker, and answers it with `files`. */
async function choose(page: Page, button: string, files: Parameters<Page['setInputFiles']>[1]) {
  const picker = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await picker).setFiles(files);
}

/** The entries of a .zip (stored or deflated, as any unzip tool reads them), each checked against its CRC. */
function unzip(zip: Buffer): Map<string, string> {
  const entries = new Map<string, string>();
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    expect([0, 8], 'compression method').toContain(method);
    const crc = zip.readUInt32LE(at + 14);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extraLength;
    const stored = zip.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(stored) : stored;
    expect(crc32(data), `CRC of ${name}`).toBe(crc);
    entries.set(name, data.toString('utf8'));
    at = start + size;
  }
  expect(zip.readUInt32LE(at), 'the central directory follows the entries').toBe(0x02014b50);
  return entries;
}

test('a file that is not a roadmap is refused, naming the file and line, and nothing changes', async ({
  page,
  app,
  api,
}) => {
  await app.open('#/publish');
  await expect(heading(page)).toHaveText('Publish & import');

  await choose(page, 'Choose roadmap.md…', {
    name: 'roadmap.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('# Our plans\n\nNo table here.\n'),
  });
  await expect(
    page.getByRole('alert').filter({
      hasText: 'Nothing was imported. roadmap.md, line 1: There is no overview table',
    }),
  ).toBeVisible();
  expect((await api('workspace.info', {})).isEmpty).toBe(true);

  // No sprint yet: no meeting to show, and the calendar says why it can't be written.
  await expect(page.getByText('There is no active sprint')).toBeVisible();
  await page.getByRole('button', { name: 'Download calendar (.ics)' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There are no sprints yet' })).toBeVisible();
});

test('a roadmap folder is previewed with its problems by file and line; cancel changes nothing, import brings it in', async ({
  page,
  app,
  api,
}) => {
  await app.open('#/publish');

  await choose(page, 'Choose a folder…', HANDWRITTEN);
  const preview = page.getByRole('heading', { name: /^Preview of \d+ Markdown files of the folder$/ });
  await expect(preview).toBeFocused();
  const toCreate = page.getByRole('region', { name: /^To create:/ });
  await expect(toCreate.getByRole('heading')).toContainText('goals');
  await expect(toCreate.getByRole('row', { name: /goal Async fn everywhere/ })).toBeVisible();
  await expect(
    toCreate.getByRole('row', { name: /initiative Trait methods Async fn everywhere/ }),
  ).toBeVisible();
  const problems = page.getByRole('region', { name: /problems/ });
  await expect(
    problems.getByRole('row', { name: /roadmap\.md:\d+ .*“🤷” of the goal “Testing”/ }),
  ).toBeVisible();
  expect(await seriousViolations(page), 'the import preview').toEqual([]);

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Import cancelled: nothing changed.' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Choose a folder…' })).toBeFocused();
  expect(await api('goals.list', {})).toEqual([]);

  await choose(page, 'Choose a folder…', HANDWRITTEN);
  const importButton = page.getByRole('button', { name: /^Import \d+ changes$/ });
  const changes = Number(/\d+/.exec((await importButton.textContent()) ?? '')![0]);
  await importButton.click();
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeFocused();
  await expect(
    page.getByText(new RegExp(`^${changes} created, 0 updated, 0 removed;\\s+\\d+\\s+problems`)),
  ).toBeVisible();
  expect((await api('goals.list', {})).map((g) => g.title)).toContain('Async fn everywhere');

  await page.getByRole('link', { name: 'See the roadmap' }).click();
  await expect(heading(page)).toHaveText('Roadmap');
  await expect(
    page.getByRole('main').getByText('Async fn everywhere', { exact: true }).first(),
  ).toBeVisible();
  await expect(page.getByRole('main').getByText('Polish', { exact: true }).first()).toBeVisible();
});

test('the roadmap downloads as roadmap.md and as the folder in a .zip', async ({ page, app }) => {
  await app.open('#/roadmap');
  await page.getByRole('link', { name: 'Publish & import' }).click();
  await expect(heading(page)).toHaveText('Publish & import');

  const preview = page.getByRole('region', { name: 'Preview of roadmap.md' });
  await expect(preview.getByRole('table').first()).toBeVisible();
  await expect(preview).toContainText('Async fn everywhere');
  await page.getByRole('radio', { name: 'Markdown' }).check();
  await expect(preview.locator('pre')).toContainText('| 🔻 [Async fn everywhere] |');

  await page.getByRole('radio', { name: /^Single file/ }).check();
  const single = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download roadmap.md' }).click();
  const file = await single;
  expect(file.suggestedFilename()).toBe('roadmap.md');
  const markdown = readFileSync(await file.path(), 'utf8');
  expect(markdown).toMatch(/^\| 🔻 \[Async fn everywhere\] \| 🦀 \| ▰▰▱▱▱▱ \| \[tmiller\] \|$/m);
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded roadmap.md.' })).toBeVisible();

  await page.getByRole('radio', { name: /^Folder/ }).check();
  await page.getByText(/^The folder's \d+ files$/).click();
  await expect(page.getByText('roadmap/async_fn_everywhere.md', { exact: true })).toBeVisible();
  const folder = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download roadmap.zip' }).click();
  const zip = await folder;
  expect(zip.suggestedFilename()).toBe('roadmap.zip');
  const entries = unzip(readFileSync(await zip.path()));
  expect(entries.get('roadmap.md')).toMatch(/^\| 🔻 \[Async fn everywhere\] \|/m);
  expect(entries.get('roadmap.md')).toContain('[Async fn everywhere]: ./roadmap/async_fn_everywhere.md');
  expect(entries.get('roadmap/async_fn_everywhere.md')).toMatch(/^## Impact$/m);
  expect([...entries.keys()].filter((path) => path.startsWith('roadmap/')).length).toBeGreaterThan(5);
});
