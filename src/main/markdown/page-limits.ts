/**
 * What a page may cost before it is parsed. The Markdown parser's time grows with the square of
 * the nesting depth (a 0.1 MB page 100,000 blockquotes deep takes minutes), so a cheap linear
 * scan refuses a page nested deeper than any roadmap is — blockquote markers, list markers and
 * indentation at the start of a line, unclosed `[` within a paragraph — naming its line.
 */

/** Deeper than any hand-written roadmap nests, shallow enough to parse in milliseconds. */
export const MAX_NESTING = 32;

export interface PageRefusal {
  line: number;
  message: string;
}

const refusal = (line: number, what: string): PageRefusal => ({
  line,
  message: `${what} nested more than ${MAX_NESTING} deep: the page was not read`,
});

/** Null for a page the parser reads quickly; else the first line nested too deep. */
export function tooDeeplyNested(content: string): PageRefusal | null {
  let line = 1;
  let brackets = 0;
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
