/**
 * The roadmap export: golden files of the example workspace (folder and single file; rewrite
 * them with UPDATE_GOLDEN=1), the structure the format promises, and stable file names.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Nodes, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/api/core.ts';
import { progressBar } from '../../src/shared/words.ts';
import { parseMarkdown, textOf } from '../../src/main/markdown/parse.ts';
import { slug, uniqueSlugs } from '../../src/main/markdown/slug.ts';
import { dump, must, seed, tempCore } from './helpers.ts';

const GOLDEN = join(import.meta.dirname, '..', 'golden', 'roadmap');
/** The example's clock, frozen so its sprints (and so the files) never change. */
const NOW = new Date('2026-03-10T12:00:00Z');

type Files = { path: string; content: string }[];

async function example(): Promise<Core> {
  const core = await tempCore();
  core.workspace.now = () => NOW;
  must(core, 'workspace.loadExample', {});
  return core;
}

function readTree(dir: string, base = dir): Files {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory()
        ? readTree(p, base)
        : [{ path: relative(base, p).split('\\').join('/'), content: readFileSync(p, 'utf8') }];
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

function golden(variant: 'folder' | 'single', files: Files): void {
  const dir = join(GOLDEN, variant);
  if (process.env.UPDATE_GOLDEN) {
    rmSync(dir, { recursive: true, force: true });
    for (const file of files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.content);
    }
  }
  const expected = readTree(dir);
  expect(files.map((f) => f.path)).toEqual(expected.map((f) => f.path));
  for (const [i, file] of files.entries()) {
    expect(`${file.path}:\n${file.content}`).toBe(`${file.path}:\n${expected[i]!.content}`);
  }
}

function all(node: Nodes, out: Nodes[] = []): Nodes[] {
  out.push(node);
  if ('children' in node) for (const child of node.children as Nodes[]) all(child, out);
  return out;
}

const tables = (content: string): Table[] =>
  all(parseMarkdown(content)).filter((n): n is Table => n.type === 'table');
const cells = (table: Table, row: number): string[] =>
  table.children[row]!.children.map((c) => textOf(c).replace(/^ +| +$/g, ''));

