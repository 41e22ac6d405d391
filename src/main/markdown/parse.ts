/** The one Markdown reader: CommonMark + GFM into mdast, and the text of a node. */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

// Built once: building the extensions is most of the cost of parsing a short text.
const options = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

/** Parses GitHub-flavoured Markdown into an mdast tree (with positions). */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, options);
}

/** The visible text of a node: its text, inline code and the text inside links, concatenated. */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/**
 * True for a link the GFM autolink-literal rule made from plain text (`https://…`, `www.…`,
 * `a@b.c`): its URL is its own text. Escaping can't stop these (the rule runs on the decoded
 * text), and they can only ever point where they say.
 */
export function isLiteralAutolink(node: Nodes): boolean {
  if (node.type !== 'link') return false;
  const text = textOf(node);
  return [text, `http://${text}`, `mailto:${text}`].includes(node.url);
}
