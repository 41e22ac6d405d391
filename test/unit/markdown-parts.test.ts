/**
 * The Markdown preview renders a long document a part at a time: the parts, rendered each on
 * its own and put together, are the document rendered whole — for the golden sprint summaries
 * and roadmaps, and for what could reach across a cut (code fences, reference links).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { markdownParts } from '../../src/renderer/src/screens/meeting/wrap-up/markdown-parts.ts';

const html = (markdown: string) => micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
const byParts = (markdown: string) => markdownParts(markdown).map(html).join('\n');
const normal = (s: string) => s.replace(/\n+/g, '\n').trim();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.md') ? [path] : [];
  });
}

describe('markdownParts', () => {
  const golden = files(join(import.meta.dirname, '..', 'golden'));

  it.each(golden.map((path) => [path.split('/golden/')[1]!, path]))(
    '%s renders the same in parts',
    (_, path) => {
      const markdown = readFileSync(path, 'utf8');
      expect(normal(byParts(markdown))).toBe(normal(html(markdown)));
    },
  );

  it('cuts a sprint summary before its sections', () => {
    const summary = readFileSync(
      golden.find((p) => p.includes('sprint-summary'))!,
      'utf8',
    );
    const parts = markdownParts(summary);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.slice(1).every((p) => /^##? /.test(p))).toBe(true);
    expect(parts.join('\n')).toBe(summary);
  });

  it('never cuts inside a code fence, after a paragraph line, or with reference links', () => {
    const fenced = '# A\n\n```md\n\n## not a heading\n```\n\n## B\n\ntext';
    expect(markdownParts(fenced)).toEqual(['# A\n\n```md\n\n## not a heading\n```\n', '## B\n\ntext']);
    expect(markdownParts('# A\ntext\n## B')).toEqual(['# A\ntext\n## B']);
    const references = '# A\n\nSee [the guide][g].\n\n## B\n\n[g]: https://example.com';
    expect(markdownParts(references)).toEqual([references]);
    expect(normal(byParts(references))).toBe(normal(html(references)));
  });
});
