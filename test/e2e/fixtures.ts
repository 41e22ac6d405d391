/**
 * The end-to-end fixtures: each test file gets its own browser-mode Fortnight on a fresh
 * temporary database (`node scripts/start.mjs --web --db <tmp>/ws.db --port 0 --no-open`), and
 * every test fails if the page logged an error (a CSP violation included).
 */
import {
  test as base,
  expect,
  request as playwrightRequest,
  type ConsoleMessage,
  type Locator,
  type Page,
} from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Input, MethodName, Output } from '../../src/shared/contract.ts';
import type { Result } from '../../src/shared/result.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 120_000;
const READY = /running in browser mode at (http:\/\/\S+)/;

/** Node 24 runs the TypeScript start script; the test runner's own Node only when it is new enough. */
export function nodeBinary(): string {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12) ? process.execPath : 'node';
}

export interface Server {
  /** The address with the token, as printed. */
  url: string;
  origin: string;
  dir: string;
  child: ChildProcess;
  output: () => string;
}

/**
 * Browser mode on `<dir>/ws.db` (a fresh folder unless a test prepared one), with `env` added to
 * the environment (the sync's intervals, say); stopping it removes `dir`.
 */
export async function startServer(
  dir = mkdtempSync(join(tmpdir(), 'fortnight-e2e-')),
  env: NodeJS.ProcessEnv = {},
): Promise<Server> {
  const child = spawn(
    nodeBinary(),
    ['scripts/start.mjs', '--web', '--db', join(dir, 'ws.db'), '--port', '0', '--no-open'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BROWSER: 'none', ...env } },
  );
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`Fortnight did not start in time:\n${output}`));
    }, START_TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = READY.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Fortnight exited (code ${code}) before it was ready:\n${output}`));
    });
  });
  const server = { url, origin: new URL(url).origin, dir, child, output: () => output };
  startedDuringTest.push(server);
  return server;
}

/** The servers the running test started: what they printed goes with a failure's report. */
const startedDuringTest: Server[] = [];
/** How much of a server's output a failure's report shows: its end. */
const OUTPUT_SHOWN = 6_000;

export async function stopServer(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(server.dir, { recursive: true, force: true });
}

/**
 * Makes a file or folder unwritable for this process. Root ignores permission bits, so as root it
 * is made immutable (`chattr +i`, which stops root too); anyone else removes its write bits.
 * Returns how to undo it, or why it can't be done.
 */
export function makeReadOnly(path: string, folder: boolean): { undo: () => void } | { cannot: string } {
  if (process.getuid?.() !== 0) {
    chmodSync(path, folder ? 0o555 : 0o444);
    return { undo: () => chmodSync(path, folder ? 0o755 : 0o644) };
  }
  try {
    execFileSync('chattr', ['+i', path], { stdio: 'pipe' });
    return { undo: () => execFileSync('chattr', ['-i', path], { stdio: 'pipe' }) };
  } catch (error) {
    return { cannot: `as root, only chattr +i makes ${path} read-only, and it failed: ${String(error)}` };
  }
}

/** Runs the command line on a workspace file and returns what it printed. */
export function fortnight(db: string, ...args: string[]): string {
  return execFileSync(nodeBinary(), ['src/cli/fortnight.mjs', '--db', db, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: 'pipe',
    timeout: 120_000,
  });
}

export interface ReadOnlyServer {
  server: Server;
  /** The workspace file. */
  db: string;
  /** Its bytes when it was made read-only. */
  bytes: Buffer;
  /** Makes it writable again, stops the server and removes its folder. */
  stop: () => Promise<void>;
}

/**
 * Browser mode on a workspace whose file (or folder) is read-only: `prepare` fills it through the
 * command line first. Skips the test, saying why, where it can't be made read-only.
 */
export async function startReadOnlyServer(
  what: 'file' | 'folder',
  prepare: (db: string) => void,
): Promise<ReadOnlyServer> {
  const dir = mkdtempSync(join(tmpdir(), 'fortnight-e2e-'));
  const db = join(dir, 'ws.db');
  prepare(db);
  const bytes = readFileSync(db);
  const locked = makeReadOnly(what === 'file' ? db : dir, what === 'folder');
  if ('cannot' in locked) {
    rmSync(dir, { recursive: true, force: true });
    console.log(`Skipped: ${locked.cannot}`);
    base.skip(true, locked.cannot);
    throw new Error('unreachable: the test is skipped');
  }
  const server = await startServer(dir).catch((error: unknown) => {
    locked.undo();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    server,
    db,
    bytes,
    stop: async () => {
      locked.undo();
      await stopServer(server);
    },
  };
}

/** One server per test file: started by the file's first test, stopped when the next file starts. */
class ServerPerFile {
  #current: { file: string; server: Promise<Server> } | null = null;

  async forFile(file: string): Promise<Server> {
    if (this.#current?.file !== file) {
      await this.stop();
      this.#current = { file, server: startServer() };
    }
    return this.#current.server;
  }

  async stop(): Promise<void> {
    const current = this.#current;
    this.#current = null;
    const server = await current?.server.catch(() => null);
    if (server) await stopServer(server);
  }
}

/** Calls the API directly (for setting up what a test is not about), as the page would. */
export type Api = <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;

/** What the page logged as errors; a test that provokes one on purpose says which. */
export class PageErrors {
  readonly #logged: string[] = [];
  readonly #allowed: RegExp[] = [];

  add(error: string): void {
    this.#logged.push(error);
  }

  allow(pattern: RegExp): void {
    this.#allowed.push(pattern);
  }

  unexpected(): string[] {
    return this.#logged.filter((error) => !this.#allowed.some((pattern) => pattern.test(error)));
  }
}

export interface App {
  /**
   * Opens Fortnight (trading the token for its cookie), optionally at a `#/…` place, and waits
   * until the screen has loaded (a heading, and nothing busy: keys pressed earlier are lost).
   */
  open(hash?: string): Promise<void>;
  server: Server;
}

