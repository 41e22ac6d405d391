/**
 * Hostile roadmap folders: pages nested 100,000 deep are refused fast with their file and line,
 * an 8,000-deep page doesn't crash the parser, a named pipe is never read (it would wait
 * forever), and a symlink out of the folder is skipped — by the CLI and by the walker the
 * desktop app uses.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/api/core.ts';
import { parseMarkdown } from '../../src/main/markdown/parse.ts';
import { readRoadmapFolder } from '../../src/main/markdown/roadmap-folder.ts';
import { tempDir } from './helpers.ts';

const CLI = resolve(import.meta.dirname, '../../src/cli/fortnight.ts');
const fortnight = (...args: string[]) => {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

const OVERVIEW = [
  '# Roadmap',
  '',
  '| Deliverable | State | Progress | Owner |',
  '| --- | --- | --- | --- |',
  '| 🔻 [Faster builds](./roadmap/faster_builds.md) | 🦀 | ▰▱▱▱▱▱ | |',
  '',
].join('\n');

const DEEP = 100_000;
const HOSTILE_PAGES = {
  blockquote: '> '.repeat(DEEP) + 'deep\n',
  list: '- '.repeat(DEEP) + 'deep\n',
  // Nested by indentation: 1,000 levels already make a 1 MB page.
  indented: Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(2 * i)}- deep`).join('\n'),
  brackets: '['.repeat(DEEP) + 'deep' + ']'.repeat(DEEP) + '\n',
};

describe('hostile roadmap pages', () => {
  it.each(Object.entries(HOSTILE_PAGES))(
    'refuses a hostile page (%s, nested far too deep) with its file and line',
    async (name, page) => {
      // The first line too deep: the page's fifth, or the 33rd level of indentation.
      const first = name === 'indented' ? 32 : 0;
      const core = await openCore(':memory:');
      try {
        const files = [
          { path: 'roadmap.md', content: OVERVIEW },
          { path: 'roadmap/faster_builds.md', content: `# Faster builds\n\n## Impact\n\n${page}` },
        ];
        const preview = core.call('roadmap.previewImport', { files });
        expect(preview.ok).toBe(true);
        if (!preview.ok) return;
        expect(preview.value.problems).toContainEqual({
          file: 'roadmap/faster_builds.md',
          line: 5 + first,
          message: expect.stringContaining('nested more than 32 deep'),
        });
        expect(preview.value.create.map((c) => c.title)).toEqual(['Faster builds']);
        // The overview itself nested too deep: the import is refused, naming it.
        const refused = core.call('roadmap.previewImport', {
          files: [{ path: 'roadmap.md', content: `${OVERVIEW}\n${page}` }],
        });
        expect(refused.ok).toBe(false);
        if (!refused.ok) expect(refused.error.message).toContain(`roadmap.md, line ${7 + first}:`);
      } finally {
        core.close();
      }
    },
  );

  it('parses an 8,000-deep blockquote without overflowing the stack', () => {
    const tree = parseMarkdown('> '.repeat(8_000) + 'www.example.com\n');
    expect(tree.children[0]?.type).toBe('blockquote');
  });
});

describe('hostile roadmap folders', { timeout: 60_000 }, () => {
  it('skips a symlink out of the folder, in the desktop walker and in the CLI', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.md'), '# Secret\n');
    const folder = tempDir();
    mkdirSync(join(folder, 'roadmap'));
    writeFileSync(join(folder, 'roadmap.md'), OVERVIEW);
    symlinkSync(join(outside, 'secret.md'), join(folder, 'roadmap', 'faster_builds.md'));
    symlinkSync(outside, join(folder, 'elsewhere'));
    const files = await readRoadmapFolder(folder, ['md']);
    expect(files.map((f) => f.path)).toEqual(['roadmap.md']);
    const run = fortnight('--db', join(tempDir(), 'w.db'), 'import', 'roadmap', folder, '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Read 1 file from');
  });

  it('refuses a named pipe given as PATH, and skips one in a folder, without waiting on it', async (context) => {
    const folder = tempDir();
    const pipe = join(folder, 'roadmap.md');
    const made = spawnSync('mkfifo', [pipe]);
    if (made.error || made.status !== 0) {
      console.log(`skipped: mkfifo is not available here (${made.error?.message ?? made.stderr})`);
      context.skip();
    }
    await expect(readRoadmapFolder(pipe, ['md'])).rejects.toThrow(/neither a regular file nor a folder/);
    const run = fortnight('--db', join(tempDir(), 'w.db'), 'import', 'roadmap', pipe, '--dry-run');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('neither a regular file nor a folder');
    writeFileSync(join(folder, 'other.md'), OVERVIEW);
    expect((await readRoadmapFolder(folder, ['md'])).map((f) => f.path)).toEqual(['other.md']);
  });
});
