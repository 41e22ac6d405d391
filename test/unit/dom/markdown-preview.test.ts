import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftHeadings } from '../../../src/renderer/src/lib/heading-levels.ts';
import { renderMarkdown } from '../../../src/renderer/src/lib/markdown.ts';
import { plainSummary } from '../../../src/shared/plain-summary.ts';

const TAGS = new Set([
  'p',
  'a',
  'em',
  'strong',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'br',
  'del',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'sup',
  'section',
]);
const ATTRIBUTES = new Set([
  'href',
  'target',
  'rel',
  'align',
  'class',
  'id',
  'start',
  'data-footnotes',
  'data-footnote-ref',
  'data-footnote-backref',
  'aria-describedby',
  'aria-label',
]);

/**
 * What would make the preview run code or load something: every tag is one micromark writes for
 * Markdown (raw HTML only ever appears escaped, as text), with known attributes, and links
 * point only to the web or to mail.
 */
function expectInert(html: string) {
  for (const [tag, name = '', attributes = ''] of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    expect(TAGS, tag).toContain(name.toLowerCase());
    const pairs = [...attributes.matchAll(/\s([a-zA-Z-]+)(?:="([^"]*)")?/g)];
    // Nothing but well-formed name="value" pairs.
    expect(attributes.replace(/\s[a-zA-Z-]+(?:="[^"]*")?/g, '').replace(/\s*\/?$/, ''), tag).toBe('');
    for (const [, attribute = '', value = ''] of pairs) {
      expect(ATTRIBUTES, tag).toContain(attribute.toLowerCase());
      if (attribute === 'href') expect(value, tag).toMatch(/^(?:https?:|mailto:)/i);
    }
  }
  // A "<" that starts no tag is text micromark escaped.
  expect(html.replace(/<\/?[a-zA-Z][a-zA-Z0-9]*[^>]*>/g, '')).not.toMatch(/[<>]/);
}

describe('the Markdown preview', () => {
  it('renders bullets, emphasis, code, tables and task lists', () => {
    const html = renderMarkdown(
      '- **fast** builds\n- `cargo` *works*\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done\n- [ ] to do',
    );
    expect(html).toContain('<li><strong>fast</strong> builds</li>');
    expect(html).toContain('<code>cargo</code> <em>works</em>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('☑ done');
    expect(html).toContain('☐ to do');
  });

  it('shows script tags and raw HTML as text', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<b onclick="x()">b</b>',
    );
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expectInert(html);
  });

  it('keeps web and mail links, opened outside the app, and drops every other protocol', () => {
    const html = renderMarkdown(
      '[ok](https://example.org/a?b=1) [mail](mailto:a@b.org) [js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) ' +
        '[data](data:text/html,<script>x</script>) [vb](vbscript:x) [irc](irc://x) [rel](../secret) [hash](#/people)',
    );
    expect(html).toContain(
      '<a href="https://example.org/a?b=1" target="_blank" rel="noopener noreferrer">ok</a>',
    );
    expect(html).toContain('<a href="mailto:a@b.org" target="_blank" rel="noopener noreferrer">mail</a>');
    for (const text of ['js', 'JS', 'data', 'vb', 'irc', 'rel', 'hash'])
      expect(html).toContain(`<a>${text}</a>`);
    expectInert(html);
  });

  it('turns images into links, since the app loads no remote images', () => {
    expect(renderMarkdown('![chart](https://example.org/c.png "title")')).toContain(
      '<a href="https://example.org/c.png" target="_blank" rel="noopener noreferrer">🖼️ chart</a>',
    );
    const hostile = renderMarkdown('![x](javascript:alert(1)) ![y" onerror="alert(1)](https://e.org/y.png)');
    expectInert(hostile);
  });

  it('a quote in a link cannot break out of the attribute', () => {
    expectInert(renderMarkdown('[q](https://a.org/"onmouseover=alert(1)) <https://a.org/"onload="x>'));
  });

  it('keeps hostile Markdown inert: event handlers, javascript: links, SVG and nested tags', () => {
    const hostile = [
      '<svg onload=alert(1)><script>alert(1)</script></svg>',
      '<details open ontoggle=alert(1)>',
      '<<b>b onclick=x()</b>>',
      '[![img](javascript:alert(1))](https://ok.org)',
      '[a](https://ok.org "t\\" onmouseover=\\"x")',
      '<javascript:alert(1)>',
      '[ref]\n\n[ref]: javascript:alert(1)',
      '[x](&#106;avascript:alert(1))',
      '*<a href="javascript:x">nested</a>*',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    ];
    for (const source of hostile) {
      const html = renderMarkdown(source);
      expectInert(html);
      const tags = (html.match(/<[^>]*>/g) ?? []).join(' ');
      expect(tags, source).not.toMatch(/\son[a-z]+=|javascript:|<(svg|script|style|math|details)/i);
    }
    // The nested image became a link of its own inside the web link: still only web links.
    expect(renderMarkdown('[![img](javascript:alert(1))](https://ok.org)')).toContain('🖼️ img');
  });

  it('renders anything typed inert', () => {
    const pieces = fc.constantFrom(
      '<script>',
      '</script>',
      '<img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      '[a](',
      ')',
      '![b](',
      '"',
      "'",
      '<',
      '>',
      '&',
      '`',
      '\n',
      ' ',
      '- ',
      '| x |',
      '<a href="javascript:x">',
      'onload=',
      'https://e.org',
      '<svg onload=alert(1)>',
      '<iframe src=x>',
      '[c]: javascript:x',
      '\n\n[c]',
      'www.e.org',
      'a@b.org',
      'data:x',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
        expectInert(renderMarkdown(parts.join('')));
      }),
      { numRuns: 400 },
    );
  });
});

describe("rendered Markdown inside a page's outline", () => {
  it('moves its headings down to the level given, and never past h6', () => {
    const html = renderMarkdown('# Title\n\n## Part\n\n##### Deep\n\n---\n\nhello');
    expect(shiftHeadings(html, 1)).toBe(html);
    const shifted = shiftHeadings(html, 3);
    expect(shifted).toContain('<h3>Title</h3>');
    expect(shifted).toContain('<h4>Part</h4>');
    expect(shifted).toContain('<h6>Deep</h6>');
    expect(shifted).toContain('<hr>');
    expect(shifted.match(/<\/?h[1-6]/g)).toHaveLength(6);
  });
});

describe('a plain one-line summary of Markdown', () => {
  it('joins bullets and drops the markup', () => {
    expect(plainSummary('- Write `async fn` in **traits**\n- Use [links](https://x.org)\n\n## More')).toBe(
      'Write async fn in traits · Use links · More',
    );
  });

  it('is cut with an ellipsis when too long', () => {
    const summary = plainSummary('word '.repeat(100), 40);
    expect(summary.length).toBeLessThanOrEqual(40);
    expect(summary.endsWith('…')).toBe(true);
  });
});