describe('roadmap export', () => {
  it('writes the example workspace as the golden folder', async () => {
    golden('folder', must(await example(), 'roadmap.export', { variant: 'folder' }).files);
  });

  it('writes the example workspace as the golden single file', async () => {
    golden('single', must(await example(), 'roadmap.export', { variant: 'single' }).files);
  });

  it('writes the format: legend, overview with goal and initiative rows, six-cell bars, profile links', async () => {
    const core = await tempCore();
    const { ada, goal, cache, remote } = seed(core);
    must(core, 'initiatives.update', { id: remote.id, link: 'https://example.com/remote' });
    must(core, 'milestones.create', {
      initiativeId: cache.id,
      title: 'Design',
      state: 'done',
      participantIds: [ada.id],
    });
    must(core, 'milestones.create', { initiativeId: cache.id, title: 'Ship' });
    const nameless = must(core, 'people.create', { name: 'Cy | Team' });
    must(core, 'goals.update', {
      id: goal.id,
      ownerIds: [ada.id, nameless.id],
      impact: '- faster\n\n# Big heading',
    });

    const files = must(core, 'roadmap.export', { variant: 'folder' }).files;
    expect(files.map((f) => f.path)).toEqual([
      'roadmap.md',
      'roadmap/faster_builds.md',
      'roadmap/faster_builds/incremental_cache.md',
      'roadmap/faster_builds/remote_execution.md',
    ]);
    for (const file of files)
      expect(file.content.endsWith('\n') && !file.content.endsWith('\n\n')).toBe(true);
    const root = files[0]!.content;
    expect(root.startsWith('# Roadmap\n')).toBe(true);
    const [legend, overview] = tables(root);
    expect(cells(legend!, 0)).toEqual(['State', 'Meaning']);
    expect(legend!.children.slice(1).map((r) => textOf(r.children[0]!))).toEqual(['✅', '🦀', '✋', '💤']);
    expect(cells(overview!, 0)).toEqual(['Deliverable', 'State', 'Progress', '[Owner]']);
    expect(cells(overview!, 1)).toEqual(['🔻 Faster builds', '🦀', '▰▰▱▱▱▱', 'ada, Cy | Team']);
    expect(cells(overview!, 2)).toEqual(['\u00a0\u00a0↳ Incremental cache', '🦀', '▰▰▰▱▱▱', 'ada']);
    expect(cells(overview!, 3)).toEqual(['\u00a0\u00a0↳ Remote execution', '✋', '▱▱▱▱▱▱', '']);
    // Goals link their page, an initiative with a link links there; owners link their profile.
    expect(root).toContain('[Faster builds]: ./roadmap/faster_builds.md');
    expect(root).toContain('[Remote execution]: https://example.com/remote');
    expect(root).toContain('[Incremental cache]: ./roadmap/faster_builds/incremental_cache.md');
    expect(root).toContain('[ada]: https://github.com/ada');
    expect(root).toContain('| [ada], *Cy \\| Team* |');

    const goalPage = files[1]!.content;
    expect(goalPage).toContain('# Faster builds\n\n- **State:** 🦀 in progress\n- **Progress:** ▰▰▱▱▱▱');
    expect(goalPage).toContain('- **Owners:** [Ada](https://github.com/ada), *Cy \\| Team*');
    // The user's heading is demoted below the page's sections.
    expect(goalPage).toContain('## Impact\n\n- faster\n\n### Big heading\n');
    expect(cells(tables(goalPage)[0]!, 0)).toEqual(['Initiative', 'State', 'Progress', 'Owner']);

    const initiativePage = files[2]!.content;
    expect(initiativePage).toContain('- **Goal:** [Faster builds](../faster_builds.md)');
    const milestones = tables(initiativePage)[0]!;
    expect(cells(milestones, 0)).toEqual(['Milestone', 'Status', 'Key participants']);
    expect(cells(milestones, 1)).toEqual(['Design', '✅', 'Ada']);
    expect(cells(milestones, 2)).toEqual(['Ship', '✋', '']);
  });

  it('draws progress as six cells, round(progress × 6 / 100) filled', () => {
    expect([0, 8, 9, 25, 50, 74, 75, 92, 100].map(progressBar)).toEqual([
      '▱▱▱▱▱▱',
      '▱▱▱▱▱▱',
      '▰▱▱▱▱▱',
      '▰▰▱▱▱▱',
      '▰▰▰▱▱▱',
      '▰▰▰▰▱▱',
      '▰▰▰▰▰▱',
      '▰▰▰▰▰▰',
      '▰▰▰▰▰▰',
    ]);
  });

  it('names files by stable slugs, de-duplicated by order', () => {
    expect(slug('Async fn: everywhere!', 'goal')).toBe('async_fn_everywhere');
    expect(slug('Écoles & Crème brûlée', 'goal')).toBe('ecoles_creme_brulee');
    expect(slug('🦀🦀', 'goal')).toBe('goal');
    expect(slug('CON', 'goal')).toBe('con_goal');
    expect(slug('x'.repeat(100), 'goal')).toHaveLength(60);
    expect(uniqueSlugs(['A b', 'a-b', 'A B 2', 'a b'], 'goal')).toEqual(['a_b', 'a_b_2', 'a_b_2_2', 'a_b_3']);
  });

  it('gives the same files for the same workspace, and a small diff for a small change', async () => {
    const core = await example();
    const before = must(core, 'roadmap.export', { variant: 'folder' }).files;
    expect(must(core, 'roadmap.export', { variant: 'folder' }).files).toEqual(before);
    const goal = must(core, 'goals.list', {})[1]!;
    must(core, 'goals.update', { id: goal.id, state: 'paused' });
    const after = must(core, 'roadmap.export', { variant: 'folder' }).files;
    expect(after.map((f) => f.path)).toEqual(before.map((f) => f.path));
    const changed = after.filter((f, i) => f.content !== before[i]!.content).map((f) => f.path);
    expect(changed).toEqual(['roadmap.md', `roadmap/flexible_async_iteration.md`]);
    const lines = (files: Files, path: string) => files.find((f) => f.path === path)!.content.split('\n');
    const diff = lines(after, 'roadmap.md').filter((l, i) => l !== lines(before, 'roadmap.md')[i]);
    expect(diff).toEqual(['| 🔻 [Flexible async iteration] | 💤 | ▰▰▰▱▱▱ | [praghu] |']);
  });

  it('is a read: exporting changes nothing', async () => {
    const core = await example();
    const before = dump(core.workspace.db);
    must(core, 'roadmap.export', { variant: 'folder' });
    must(core, 'roadmap.export', { variant: 'single' });
    expect(dump(core.workspace.db)).toBe(before);
  });
});
