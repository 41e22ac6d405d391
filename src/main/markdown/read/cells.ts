/**
 * A table cell's inline text: row marks (🔻 ↳), placeholders (`tbd`), 🛠️ markers, links
 * (reference links resolved in any file), titles, states and progress.
 */
import type { Definition, Heading, Nodes, PhrasingContent } from 'mdast';
import type { State } from '../../../shared/domain.ts';
import { oneLine } from '../escape.ts';
import { isLiteralAutolink, textOf } from '../parse.ts';
import { normalizeLabel, type Doc, type Files } from './files.ts';
import type { ImportProblem, PersonRef } from './items.ts';

/** Marks of a goal row (`🔻`) or an initiative row (`↳`), spaces of any kind, `&nbsp` spelled out. */
export const GOAL_MARK = /^[🔻🔽▼⬇]\uFE0F?/u;
export const INITIATIVE_MARK = /^[↳└→↪⤷]\uFE0F?/u;
const HELP_MARK = /🛠\uFE0F?|🔧/gu;
const SPACE = /^(?:[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]|&nbsp;?|&#160;|&#xa0;)+/iu;
/** What hand-written tables put where there's nothing yet. */
export const PLACEHOLDER =
  /^(?:tbd|tba|todo|to do|n\/a|none|nobody|unknown|\?+|-+|—|–|…|\.{2,}|\(none\)|_+)$/i;

/**
 * A placeholder row's title: placeholder text written plainly. (The exporter writes a real
 * item called “tbd” with a character reference or an escape, so it is read back as an item.)
 */
export const isPlaceholder = (title: string, raw: string): boolean =>
  PLACEHOLDER.test(title) &&
  !/[\\&]/.test(raw.replace(/^(?:[\s\u00a0]|&nbsp;?|&#160;|&#xa0;|[🔻🔽▼⬇↳└→↪⤷🛠]\uFE0F?)+/iu, ''));

const stripLead = (s: string): string => s.replace(SPACE, '');
export const stripSpace = (s: string): string => stripLead(s).replace(/[\s\u00a0]+$/u, '');

/** A link in a cell: a link node (not an autolink literal), or a reference link resolved. */
export interface CellLink {
  url: string;
  text: string;
}

/** Resolves reference links against the file's definitions. */
function definitionsOf(doc: Doc): Map<string, Definition> {
  const map = new Map<string, Definition>();
  const visit = (node: Nodes) => {
    if (node.type === 'definition' && !map.has(node.identifier.toUpperCase()))
      map.set(node.identifier.toUpperCase(), node);
    if ('children' in node) for (const c of node.children as Nodes[]) visit(c);
  };
  visit(doc.tree);
  return map;
}

export interface Context {
  files: Files;
  problems: ImportProblem[];
  people: PersonRef[];
  defs: Map<string, Map<string, Definition>>;
}

export function linkOf(ctx: Context, doc: Doc, node: PhrasingContent): CellLink | null {
  if (node.type === 'linkReference') {
    let defs = ctx.defs.get(doc.path);
    if (!defs) ctx.defs.set(doc.path, (defs = definitionsOf(doc)));
    const def = defs.get(normalizeLabel(node.identifier));
    return def ? { url: def.url, text: textOf(node) } : null;
  }
  if (node.type === 'link' && !isLiteralAutolink(node)) return { url: node.url, text: textOf(node) };
  return null;
}

export interface TitleCell {
  kind: 'goal' | 'initiative' | null;
  title: string;
  href: string | null;
}

/**
 * A title cell: its row marker, the title (the leading link's text when the cell starts with a
 * link — anything after it, such as `[[🛠️][help]]` or `(repo)`, is extra — else the cell's
 * whole text) and the link.
 */
export function readTitleCell(ctx: Context, doc: Doc, nodes: readonly PhrasingContent[]): TitleCell {
  let kind: TitleCell['kind'] = null;
  const rest = [...nodes];
  // The leading text: spaces, `&nbsp;`, markers, 🛠️.
  let lead = '';
  while (rest.length && rest[0]!.type === 'text') lead += (rest.shift() as { value: string }).value;
  // GFM trims a cell's spaces, so leading space left is `&nbsp;` (or the like): an indented row.
  const indented = /^(?:[\u00a0\u2000-\u200b\u202f\u205f\u3000]|&nbsp;?|&#160;|&#xa0;)/iu.test(lead);
  let s = stripLead(lead.replace(HELP_MARK, ''));
  for (;;) {
    const before = s;
    if (GOAL_MARK.test(s)) {
      kind = 'goal';
      s = s.replace(GOAL_MARK, '');
    } else if (INITIATIVE_MARK.test(s)) {
      kind = 'initiative';
      s = s.replace(INITIATIVE_MARK, '');
    }
    s = stripLead(s);
    if (s === before) break;
  }
  if (kind === null && indented) kind = 'initiative';
  const first = rest[0];
  const firstLink = first ? linkOf(ctx, doc, first) : null;
  const realLink = (l: CellLink | null): l is CellLink =>
    !!l && stripSpace(l.text.replace(HELP_MARK, '')) !== '';
  if (stripSpace(s) === '' && firstLink) {
    // A leading `[🛠️](…)` before the title's link is a marker; a title that is only 🛠️ is a title.
    const later = rest.slice(1).some((n) => realLink(linkOf(ctx, doc, n)));
    if (realLink(firstLink) || !later) return { kind, title: oneLine(firstLink.text), href: firstLink.url };
  }
  const text = s + rest.map((n) => textOf(n)).join('');
  let href: string | null = null;
  for (const n of rest) {
    const l = linkOf(ctx, doc, n);
    if (l && stripSpace(l.text.replace(HELP_MARK, ''))) {
      href = l.url;
      break;
    }
  }
  const title = oneLine(stripSpace(text.replace(HELP_MARK, ''))) || oneLine(stripSpace(text));
  // `[Title]` left as text: a reference whose definition is in another file (or nowhere).
  const bracketed = /^\[([^[\]]+)\]$/.exec(title);
  if (bracketed && !href) {
    return { kind, title: oneLine(bracketed[1]!), href: ctx.files.globalDefinition(bracketed[1]!) ?? null };
  }
  return { kind, title, href };
}

const STATE_PATTERNS: [RegExp, State][] = [
  [/✅|✔|☑|:white_check_mark:|:heavy_check_mark:|:ballot_box_with_check:|\bdone\b|\bcompleted?\b/iu, 'done'],
  [/🦀|:crab:|\bin[ -]progress\b|\bongoing\b|\bactive\b|🚧|:construction:/iu, 'in progress'],
  [/✋|🖐|🙋|:hand:|:raised_hand:|:raising_hand:|\bhelp[ -]wanted\b|\bseeking\b/iu, 'help wanted'],
  [/💤|:zzz:|⏸|\bpaused\b|\bon hold\b|\bblocked\b/iu, 'paused'],
];

/** A state from an emoji, a `:shortcode:` or a word; the first one in the text wins. */
export function readState(text: string): State | null {
  let best: { at: number; state: State } | null = null;
  for (const [pattern, state] of STATE_PATTERNS) {
    const m = pattern.exec(text);
    if (m && (!best || m.index < best.at)) best = { at: m.index, state };
  }
  return best?.state ?? null;
}

/** Progress from a bar (`▰▰▱▱▱▱`, or █/░-style) or a percentage; null when there's none. */
export function readProgress(text: string): number | null | 'unreadable' {
  const filled = (text.match(/[▰█■●◼⬛]/gu) ?? []).length;
  const empty = (text.match(/[▱░□○◻⬜]/gu) ?? []).length;
  if (filled + empty > 0) return Math.round((filled / (filled + empty)) * 100);
  const percent = /(\d{1,3}(?:\.\d+)?)\s*%/.exec(text);
  if (percent) return Math.min(100, Math.round(Number(percent[1])));
  return stripSpace(text) === '' || PLACEHOLDER.test(stripSpace(text)) ? null : 'unreadable';
}

/** The title a goal's or initiative's heading gives: without its one marker (🔻 or ↳), and without 🛠️ unless that's all. */
export function sectionTitle(h: Heading, withoutHelp = true): string {
  // Only real spaces are trimmed: a heading's text is decoded, so `&nbsp;` here is the title's.
  const trim = (s: string) => s.replace(/^[\s\u00a0]+|[\s\u00a0]+$/gu, '');
  const text = trim(textOf(h));
  const bare = trim(GOAL_MARK.test(text) ? text.replace(GOAL_MARK, '') : text.replace(INITIATIVE_MARK, ''));
  return (withoutHelp && trim(bare.replace(HELP_MARK, ''))) || bare;
}
