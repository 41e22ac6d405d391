/**
 * A published roadmap is safe to publish: hostile text in every exported field — users' Markdown
 * and plain-text titles and names — renders, through two GFM renderers set as permissively as a
 * site generator (raw HTML and any protocol allowed), to no element, attribute or link that the
 * export didn't make; URL-like names stay text; ordinary Markdown round-trips unchanged.
 */
import { toHtml } from 'hast-util-to-html';
import type { Nodes as HastNodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { sanitizeUri } from 'micromark-util-sanitize-uri';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/api/core.ts';
import { LITERAL_BREAK } from '../../src/main/markdown/escape.ts';
import { safeBlock } from '../../src/main/markdown/blocks.ts';
import { SAFE_IMAGE_PROTOCOL, SAFE_LINK_PROTOCOL } from '../../src/main/markdown/publishable.ts';
import { must, seed, tempCore } from './helpers.ts';

/** Users' Markdown that a site generator would render as script, markup or a script link. */
const HOSTILE_MARKDOWN = [
  'before <img src=x onerror=alert(1)> after',
  'inline <script>alert(1)</script> script',
  '<script>\nalert(1)\n</script>',
  '<iframe src="https://evil.example"></iframe>',
  '<!-- hidden -->visible',
  '<div onclick="alert(1)">\n\n*inside* a div\n\n</div>',
  '[js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [ent](java&#115;cript:alert(1))',
  '[escaped](javascript\\:alert(1)) [angle](<javascript:alert(1)>)',
  '[vb](vbscript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![img](javascript:alert(1)) ![svg](data:image/svg+xml,<svg/onload=alert(1)>)',
  '<javascript:alert(1)> <vbscript:x>',
  '[ref][z] and ![ref image][z]\n\n[z]: javascript:alert(1)',
  '| a | <b onmouseover=alert(1)>b</b> |\n| - | - |\n| <img src=x onerror=alert(1)> | [c](javascript:alert(1)) |',
  '> quote <svg onload=alert(1)>\n> [q](javascript:alert(1))',
  '- item <img src=x onerror=alert(1)>\n  - [nested](vbscript:x)',
  '[joined]<x>(javascript:alert(1))',
  '<!-- a comment that never ends',
];

/** Plain-text fields (titles, names) that look like markup or links. */
const HOSTILE_TEXT = [
  '<img src=x onerror=alert(1)>',
  'https://evil.example/x',
  'www.evil.example',
  'mail@evil.example',
  '[x](javascript:alert(1))',
];

const RENDERERS: Record<string, (markdown: string) => string> = {
  micromark: (markdown) =>
    micromark(markdown, {
      allowDangerousHtml: true,
      allowDangerousProtocol: true,
      extensions: [gfm()],
      htmlExtensions: [gfmHtml()],
    }),
  remark: (markdown) =>
    toHtml(
      toHast(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }), {
        allowDangerousHtml: true,
      }),
      { allowDangerousHtml: true },
    ),
};

/** What Markdown renders to: nothing else may appear. */
const ELEMENTS = new Set(
  'p a img em strong del code pre h1 h2 h3 h4 h5 h6 ul ol li table thead tbody tr th td blockquote hr br input section sup'.split(
    ' ',
  ),
);
/** Their attributes, as hast names them. */
const ATTRIBUTES = new Set([
  'href',
  'src',
  'alt',
  'title',
  'align',
  'type',
  'checked',
  'disabled',
  'className',
  'id',
  'dataFootnotes',
  'dataFootnoteRef',
  'dataFootnoteBackref',
  'ariaDescribedBy',
  'ariaLabel',
]);

/** Every href and src of the rendered HTML (after checking its elements and attributes), and its text. */
function renderedLinks(html: string, where: string): { href: string[]; text: string } {
  const href: string[] = [];
  let text = '';
  const stack: HastNodes[] = [fromHtml(html, { fragment: true })];
  while (stack.length) {
    const node = stack.pop()!;
    expect(node.type, `${where}: a ${node.type}`).not.toBe('comment');
    if (node.type === 'text') text = node.value + text;
    if (node.type === 'element') {
      expect(ELEMENTS.has(node.tagName), `${where}: a <${node.tagName}> element`).toBe(true);
      for (const attribute of Object.keys(node.properties))
        expect(ATTRIBUTES.has(attribute), `${where}: <${node.tagName} ${attribute}>`).toBe(true);
      const url = node.properties[node.tagName === 'img' ? 'src' : 'href'];
      if (typeof url === 'string') {
        const protocols = node.tagName === 'img' ? SAFE_IMAGE_PROTOCOL : SAFE_LINK_PROTOCOL;
        expect(sanitizeUri(url, protocols), `${where}: <${node.tagName}> to ${url}`).not.toBe('');
        href.push(url);
      }
    }
    if ('children' in node) stack.push(...node.children);
  }
  return { href, text: text.replaceAll(LITERAL_BREAK, '') };
}

function all(node: Nodes, out: Nodes[] = []): Nodes[] {
  out.push(node);
  if ('children' in node) for (const child of node.children as Nodes[]) all(child, out);
  return out;
}

