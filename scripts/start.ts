/**
 * `npm start` and `npm run web`: builds the app when the sources changed, then opens it in the
 * Electron window, or in browser mode where Electron's runtime can't be had (no display, or
 * its binary can't be downloaded) or when `--web` asks for it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDatabaseFile } from '../src/main/paths.ts';
import { buildIsCurrent } from './build-check.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BUILT_MAIN = join(ROOT, 'out', 'main');
const INSTALL_TIMEOUT_MS = 90_000;

const USAGE = `Usage: npm start -- [options]    (npm run web = npm start -- --web)

Options:
  --web         open in the browser instead of the desktop window
  --db FILE     the workspace database (default: ${defaultDatabaseFile()})
  --port N      browser mode's port (default: a free one)
  --no-open     don't open the browser, only print the address
  --help        show this text`;

function parseOptions() {
  try {
    const { values } = parseArgs({
      options: {
        web: { type: 'boolean', default: false },
        db: { type: 'string' },
        port: { type: 'string', default: '0' },
        'no-open': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port ${values.port}: not a port`);
    // npm runs scripts from the package root; a relative --db means where the user typed it.
    const npmScript = ['start', 'web'].includes(process.env.npm_lifecycle_event ?? '');
    const db = values.db && resolve((npmScript && process.env.INIT_CWD) || '.', values.db);
    return { ...values, db, port };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
}

function buildIfStale(): void {
  if (buildIsCurrent(ROOT)) return;
  const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
    console.error(`Fortnight: the build failed (${build.error?.message ?? `exit code ${build.status}`}).`);
    process.exit(1);
  }
}

/** Electron's binary, downloading it when needed; or why it can't be had. */
function provisionElectron(): { binary: string } | { reason: string } {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'there is no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  }
  const electronDir = join(ROOT, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override) {
    const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: INSTALL_TIMEOUT_MS,
    });
    if (install.error || install.status !== 0) {
      const why =
        (install.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT'
          ? `no answer within ${INSTALL_TIMEOUT_MS / 1000} s`
          : downloadFailure(lastLine(install.stderr)) || `exit code ${install.status}`;
      return { reason: `the Electron runtime could not be downloaded (${why})` };
    }
  }
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = join(override || join(electronDir, 'dist'), executable);
  return existsSync(binary) ? { binary } : { reason: `the Electron runtime is missing (no ${binary})` };
}

const lastLine = (text: string | null): string =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1)
    ?.replace(/^\w*Error: /, '')
    .slice(0, 120) ?? '';

/** `fetch failed` is all @electron/get says when there is no network. */
const downloadFailure = (message: string): string =>
  message === 'fetch failed' ? 'its download server could not be reached' : message;

const fallBack = (reason: string) =>
  console.log(`Fortnight: ${reason}, so Fortnight opens in browser mode instead.`);

/** Runs the desktop app until it quits; false when it couldn't even start. */
function runElectron(binary: string, dbFile: string | undefined): Promise<boolean> {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const args = [join(ROOT, 'out', 'main', 'index.js'), ...(dbFile ? ['--', '--db', dbFile] : [])];
  const child = spawn(binary, args, { cwd: ROOT, env, stdio: 'inherit' });
  // Ctrl-C reaches the whole process group; a SIGTERM sent to this script is passed on.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return new Promise((done) => {
    let settled = false;
    const finish = (started: boolean) => {
      settled = true;
      process.off('SIGINT', forward).off('SIGTERM', forward);
      done(started);
    };
    child.once('error', (error) => {
      if (settled) return;
      fallBack(`the Electron runtime could not start (${error.message})`);
      finish(false);
    });
    child.once('exit', (code) => {
      if (settled) return;
      process.exitCode = code ?? 1;
      finish(true);
    });
  });
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.help) return console.log(USAGE);
  buildIfStale();

  if (!options.web) {
    const electron = provisionElectron();
    if ('binary' in electron) {
      if (await runElectron(electron.binary, options.db)) return;
    } else {
      fallBack(electron.reason);
    }
  }

  // From the build, like the desktop app: one bundled file per thread starts far sooner than
  // the sources (each of their modules resolved and its types stripped).
  const web = pathToFileURL(join(BUILT_MAIN, 'web.js')).href;
  const { serveBrowserMode } = (await import(web)) as typeof import('../src/main/web/serve.ts');
  await serveBrowserMode({
    dbFile: options.db ?? defaultDatabaseFile(),
    port: options.port,
    open: !options['no-open'],
    rendererDir: join(ROOT, 'out', 'renderer'),
    workerFile: join(BUILT_MAIN, 'core-worker.js'),
  });
}

main().catch((error: unknown) => {
  console.error(`Fortnight: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
