/**
 * The desktop app end to end, through Playwright's Electron driver: the window's security
 * preferences, refused navigation, creating a goal through IPC, and choosing the synced folder
 * through the native dialog. It needs the Electron runtime, which Electron 45 downloads lazily
 * from outside the npm registry; where it is missing (as on the CI machines) or there is no
 * display, the tests skip and say why.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function electronBinary(): string | undefined {
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : undefined;
}

function whyNot(): string | undefined {
  if (!electronBinary()) {
    return 'the Electron runtime is not installed (node_modules/electron/dist is missing; `npx install-electron` downloads it where the network allows)';
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no display to open a window on (DISPLAY is unset)';
  }
  return undefined;
}

const reason = whyNot();
if (reason) console.log(`Desktop end-to-end tests skipped: ${reason}.`);

test.describe('desktop app', () => {
  test.skip(reason !== undefined, reason ?? '');

  let app: ElectronApplication;
  let dir: string;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fortnight-desktop-'));
    app = await electron.launch({
      executablePath: electronBinary()!,
      args: [join(root, 'out/main/index.js'), '--db', join(dir, 'workspace.db')],
      env: { ...process.env, NODE_ENV: 'production' },
    });
  });

  test.afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('opens a hardened window', async () => {
    const window = await app.firstWindow();
    await expect(window.getByRole('navigation')).toBeVisible();
    // Served from our own scheme, never file://.
    expect(window.url()).toMatch(/^app:\/\/fortnight\//);
    // contextBridge only works with contextIsolation on: the bridge being there proves it.
    const page = await window.evaluate(() => ({
      bridge: Object.keys((window as unknown as { fortnight: object }).fortnight).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      module: typeof (globalThis as { module?: unknown }).module,
    }));
    expect(page).toEqual({
      bridge: ['invoke', 'on'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
    });
    const csp = await window.evaluate(async () =>
      (await fetch(location.href)).headers.get('content-security-policy'),
    );
    expect(
      csp ?? (await window.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')),
    ).toContain("script-src 'self'");
  });

  test('refuses navigation away from the app and new windows', async () => {
    const window = await app.firstWindow();
    const before = window.url();
    await window.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await window.waitForTimeout(500);
    expect(window.url()).toBe(before);
    await window.evaluate(() => globalThis.open('file:///etc/passwd'));
    await window.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
  });

  test('creates a goal through the UI, over IPC, and refuses methods outside the contract', async () => {
    const window = await app.firstWindow();
    await window.evaluate(() => {
      location.hash = '#/goals/new';
    });
    await window.getByLabel('Title').fill('Faster builds');
    await window.getByRole('button', { name: 'Create goal' }).click();
    await expect(window.getByRole('article', { name: 'Faster builds' })).toBeVisible();
    await window.reload();
    await expect(window.getByRole('article', { name: 'Faster builds' })).toBeVisible();
    const refusedCall = await window.evaluate(() =>
      (
        window as unknown as { fortnight: { invoke: (m: string, i: unknown) => Promise<unknown> } }
      ).fortnight.invoke('fs.readFile', {}),
    );
    expect(refusedCall).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  test('Settings → Sync chooses the shared folder through the native dialog, then syncs', async () => {
    const window = await app.firstWindow();
    const shared = mkdtempSync(join(tmpdir(), 'fortnight-desktop-shared-'));
    try {
      // The dialog answers as if the user chose `shared` (the one thing a test can't click).
      await app.evaluate(({ dialog }, folder) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [folder] })) as never;
      }, shared);
      await window.evaluate(() => {
        location.hash = '#/settings/sync';
      });
      const section = window.getByRole('region', { name: 'Sync' });
      await section.getByRole('radio', { name: 'A shared folder' }).check();
      await section.getByRole('button', { name: 'Choose folder…' }).click();
      await expect(section.getByRole('textbox', { name: 'Folder' })).toHaveValue(shared);
      await section.getByRole('button', { name: 'Save' }).click();
      await expect(window.getByRole('navigation').getByRole('link', { name: /^Synced / })).toBeVisible({
        timeout: 60_000,
      });
      expect(readdirSync(shared)).toHaveLength(1); // the workspace's folder, holding this installation's files
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });
});
