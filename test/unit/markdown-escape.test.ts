import fc from 'fast-check';
import type { Nodes, Root, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { inline, link, oneLine, title, url } from '../../src/main/markdown/escape.ts';
import { parseMarkdown, textOf } from '../../src/main/markdown/parse.ts';

const HOSTILE = [
  'a | b',
  '|',
  '||||',
  'line one\nline two\r\nline three\rend',
  'tab\tseparated\t\tvalues',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<!-- comment',
  '&amp; &lt; &#65; &#x41; &copy',
  'AT&T',
  '`code` and ``double``',
  '[x](javascript:alert(1))',
  '[x]: javascript:alert(1)',
  '![img](https://example.com/x.png)',
  '<https://example.com>',
  'see https://evil.example and www.evil.example and mail a@b.example',
  'mailto:a@b.example xmpp:a@b.example',
  '# heading',
  '## heading ##',
  'ends with #',
  '- item',
  '+ item',
  '* item',
  '1. one',
  '1) one',
  '2024. a year',
  '---',
  '***',
  '___',
  '===',
  '> quote',
  '    indented code',
  '```fence',
  '~~~fence',
  '**bold** __bold__ *em* _em_ ~~strike~~ ~strike~',
  'snake_case_name and 2*3*4',
  'trailing backslash \\',
  '\\',
  '\\\\',
  '[^footnote]',
  '[ ] task',
  '[x] done',
  'emoji 🦀✅✋💤 and ZWJ 👩‍👩‍👧 and flags 🇩🇪',
  'nbsp\u00a0inside and at end\u00a0',
  '\u00a0leading nbsp',
  'C# & F# | R',
  ':crab: shortcode',
  'a\u0000b',
  'x'.repeat(5000),
  'spaces   inside   kept',
  '  surrounding spaces  ',
  '\n\nonly breaks\n\n',
  '',
];

/** A two-column table whose first column holds `text`. */
const table = (text: string) => `| A | B |\n| --- | --- |\n| ${inline(text)} | end |\n`;

function all(node: Nodes, out: Nodes[] = []): Nodes[] {
  out.push(node);
  if ('children' in node) for (const child of node.children as Nodes[]) all(child, out);
  return out;
}

/** No raw HTML, no link: not even GFM's autolink literals, which remark finds in decoded text. */
function expectNoMarkup(tree: Root): void {
  for (const node of all(tree)) {
    expect(node.type).not.toBe('html');
    expect(node.type).not.toBe('image');
    expect(node.type).not.toBe('linkReference');
    expect(node.type).not.toBe('definition');
    expect(node.type).not.toBe('inlineCode');
    expect(['emphasis', 'strong', 'delete', 'footnoteReference']).not.toContain(node.type);
    expect(node.type).not.toBe('link');
  }
}

function checkInline(text: string): void {
  const expected = oneLine(text);
  // As a paragraph (the start of a line).
  const paragraph = parseMarkdown(`${inline(text)}\n`);
  expectNoMarkup(paragraph);
  if (expected === '') {
    expect(paragraph.children).toHaveLength(0);
  } else {
    expect(paragraph.children).toHaveLength(1);
    expect(paragraph.children[0]!.type).toBe('paragraph');
    expect(textOf(paragraph)).toBe(expected);
  }
  // In a table cell.
  const tree = parseMarkdown(table(text));
  expectNoMarkup(tree);
  expect(tree.children).toHaveLength(1);
  const t = tree.children[0] as Table;
  expect(t.type).toBe('table');
  expect(t.children).toHaveLength(2);
  for (const row of t.children) expect(row.children).toHaveLength(2);
  expect(textOf(t.children[1]!.children[0]!)).toBe(expected);
  expect(textOf(t.children[1]!.children[1]!)).toBe('end');
  // In a heading and in a list item: still one block of plain text.
  const heading = parseMarkdown(`## ${inline(text)}\n`);
  expectNoMarkup(heading);
  expect(heading.children).toHaveLength(1);
  expect(textOf(heading)).toBe(expected);
  const item = parseMarkdown(`- ${inline(text)}\n`);
  expectNoMarkup(item);
  expect(textOf(item)).toBe(expected);
  expect(all(item).filter((n) => n.type === 'listItem')).toHaveLength(1);
}

describe('inline text, in a paragraph or a table cell', () => {
  it.each(HOSTILE.map((h) => [JSON.stringify(h).slice(0, 60), h]))(
    'reads back as the same text: %s',
    (_name, text) => checkInline(text),
  );

  it('collapses line breaks and tabs to one space and trims', () => {
    expect(oneLine('a\n\n  b\tc  ')).toBe('a b c');
    expect(inline('a\nb')).toBe('a b');
  });

  it('holds for any string (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({
          maxLength: 40,
          unit: fc.constantFrom(...'|\\`*_[]<>#~!&-+=.)1 \n\t:/@wh<>()'.split('')),
        }),
        (a, b) => {
          checkInline(a);
          checkInline(b);
          checkInline(b + a);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps a table of many hostile cells at its column count', () => {
    const header = `| ${HOSTILE.map((_, i) => `c${i}`).join(' | ')} |`;
    const rule = `| ${HOSTILE.map(() => '---').join(' | ')} |`;
    const row = `| ${HOSTILE.map(inline).join(' | ')} |`;
    const tree = parseMarkdown(`${header}\n${rule}\n${row}\n`);
    const t = tree.children[0] as Table;
    expect(tree.children).toHaveLength(1);
    expect(t.children[1]!.children.map((c) => textOf(c))).toEqual(HOSTILE.map(oneLine));
  });
});

