/**
 * A title's inline code: `like this` in a title reads as code wherever the title is shown, as it
 * does in the Markdown summary and export. Only complete backtick pairs count; a lone backtick
 * stays text.
 */
export interface TitlePart {
  text: string;
  code: boolean;
}

export function titleParts(title: string): TitlePart[] {
  const parts: TitlePart[] = [];
  // CommonMark code spans: a run of n backticks closes at the next run of exactly n.
  const span = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
  let at = 0;
  for (const match of title.matchAll(span)) {
    if (match.index > at) parts.push({ text: title.slice(at, match.index), code: false });
    const inner = match[2]!;
    const trimmed = /^ .* $/.test(inner) && inner.trim() !== '' ? inner.slice(1, -1) : inner;
    parts.push({ text: trimmed, code: true });
    at = match.index + match[0].length;
  }
  if (at < title.length) parts.push({ text: title.slice(at), code: false });
  return parts;
}
