/**
 * What a page may cost before it is parsed, checked by cheap linear scans:
 *
 * - its size: a page over `MAX_PAGE_BYTES` is refused from its file's `stat`, before it is read;
 * - its nesting: the Markdown parser's time grows with the square of the nesting depth (a
 *   0.1 MB page 100,000 blockquotes deep takes minutes), so a page nested deeper than any
 *   roadmap is — blockquote markers, list markers and indentation at the start of a line,
 *   unclosed `[` within a paragraph — is refused, naming its line;
 * - its containers: the parser's time also grows with the square of the number of blockquotes
 *   and list items, however shallow (2,000 blockquotes ten deep, 54 KB, take most of a minute),
 *   so a page with more than `MAX_CONTAINERS` blockquote and list markers is refused at the
 *   line that passes the limit. A long roadmap page has a few hundred.
 */

/** Deeper than any hand-written roadmap nests, shallow enough to parse in milliseconds. */
export const MAX_NESTING = 32;

/** More blockquote and list markers than a roadmap page has; the most parse in about a second. */
export const MAX_CONTAINERS = 1_000;

/** Larger than any roadmap page (the largest real ones are tens of kilobytes). */
export const MAX_PAGE_BYTES = 2_000_000;

export interface PageRefusal {
  line: number;
  message: string;
}

const refusal = (line: number, what: string): PageRefusal => ({
  line,
  message: `${what} nested more than ${MAX_NESTING} deep: the page was not read`,
});

/** The refusal of a page file of `bytes` bytes, or null when it may be read. */
export function tooLarge(bytes: number): string | null {
  if (bytes <= MAX_PAGE_BYTES) return null;
  const mb = (n: number) => `${Math.round(n / 100_000) / 10} MB`;
  return `is ${mb(bytes)}, more than the ${mb(MAX_PAGE_BYTES)} a roadmap page may be: it was not read`;
}

/** Null for a page the parser reads quickly; else the first line nested too deep or with too many containers. */
export function tooCostly(content: string): PageRefusal | null {
  let line = 1;
  let brackets = 0;
  let containers = 0;
  let i = 0;
  while (i < content.length) {
    // The start of a line: its containers (`>`, list markers) and indentation.
    let markers = 0;
    let columns = 0;
    let blank = true;
    for (;;) {
      const c = content[i];
      if (c === ' ') columns += 1;
      else if (c === '\t') columns += 4;
      else if (c === '>') markers += 1;
      else if ((c === '-' || c === '+' || c === '*') && /[ \t]/.test(content[i + 1] ?? '')) markers += 1;
      else if (c !== undefined && c >= '0' && c <= '9') {
        const number = /^\d{1,9}[.)](?=[ \t])/.exec(content.slice(i, i + 11));
        if (!number) break;
        markers += 1;
        i += number[0].length - 1;
      } else break;
      i += 1;
      if (markers + Math.floor(columns / 2) > MAX_NESTING) return refusal(line, 'Blockquotes or lists');
    }
    containers += markers;
    if (containers > MAX_CONTAINERS)
      return {
        line,
        message: `More than ${MAX_CONTAINERS} blockquote and list markers: the page was not read`,
      };
    // The rest of the line: brackets, which may stay open across the lines of a paragraph.
    for (; i < content.length && content[i] !== '\n'; i++) {
      const c = content[i];
      if (c === '\\') i += 1;
      else if (c === '[') {
        blank = false;
        if (++brackets > MAX_NESTING) return refusal(line, 'Brackets');
      } else if (c === ']') brackets = Math.max(0, brackets - 1);
      else if (c !== ' ' && c !== '\t' && c !== '\r') blank = false;
    }
    if (blank && markers === 0) brackets = 0;
    i += 1;
    line += 1;
  }
  return null;
}
