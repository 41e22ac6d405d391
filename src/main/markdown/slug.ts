/** File names and heading anchors for the exported roadmap. */

/** Names Windows refuses for a file, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;
const MAX_SLUG = 60;

/**
 * A file name for a title: lowercase ASCII letters and digits, `_`-separated (accents dropped,
 * everything else a separator), at most 60 characters; `fallback` when nothing is left.
 */
export function slug(title: string, fallback: string): string {
  let out = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (out.length > MAX_SLUG) {
    out = out.slice(0, MAX_SLUG);
    const cut = out.lastIndexOf('_');
    if (cut > MAX_SLUG / 2) out = out.slice(0, cut);
    out = out.replace(/_+$/, '');
  }
  if (!out) out = fallback;
  if (RESERVED.test(out)) out = `${out}_${fallback}`;
  return out;
}

/**
 * Unique slugs for titles in order: the first keeps its slug, later equal ones get `_2`, `_3`…
 * (skipping any a title already produced), so the result depends only on the order.
 */
export function uniqueSlugs(titles: readonly string[], fallback: string): string[] {
  const bases = titles.map((t) => slug(t, fallback));
  const taken = new Set<string>();
  return bases.map((base) => {
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
    taken.add(candidate);
    return candidate;
  });
}

/**
 * Heading anchors as GitHub makes them (github-slugger): lowercase, punctuation and symbols
 * removed, spaces made `-`, repeats numbered `-1`, `-2`… in document order. Call `next` for
 * every heading of the page, in order.
 */
export class Anchors {
  private readonly occurrences = new Map<string, number>();
  next(text: string): string {
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    let result = base;
    while (this.occurrences.has(result)) {
      const n = this.occurrences.get(base)! + 1;
      this.occurrences.set(base, n);
      result = `${base}-${n}`;
    }
    this.occurrences.set(result, 0);
    return result;
  }
}
