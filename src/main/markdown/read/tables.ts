/** The roadmap's tables: the overview, a goal page's Initiatives, an initiative's Milestones. */
import type { PhrasingContent, Table, TableRow } from 'mdast';
import type { State } from '../../../shared/domain.ts';
import { oneLine } from '../escape.ts';
import { textOf } from '../parse.ts';
import {
  isPlaceholder,
  linkOf,
  PLACEHOLDER,
  readProgress,
  readState,
  readTitleCell,
  stripSpace,
  type Context,
  type TitleCell,
} from './cells.ts';
import { findPage, lineOf, resolveHref, type Doc } from './files.ts';
import type { DependencyRef, PersonRef, ReadMilestone, Where } from './items.ts';
import { readPeople } from './people.ts';

interface Columns {
  title: number;
  state: number;
  progress: number;
  owners: number;
  dependsOn: number;
}

export function columnsOf(table: Table): Columns | null {
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

export function rowsOf(doc: Doc, table: Table): Row[] {
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

export interface ItemRow {
  kind: 'goal' | 'initiative' | null;
  title: string;
  href: string | null;
  state: State | undefined;
  progress: number | undefined;
  owners: PersonRef[] | undefined;
  dependsOn: DependencyRef[] | undefined;
  at: Where;
}

export function readItemRow(
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
export function readDependencies(
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

export function readTable(ctx: Context, doc: Doc, table: Table, what: string): ItemRow[] {
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

export function readMilestones(ctx: Context, doc: Doc, table: Table): ReadMilestone[] {
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