/** A workspace with hostile text in every field the roadmap export writes. */
async function hostileWorkspace(markdown: string): Promise<Core> {
  const core = await tempCore();
  const { ada, goal, cache } = seed(core);
  const [title, name, milestone] = [HOSTILE_TEXT[0]!, HOSTILE_TEXT[1]!, HOSTILE_TEXT[2]!];
  must(core, 'people.update', { id: ada.id, name });
  const odd = must(core, 'people.create', { name: HOSTILE_TEXT[3]! });
  must(core, 'goals.update', {
    id: goal.id,
    title,
    impact: markdown,
    howToHelp: markdown,
    ownerIds: [ada.id, odd.id],
  });
  must(core, 'initiatives.update', {
    id: cache.id,
    title: HOSTILE_TEXT[4]!,
    impact: markdown,
    features: markdown,
  });
  must(core, 'milestones.create', { initiativeId: cache.id, title: milestone, participantIds: [odd.id] });
  return core;
}

describe('a published roadmap', () => {
  it.each(HOSTILE_MARKDOWN.map((m) => [JSON.stringify(m).slice(0, 50), m]))(
    'keeps no raw HTML and no unsafe link: %s',
    async (_name, markdown) => {
      const core = await hostileWorkspace(markdown);
      try {
        for (const variant of ['folder', 'single'] as const) {
          for (const file of must(core, 'roadmap.export', { variant }).files) {
            for (const node of all(
              fromMarkdown(file.content, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }),
            )) {
              expect(node.type, `${variant} ${file.path}`).not.toBe('html');
            }
            for (const [renderer, render] of Object.entries(RENDERERS)) {
              const where = `${variant} ${file.path} (${renderer})`;
              const { href, text } = renderedLinks(render(file.content), where);
              // Only the export's own links: pages, anchors and profiles.
              for (const url of href)
                expect(url, where).toMatch(/^(\.{1,2}\/|#|https:\/\/github\.com\/ada$)/);
              // The text around the markup is kept, in the pages that hold users' Markdown.
              if (file.content.includes('## Impact'))
                for (const word of [
                  'before',
                  'after',
                  'visible',
                  'inside',
                  'js',
                  'quote',
                  'nested',
                  'joined',
                ])
                  if (markdown.includes(word)) expect(text, where).toContain(word);
            }
          }
        }
      } finally {
        core.close();
      }
    },
  );

  it('shows titles and names that look like markup or links as text', async () => {
    const core = await hostileWorkspace('Plain impact.');
    try {
      const { files } = must(core, 'roadmap.export', { variant: 'single' });
      for (const [renderer, render] of Object.entries(RENDERERS)) {
        const { href, text } = renderedLinks(render(files[0]!.content), renderer);
        for (const hostile of HOSTILE_TEXT) expect(text, renderer).toContain(hostile);
        for (const url of href) expect(url, renderer).toMatch(/^(#|https:\/\/github\.com\/ada$)/);
      }
    } finally {
      core.close();
    }
  });

  it('drops the markup and keeps the text, stably', () => {
    expect(safeBlock('before <img src=x onerror=alert(1)> after', 3)).toBe('before  after');
    expect(safeBlock('<!-- hidden -->visible', 3)).toBe('visible');
    expect(safeBlock('[*js*](javascript:alert(1)) and [ok](https://example.com)', 3)).toBe(
      '*js* and [ok](https://example.com)',
    );
    expect(safeBlock('![alt](data:image/png;base64,AA)', 3)).toBe('alt');
    expect(safeBlock('[z] and more\n\n[z]: vbscript:x', 3)).toBe('[z] and more');
    for (const markdown of HOSTILE_MARKDOWN) {
      const safe = safeBlock(markdown, 3);
      expect(safeBlock(safe, 3)).toBe(safe);
    }
  });

  it('round-trips ordinary Markdown unchanged', async () => {
    const impact = [
      'Some *emphasis*, **strong**, ~~struck~~, `code <b>` and a [link](https://example.com/a_(b) "title").',
      '',
      '- a [reference][ref], <https://example.com/auto> and mail@example.com',
      '- [a page](./other.md#part) and ![a picture](https://example.com/x.png)',
      '',
      '```html',
      '<script>alert("shown as code")</script>',
      '```',
      '',
      '[ref]: https://example.com/ref',
    ].join('\n');
    const core = await tempCore();
    const { goal } = seed(core);
    must(core, 'goals.update', { id: goal.id, impact });
    const first = must(core, 'roadmap.export', { variant: 'folder' }).files;
    expect(first.find((f) => f.path === 'roadmap/faster_builds.md')!.content).toContain(
      `## Impact\n\n${impact}\n`,
    );
    const other = await tempCore();
    must(other, 'roadmap.import', { files: first });
    expect(must(other, 'goals.list', {}).find((g) => g.title === 'Faster builds')!.impact).toBe(impact);
    expect(must(other, 'roadmap.export', { variant: 'folder' }).files).toEqual(first);
    core.close();
    other.close();
  });
});

describe('a sprint summary', () => {
  it('shows people named like a URL as text', async () => {
    const core = await tempCore();
    const { sprint } = seed(core);
    for (const name of ['https://x.y', 'www.x.y', 'a@b.co']) {
      const person = must(core, 'people.create', { name });
      must(core, 'sprintGoals.create', { sprintId: sprint.id, title: `${name} ships`, ownerId: person.id });
    }
    const { markdown } = must(core, 'sprints.summary', { sprintId: sprint.id });
    for (const [renderer, render] of Object.entries(RENDERERS)) {
      const { href, text } = renderedLinks(render(markdown), renderer);
      expect(href, renderer).toEqual([]);
      for (const name of ['https://x.y', 'www.x.y', 'a@b.co'])
        expect(text, renderer).toContain(`${name} ships`);
    }
    core.close();
  });
});
