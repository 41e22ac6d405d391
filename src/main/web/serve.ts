/** Browser mode: the workspace's core behind the local host, opened in the default browser. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openCoreOrRecovery } from '../api/recovery.ts';
import { scheduleFromEnv, withSyncScheduler } from '../sync/scheduler.ts';
import { startHost } from './host.ts';

export interface BrowserModeOptions {
  dbFile: string;
  /** 0 or absent picks a free port. */
  port?: number;
  /** Open the default browser (only where there is a graphical session). */
  open: boolean;
  /** The built renderer: `out/renderer`. */
  rendererDir: string;
  /** The core's worker script: the built one beside this file once bundled (see `startCore`). */
  workerFile?: string | URL;
}

export interface BrowserMode {
  url: string;
  /** Closes the host, then the database. */
  close(): Promise<void>;
}

export function hasGraphicalSession(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export async function serveBrowserMode({
  dbFile,
  port,
  open,
  rendererDir,
  workerFile,
}: BrowserModeOptions): Promise<BrowserMode> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer has not been built (${rendererDir} has no index.html): run npm run build.`);
  }
  // Syncs by itself once a place is set; closing makes a last sync (the schedule: `scheduler.ts`).
  const core = withSyncScheduler(await openCoreOrRecovery(dbFile, workerFile), scheduleFromEnv());
  const host = await startHost({ core, rendererDir, port: port ?? 0 }).catch(async (error: unknown) => {
    await core.close();
    throw error;
  });

  let closing: Promise<void> | undefined;
  const close = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    closing ??= host.close().finally(() => core.close());
    return closing;
  };
  const onSignal = () => void close().finally(() => process.exit(0));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  await core.start();
  console.log(`Fortnight is running in browser mode at ${host.url}`);
  if (open && hasGraphicalSession()) openBrowser(host.url);
  return { url: host.url, close };
}

/** Hands the address to the desktop's default browser; if that fails, the printed line remains. */
function openBrowser(url: string): void {
  const windows = process.platform === 'win32';
  // `start` is a cmd built-in, and its first quoted argument is a window title.
  const command = windows
    ? (process.env.ComSpec ?? 'cmd.exe')
    : process.platform === 'darwin'
      ? 'open'
      : 'xdg-open';
  const args = windows ? ['/d', '/s', '/c', `start "" "${url}"`] : [url];
  try {
    const child = spawn(command, args, {
      detached: true,
      stdio: 'ignore',
      windowsVerbatimArguments: windows,
    });
    child.on('error', () => {});
    child.unref();
  } catch {
    // Ignored: the address is on the terminal.
  }
}
