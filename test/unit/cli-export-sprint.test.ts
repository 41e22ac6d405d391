/** `fortnight export sprint N [--out FILE]`, run as users run it: a Node process on a real file. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/api/core.ts';
import { fortnight, must, tempDir } from './helpers.ts';

describe('fortnight export sprint', { timeout: 120_000 }, () => {
  it('prints the summary of sprint N, writes it to --out FILE, and refuses an unknown sprint', async () => {
    const dir = tempDir();
    const db = join(dir, 'workspace.db');
    expect(fortnight('--db', db, 'example').code).toBe(0);
    const core = await openCore(db);
    let expected: string;
    try {
      const six = must(core, 'sprints.list', {}).find((s) => s.number === 6)!;
      expected = must(core, 'sprints.summary', { sprintId: six.id }).markdown;
    } finally {
      core.close();
    }

    const printed = fortnight('--db', db, 'export', 'sprint', '6');
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(expected);
    expect(printed.stdout.startsWith('# Sprint 6 summary\n')).toBe(true);

    const out = join(dir, 'sprint-6.md');
    const written = fortnight('--db', db, 'export', 'sprint', '6', '--out', out);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(out);
    expect(readFileSync(out, 'utf8')).toBe(expected);

    const none = join(dir, 'none.md');
    const unknown = fortnight('--db', db, 'export', 'sprint', '99', '--out', none);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is no sprint 99');
    expect(existsSync(none)).toBe(false);
  });

  it('creates the folder of every --out that is missing: sprint, roadmap (folder and file), ics', () => {
    const dir = tempDir();
    const db = join(dir, 'workspace.db');
    expect(fortnight('--db', db, 'example').code).toBe(0);
    const targets = [
      ['sprint', '6', join(dir, 'a', 'b', 'sprint-6.md')],
      ['roadmap', join(dir, 'c', 'd', 'book')],
      ['roadmap', join(dir, 'e', 'f', 'roadmap.md')],
      ['ics', join(dir, 'g', 'h', 'meetings.ics')],
    ];
    for (const target of targets) {
      const out = target.at(-1)!;
      const run = fortnight('--db', db, 'export', ...target.slice(0, -1), '--out', out);
      expect(run.stderr, out).toBe('');
      expect(run.code, out).toBe(0);
      expect(existsSync(out), out).toBe(true);
    }
    expect(existsSync(join(dir, 'c', 'd', 'book', 'roadmap.md'))).toBe(true);
  });

  it('refuses a missing database, and wrong arguments with the usage (exit 2) before opening anything', () => {
    const dir = tempDir();
    const db = join(dir, 'workspace.db');
    const missing = fortnight('--db', db, 'export', 'sprint', '1');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('there is no database');
    for (const args of [
      ['export'],
      ['export', 'sprint'],
      ['export', 'roadmap', '1'],
      ['export', 'sprint', 'six'],
      ['init', '--out', 'x.md'],
    ]) {
      const result = fortnight('--db', db, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain('Usage: fortnight');
    }
    expect(existsSync(db)).toBe(false);
    expect(fortnight('help').stdout).toContain('  export sprint N');
  });
});
