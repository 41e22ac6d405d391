/**
 * The command line's sync, run as users run it: `sync --folder`, `export changes`, `import
 * changes` in child processes on real files — their one summary line and exit codes, two
 * processes syncing one folder at once, and kill -9 during a sync followed by a rerun.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/api/core.ts';
import { must, tempDir } from './helpers.ts';
import { contentOf, fortnight, fortnightAsync, someWork, SUMMARY_LINE } from './sync-transport-helpers.ts';

async function edit(file: string, work: (core: Awaited<ReturnType<typeof openCore>>) => void) {
  const core = await openCore(file);
  try {
    work(core);
  } finally {
    core.close();
  }
}

describe('fortnight sync, export changes, import changes', { timeout: 300_000 }, () => {
  it('each prints one summary line, and exits 0 — or 1, or 2 for a wrong command line', async () => {
    const dir = tempDir();
    const folder = join(dir, 'shared');
    mkdirSync(folder);
    const a = join(dir, 'a.db');
    await edit(a, (core) => someWork(core, 'a'));

    const sent = fortnight(['--db', a, 'sync', '--folder', folder]);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout.trim()).toMatch(/^Sent \d+ changes; received 0 changes; 0 conflicts recorded\.$/);

    const b = join(dir, 'b.db');
    const joined = fortnight(['--db', b, 'sync', '--folder', folder]);
    expect(joined.code, joined.stderr).toBe(0);
    expect(joined.stdout.split('\n')[0]).toMatch(
      /^Sent 0 changes; received \d+ changes from 1 installation; 0 conflicts recorded\.$/,
    );
    expect(joined.stdout).toMatch(/^This workspace joined workspace [0-9a-f-]{36}\.$/m);

    const file = join(dir, 'week.fortnight-changes');
    const exported = fortnight(['--db', a, 'export', 'changes', '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^Sent \d+ changes to .*week\.fortnight-changes \(\d+ KB\)\.\n$/);
    const c = join(dir, 'c.db');
    const imported = fortnight(['--db', c, 'import', 'changes', file]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(SUMMARY_LINE);
    expect(contentOf(c)).toEqual(contentOf(a));

    // Refused: another workspace's folder (1); wrong command lines (2), touching nothing.
    const other = join(dir, 'other.db');
    await edit(other, (core) => someWork(core, 'other'));
    const refused = fortnight(['--db', other, 'sync', '--folder', folder]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^fortnight: This workspace \([0-9a-f-]{36}\) is not the one in /);
    for (const args of [
      ['sync'],
      ['sync', '--folder', folder, '--git', '/x.git'],
      ['export', 'changes'],
      ['export', 'changes', '--out', join(dir, 'x.txt')],
      ['init', '--folder', folder],
      ['export', 'roadmap', '--since', '2026-01-01'],
    ]) {
      const run = fortnight(['--db', join(dir, 'never.db'), ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain('Usage: fortnight');
    }
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
    const missing = fortnight(['--db', c, 'import', 'changes', join(dir, 'missing.fortnight-changes')]);
    expect(missing.code).toBe(1);
  });

  it('two processes syncing one folder at the same time both get through, then converge', async () => {
    const dir = tempDir();
    const folder = join(dir, 'shared');
    mkdirSync(folder);
    const a = join(dir, 'a.db');
    const b = join(dir, 'b.db');
    await edit(a, (core) => someWork(core, 'a'));
    expect(fortnight(['--db', a, 'sync', '--folder', folder]).code).toBe(0);
    expect(fortnight(['--db', b, 'sync', '--folder', folder]).code).toBe(0);
    await edit(a, (core) => {
      for (let i = 0; i < 50; i++) someWork(core, `a${i}`);
    });
    await edit(b, (core) => {
      for (let i = 0; i < 50; i++) someWork(core, `b${i}`);
    });

    const both = await Promise.all([
      fortnightAsync(['--db', a, 'sync', '--folder', folder]).done,
      fortnightAsync(['--db', b, 'sync', '--folder', folder]).done,
    ]);
    for (const run of both) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(SUMMARY_LINE);
    }
    for (const file of [a, b]) expect(fortnight(['--db', file, 'sync', '--folder', folder]).code).toBe(0);
    expect(contentOf(a)).toEqual(contentOf(b));
    expect(contentOf(a).goals).toHaveLength(101);
  });

  it('kill -9 at any moment of a sync loses nothing: a rerun completes it', async () => {
    const dir = tempDir();
    const folder = join(dir, 'shared');
    mkdirSync(folder);
    const a = join(dir, 'a.db');
    // Enough changes for several segments, so that a kill can land between two of them.
    await edit(a, (core) => {
      for (let i = 0; i < 2500; i++) must(core, 'people.create', { name: `Person ${i}`, timeZone: 'UTC' });
      someWork(core, 'a');
    });
    expect(fortnight(['--db', a, 'sync', '--folder', folder]).code).toBe(0);
    const expected = contentOf(a);

    // A whole catch-up first, to know how long one takes here.
    const b = join(dir, 'b.db');
    const t0 = performance.now();
    expect(fortnight(['--db', b, 'sync', '--folder', folder]).code).toBe(0);
    const whole = performance.now() - t0;
    expect(contentOf(b)).toEqual(expected);

    let killed = 0;
    for (const fraction of [0.4, 0.65, 0.9]) {
      const c = join(dir, `c-${fraction}.db`);
      const run = fortnightAsync(['--db', c, 'sync', '--folder', folder]);
      const timer = setTimeout(run.kill, whole * fraction);
      const ended = await run.done;
      clearTimeout(timer);
      if (ended.signal === 'SIGKILL') killed++;
      const rerun = fortnight(['--db', c, 'sync', '--folder', folder]);
      expect(rerun.code, `${fraction}: ${rerun.stderr}`).toBe(0);
      expect(contentOf(c), `killed at ${fraction} of a sync`).toEqual(expected);
      expect(fortnight(['--db', c, 'check']).stdout.trim()).toBe('ok');
      rmSync(c, { force: true });
    }
    console.log(
      `kill -9 during a sync: ${killed} of 3 runs killed midway (a whole sync took ${Math.round(whole)} ms)`,
    );
    expect(killed).toBeGreaterThan(0);
  });
});
