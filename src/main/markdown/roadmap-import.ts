/**
 * Importing a roadmap folder (or one `roadmap.md`): what `roadmap-read.ts` read, matched against
 * the workspace into a plan (`import/plan.ts`): what will be created, what updated (and which
 * fields), and what could not be read. The preview shows the plan; the import carries it out
 * through the services (`import/write.ts`), in the caller's transaction, so any refusal undoes
 * it all. The roadmap then matches the files: items they no longer have are deleted (as
 * tombstones, so their history stays) unless `keepMissing`, and the order follows them. Fields
 * the files don't say (no page, no owners column) are left alone.
 */
import type { Workspace } from '../db/open.ts';
import { sameList } from './import/order.ts';
import { norm } from './read/overview.ts';
import { plan, type PlanOptions, type RoadmapFile } from './import/plan.ts';
import {
  writeDependencies,
  writeItems,
  writeOrder,
  writePeople,
  writeRemovals,
  type Written,
} from './import/write.ts';
import type { ImportProblem } from './roadmap-read.ts';

export type { ImportProblem } from './roadmap-read.ts';
export type { PlanOptions, RoadmapFile } from './import/plan.ts';

export interface ImportItem {
  kind: 'person' | 'goal' | 'initiative' | 'milestone';
  title: string;
  /** The goal of an initiative, the initiative of a milestone. */
  within: string | null;
  /** The fields an update changes (empty for a creation). */
  fields: string[];
  /** The title before a rename. */
  was?: string;
  /** Where a moved item was: another kind (a goal that became an initiative) or another parent. */
  from?: { kind: ImportItem['kind']; within: string | null };
}
export interface ImportPreview {
  create: ImportItem[];
  /** Updated items and the fields that change (`position`: its place among its siblings). */
  update: ImportItem[];
  /** Items whose title changes (`was` → `title`); other changes of theirs are in `update`. */
  rename: ImportItem[];
  /**
   * Items the files have in another place: a goal that became an initiative, an initiative
   * under another goal. The import deletes the old one (its history stays) and creates the new.
   */
  move: ImportItem[];
  /** What the files no longer have, deleted by the import (nothing with `keepMissing`). */
  remove: ImportItem[];
  problems: ImportProblem[];
  /** Kept as the files say, and flagged: what will be in progress while nobody owns it. */
  notes: ImportProblem[];
}
export interface ImportResult {
  created: number;
  updated: number;
  removed: number;
  problems: ImportProblem[];
}

const idOf = (x: { id: string | null } | { id: string }): string | null => x.id;

function dependencyChange(
  deps: ({ id: string | null } | { id: string })[] | undefined,
  current: readonly string[],
): boolean {
  if (!deps) return false;
  const ids = deps.map(idOf);
  return ids.some((id) => id === null) || !sameList(ids as string[], current);
}

/** What an import of `files` would create, update and remove, and what could not be read. Writes nothing. */
export function previewImport(
  ws: Workspace,
  files: readonly RoadmapFile[],
  options: PlanOptions = {},
): ImportPreview {
  const p = plan(ws, files, options);
  const create: ImportItem[] = [];
  const update: ImportItem[] = [];
  const rename: ImportItem[] = [];
  const item = (
    kind: ImportItem['kind'],
    title: string,
    within: string | null,
    existing: { title: string } | null,
    fields: string[],
  ) => {
    if (!existing) return void create.push({ kind, title, within, fields: [] });
    if (fields.includes('title'))
      rename.push({ kind, title, within, fields: ['title'], was: existing.title });
    const rest = fields.filter((f) => f !== 'title');
    if (rest.length) update.push({ kind, title, within, fields: rest });
  };
  for (const person of p.people) {
    item(
      'person',
      person.name,
      null,
      person.existing && { title: person.existing.name },
      person.setHandle ? ['handle'] : [],
    );
  }
  /** What changes of a planned item: its fields, its dependencies, its place among its siblings. */
  const changes = (planned: {
    existing: { id: string; dependsOnIds?: readonly string[] } | null;
    fields: object;
    dependsOn?: ({ id: string | null } | { id: string })[] | undefined;
  }): string[] => {
    const { existing } = planned;
    if (!existing) return Object.keys(planned.fields);
    const deps = existing.dependsOnIds && dependencyChange(planned.dependsOn, existing.dependsOnIds);
    return [
      ...Object.keys(planned.fields),
      ...(deps ? ['dependsOnIds'] : []),
      ...(p.moved.has(existing.id) ? ['position'] : []),
    ];
  };
  for (const g of p.goals) {
    item('goal', g.fields.title ?? g.existing?.title ?? g.read.title, null, g.existing, changes(g));
    for (const i of g.initiatives) {
      item('initiative', i.fields.title ?? i.read.title, g.read.title, i.existing, changes(i));
      for (const m of i.milestones)
        item('milestone', m.fields.title ?? m.read.title, i.read.title, m.existing, changes(m));
    }
  }
  const removed = p.removed.map((r) => ({ kind: r.kind, title: r.title, within: r.within, fields: [] }));
  return { ...pairMoves(create, removed), update, rename, problems: p.problems, notes: p.notes };
}

/**
 * A created item with the title of a removed one (another kind, or under another parent) is
 * that item moved: listed once, as a move, rather than as a creation and a removal.
 */
function pairMoves(
  created: ImportItem[],
  removed: ImportItem[],
): Pick<ImportPreview, 'create' | 'move' | 'remove'> {
  const left = [...removed];
  const create: ImportItem[] = [];
  const move: ImportItem[] = [];
  for (const c of created) {
    const at = c.kind === 'person' ? -1 : left.findIndex((r) => norm(r.title) === norm(c.title));
    const from = left[at];
    if (!from) {
      create.push(c);
      continue;
    }
    left.splice(at, 1);
    move.push({ ...c, from: { kind: from.kind, within: from.within } });
  }
  return { create, move, remove: left };
}

/**
 * Imports `files` through the services, in the caller's transaction: a refusal (thrown) undoes
 * everything. Refuses, naming file and line, when the files can't be read as a roadmap.
 */
export function importRoadmap(
  ws: Workspace,
  files: readonly RoadmapFile[],
  options: PlanOptions = {},
): ImportResult {
  const p = plan(ws, files, options);
  const out: Written = { created: 0, updated: new Set(p.moved), removed: 0 };
  writePeople(ws, p, out);
  writeItems(ws, p, out);
  writeRemovals(ws, p, out);
  writeDependencies(ws, p, out);
  writeOrder(ws, p);
  return { created: out.created, updated: out.updated.size, removed: out.removed, problems: p.problems };
}
