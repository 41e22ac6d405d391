/** Users' Markdown inside an exported page: kept as written, unable to break the page's sections. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeBlock } from '../../src/main/markdown/blocks.ts';
import { parseMarkdown } from '../../src/main/markdown/parse.ts';

/** The block between two of our section headings, as the importer splits the page. */
function page(block: string): string {
  return `# Title\n\n## Impact\n\n${safeBlock(block, 3)}\n\n## Milestones\n\nEnd.\n`;
}

/** The top-level headings of depth ≤ 2: the page's own structure. */
const structure = (markdown: string) =>
  parseMarkdown(markdown)
    .children.filter((n) => n.type === 'heading' && n.depth <= 2)
    .map((n) => (n.type === 'heading' ? `${n.depth}:${n.position!.start.line}` : ''));

describe('users’ Markdown in a section', () => {
  it('keeps ordinary Markdown as written', () => {
    const text =
      '- one\n- two with `code` and [a link](https://example.com)\n\n> quoted\n\n| a | b |\n| - | - |\n| 1 | 2 |';
    expect(safeBlock(text, 3)).toBe(text);
  });

  it('demotes headings that would read as the page’s sections', () => {
    expect(safeBlock('# Top\ntext\n## Impact\n### Fine', 3)).toBe('### Top\ntext\n### Impact\n### Fine');
    expect(safeBlock('Setext one\n===\n\nSetext *two*\n---', 3)).toBe('### Setext one\n\n### Setext *two*');
    expect(safeBlock('Ends with a hash #\n---', 3)).toBe('### Ends with a hash \\#');
    // Headings inside a list or a quote are not the page's: left alone.
    expect(safeBlock('- # in a list\n\n> # in a quote', 3)).toBe('- # in a list\n\n> # in a quote');
  });

  it('closes what would swallow the rest of the page', () => {
    expect(safeBlock('```js\nconst x = 1;', 3)).toBe('```js\nconst x = 1;\n```');
    expect(safeBlock('~~~~\ncode\n~~~', 3)).toBe('~~~~\ncode\n~~~\n~~~~');
    // Raw HTML, closed or not, is dropped and its text kept (see the publishing tests).
    expect(safeBlock('text\n\n<!-- a comment that never ends', 3)).toBe('text');
    expect(safeBlock('<script>\nalert(1)', 3)).toBe('alert(1)');
    expect(safeBlock('<pre>\nfine\n</pre>', 3)).toBe('fine');
  });

  it('tidies line endings and blank edges, and is stable', () => {
    expect(safeBlock('\r\n\r\n  - a\r\n  - b  \r\n\r\n', 3)).toBe('  - a\n  - b');
    expect(safeBlock('   \n\t\n', 3)).toBe('');
  });

  it('never breaks the page, and reads back as itself (property)', () => {
    const line = fc.oneof(
      fc.constantFrom(
        '# h1',
        '## Impact',
        '###### h6',
        'text',
        '===',
        '---',
        '```',
        '~~~',
        '````md',
        '<!--',
        '-->',
        '<script>',
        '</script>',
        '<pre>',
        '<?php',
        '<![CDATA[',
        '<!DOCTYPE',
        '<div>',
        '- item',
        '> quote',
        '    code',
        '',
        '| a |',
        '[x]: https://x.example',
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const block = lines.join('\n');
        const markdown = page(block);
        const milestones = markdown.split('\n').lastIndexOf('## Milestones') + 1;
        expect(structure(markdown)).toEqual(['1:1', '2:3', `2:${milestones}`]);
        const once = safeBlock(block, 3);
        expect(safeBlock(once, 3)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });
});
