/**
 * Importing a roadmap folder (or one `roadmap.md`): what `roadmap-read.ts` read, matched against
 * the workspace into a plan (`import/plan.ts`): what will be created, what updated (and which
 * fields), and what could not be read. The preview shows the plan; the import carries it out
 * through the services (`import/write.ts`), in the caller's transaction, so any refusal undoes
 * it all. Items the files don't mention are left alone; fields the files don't say (no page, no
 * owners column) too.
 */
import type { Workspace } from '../db/open.ts';
import { sameList } from './import/order.ts';
import { plan, type RoadmapFile } from './import/plan.ts';
import { writeDependencies, writeItems, writeOrder, writePeople, type Written } from './import/write.ts';
import type { ImportProblem } from './roadmap-read.ts';

export type { ImportProblem } from './roadmap-read.ts';
export type { RoadmapFile } from './import/plan.ts';

export interface ImportItem {
  kind: 'person' | 'goal' | 'initiative' | 'milestone';
  title: string;
  /** The goal of an initiative, the initiative of a milestone. */
  within: string | null;
  /** The fields an update changes (empty for a creation). */
  fields: string[];
}
export interface ImportPreview {
  create: ImportItem[];
  update: ImportItem[];
  problems: ImportProblem[];
}
export interface ImportResult {
  created: number;
  updated: number;
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

/** What an import of `files` would create and update, and what could not be read. Writes nothing. */
export function previewImport(ws: Workspace, files: readonly RoadmapFile[]): ImportPreview {
  const p = plan(ws, files);
  const create: ImportItem[] = [];
  const update: ImportItem[] = [];
  const item = (
    kind: ImportItem['kind'],
    title: string,
    within: string | null,
    existing: unknown,
    fields: string[],
  ) => {
    if (!existing) create.push({ kind, title, within, fields: [] });
    else if (fields.length) update.push({ kind, title, within, fields });
  };
  for (const person of p.people) {
    item('person', person.name, null, person.existing, person.setHandle ? ['handle'] : []);
  }
  for (const g of p.goals) {
    const moved = g.existing && p.moved.has(g.existing.id) ? ['position'] : [];
    item('goal', g.fields.title ?? g.existing?.title ?? g.read.title, null, g.existing, [
      ...Object.keys(g.fields),
      ...moved,
    ]);
    for (const i of g.initiatives) {
      const deps =
        i.existing && dependencyChange(i.dependsOn, i.existing.dependsOnIds) ? ['dependsOnIds'] : [];
      const imoved = i.existing && p.moved.has(i.existing.id) ? ['position'] : [];
      item('initiative', i.fields.title ?? i.read.title, g.read.title, i.existing, [
        ...Object.keys(i.fields),
        ...deps,
        ...imoved,
      ]);
      for (const m of i.milestones) {
        const mdeps =
          m.existing && dependencyChange(m.dependsOn, m.existing.dependsOnIds) ? ['dependsOnIds'] : [];
        const mmoved = m.existing && p.moved.has(m.existing.id) ? ['position'] : [];
        item('milestone', m.fields.title ?? m.read.title, i.read.title, m.existing, [
          ...Object.keys(m.fields),
          ...mdeps,
          ...mmoved,
        ]);
      }
    }
  }
  return { create, update, problems: p.problems };
}

/**
 * Imports `files` through the services, in the caller's transaction: a refusal (thrown) undoes
 * everything. Refuses, naming file and line, when the files can't be read as a roadmap.
 */
export function importRoadmap(ws: Workspace, files: readonly RoadmapFile[]): ImportResult {
  const p = plan(ws, files);
  const out: Written = { created: 0, updated: new Set(p.moved) };
  writePeople(ws, p, out);
  writeItems(ws, p, out);
  writeDependencies(ws, p, out);
  writeOrder(ws, p);
  return { created: out.created, updated: out.updated.size, problems: p.problems };
}
