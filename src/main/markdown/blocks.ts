/**
 * Markdown the users wrote (a goal's impact, its how-to-help text, an initiative's features),
 * placed inside a page whose headings the importer relies on and that a site generator renders
 * on a public site. Their Markdown is kept as written, except raw HTML and links of an unsafe
 * protocol (see `publishable.ts`) and what could escape its section: headings shallower than
 * the section's content (they are demoted), and a code fence left open (which would swallow the
 * rest of the page: the fence is closed). The result is stable: running it on its own output
 * changes nothing, and the importer reads back exactly that output.
 */
import type { Heading, RootContent } from 'mdast';
import { parseMarkdown } from './parse.ts';
import { publishable } from './publishable.ts';

/** Line endings made `\n`, blank lines at the start and whitespace at the end removed. */
export function tidyBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
}

const SENTINEL = 'fortnight-end-of-block';

/**
 * `text` made safe to sit in a section whose own heading has depth `minDepth - 1`: every
 * top-level heading has at least depth `minDepth` (at most 6), and the block ends where it
 * ends. Returns '' for blank text.
 */
export function safeBlock(text: string, minDepth: number): string {
  const key = `${minDepth}\u0000${text}`;
  const cached = memo.get(key);
  if (cached !== undefined) return cached;
  if (memo.size > 2000) memo.clear();
  const result = makeSafe(text, Math.min(minDepth, 6));
  memo.set(key, result);
  return result;
}

/** Results of `safeBlock` (a pure function; parsing is its whole cost). */
const memo = new Map<string, string>();

/** Could start a block that only a closing marker ends: a code fence or raw HTML. */
const MAY_STAY_OPEN = /^ {0,3}(?:`{3,}|~{3,}|<)/m;
/** Could be a heading: an ATX `#`, or a setext underline. */
const MAY_BE_HEADING = /^ {0,3}(?:#|=+[ \t]*$|-+[ \t]*$)/m;

/** Shown as an indented code block, which always ends and renders no markup. */
const asCode = (text: string): string =>
  text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');

function makeSafe(text: string, minDepth: number): string {
  const tidy = tidyBlock(text);
  if (!tidy) return '';
  const clean = publishable(tidy);
  if (clean === null) return asCode(tidy);
  let out = tidyBlock(clean);
  if (!out) return '';
  if (MAY_STAY_OPEN.test(out)) {
    let closed = false;
    for (let attempt = 0; attempt < 20 && !closed; attempt++) {
      const fixed = closeOpenBlock(out);
      if (fixed === null) closed = true;
      else out = fixed;
    }
    // Still not closed (never seen): show it as code.
    if (!closed) out = asCode(out);
  }
  out = MAY_BE_HEADING.test(out) ? tidyBlock(demoteHeadings(out, minDepth)) : out;
  // Closing a fence or demoting a heading never makes markup, but the output must be safe.
  return publishable(out) === out ? out : asCode(tidy);
}

/** Null when a heading after `text` (and a blank line) is read as a heading; else `text` fixed. */
function closeOpenBlock(text: string): string | null {
  const lines = text.split('\n').length;
  const tree = parseMarkdown(`${text}\n\n# ${SENTINEL}\n`);
  const last = tree.children.at(-1);
  if (last?.type === 'heading' && last.position?.start.line === lines + 2) return null;
  // The block that swallowed the sentinel: the last one that starts inside `text`.
  const culprit = [...tree.children].reverse().find((n) => (n.position?.start.line ?? 0) <= lines);
  if (!culprit?.position) return `${text}\n`;
  const start = culprit.position.start.offset ?? 0;
  if (culprit.type === 'code') {
    const opener = /^[ ]{0,3}(`{3,}|~{3,})/.exec(text.slice(start - (culprit.position.start.column - 1)));
    const fence = opener?.[1] ?? '```';
    return `${text}\n${fence}`;
  }
  if (culprit.type === 'html') {
    const at = text.indexOf('<', start);
    if (at >= 0) return `${text.slice(0, at)}\\${text.slice(at)}`;
  }
  return null;
}

/** Rewrites top-level headings shallower than `minDepth` as ATX headings of that depth. */
function demoteHeadings(text: string, minDepth: number): string {
  const tree = parseMarkdown(text);
  const shallow = tree.children.filter(
    (n: RootContent): n is Heading => n.type === 'heading' && n.depth < minDepth,
  );
  if (!shallow.length) return text;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  let out = '';
  let from = 0;
  for (const heading of shallow) {
    const startLine = heading.position!.start.line;
    const endLine = heading.position!.end.line;
    const start = lineStarts[startLine - 1]!;
    const end = endLine < lineStarts.length ? lineStarts[endLine]! - 1 : text.length;
    const source = text.slice(start, end);
    const hashes = '#'.repeat(minDepth);
    let rewritten: string;
    const atx = /^([ ]{0,3})(#{1,6})(?=[ \t]|$)/.exec(source);
    if (atx) {
      rewritten = `${atx[1]}${hashes}${source.slice(atx[0].length)}`;
    } else {
      // Setext: content lines, then the `===` / `---` underline (the heading's last line).
      const contentLines = source.split('\n').slice(0, -1);
      const contentStart = heading.children[0]?.position?.start.offset;
      const contentEnd = heading.children.at(-1)?.position?.end.offset;
      const content =
        contentStart !== undefined && contentEnd !== undefined
          ? text.slice(contentStart, contentEnd)
          : contentLines.join(' ');
      // A trailing ` #` run would read as the ATX closing sequence: escape it.
      const oneLine = content
        .replace(/[ \t]*\n[ \t]*/g, ' ')
        .trim()
        .replace(/([ \t])(#+)$/, '$1\\$2');
      rewritten = `${hashes} ${oneLine}`;
    }
    out += text.slice(from, start) + rewritten;
    from = end;
  }
  return out + text.slice(from);
}
