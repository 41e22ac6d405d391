/**
 * Users' Markdown made safe to publish: a roadmap is rendered to HTML by a site generator
 * (mdBook, GitHub, remark-based sites) on the group's public site, so what users typed must not
 * come out as raw HTML or as a link to a script. Decided on the parsed tree, never by guessing
 * at the text:
 *
 * - raw HTML (a tag, a comment, `<script>…</script>`, an `<iframe>` block) is dropped and the
 *   text between its tags kept as plain text;
 * - a link whose protocol is not a web or mail one (`javascript:`, `vbscript:`, `data:`, …)
 *   becomes its text, an image with such a source its alt text, and such a reference definition
 *   is dropped (its references then read as the plain `[label]` they are);
 * - everything else is kept exactly as written, so ordinary Markdown (links, code, emphasis,
 *   tables) round-trips byte for byte.
 *
 * Each change is made on the source at the node's position and the result parsed again until
 * nothing is left to change (removing a tag can join what was around it into new markup).
 */
import type { Nodes, Root } from 'mdast';
import { sanitizeUri } from 'micromark-util-sanitize-uri';
import { inline } from './escape.ts';
import { parseMarkdown, textOf } from './parse.ts';

/** Protocols a published link may have (relative links have none and are kept). */
export const SAFE_LINK_PROTOCOL = /^(?:https?|ircs?|mailto|xmpp)$/i;
/** Protocols a published image may be loaded from. */
export const SAFE_IMAGE_PROTOCOL = /^https?$/i;

/** Nothing in a text without these can be raw HTML or an unsafe protocol, even once decoded. */
const MAY_BE_UNSAFE = /[<:&\\]/;

/** Raw HTML's markup — comments, tags, declarations, processing instructions — leaving its text. */
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)|<![^>]*>?|<\/?[A-Za-z][^>]*>?/g;

interface Edit {
  start: number;
  end: number;
  text: string;
}

const safeUrl = (url: string, protocols: RegExp): boolean => url === '' || sanitizeUri(url, protocols) !== '';

/** The replacement of `node` in `source`, or null to keep it. */
function editOf(node: Nodes, source: string): Edit | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  const edit = (text: string): Edit => ({ start, end, text });
  switch (node.type) {
    case 'html':
      return edit(inline(node.value.replace(MARKUP, ' ')));
    case 'definition':
      return safeUrl(node.url, SAFE_LINK_PROTOCOL) ? null : edit('');
    case 'image':
      return safeUrl(node.url, SAFE_IMAGE_PROTOCOL) ? null : edit(inline(node.alt ?? ''));
    case 'link': {
      if (safeUrl(node.url, SAFE_LINK_PROTOCOL)) return null;
      const first = node.children[0]?.position?.start.offset;
      const last = node.children.at(-1)?.position?.end.offset;
      // `[text](…)` keeps its text as written (emphasis, code); an autolink `<…>` its text escaped.
      if (source[start] === '[' && first !== undefined && last !== undefined)
        return edit(source.slice(first, last));
      return edit(inline(textOf(node)));
    }
    default:
      return null;
  }
}

/** The edits one pass makes on `source` (parsed as `root`): outermost first, none inside another. */
function editsOf(source: string, root: Root): Edit[] {
  const edits: Edit[] = [];
  const stack: Nodes[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const edit = editOf(node, source);
    if (edit) edits.push(edit);
    else if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
  return edits.sort((a, b) => a.start - b.start);
}

/**
 * `markdown` without raw HTML and without links or images of an unsafe protocol, or null when
 * it could not be made so in a few passes (never seen; the caller then shows it as code).
 */
export function publishable(markdown: string): string | null {
  if (!MAY_BE_UNSAFE.test(markdown)) return markdown;
  return publishableTree(markdown)?.text ?? null;
}

/**
 * `publishable(markdown)` with its parsed tree, for a caller that reads the tree next (the
 * slide deck): the text is parsed once when nothing needed changing.
 */
export function publishableTree(markdown: string): { text: string; root: Root } | null {
  let out = markdown;
  for (let pass = 0; pass < 20; pass++) {
    const root = parseMarkdown(out);
    const edits = MAY_BE_UNSAFE.test(out) ? editsOf(out, root) : [];
    if (!edits.length) return { text: out, root };
    for (const { start, end, text } of edits.reverse()) out = out.slice(0, start) + text + out.slice(end);
  }
  return null;
}
