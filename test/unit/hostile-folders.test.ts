/**
 * Hostile roadmap folders: pages nested 100,000 deep, or with thousands of shallow blockquotes or
 * list items, are refused fast with their file and line, a page over 2 MB is refused from its size,
 * an 8,000-deep page doesn't crash the parser, a named pipe is never read (it would wait
 * forever), and a symlink out of the folder is skipped — by the CLI and by the walker the
 * desktop app uses.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/api/core.ts';
import { parseMarkdown } from '../../src/main/markdown/parse.ts';
import { readRoadmapFolder } from '../../src/main/markdown/roadmap-folder.ts';
import { fortnight, tempDir } from './helpers.ts';

const OVERVIEW = [
  '# Roadmap',
  '',
  '| Deliverable | State | Progress | Owner |',
  '| --- | --- | --- | --- |',
  '| 🔻 [Faster builds](./roadmap/faster_builds.md) | 🦀 | ▰▱▱▱▱▱ | |',
  '',
].join('\n');

const DEEP = 100_000;
const TOO_DEEP = 'nested more than 32 deep';
const TOO_MANY = 'More than 1000 blockquote and list markers';
/** Hostile pages: the page, the line of it the refusal names, and the refusal. */
const HOSTILE_PAGES: Record<string, { page: string; line: number; message: string }> = {
  blockquote: { page: '> '.repeat(DEEP) + 'deep\n', line: 1, message: TOO_DEEP },
  list: { page: '- '.repeat(DEEP) + 'deep\n', line: 1, message: TOO_DEEP },
  // Nested by indentation: 1,000 levels already make a 1 MB page; the 33rd level is refused.
  indented: {
    page: Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(2 * i)}- deep`).join('\n'),
    line: 33,
    message: TOO_DEEP,
  },
  brackets: { page: '['.repeat(DEEP) + 'deep' + ']'.repeat(DEEP) + '\n', line: 1, message: TOO_DEEP },
  // Shallow but many: 2,000 blockquotes ten deep (54 KB) took most of a minute to parse. Each
  // is a line and a blank line; the 101st passes 1,000 markers.
  'shallow blockquotes': {
    page: Array.from({ length: 2_000 }, (_, i) => `${'> '.repeat(10)}quote ${i}\n`).join('\n'),
    line: 201,
    message: TOO_MANY,
  },
  'list items': {
    page: Array.from({ length: 5_000 }, (_, i) => `- item ${i}\n`).join(''),
    line: 1_001,
    message: TOO_MANY,
  },
};

describe('hostile roadmap pages', () => {
  it.each(Object.entries(HOSTILE_PAGES))(
    'refuses a hostile page (%s, too costly to parse) with its file and line',
    async (_name, { page, line, message }) => {
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
          line: 4 + line,
          message: expect.stringContaining(message),
        });
        expect(preview.value.create.map((c) => c.title)).toEqual(['Faster builds']);
        // The overview itself nested too deep: the import is refused, naming it.
        const refused = core.call('roadmap.previewImport', {
          files: [{ path: 'roadmap.md', content: `${OVERVIEW}\n${page}` }],
        });
        expect(refused.ok).toBe(false);
        if (!refused.ok) expect(refused.error.message).toContain(`roadmap.md, line ${6 + line}:`);
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

  it('refuses a page larger than 2 MB from its size, before reading it', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'roadmap.md'), OVERVIEW);
    mkdirSync(join(folder, 'roadmap'));
    const huge = join(folder, 'roadmap', 'faster_builds.md');
    // 3 GB without its blocks on disk: reading it would fail on its own (no string that long).
    writeFileSync(huge, '');
    truncateSync(huge, 3 * 1024 ** 3);
    const refusal = `${huge} is 3221.2 MB, more than the 2 MB a roadmap page may be: it was not read`;
    await expect(readRoadmapFolder(folder, ['md'])).rejects.toThrow(refusal);
    await expect(readRoadmapFolder(huge, ['md'])).rejects.toThrow(refusal);
    const run = fortnight('--db', join(tempDir(), 'w.db'), 'import', 'roadmap', folder, '--dry-run');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(refusal);
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
