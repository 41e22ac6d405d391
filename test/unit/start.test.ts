/**
 * `npm start` where the desktop window can't open: it says why in one line and serves the
 * app in browser mode instead. (Builds first if out/ is stale; `npm test` has just built it.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BROWSER_LINE = /^Fortnight is running in browser mode at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/;
const FALLBACK = /^Fortnight: .+, so Fortnight opens in browser mode instead\.$/;

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `node scripts/start.mjs` and resolves with its stdout lines once it serves the app. */
function start(env: NodeJS.ProcessEnv, dbFile: string) {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--db', dbFile, '--port', '0', '--no-open'], {
    cwd: ROOT,
    env,
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<string[]>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/browser mode at .*\n/.test(stdout)) done(stdout.trimEnd().split('\n'));
    });
    child.once('exit', (code) =>
      fail(new Error(`start.ts exited (${code}) before serving:\n${stdout}${stderr}`)),
    );
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, ready, exited };
}

/** Opens the printed address as a browser would: the token redirect, then the page with the cookie. */
async function openInBrowser(url: string) {
  const redirect = await fetch(url, { redirect: 'manual' });
  expect(redirect.status).toBe(303);
  const cookie = redirect.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const page = await fetch(new URL(redirect.headers.get('location') ?? '/', url), {
    headers: { Cookie: cookie },
  });
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect((await page.text()).toLowerCase()).toContain('<html');
}

function environment(extra: NodeJS.ProcessEnv) {
  const env = { ...process.env, ...extra };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

async function expectBrowserModeFallback(env: NodeJS.ProcessEnv, reason: RegExp) {
  const dbFile = join(tempDir(), 'workspace.db');
  const { child, ready, exited } = start(env, dbFile);
  const lines = await ready;
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(FALLBACK);
  expect(lines[0]).toMatch(reason);
  const url = BROWSER_LINE.exec(lines[1] ?? '')?.[1];
  expect(url, lines[1]).toBeDefined();

  await openInBrowser(url!);
  expect(existsSync(dbFile)).toBe(true);

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}

describe('npm start', { timeout: 120_000 }, () => {
  it.runIf(process.platform === 'linux')(
    'without a display, says so once and serves browser mode',
    async () => {
      await expectBrowserModeFallback(
        environment({ DISPLAY: '', WAYLAND_DISPLAY: '' }),
        /there is no graphical display/,
      );
    },
  );

  // A display, but Electron's download points at a closed port and an empty cache, so it fails
  // fast here and on a machine with network alike. (An installed runtime would really start.)
  const electronInstalled = existsSync(join(ROOT, 'node_modules', 'electron', 'dist'));
  it.skipIf(electronInstalled)(
    'where the Electron runtime cannot be downloaded, says so once and serves browser mode',
    async () => {
      const unreachable = 'http://127.0.0.1:9/';
      await expectBrowserModeFallback(
        environment({
          DISPLAY: ':99',
          WAYLAND_DISPLAY: '',
          ELECTRON_MIRROR: unreachable,
          npm_config_electron_mirror: unreachable,
          electron_config_cache: tempDir(),
        }),
        /the Electron runtime could not be downloaded \(.+\)/,
      );
    },
  );
});
