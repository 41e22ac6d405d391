/**
 * Reading a roadmap folder (or a single `roadmap.md`) into plain data, without touching a
 * workspace: what `roadmap-import.ts` then matches against the workspace and writes.
 *
 * Everything is read from the mdast tree of each file (CommonMark + GFM), never from lines, and
 * tolerates what hand-written files contain: extra spaces, `&nbsp;` in any spelling, empty or
 * short rows, placeholder rows (`tbd`), 🛠️ markers and extra links in a title cell, reference
 * links defined anywhere (even in another file), `:crab:`-style shortcodes for states, pages
 * whose sections use other heading levels or none at all. What can't be read is reported as a
 * problem with its file and line, and skipped.
 *
 * Where the same fact is given twice, the overview table wins over a goal page's Initiatives
 * table, which wins over the State / Progress / Owners list on the item's own page.
 */
import type {
  Definition,
  Heading,
  List,
  ListItem,
  Nodes,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableRow,
} from 'mdast';
import type { State } from '../../shared/domain.ts';
import { isWebUrl, oneLine } from './escape.ts';
import { isLiteralAutolink, parseMarkdown, textOf } from './parse.ts';
import { Anchors } from './slug.ts';

export interface Where {
  file: string;
  line: number;
}
export interface ImportProblem extends Where {
  message: string;
}
export interface PersonRef {
  handle: string | null;
  name: string;
  /** A bare name in a hand-written cell: it may be the name of someone with a handle. */
  plain: boolean;
  at: Where;
}
/** A reference to an initiative (by page file or in-page anchor, else by title), and maybe one of its milestones. */
export interface DependencyRef {
  file: string | null;
  anchor: string | null;
  /** The text of the link: the initiative's title, or the milestone's. */
  text: string;
  at: Where;
}
/** `undefined` means "not said in the files": an update leaves the field alone. */
export interface ReadMilestone {
  title: string;
  state: State | undefined;
  participants: PersonRef[] | undefined;
  dependsOn: DependencyRef[] | undefined;
  at: Where;
}
export interface ReadInitiative {
  title: string;
  state: State | undefined;
  progress: number | undefined;
  owners: PersonRef[] | undefined;
  link: string | null | undefined;
  impact: string | undefined;
  features: string | undefined;
  milestones: ReadMilestone[] | undefined;
  dependsOn: DependencyRef[] | undefined;
  /** Where its details were read: a file, or a section of the single file (its anchor). */
  file: string | null;
  anchor: string | null;
  at: Where;
}
export interface ReadGoal {
  title: string;
  state: State | undefined;
  progress: number | undefined;
  owners: PersonRef[] | undefined;
  impact: string | undefined;
  howToHelp: string | undefined;
  initiatives: ReadInitiative[];
  file: string | null;
  at: Where;
}
export interface ReadRoadmap {
  goals: ReadGoal[];
  problems: ImportProblem[];
  /** Every reference to a person in the files, used or not (e.g. where the overview won): names for handles. */
  people: PersonRef[];
}

/** The files can't be read as a roadmap at all (no roadmap.md, no overview table). */
export class UnreadableRoadmap extends Error {
  readonly file: string;
  readonly line: number;
  readonly index: number;
  constructor(file: string, line: number, index: number, message: string) {
    super(`${file}, line ${line}: ${message}`);
    this.file = file;
    this.line = line;
    this.index = index;
  }
}

// ---- files -------------------------------------------------------------------------------

interface Doc {
  path: string;
  index: number;
  content: string;
  tree: Root;
  /** Offsets where each line starts. */
  lines: number[];
}

