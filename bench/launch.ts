/**
 * Launch: `npm run web` and `npm start` (falling back to browser mode: no display here), with
 * nothing to rebuild, timed from the command until it prints its address — what a user waits
 * for before the page can open.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { buildIsCurrent } from '../scripts/build-check.ts';
import { TARGETS, row, skipped, type Budget, type Row } from './measure.ts';

const ROOT = resolve(import.meta.dirname, '..');

export const LAUNCH_ROWS = [
  'npm run web: address printed',
  'npm start (browser mode fallback): address printed',
];

/** One launch: ms until the address line, then the whole process group is stopped. */
function launchOnce(args: string[], dbFile: string): Promise<number> {
  const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' };
  const t0 = performance.now();
  const child = spawn('npm', [...args, '--', '--no-open', '--port', '0', '--db', dbFile], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((done, fail) => {
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      stop();
      fail(new Error(`no address within 30 s:\n${output}`));
    }, 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!/running in browser mode at /.test(output)) return;
      const t = performance.now() - t0;
      clearTimeout(timer);
      child.once('exit', () => done(t));
      stop();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', fail);
  });
}

export async function measureLaunch(dbFile: string, budget: Budget): Promise<Row[]> {
  if (!buildIsCurrent(ROOT)) {
    return LAUNCH_ROWS.map((name) =>
      skipped('Launch', name, 'the build is not current: run npm run build', TARGETS.launch),
    );
  }
  const rows: Row[] = [];
  for (const [name, args] of [
    [LAUNCH_ROWS[0]!, ['run', 'web']],
    [LAUNCH_ROWS[1]!, ['start']],
  ] as const) {
    try {
      const samples: number[] = [];
      for (let i = 0; i < budget.warmup + budget.iterations; i++) {
        const t = await launchOnce([...args], dbFile);
        if (i >= budget.warmup) samples.push(t);
      }
      rows.push(
        row('Launch', name, samples, TARGETS.launch, { note: `${args.join(' ')}, nothing to rebuild` }),
      );
    } catch (error) {
      rows.push(
        skipped('Launch', name, `failed: ${(error as Error).message.split('\n')[0]}`, TARGETS.launch),
      );
    }
  }
  return rows;
}
