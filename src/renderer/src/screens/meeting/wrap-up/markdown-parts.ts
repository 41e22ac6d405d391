/**
 * A Markdown document cut into parts that render alone exactly as they do together: before each
 * `#` or `##` heading that follows a blank line outside a code fence. A document with what can
 * reach across such a cut — link reference definitions, footnotes, HTML blocks that span blank
 * lines — stays whole.
 */
const ACROSS = /^ {0,3}\[[^\]]+\]:|<!--|<(?:pre|script|style|textarea)\b/im;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CUT = /^#{1,2}(?:\s|$)/;

export function markdownParts(markdown: string): string[] {
  if (ACROSS.test(markdown)) return [markdown];
  const lines = markdown.split('\n');
  const parts: string[] = [];
  let fence: string | null = null;
  let start = 0;
  lines.forEach((line, i) => {
    const marker = FENCE.exec(line)?.[1];
    if (marker) {
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    } else if (fence === null && i > start && CUT.test(line) && lines[i - 1]!.trim() === '') {
      parts.push(lines.slice(start, i).join('\n'));
      start = i;
    }
  });
  parts.push(lines.slice(start).join('\n'));
  return parts;
}
