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
 * The parts, in `read/`: the files and links between them (`files.ts`), a cell's text
 * (`cells.ts`, `people.ts`), tables (`tables.ts`), pages (`pages.ts`), the overview table
 * (`overview.ts`), the single file's sections (`sections.ts`), and a goal with its
 * initiatives (`goals.ts`); what is read is described in `items.ts`.
 */
import type { Context } from './read/cells.ts';
import { Files, normalizePath } from './read/files.ts';
import { readGoal } from './read/goals.ts';
import { UnreadableRoadmap, type ReadRoadmap } from './read/items.ts';
import { readOverview } from './read/overview.ts';
import { Sections } from './read/sections.ts';

export type * from './read/items.ts';
export { UnreadableRoadmap } from './read/items.ts';
export { PLACEHOLDER } from './read/cells.ts';

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
  const ctx: Context = { files, problems: [], people: [], defs: new Map() };
  const root = files.doc(findRoot(files, input))!;
  const unread = files.refused[0];
  if (unread) throw new UnreadableRoadmap(unread.file, unread.line, root.index, unread.message);
  // Parse every Markdown file now, so definitions anywhere can be found.
  for (const p of files.paths()) if (/\.(md|markdown)$/i.test(p)) files.doc(p);

  const goalRows = readOverview(ctx, root);
  const sections = new Sections(root, goalRows);
  const goals = goalRows.map((g) => readGoal(ctx, root, sections, g));
  const problems = [...ctx.problems, ...files.refused].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line,
  );
  return { goals, problems, people: ctx.people };
}
