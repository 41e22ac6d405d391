/** Markdown as plain text, pure, so the renderer and the main process share it. */

/** Markdown as one line of plain text, e.g. an impact's bullets joined with " · ", cut to `max`. */
export function plainSummary(source: string, max = 180): string {
  const lines = source
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s{0,3}(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[*_`~]+/g, '')
        .trim(),
    )
    .filter((line) => line !== '' && !/^[-|: ]+$/.test(line));
  const text = lines.join(' · ');
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
