/**
 * A goal's or initiative's page (a file, or its section of the single file): the
 * `- **State:** …` list, the sections by name (Impact, How to Help, Initiatives, Features,
 * Milestones) and, in the single file, the sections of its initiatives.
 */
import type { Definition, Heading, List, ListItem, Nodes, PhrasingContent, RootContent, Table } from 'mdast';
import type { State } from '../../../shared/domain.ts';
import { oneLine } from '../escape.ts';
import { textOf } from '../parse.ts';
import { readProgress, readState, type Context } from './cells.ts';
import { lineOf, normalizeLabel, sourceOf, type Doc } from './files.ts';
import type { PersonRef, Where } from './items.ts';
import { readPeople } from './people.ts';

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

export interface Page {
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
export function readPage(
  ctx: Context,
  doc: Doc,
  nodes: RootContent[],
  isChild: (h: Heading) => boolean,
): Page {
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

export function applyMeta(
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
