/** `fortnight export update YYYY-MM [--slides] --out FILE`, run as users run it: a Node process on a real file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/api/core.ts';
import { fortnight, must, tempDir } from './helpers.ts';

describe('fortnight export update', { timeout: 120_000 }, () => {
  it('writes the month’s update as a blog post or a slide deck, and refuses a malformed month', async () => {
    const dir = tempDir();
    const db = join(dir, 'workspace.db');
    expect(fortnight('--db', db, 'example').code).toBe(0);
    const core = await openCore(db);
    let month: string;
    let post: string;
    let slides: string;
    try {
      month = must(core, 'updates.list', {})[0]!.month;
      post = must(core, 'updates.export', { month }).content;
      slides = must(core, 'updates.export', { month, slides: true }).content;
    } finally {
      core.close();
    }
    const out = join(dir, 'out', 'update.md');
    const written = fortnight('--db', db, 'export', 'update', month, '--out', out);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain(out);
    expect(readFileSync(out, 'utf8')).toBe(post);
    expect(post).toMatch(/^---\ntitle: "Monthly update: .*"\ndate: \d{4}-\d\d-\d\d\nauthors:\n {2}- "/);

    const deck = join(dir, 'deck.md');
    expect(fortnight('--db', db, 'export', 'update', month, '--slides', '--out', deck).code).toBe(0);
    expect(readFileSync(deck, 'utf8')).toBe(slides);
    expect(slides).toContain('\n---\n');

    const bad = fortnight('--db', db, 'export', 'update', '2026-13');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('export update takes a month as YYYY-MM, not 2026-13');
    const misplaced = fortnight('--db', db, 'export', 'sprint', '1', '--slides');
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain('--slides is for export update only');
  });
});