/** A path made `/`-separated and relative, with `.` and `..` resolved. */
export function normalizePath(p: string): string {
  const out: string[] = [];
  for (const part of p.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

const dirOf = (p: string): string => p.split('/').slice(0, -1).join('/');

class Files {
  private readonly byPath = new Map<string, { index: number; content: string }>();
  private readonly docs = new Map<string, Doc>();
  constructor(files: readonly { path: string; content: string }[]) {
    files.forEach((f, index) => {
      const path = normalizePath(f.path);
      if (!this.byPath.has(path.toLowerCase()))
        this.byPath.set(path.toLowerCase(), { index, content: f.content });
    });
  }
  paths(): string[] {
    return [...this.byPath.keys()];
  }
  has(path: string): boolean {
    return this.byPath.has(path.toLowerCase());
  }
  doc(path: string): Doc | null {
    const key = path.toLowerCase();
    const cached = this.docs.get(key);
    if (cached) return cached;
    const file = this.byPath.get(key);
    if (!file) return null;
    const content = file.content.replace(/^\uFEFF/, '');
    const lines = [0];
    for (let i = 0; i < content.length; i++) if (content[i] === '\n') lines.push(i + 1);
    const doc: Doc = { path, index: file.index, content, tree: parseMarkdown(content), lines };
    this.docs.set(key, doc);
    return doc;
  }
  /** Every definition of every file read so far (the first of a label wins), for labels a file uses but doesn't define. */
  globalDefinition(label: string): string | undefined {
    const id = normalizeLabel(label);
    for (const doc of this.docs.values()) {
      for (const node of doc.tree.children) {
        if (node.type === 'definition' && normalizeLabel(node.label ?? node.identifier) === id)
          return node.url;
      }
    }
    return undefined;
  }
}

const normalizeLabel = (raw: string): string =>
  raw
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
    .toLowerCase()
    .toUpperCase();

const lineOf = (node: Nodes | undefined): number => node?.position?.start.line ?? 1;

/** The source of consecutive top-level nodes: whole lines, trailing whitespace removed. */
function sourceOf(doc: Doc, nodes: readonly RootContent[]): string {
  if (!nodes.length) return '';
  const first = nodes[0]!.position!.start.line;
  const last = nodes.at(-1)!.position!.end.line;
  const start = doc.lines[first - 1] ?? 0;
  const end = last < doc.lines.length ? doc.lines[last]! - 1 : doc.content.length;
  return doc.content.slice(start, end).replace(/\r\n?/g, '\n').trimEnd();
}

// ---- cells and inline text ----------------------------------------------------------------

/** Marks of a goal row (`🔻`) or an initiative row (`↳`), spaces of any kind, `&nbsp` spelled out. */
const GOAL_MARK = /^[🔻🔽▼⬇]\uFE0F?/u;
const INITIATIVE_MARK = /^[↳└→↪⤷]\uFE0F?/u;
const HELP_MARK = /🛠\uFE0F?|🔧/gu;
const SPACE = /^(?:[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]|&nbsp;?|&#160;|&#xa0;)+/iu;
/** What hand-written tables put where there's nothing yet. */
export const PLACEHOLDER =
  /^(?:tbd|tba|todo|to do|n\/a|none|nobody|unknown|\?+|-+|—|–|…|\.{2,}|\(none\)|_+)$/i;

/**
 * A placeholder row's title: placeholder text written plainly. (The exporter writes a real
 * item called “tbd” with a character reference or an escape, so it is read back as an item.)
 */
const isPlaceholder = (title: string, raw: string): boolean =>
  PLACEHOLDER.test(title) &&
  !/[\\&]/.test(raw.replace(/^(?:[\s\u00a0]|&nbsp;?|&#160;|&#xa0;|[🔻🔽▼⬇↳└→↪⤷🛠]\uFE0F?)+/iu, ''));

const stripLead = (s: string): string => s.replace(SPACE, '');
const stripSpace = (s: string): string => stripLead(s).replace(/[\s\u00a0]+$/u, '');

/** A link in a cell: a link node (not an autolink literal), or a reference link resolved. */
interface CellLink {
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

interface Context {
  files: Files;
  problems: ImportProblem[];
  people: PersonRef[];
  defs: Map<string, Map<string, Definition>>;
}

function linkOf(ctx: Context, doc: Doc, node: PhrasingContent): CellLink | null {
  if (node.type === 'linkReference') {
    let defs = ctx.defs.get(doc.path);
    if (!defs) ctx.defs.set(doc.path, (defs = definitionsOf(doc)));
    const def = defs.get(normalizeLabel(node.identifier));
    return def ? { url: def.url, text: textOf(node) } : null;
  }
  if (node.type === 'link' && !isLiteralAutolink(node)) return { url: node.url, text: textOf(node) };
  return null;
}

interface TitleCell {
  kind: 'goal' | 'initiative' | null;
  title: string;
  href: string | null;
}

/**
 * A title cell: its row marker, the title (the leading link's text when the cell starts with a
 * link — anything after it, such as `[[🛠️][help]]` or `(repo)`, is extra — else the cell's
 * whole text) and the link.
 */
function readTitleCell(ctx: Context, doc: Doc, nodes: readonly PhrasingContent[]): TitleCell {
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

// ---- states, progress, people -------------------------------------------------------------

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

const HANDLE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** The handle of a GitHub profile link (`https://github.com/<handle>`, a trailing `/` allowed). */
export function profileHandle(url: string): string | null {
  const m = /^https?:\/\/(?:www\.)?github\.com\/([^/?#]+)\/?(?:[?#].*)?$/i.exec(url.trim());
  return m && HANDLE.test(m[1]!) ? m[1]! : null;
}

function personFromLink(link: CellLink, at: Where): PersonRef {
  const handle = profileHandle(link.url);
  const text = oneLine(link.text);
  // `[@handle](https://github.com/handle)`: the handle, not a name.
  const name = handle && text.toLowerCase() === `@${handle.toLowerCase()}` ? handle : text;
  return { handle, name: name || handle || link.url, plain: false, at };
}

/**
 * The people of an owners or participants cell: profile links (by handle, the link text as
 * name), other links (a team: the link text as name), names in italics, and plain text split
 * at commas — `@handle` read as a handle, `[label]` looked up in every file's definitions,
 * placeholders (`tbd`, `-`) ignored.
 */
function readPeople(ctx: Context, doc: Doc, nodes: readonly PhrasingContent[], at: Where): PersonRef[] {
  const out: PersonRef[] = [];
  const fromText = (text: string) => {
    const cleaned = text.replace(/\([^)]*\)/g, ' ');
    for (const raw of cleaned.split(/[,;]|\s+(?:and|&)\s+|\s\/\s|\s\+\s/)) {
      const piece = stripSpace(raw);
      if (!piece || PLACEHOLDER.test(piece) || !/[\p{L}\p{N}]/u.test(piece)) continue;
      const bracket = /^\[([^\]]+)\]$/.exec(piece);
      if (bracket) {
        const label = bracket[1]!;
        const url = ctx.files.globalDefinition(label);
        if (url) {
          out.push(personFromLink({ url, text: label }, at));
          continue;
        }
        ctx.problems.push({ ...at, message: `No link is defined for [${label}]: read as a name` });
        const handle = HANDLE.test(label) ? label : null;
        out.push({ handle, name: label, plain: handle === null, at });
        continue;
      }
      const mention = /^@([A-Za-z0-9][A-Za-z0-9_.-]*)$/.exec(piece);
      if (mention) out.push({ handle: mention[1]!, name: mention[1]!, plain: false, at });
      else out.push({ handle: null, name: oneLine(piece), plain: true, at });
    }
  };
  let pending = '';
  const flush = () => {
    if (pending) fromText(pending);
    pending = '';
  };
  for (const node of nodes) {
    const link = linkOf(ctx, doc, node);
    if (link) {
      flush();
      out.push(personFromLink(link, at));
    } else if (node.type === 'link') {
      // An autolink literal: a profile URL, or a name.
      flush();
      out.push(personFromLink({ url: node.url, text: profileHandle(node.url) ?? textOf(node) }, at));
    } else if (node.type === 'emphasis' || node.type === 'strong') {
      flush();
      const inner = node.children.map((c) => linkOf(ctx, doc, c)).filter((l) => l !== null);
      if (inner.length) inner.forEach((l) => out.push(personFromLink(l, at)));
      else {
        const name = oneLine(textOf(node));
        if (name) out.push({ handle: null, name, plain: false, at });
      }
    } else {
      pending += textOf(node);
    }
  }
  flush();
  ctx.people.push(...out);
  return out;
}

// ---- tables --------------------------------------------------------------------------------

interface Columns {
  title: number;
  state: number;
  progress: number;
  owners: number;
  dependsOn: number;
}

function columnsOf(table: Table): Columns | null {
  const header = table.children[0]?.children.map((c) => oneLine(textOf(c)).toLowerCase()) ?? [];
  const find = (re: RegExp) => header.findIndex((h) => re.test(h));
  const state = find(/state|status/);
  let title = find(/deliverable|goal|initiative|milestone|name|title|item|what/);
  if (title < 0 && state !== 0) title = 0;
  if (title < 0 || state < 0 || title === state) return null;
  return {
    title,
    state,
    progress: find(/progress/),
    owners: find(/owner|participant|who|lead|people|champion|contact/),
    dependsOn: find(/depend|after|blocked by/),
  };
}

interface Row {
  cells: (PhrasingContent[] | undefined)[];
  /** Each cell's source. */
  raw: string[];
  at: Where;
}

function rowsOf(doc: Doc, table: Table): Row[] {
  return table.children.slice(1).map((row: TableRow) => ({
    cells: row.children.map((c) => c.children),
    raw: row.children.map((c) => {
      const start = c.children[0]?.position?.start.offset;
      const end = c.children.at(-1)?.position?.end.offset;
      return start === undefined || end === undefined ? '' : doc.content.slice(start, end);
    }),
    at: { file: doc.path, line: lineOf(row) },
  }));
}

const cellOf = (row: Row, index: number): PhrasingContent[] | undefined =>
  index >= 0 ? (row.cells[index] ?? []) : undefined;

interface ItemRow {
  kind: 'goal' | 'initiative' | null;
  title: string;
  href: string | null;
  state: State | undefined;
  progress: number | undefined;
  owners: PersonRef[] | undefined;
  dependsOn: DependencyRef[] | undefined;
  at: Where;
}

function readItemRow(
  ctx: Context,
  doc: Doc,
  row: Row,
  cols: Columns,
  what: string,
  given?: TitleCell,
): ItemRow | null {
  const title = given ?? readTitleCell(ctx, doc, cellOf(row, cols.title) ?? []);
  if (what === 'the deliverable') what = title.kind === 'initiative' ? 'the initiative' : 'the goal';
  if (!title.title || (!title.href && isPlaceholder(title.title, row.raw[cols.title] ?? ''))) return null;
  const stateText = oneLine(textOf({ type: 'paragraph', children: cellOf(row, cols.state) ?? [] }));
  let state: State | undefined = readState(stateText) ?? undefined;
  if (!state && stateText) {
    ctx.problems.push({
      ...row.at,
      message: `The state “${stateText}” of ${what} “${title.title}” is not one of ✅ 🦀 ✋ 💤: left as it is`,
    });
  }
  if (!stateText) state = undefined;
  let progress: number | undefined;
  const progressCell = cellOf(row, cols.progress);
  if (progressCell) {
    const text = textOf({ type: 'paragraph', children: progressCell });
    const value = readProgress(text);
    if (value === 'unreadable') {
      ctx.problems.push({
        ...row.at,
        message: `The progress “${oneLine(text)}” of ${what} “${title.title}” is not a bar (▰▰▱▱▱▱) or a percentage: left as it is`,
      });
    } else if (value !== null) progress = value;
  }
  const ownersCell = cellOf(row, cols.owners);
  const dependsCell = cellOf(row, cols.dependsOn);
  return {
    kind: title.kind,
    title: title.title,
    href: title.href,
    state,
    progress,
    owners: ownersCell ? readPeople(ctx, doc, ownersCell, row.at) : undefined,
    dependsOn: dependsCell ? readDependencies(ctx, doc, dependsCell, row.at) : undefined,
    at: row.at,
  };
}

/** Dependencies: links (to an initiative's page or section; their text names the item), else comma-separated titles. */
function readDependencies(
  ctx: Context,
  doc: Doc,
  nodes: readonly PhrasingContent[],
  at: Where,
): DependencyRef[] {
  const out: DependencyRef[] = [];
  let pending = '';
  const flush = () => {
    for (const piece of pending.split(',')) {
      const text = oneLine(stripSpace(piece));
      if (text && !PLACEHOLDER.test(text)) out.push({ file: null, anchor: null, text, at });
    }
    pending = '';
  };
  for (const node of nodes) {
    const link = linkOf(ctx, doc, node);
    if (link) {
      flush();
      const target = resolveHref(doc, link.url);
      const file = findPage(ctx.files, doc, link.url, target, true) ?? target.file;
      out.push({ file, anchor: target.anchor, text: oneLine(link.text), at });
    } else pending += textOf(node);
  }
  flush();
  return out;
}

/** Where a link goes: a file (relative to the linking file) and/or an anchor, or outside. */
function resolveHref(
  doc: Doc,
  href: string,
): { file: string | null; anchor: string | null; external: boolean } {
  if (isWebUrl(href)) return { file: null, anchor: null, external: true };
  const [pathPart = '', ...fragment] = href.split('#');
  const anchor = fragment.length ? fragment.join('#') : null;
  if (!pathPart) return { file: doc.path, anchor, external: false };
  if (/^[a-z][a-z0-9+.-]*:/i.test(pathPart)) return { file: null, anchor: null, external: true };
  let decoded = pathPart.split('?')[0]!;
  try {
    decoded = decodeURI(decoded);
  } catch {
    // keep as written
  }
  return { file: normalizePath(`${dirOf(doc.path)}/${decoded}`), anchor, external: false };
}

// ---- pages -----------------------------------------------------------------------------------

type SectionName = 'impact' | 'howToHelp' | 'initiatives' | 'features' | 'milestones';
const SECTION_TITLES: Record<SectionName, string> = {
  impact: 'Impact',
  howToHelp: 'How to Help',
  initiatives: 'Initiatives',
  features: 'Features',
  milestones: 'Milestones',
};

function sectionName(heading: Heading): SectionName | null {
  const text = textOf(heading)
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  if (/^impact$/.test(text)) return 'impact';
  if (/^how (?:to|you can|can i) help$/.test(text)) return 'howToHelp';
  if (/^initiatives$/.test(text)) return 'initiatives';
  if (/^(?:features|deliverables)$/.test(text)) return 'features';
  if (/^milestones$/.test(text)) return 'milestones';
  return null;
}

const META_KEYS: Record<string, string> = {
  state: 'state',
  status: 'state',
  progress: 'progress',
  owner: 'owners',
  owners: 'owners',
  lead: 'owners',
  leads: 'owners',
  link: 'link',
  repository: 'link',
  repo: 'link',
  page: 'link',
  website: 'link',
  'depends on': 'dependsOn',
  dependencies: 'dependsOn',
  goal: 'goal',
};

interface MetaEntry {
  nodes: PhrasingContent[];
  at: Where;
}

/** A `- **Key:** value` list item: its key and the value's nodes. */
function metaItem(item: ListItem): { key: string; nodes: PhrasingContent[] } | null {
  const para = item.children[0];
  if (item.children.length !== 1 || para?.type !== 'paragraph') return null;
  const [first, ...rest] = para.children;
  if (!first) return null;
  let keyText: string;
  let nodes: PhrasingContent[];
  if (first.type === 'strong' || first.type === 'emphasis') {
    keyText = textOf(first);
    nodes = rest;
    if (!keyText.trim().endsWith(':')) {
      const next = rest[0];
      if (next?.type !== 'text' || !next.value.startsWith(':')) return null;
      nodes = [{ ...next, value: next.value.slice(1) }, ...rest.slice(1)];
    }
  } else if (first.type === 'text' && /^[^:]{1,20}:/.test(first.value)) {
    const colon = first.value.indexOf(':');
    keyText = first.value.slice(0, colon);
    nodes = [{ ...first, value: first.value.slice(colon + 1) }, ...rest];
  } else return null;
  const key = META_KEYS[keyText.replace(/:\s*$/, '').trim().toLowerCase()];
  return key ? { key, nodes } : null;
}

function readMeta(list: List, file: string): Map<string, MetaEntry> | null {
  const out = new Map<string, MetaEntry>();
  for (const item of list.children) {
    const entry = metaItem(item);
    if (!entry) return null;
    if (!out.has(entry.key)) out.set(entry.key, { nodes: entry.nodes, at: { file, line: lineOf(item) } });
  }
  return out;
}

interface Page {
  doc: Doc;
  meta: Map<string, MetaEntry>;
  text: Partial<Record<'impact' | 'howToHelp' | 'features', string>>;
  tables: Partial<Record<'initiatives' | 'milestones', Table>>;
  children: { heading: Heading; nodes: RootContent[] }[];
}

/**
 * A page (a file, or a goal's or initiative's section of the single file): the meta list before
 * the first section, the sections by name, and — in the single file — the child sections
 * (`isChild`). The sections' level is the shallowest among the known section headings; a
 * deeper heading, or one of no known name, belongs to the section it's in (one of no known
 * name is reported). Text before the first section (other than the meta list) counts as impact.
 */
function readPage(ctx: Context, doc: Doc, nodes: RootContent[], isChild: (h: Heading) => boolean): Page {
  const page: Page = { doc, meta: new Map(), text: {}, tables: {}, children: [] };
  const headings = nodes.filter((n): n is Heading => n.type === 'heading');
  const structural = headings.filter((n) => sectionName(n) !== null || isChild(n));
  const depth = structural.length ? Math.min(...structural.map((h) => h.depth)) : 7;
  // Child sections (the single file's initiatives) may sit one level below the sections
  // (`### Initiatives` then `#### ↳ …`).
  const children = headings.filter((h) => isChild(h) && h.depth <= depth + 1);
  const childDepth = children.length ? Math.min(...children.map((h) => h.depth)) : 0;
  type Bucket = { name: SectionName | 'preamble' | 'child'; nodes: RootContent[] };
  const buckets: Bucket[] = [{ name: 'preamble', nodes: [] }];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= Math.max(depth, childDepth)) {
      const name = sectionName(node);
      if (node.depth <= childDepth && isChild(node)) {
        page.children.push({ heading: node, nodes: [] });
        buckets.push({ name: 'child', nodes: [] });
        continue;
      }
      if (node.depth > depth) {
        const current = buckets.at(-1)!;
        if (current.name === 'child') page.children.at(-1)!.nodes.push(node);
        else current.nodes.push(node);
        continue;
      }
      if (isChild(node)) {
        page.children.push({ heading: node, nodes: [] });
        buckets.push({ name: 'child', nodes: [] });
        continue;
      }
      if (name) {
        buckets.push({ name, nodes: [] });
        continue;
      }
      const current = buckets.at(-1)!;
      if (current.name !== 'child') {
        // After a table section, an unknown section's text joins the impact (nothing is dropped).
        if (current.name === 'initiatives' || current.name === 'milestones') {
          buckets.push({ name: 'impact', nodes: [] });
        }
        const into = buckets.at(-1)!.name;
        ctx.problems.push({
          file: doc.path,
          line: lineOf(node),
          message: `“${oneLine(textOf(node))}” is not a section of the roadmap format: kept as part of ${SECTION_TITLES[into as keyof typeof SECTION_TITLES] ?? 'Impact'}`,
        });
      }
    }
    const current = buckets.at(-1)!;
    if (current.name === 'child') page.children.at(-1)!.nodes.push(node);
    else current.nodes.push(node);
  }
  const stored: Bucket[] = [];
  for (const bucket of buckets) {
    if (bucket.name === 'preamble') {
      const rest: RootContent[] = [];
      for (const node of bucket.nodes) {
        const meta = node.type === 'list' && page.meta.size === 0 ? readMeta(node, doc.path) : null;
        if (meta) page.meta = meta;
        else rest.push(node);
      }
      if (rest.length) {
        const text = rest.map((n) => sourceOf(doc, [n])).join('\n\n');
        page.text.impact = page.text.impact ? `${text}\n\n${page.text.impact}` : text;
        stored.push({ name: 'impact', nodes: rest });
      }
    } else if (bucket.name === 'initiatives' || bucket.name === 'milestones') {
      const table = bucket.nodes.find((n): n is Table => n.type === 'table');
      if (table && !page.tables[bucket.name]) page.tables[bucket.name] = table;
    } else if (bucket.name !== 'child') {
      const text = sourceOf(doc, bucket.nodes);
      const previous = page.text[bucket.name];
      page.text[bucket.name] = previous ? `${previous}\n\n${text}` : text;
      stored.push(bucket);
    }
  }
  // Reference definitions a section uses but the page defines further down, outside any
  // section that is kept (typically at the end of the page): carried along with the text.
  for (const key of ['impact', 'howToHelp', 'features'] as const) {
    const own = stored.filter((b) => b.name === key);
    if (!own.length || page.text[key] === undefined) continue;
    const missing = referencedButUndefined(own.flatMap((b) => b.nodes));
    if (!missing.size) continue;
    const end = Math.max(...own.map((b) => b.nodes.at(-1)?.position?.end.offset ?? 0));
    const inStored = (n: RootContent) =>
      stored.some((b) => b.nodes.includes(n)) ||
      page.children.some((c) => c.nodes.includes(n)) ||
      (n.position?.start.offset ?? 0) < end;
    const extra = nodes.filter(
      (n): n is Definition =>
        n.type === 'definition' && missing.has(normalizeLabel(n.identifier)) && !inStored(n),
    );
    const seen = new Set<string>();
    const lines = extra
      .filter((d) => !seen.has(normalizeLabel(d.identifier)) && seen.add(normalizeLabel(d.identifier)))
      .map((d) => sourceOf(doc, [d]));
    if (lines.length) page.text[key] = `${page.text[key]}\n\n${lines.join('\n')}`;
  }
  return page;
}

/** Labels of reference links and images in `nodes` that `nodes` don't define. */
function referencedButUndefined(nodes: RootContent[]): Set<string> {
  const used = new Set<string>();
  const defined = new Set<string>();
  const visit = (n: Nodes) => {
    if (n.type === 'linkReference' || n.type === 'imageReference') used.add(normalizeLabel(n.identifier));
    if (n.type === 'definition') defined.add(normalizeLabel(n.identifier));
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  nodes.forEach(visit);
  return new Set([...used].filter((l) => !defined.has(l)));
}

// ---- the roadmap -------------------------------------------------------------------------------

const norm = (title: string): string => oneLine(title).toLowerCase().replace(/\s+/g, ' ');

function findRoot(files: Files, all: readonly { path: string }[]): string {
  const candidates = files
    .paths()
    .filter((p) => /(^|\/)roadmap\.md$/i.test(p))
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  if (candidates[0]) return candidates[0];
  const markdown = files.paths().filter((p) => /\.(md|markdown)$/i.test(p));
  if (markdown.length === 1) return markdown[0]!;
  throw new UnreadableRoadmap(
    all[0] ? normalizePath(all[0].path) : 'roadmap.md',
    1,
    0,
    all.length
      ? `There is no roadmap.md among the ${all.length} file(s): choose the folder that holds roadmap.md, or a single roadmap file`
      : 'No files were given',
  );
}

/** Reads the files of a roadmap folder, or one roadmap file. Throws `UnreadableRoadmap`. */
export function readRoadmap(input: readonly { path: string; content: string }[]): ReadRoadmap {
  const files = new Files(input);
  const problems: ImportProblem[] = [];
  const ctx: Context = { files, problems, people: [], defs: new Map() };
  const rootPath = findRoot(files, input);
  const root = files.doc(rootPath)!;
  // Parse every Markdown file now, so definitions anywhere can be found.
  for (const p of files.paths()) if (/\.(md|markdown)$/i.test(p)) files.doc(p);

  const tables = root.tree.children.filter((n): n is Table => n.type === 'table');
  const overview = tables.find((t) => columnsOf(t) !== null);
  if (!overview) {
    throw new UnreadableRoadmap(
      root.path,
      lineOf(tables[0] ?? root.tree.children[0]),
      root.index,
      'There is no overview table (| Deliverable | State | Progress | Owner |) in this file',
    );
  }
  const cols = columnsOf(overview)!;
  const header = norm(textOf(overview.children[0]!.children[cols.title]!));
  const rows = rowsOf(root, overview)
    .map((r) => readItemRow(ctx, root, r, cols, 'the deliverable'))
    .filter((r): r is ItemRow => r !== null);

  // Rows into goals with their initiatives.
  const goalRows: { row: ItemRow; initiatives: ItemRow[] }[] = [];
  for (const row of rows) {
    const kind = row.kind ?? (/initiative/.test(header) && goalRows.length ? 'initiative' : 'goal');
    if (kind === 'initiative') {
      const goal = goalRows.at(-1);
      if (!goal) {
        problems.push({ ...row.at, message: `The initiative “${row.title}” comes before any goal: skipped` });
        continue;
      }
      goal.initiatives.push(row);
    } else goalRows.push({ row, initiatives: [] });
  }

  // The single file's sections: goal headings (🔻 or a goal's title), and the anchors of all headings.
  const anchors = new Map<Heading, string>();
  {
    const a = new Anchors();
    const visit = (n: Nodes) => {
      if (n.type === 'heading') anchors.set(n, a.next(textOf(n)));
      if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
    };
    visit(root.tree);
  }
  const goalTitles = new Set(goalRows.map((g) => norm(g.row.title)));
  /** The titles a heading may mean: with its 🛠️ markers, and without. */
  const headingTitles = (h: Heading): string[] => [norm(sectionTitle(h, false)), norm(sectionTitle(h))];
  const isGoalHeading = (h: Heading) => {
    const text = stripSpace(textOf(h));
    return h.depth > 1 && (GOAL_MARK.test(text) || headingTitles(h).some((t) => goalTitles.has(t)));
  };
  const goalHeadings = root.tree.children.filter(
    (n): n is Heading => n.type === 'heading' && isGoalHeading(n),
  );
  const goalDepth = goalHeadings.length ? Math.min(...goalHeadings.map((h) => h.depth)) : 0;
  type Section = { heading: Heading; nodes: RootContent[] };
  const sections: Section[] = [];
  {
    let current: Section | null = null;
    for (const node of root.tree.children) {
      if (node.type === 'heading' && node.depth <= goalDepth) {
        current = null;
        if (node.depth === goalDepth && isGoalHeading(node)) {
          current = { heading: node, nodes: [] };
          sections.push(current);
        }
        continue;
      }
      current?.nodes.push(node);
    }
  }
  /** The section a link's anchor names, else the first unused one with the title. */
  const used = new Set<Section>();
  const takeSection = (list: Section[], title: string, href: string | null): Section | null => {
    const anchor = href ? resolveHref(root, href) : null;
    const found =
      (anchor?.anchor && anchor.file === root.path
        ? list.find((x) => !used.has(x) && anchors.get(x.heading) === anchor.anchor)
        : undefined) ??
      list.find((x) => !used.has(x) && headingTitles(x.heading)[0] === norm(title)) ??
      list.find((x) => !used.has(x) && headingTitles(x.heading)[1] === norm(title));
    if (found) used.add(found);
    return found ?? null;
  };

  const goals: ReadGoal[] = [];
  for (const { row, initiatives } of goalRows) {
    const goal: ReadGoal = {
      title: row.title,
      state: row.state,
      progress: row.progress,
      owners: row.owners,
      impact: undefined,
      howToHelp: undefined,
      initiatives: [],
      file: null,
      at: row.at,
    };
    goals.push(goal);

    // Its page: the linked file, else its section in this file.
    let page: Page | null = null;
    const target = row.href ? resolveHref(root, row.href) : null;
    const initiativeTitles = new Set(initiatives.map((i) => norm(i.title)));
    const isInitiativeHeading = (h: Heading) =>
      INITIATIVE_MARK.test(stripSpace(textOf(h))) || headingTitles(h).some((t) => initiativeTitles.has(t));
    const pageFile = target ? findPage(files, root, row.href!, target) : null;
    if (pageFile) {
      const doc = files.doc(pageFile)!;
      goal.file = doc.path;
      page = readPage(ctx, doc, pageBody(doc), () => false);
    } else {
      const section = takeSection(sections, row.title, row.href);
      if (section) page = readPage(ctx, root, section.nodes, isInitiativeHeading);
      else if (target && !target.external && target.file !== root.path) {
        problems.push({
          ...row.at,
          message: `“${row.title}” links to ${target.file}, which is not among the files`,
        });
      }
    }
    if (page) {
      goal.impact = page.text.impact ?? '';
      goal.howToHelp = page.text.howToHelp ?? '';
      applyMeta(ctx, page, goal, 'the goal');
    }

    // Its initiatives: the overview's rows, then rows only the goal page's table has.
    const pageRows =
      page?.tables.initiatives && page.doc !== root
        ? readTable(ctx, page.doc, page.tables.initiatives, 'the initiative')
        : [];
    const merged: { row: ItemRow; doc: Doc; extra: ItemRow | null; child?: Section | null }[] =
      initiatives.map((r) => ({ row: r, doc: root, extra: null }));
    for (const pr of pageRows) {
      const prFile = pr.href ? pageOf(files, page!.doc, pr.href) : null;
      const match = merged.find(
        (m) =>
          !m.extra &&
          ((prFile !== null && m.row.href !== null && pageOf(files, root, m.row.href) === prFile) ||
            norm(m.row.title) === norm(pr.title)),
      );
      if (match) match.extra = pr;
      else merged.push({ row: pr, doc: page!.doc, extra: null });
    }
    // In the single file: each initiative's section, then the sections no table lists.
    if (page && page.doc === root) {
      for (const m of merged) m.child = takeSection(page.children, m.row.title, m.row.href);
      for (const child of page.children) {
        if (used.has(child)) continue;
        used.add(child);
        const title = oneLine(sectionTitle(child.heading));
        if (!title) continue;
        merged.push({
          child,
          row: {
            kind: 'initiative',
            title,
            href: null,
            state: undefined,
            progress: undefined,
            owners: undefined,
            dependsOn: undefined,
            at: { file: root.path, line: lineOf(child.heading) },
          },
          doc: root,
          extra: null,
        });
      }
    }

    for (const { row: ir, doc: irDoc, extra, child } of merged) {
      const initiative: ReadInitiative = {
        title: ir.title,
        state: ir.state ?? extra?.state,
        progress: ir.progress ?? extra?.progress,
        owners: ir.owners ?? extra?.owners,
        link: undefined,
        impact: undefined,
        features: undefined,
        milestones: undefined,
        dependsOn: undefined,
        file: null,
        anchor: null,
        at: ir.at,
      };
      goal.initiatives.push(initiative);
      let ipage: Page | null = null;
      const hrefs: [Doc, string][] = [];
      if (ir.href) hrefs.push([irDoc, ir.href]);
      if (extra?.href) hrefs.push([page!.doc, extra.href]);
      for (const [doc, href] of hrefs) {
        const t = resolveHref(doc, href);
        if (t.external && isWebUrl(href) && !pageOf(files, doc, href)) {
          initiative.link ??= href;
          continue;
        }
        const file = pageOf(files, doc, href);
        if (file && !ipage) {
          const d = files.doc(file)!;
          initiative.file = d.path;
          ipage = readPage(ctx, d, pageBody(d), () => false);
        } else if (!file && !t.external && t.file !== doc.path) {
          problems.push({
            file: doc.path,
            line: doc === root ? ir.at.line : (extra?.at.line ?? ir.at.line),
            message: `“${ir.title}” links to ${t.file}, which is not among the files`,
          });
        }
      }
      if (!ipage && child) {
        {
          initiative.anchor = anchors.get(child.heading) ?? null;
          ipage = readPage(ctx, root, child.nodes, () => false);
        }
      }
      if (ipage) {
        initiative.impact = ipage.text.impact ?? '';
        initiative.features = ipage.text.features ?? '';
        initiative.link ??= null;
        applyMeta(ctx, ipage, initiative, 'the initiative');
        const link = ipage.meta.get('link');
        if (link) {
          const l = link.nodes
            .map((n) => (n.type === 'link' ? n.url : linkOf(ctx, ipage.doc, n)?.url))
            .find(Boolean);
          const text = oneLine(textOf({ type: 'paragraph', children: link.nodes }));
          const href = l ?? (isWebUrl(text) ? text : null);
          if (href && isWebUrl(href)) initiative.link = href;
          else if (text)
            problems.push({ ...link.at, message: `The link “${text}” is not an http(s) address: left out` });
        }
        const deps = ipage.meta.get('dependsOn');
        if (deps) initiative.dependsOn = readDependencies(ctx, ipage.doc, deps.nodes, deps.at);
        if (ipage.tables.milestones)
          initiative.milestones = readMilestones(ctx, ipage.doc, ipage.tables.milestones);
        else initiative.milestones = [];
      }
    }
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { goals, problems, people: ctx.people };
}

/** The title a goal's or initiative's heading gives: without its one marker (🔻 or ↳), and without 🛠️ unless that's all. */
function sectionTitle(h: Heading, withoutHelp = true): string {
  // Only real spaces are trimmed: a heading's text is decoded, so `&nbsp;` here is the title's.
  const trim = (s: string) => s.replace(/^[\s\u00a0]+|[\s\u00a0]+$/gu, '');
  const text = trim(textOf(h));
  const bare = trim(GOAL_MARK.test(text) ? text.replace(GOAL_MARK, '') : text.replace(INITIATIVE_MARK, ''));
  return (withoutHelp && trim(bare.replace(HELP_MARK, ''))) || bare;
}

/** A page's body: everything after its first `#` heading (its title). */
function pageBody(doc: Doc): RootContent[] {
  const children = doc.tree.children;
  const title = children.findIndex((n) => n.type === 'heading' && n.depth === 1);
  return title >= 0 ? children.slice(title + 1) : children;
}

/**
 * The file a link points to, if it's among the files: relative links (`.md`, or `.html` of the
 * rendered book, or without extension), or an absolute link into the rendered book whose
 * path ends like one of the files.
 */
function pageOf(files: Files, doc: Doc, href: string): string | null {
  const target = resolveHref(doc, href);
  return findPage(files, doc, href, target);
}

function findPage(
  files: Files,
  doc: Doc,
  href: string,
  target: { file: string | null; external: boolean },
  allowSelf = false,
): string | null {
  const tryPath = (p: string): string | null => {
    for (const candidate of [
      p,
      p.replace(/\.html?$/i, '.md'),
      `${p}.md`,
      `${p}/index.md`,
      `${p}/README.md`,
    ]) {
      if (files.has(candidate) && (allowSelf || candidate.toLowerCase() !== doc.path.toLowerCase()))
        return files.doc(candidate)?.path ?? null;
    }
    return null;
  };
  if (!target.external && target.file) return tryPath(target.file.replace(/\/$/, ''));
  if (isWebUrl(href)) {
    let pathname: string;
    try {
      pathname = decodeURI(new URL(href).pathname);
    } catch {
      return null;
    }
    if (!/\.html?$/i.test(pathname)) return null;
    const parts = pathname
      .replace(/\.html?$/i, '.md')
      .split('/')
      .filter(Boolean);
    for (let n = Math.min(parts.length, 3); n >= 2; n--) {
      const suffix = parts.slice(-n).join('/').toLowerCase();
      const found = files.paths().find((p) => p === suffix || p.endsWith(`/${suffix}`));
      if (found) return files.doc(found)?.path ?? null;
    }
  }
  return null;
}

function readTable(ctx: Context, doc: Doc, table: Table, what: string): ItemRow[] {
  const cols = columnsOf(table);
  if (!cols) {
    ctx.problems.push({
      file: doc.path,
      line: lineOf(table),
      message: 'This table has no title and state columns: skipped',
    });
    return [];
  }
  return rowsOf(doc, table)
    .map((r) => readItemRow(ctx, doc, r, cols, what))
    .filter((r): r is ItemRow => r !== null);
}

function readMilestones(ctx: Context, doc: Doc, table: Table): ReadMilestone[] {
  const cols = columnsOf(table);
  if (!cols) {
    ctx.problems.push({
      file: doc.path,
      line: lineOf(table),
      message: 'The milestones table has no Milestone and Status columns: skipped',
    });
    return [];
  }
  const out: ReadMilestone[] = [];
  for (const row of rowsOf(doc, table)) {
    // A milestone's title is its cell's whole text: links in it (`[Lang team] sign-off`) are words.
    const title = oneLine(textOf({ type: 'paragraph', children: cellOf(row, cols.title) ?? [] }));
    if (!title || isPlaceholder(title, row.raw[cols.title] ?? '')) continue;
    const item = readItemRow(ctx, doc, row, cols, 'the milestone', { kind: null, title, href: null });
    out.push({
      title,
      state: item?.state,
      participants: item?.owners,
      dependsOn: item?.dependsOn,
      at: row.at,
    });
  }
  return out;
}

function applyMeta(
  ctx: Context,
  page: Page,
  item: {
    title: string;
    state: State | undefined;
    progress: number | undefined;
    owners: PersonRef[] | undefined;
  },
  what: string,
): void {
  const state = page.meta.get('state');
  if (state && item.state === undefined) {
    const text = oneLine(textOf({ type: 'paragraph', children: state.nodes }));
    const value = readState(text);
    if (value) item.state = value;
    else if (text)
      ctx.problems.push({
        ...state.at,
        message: `The state “${text}” of ${what} is not one of ✅ 🦀 ✋ 💤: left as it is`,
      });
  }
  const progress = page.meta.get('progress');
  if (progress && item.progress === undefined) {
    const value = readProgress(textOf({ type: 'paragraph', children: progress.nodes }));
    if (typeof value === 'number') item.progress = value;
  }
  const owners = page.meta.get('owners');
  if (owners && item.owners === undefined) item.owners = readPeople(ctx, page.doc, owners.nodes, owners.at);
  else if (owners && item.owners) {
    // The overview names owners by handle; the page gives their names.
    for (const ref of readPeople(ctx, page.doc, owners.nodes, owners.at)) {
      const same = item.owners.find(
        (o) => o.handle && ref.handle && o.handle.toLowerCase() === ref.handle.toLowerCase(),
      );
      if (same && same.name === same.handle && ref.name !== ref.handle) same.name = ref.name;
    }
  }
}