export const test = base.extend<
  { server: Server; app: App; api: Api; pageErrors: PageErrors; serverOutput: void },
  { servers: ServerPerFile }
>({
  servers: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const servers = new ServerPerFile();
      await use(servers);
      await servers.stop();
    },
    { scope: 'worker' },
  ],

  server: async ({ servers }, use, testInfo) => {
    await use(await servers.forFile(testInfo.file));
  },

  serverOutput: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, testInfo) => {
      startedDuringTest.length = 0;
      await use();
      if (testInfo.status === testInfo.expectedStatus) return;
      for (const [i, server] of startedDuringTest.entries()) {
        await testInfo.attach(`what Fortnight ${i + 1} printed (${server.url})`, {
          body: server.output().slice(-OUTPUT_SHOWN) || '(nothing)',
          contentType: 'text/plain',
        });
      }
    },
    { auto: true },
  ],

  pageErrors: [
    async ({ page }, use) => {
      const errors = new PageErrors();
      const onConsole = (message: ConsoleMessage) => {
        if (message.type() === 'error') errors.add(`console: ${message.text()} (${message.location().url})`);
      };
      const onPageError = (error: Error) => errors.add(`page error: ${error.message}`);
      page.on('console', onConsole);
      page.on('pageerror', onPageError);
      await use(errors);
      // The next test gets the same page (see playwright.config.ts).
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      expect(errors.unexpected(), 'the page logged errors (CSP violations show up here)').toEqual([]);
    },
    { auto: true },
  ],

  app: async ({ page, server }, use) => {
    await use({
      server,
      open: async (hash = '') => {
        await page.goto(server.url + hash);
        await expect(page.locator('h1').first()).toBeVisible();
        await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
      },
    });
  },

  api: async ({ server }, use) => {
    const { call, dispose } = await connectApi(server);
    await use(call);
    await dispose();
  },
});

/** The API of a browser-mode server (its token traded for the cookie), as the page calls it. */
export async function connectApi(server: Server): Promise<{ call: Api; dispose: () => Promise<void> }> {
  const context = await playwrightRequest.newContext({
    baseURL: server.origin,
    extraHTTPHeaders: { origin: server.origin },
  });
  await context.get(server.url, { maxRedirects: 0 });
  const call: Api = async (method, input) => {
    const response = await context.post(`/api/${method}`, { data: input });
    const result = (await response.json()) as Result<Output<typeof method>>;
    if (!result.ok) throw new Error(`${method} refused: ${result.error.message}`);
    return result.value as never;
  };
  return { call, dispose: () => context.dispose() };
}

export { expect };

/** The main heading of the current screen. */
export const heading = (page: Page) => page.locator('main h1');

/** The app's one live region, which announces moves, additions and what a page just did. */
export const announcement = (page: Page) => page.locator('[aria-live="polite"][aria-atomic="true"]');

/** A field the API refused: marked invalid, focused, and described by the message (with its hint). */
export async function expectRefused(field: Locator, description: RegExp): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();
  await expect(field).toHaveAccessibleDescription(description);
}
