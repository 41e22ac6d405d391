/**
 * GFM-safe text: whatever a user typed comes out of these helpers as Markdown that reads back
 * (with a GFM parser) as exactly that text — no raw HTML, no link, no emphasis, no entity, no
 * code span, no table break, no block structure (heading, list, quote) can come from it.
 *
 * Escaping is by backslash (valid before any ASCII punctuation in CommonMark), so the text stays
 * readable in a diff and renders as typed.
 */
import { titleParts } from '../../shared/inline-code.ts';
import { isWebUrl } from '../../shared/links.ts';

/** What a web link is: one rule for the Markdown, the contract and the app. */
export { isWebUrl };

/** Characters escaped wherever they appear in one-line text. */
const ALWAYS = /[\\`*_[\]<>#|~!&]/g;

/**
 * U+2060 WORD JOINER: invisible, and no GFM autolink literal (`https://…`, `www.…`, `a@b.c`)
 * can span it. Backslashes and character references can't stop those literals: remark's
 * autolink pass runs on the decoded text, so `https\://x.y` still becomes a link there.
 */
export const LITERAL_BREAK = '\u2060';

/** Text that reads like a URL or an e-mail address broken where a GFM literal would start. */
const breakLiterals = (text: string): string =>
  text
    .replace(/:(?=\/\/)/g, `:${LITERAL_BREAK}`)
    .replace(/(^|[^A-Za-z0-9])(www)(?=\.\S)/gi, `$1$2${LITERAL_BREAK}`)
    .replace(/@/g, `${LITERAL_BREAK}@`);

/** What `breakLiterals` wrote, read back as the text it was (the importer's side). */
export const unbreakLiterals = (text: string): string =>
  text.includes(LITERAL_BREAK)
    ? text
        .replace(/:\u2060(?=\/\/)/g, ':')
        .replace(/(www)\u2060(?=\.)/gi, '$1')
        .replace(/\u2060@/g, '@')
    : text;

/** Line breaks and tabs (with the spaces around them): Markdown reads them as structure. */
const BREAKS = /[ \t]*[\r\n\t][ \t\r\n]*/g;

/**
 * The text one-line Markdown can carry for `text`: line breaks and tabs collapsed to one
 * space, NUL replaced (as the parser does), surrounding spaces trimmed. `inline(text)` reads
 * back as exactly `oneLine(text)`.
 */
export function oneLine(text: string): string {
  return text
    .replace(/\0/g, '\uFFFD')
    .replace(BREAKS, ' ')
    .replace(/^ +| +$/g, '');
}

/**
 * One-line user text for anywhere in a Markdown line (a paragraph, a heading, a list item, a
 * link's text, a table cell): see `oneLine` for what it reads back as. It never contains an
 * unescaped `|` or a line break, so a table row keeps its column count.
 */
export function inline(text: string): string {
  let out = oneLine(text).replace(ALWAYS, '\\$&');
  out = breakLiterals(out);
  // What would start a block at the beginning of a line: a list, a setext underline, a
  // thematic break, an ordered list (`1.` / `1)`), or an indented code block.
  out = out.replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return out;
}

/** Inline code: a fence longer than any backtick run inside, padded where Markdown would strip. */
function codeSpan(code: string, inCell: boolean): string {
  const fence = '`'.repeat(Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^[` ]|[` ]$/.test(code) && code.trim() !== '' ? ' ' : '';
  // In a GFM table a `|` ends the cell even inside code; escaped, it reads back as `|`.
  return `${fence}${pad}${inCell ? code.replace(/\|/g, '\\|') : code}${pad}${fence}`;
}

/**
 * A title: its `inline code` as code spans — as the app shows it — and the rest as `inline` text.
 * `inCell` for a title in a table cell.
 */
export function title(text: string, { inCell = false } = {}): string {
  return titleParts(oneLine(text))
    .map((part) => {
      if (part.code) return codeSpan(part.text, inCell);
      const [, lead = '', middle = '', trail = ''] = /^( *)(.*?)( *)$/s.exec(part.text) ?? [];
      return lead + inline(middle) + trail;
    })
    .join('');
}

/**
 * The text of a link (`[…](…)`) or a reference label (`[label]: …`): `inline` text, so it can't
 * close the link or nest another, and a label reads back (normalised) as the same text.
 */
export function linkText(text: string): string {
  // `[^…` would start a GFM footnote.
  return inline(text).replace(/^\^/, '\\^');
}

/**
 * A link destination for `[text](…)` or a reference definition `[label]: …`, or null for
 * anything that is not an http(s) URL (`javascript:`, `data:`, relative paths, …). Characters
 * that could end the destination, start an entity or split a table row are backslash-escaped.
 */
export function url(value: string): string | null {
  const trimmed = value.trim();
  if (!isWebUrl(trimmed)) return null;
  return trimmed.replace(/[\\()<>&|`[\]*_]/g, '\\$&');
}

/**
 * A relative link destination to another exported file (`./roadmap/x.md`): the path parts we
 * write are slugs, so only characters that could end the destination are escaped.
 */
export function path(value: string): string {
  return value.replace(/[\\()<>&| ]/g, (c) => (c === ' ' ? '%20' : `\\${c}`));
}

/** A Markdown link to an http(s) URL, or the plain (escaped) text when the URL is refused. */
export function link(text: string, href: string | null | undefined): string {
  const destination = href ? url(href) : null;
  return destination ? `[${linkText(text)}](${destination})` : inline(text);
}
