/**
 * A monthly update, exported two ways, both safe to publish (`publishable`: no raw HTML, no
 * link to a script):
 *
 * - a **blog post**: YAML front matter (title, date, authors), then the update's Markdown
 *   without its `#` title (the front matter carries it);
 * - a **slide deck** in the slide Markdown HackMD and reveal.js read: `---` between slides,
 *   `----` before a vertical slide, `Note:` before a slide's speaker notes. The `#` title makes
 *   the title slide; each `##` section a slide, and each `###` under it a vertical slide (the
 *   draft's goals: one slide per goal). Lists, tables and code stay on the slide; paragraphs of
 *   prose longer than a line or two become the slide's speaker notes.
 */
import type { Heading, RootContent } from 'mdast';
import type { MonthlyUpdate } from '../../shared/domain.ts';
import { inline } from './escape.ts';
import { day } from './sprint-summary.ts';
import { parseMarkdown } from './parse.ts';
import { publishable, publishableTree } from './publishable.ts';

/** The body safe to publish; when it can't be made so (never seen), shown as a code block. */
function safeBody(body: string): string {
  const safe = publishable(body);
  if (safe !== null) return safe;
  const fence = '`'.repeat(Math.max(3, ...(body.match(/`+/g) ?? []).map((r) => r.length + 1)));
  return `${fence}text\n${body}\n${fence}\n`;
}

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML. */
const yaml = (text: string) => JSON.stringify(text);

type Exportable = Pick<MonthlyUpdate, 'month' | 'title' | 'authors' | 'body' | 'publishedOn'>;

export const updateFileName = (update: Pick<MonthlyUpdate, 'month'>, slides: boolean): string =>
  `update-${update.month}${slides ? '-slides' : ''}.md`;

/** The date it carries: when it was published, else the month's last day. */
function dateOf(update: Exportable, lastDay: string): string {
  return update.publishedOn ?? lastDay;
}

export function blogPost(update: Exportable, lastDay: string): string {
  const front = [
    '---',
    `title: ${yaml(update.title)}`,
    `date: ${dateOf(update, lastDay)}`,
    update.authors.length
      ? `authors:\n${update.authors.map((a) => `  - ${yaml(a)}`).join('\n')}`
      : 'authors: []',
    '---',
  ].join('\n');
  const body = safeBody(update.body).replace(/^\s*# [^\n]*\n+/, '');
  return `${front}\n\n${body.trimEnd()}\n`;
}

interface Slide {
  content: string[];
  notes: string[];
}

/** What a slide line must not be: a separator (`---`, `----`) or a notes marker (`Note:`). */
const keepInSlide = (text: string): string =>
  text.replace(/^(\s*)(-{3,4}\s*)$/gm, '$1 $2').replace(/^(\s*notes?)(:)/gim, '$1\\$2');

/** Prose worth saying rather than showing: more than a short line. */
const NOTE_AFTER_CHARS = 160;

export function slideDeck(update: Exportable, lastDay: string): string {
  const safe = publishableTree(update.body);
  const source = safe?.text ?? safeBody(update.body);
  const root = safe?.root ?? parseMarkdown(source);
  const slice = (node: RootContent) => source.slice(node.position!.start.offset, node.position!.end.offset);
  const headingText = (node: Heading) =>
    node.children.length
      ? source.slice(node.children[0]!.position!.start.offset, node.children.at(-1)!.position!.end.offset)
      : '';
  const groups: Slide[][] = [];
  const slide = (): Slide => {
    if (!groups.length) groups.push([{ content: [], notes: [] }]);
    return groups.at(-1)!.at(-1)!;
  };
  let titled = false;
  for (const node of root.children) {
    if (node.type === 'heading' && node.depth <= 3) {
      // The title slide says the update's title, as the blog post's front matter does.
      const title = node.depth === 1 && !titled;
      const text = keepInSlide(title ? inline(update.title) : headingText(node));
      if (node.depth === 3 && groups.length) groups.at(-1)!.push({ content: [`### ${text}`], notes: [] });
      else groups.push([{ content: [`${'#'.repeat(node.depth)} ${text}`], notes: [] }]);
      if (node.depth === 1 && !titled) {
        titled = true;
        const authors = update.authors.length ? ` · ${update.authors.map(inline).join(', ')}` : '';
        slide().content.push(keepInSlide(`${day(dateOf(update, lastDay))}${authors}`));
      }
    } else if (node.type === 'thematicBreak' || node.type === 'definition') continue;
    else if (node.type === 'paragraph' && slice(node).length > NOTE_AFTER_CHARS)
      slide().notes.push(keepInSlide(slice(node)));
    else slide().content.push(keepInSlide(slice(node)));
  }
  const write = (s: Slide) =>
    [...s.content, ...(s.notes.length ? [`Note:\n${s.notes.join('\n\n')}`] : [])].join('\n\n');
  return `${groups.map((group) => group.map(write).join('\n\n----\n\n')).join('\n\n---\n\n')}\n`;
}
