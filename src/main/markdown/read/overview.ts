/**
 * The overview table of `roadmap.md` (| Deliverable | State | Progress | Owner |): its rows
 * read into goals, each with the initiative rows that follow it.
 */
import type { Table } from 'mdast';
import { oneLine } from '../escape.ts';
import { textOf } from '../parse.ts';
import type { Context } from './cells.ts';
import { lineOf, type Doc } from './files.ts';
import { UnreadableRoadmap } from './items.ts';
import { columnsOf, readItemRow, rowsOf, type ItemRow } from './tables.ts';

/** Titles compared ignoring case and spacing. */
export const norm = (title: string): string => oneLine(title).toLowerCase().replace(/\s+/g, ' ');

export interface GoalRow {
  row: ItemRow;
  initiatives: ItemRow[];
}

/** The overview's goals, in order, each with its initiatives. Throws `UnreadableRoadmap` without one. */
export function readOverview(ctx: Context, root: Doc): GoalRow[] {
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

  const goalRows: GoalRow[] = [];
  for (const row of rows) {
    const kind = row.kind ?? (/initiative/.test(header) && goalRows.length ? 'initiative' : 'goal');
    if (kind === 'initiative') {
      const goal = goalRows.at(-1);
      if (!goal) {
        ctx.problems.push({
          ...row.at,
          message: `The initiative “${row.title}” comes before any goal: skipped`,
        });
        continue;
      }
      goal.initiatives.push(row);
    } else goalRows.push({ row, initiatives: [] });
  }
  return goalRows;
}