describe('url and link', () => {
  it('refuses anything but http(s)', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>',
      'vbscript:x',
      'file:///etc/passwd',
      '//example.com',
      './relative.md',
      'https://exa mple.com',
      'https://example.com/\u0000',
      '',
    ]) {
      expect(url(bad)).toBeNull();
      expect(link('text', bad)).toBe('text');
    }
  });

  it('keeps awkward URLs intact inside a table', () => {
    const hrefs = [
      'https://example.com/a_(b)|c&copy;d`f`[g]*h*',
      'http://example.com/path?x=1&y=2#frag',
      'https://example.com/\\back',
      'HTTPS://EXAMPLE.COM',
    ];
    for (const href of hrefs) {
      const tree = parseMarkdown(`| A | B |\n| --- | --- |\n| ${link('a | b', href)} | end |\n`);
      const t = tree.children[0] as Table;
      expect(t.children[1]!.children).toHaveLength(2);
      const links = all(t).filter((n) => n.type === 'link');
      expect(links).toHaveLength(1);
      expect(links[0]!.type === 'link' && links[0]!.url).toBe(href);
      expect(textOf(links[0]!)).toBe('a | b');
    }
  });

  it('leaves a URL with < or > as text: the one web link rule refuses it', () => {
    expect(link('a', 'https://example.com/<e>')).toBe('a');
  });

  it('keeps the link text from closing or nesting links', () => {
    const tree = parseMarkdown(`${link('[x](javascript:alert(1)) ]', 'https://ok.example')}\n`);
    const links = all(tree).filter((n) => n.type === 'link');
    expect(links).toHaveLength(1);
    expect(textOf(links[0]!)).toBe('[x](javascript:alert(1)) ]');
  });
});

describe('titles', () => {
  it('keep their `code` as code spans and escape the rest', () => {
    expect(title('Stabilize `async fn` in *traits*')).toBe('Stabilize `async fn` in \\*traits\\*');
    expect(title('A lone ` backtick')).toBe('A lone \\` backtick');
    expect(title('Quote `` ` `` right')).toBe('Quote `` ` `` right');
  });

  it('escape a | in code inside a table cell, so the row keeps its columns', () => {
    expect(title('Make `a | b` work', { inCell: true })).toBe('Make `a \\| b` work');
    expect(title('Make `a | b` work')).toBe('Make `a | b` work');
  });
});
