/** The one Markdown reader: GFM autolink literals are found wherever text can hold them. */
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { isLiteralAutolink, parseMarkdown } from '../../src/main/markdown/parse.ts';

function links(markdown: string): string[] {
  const out: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link') out.push(`${isLiteralAutolink(node) ? 'literal' : 'link'} ${node.url}`);
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(parseMarkdown(markdown));
  return out;
}

describe('parseMarkdown', () => {
  it('reads URL, www and e-mail literals in paragraphs, emphasis, lists and table cells', () => {
    expect(
      links(
        [
          'See https://a.example/x and www.b.example.',
          '',
          '- *mail a@c.example* or mailto:d@e.example',
          '',
          '| who | where |',
          '| --- | --- |',
          '| **[Ada](https://github.com/ada)** | WWW.F.example |',
        ].join('\n'),
      ),
    ).toEqual([
      'literal https://a.example/x',
      'literal http://www.b.example',
      'literal mailto:a@c.example',
      'literal mailto:d@e.example',
      'link https://github.com/ada',
      'literal http://WWW.F.example',
    ]);
  });

  it('leaves link text and text without a literal alone', () => {
    expect(links('[https://x.example](https://y.example) and [ref]\n\n[ref]: https://z.example')).toEqual([
      'link https://y.example',
    ]);
    expect(links('no links: a.b, c:d, ww.e')).toEqual([]);
  });
});
