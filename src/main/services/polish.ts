/** Polish issues: small shared work; done ones are recorded in the sprint they were done in. */
import type { ParsedInput } from '../../shared/contract.ts';
import type { PolishIssue, PolishPage, PolishStatus, State } from '../../shared/domain.ts';
import { POLISH_STATUSES } from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql, whereEqual } from '../store/read.ts';
import { current, decodeRow, insert, remove, stmt, update } from '../store/write.ts';
import { DomainError, notFound } from './errors.ts';
import { requireOwnerWhenInProgress, requireRow } from './rules.ts';
import { activeSprint, getSprint } from './sprints.ts';

export const toPolish = (row: Record<string, unknown>) => decodeRow('polishIssue', row);

export function listPolish(
  ws: Workspace,
  { status, doneSprintId, link }: ParsedInput<'polish.list'>,
): PolishIssue[] {
  const { sql: where, params } = whereEqual([
    ['status', status],
    ['done_sprint_id', doneSprintId],
    ['link', link],
  ]);
  const sql = `${selectSql('polishIssue')}${where} ORDER BY t.created_at, t.id`;
  return (stmt(ws.db, sql).all(...params) as Record<string, unknown>[]).map(toPolish);
}

/** ` AND t.title LIKE …` per word of the query (any case), with its parameters. */
function titleWords(query: string | undefined): { sql: string; params: string[] } {
  const words = (query ?? '').split(/\s+/).filter(Boolean);
  return {
    sql: words.map(() => ` AND t.title LIKE ? ESCAPE '\\'`).join(''),
    params: words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
  };
}

const DEFAULT_PAGE = 100;

/**
 * A page of polish issues in creation order (or newest first), after `cursor` — the last
 * issue of the page before, as `createdAt~id` — with the count of every page together.
 */
export function polishPage(
  ws: Workspace,
  { status, query, order, limit = DEFAULT_PAGE, cursor }: ParsedInput<'polish.page'>,
): PolishPage {
  const statuses = status ?? [...POLISH_STATUSES];
  const words = titleWords(query);
  const where = `WHERE t.status IN (${statuses.map(() => '?').join(', ')})${words.sql}`;
  const params = [...statuses, ...words.params];
  const newest = order === 'newest first';
  const after = cursor ? ` AND (t.created_at, t.id) ${newest ? '<' : '>'} (?, ?)` : '';
  const direction = newest ? 'DESC' : 'ASC';
  const rows = stmt(
    ws.db,
    `${selectSql('polishIssue')} ${where}${after} ORDER BY t.created_at ${direction}, t.id ${direction} LIMIT ?`,
  ).all(...params, ...(cursor ? cursor.split('~') : []), limit + 1) as Record<string, unknown>[];
  const items = rows.slice(0, limit).map(toPolish);
  const last = items.at(-1);
  const { n: total } = stmt(ws.db, `SELECT count(*) AS n FROM polish_issues t ${where}`).get(...params) as {
    n: number;
  };
  return { items, total, nextCursor: rows.length > limit && last ? `${last.createdAt}~${last.id}` : null };
}

/** How many polish issues have each status, of those whose title has the query's words. */
export function polishCounts(
  ws: Workspace,
  { query }: ParsedInput<'polish.counts'>,
): Record<PolishStatus, number> {
  const words = titleWords(query);
  const rows = stmt(
    ws.db,
    `SELECT t.status AS status, count(*) AS n FROM polish_issues t WHERE 1${words.sql} GROUP BY t.status`,
  ).all(...words.params) as { status: PolishStatus; n: number }[];
  const counts = Object.fromEntries(POLISH_STATUSES.map((s) => [s, 0])) as Record<PolishStatus, number>;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

export function getPolish(ws: Workspace, id: string): PolishIssue {
  const row = current(ws, 'polishIssue', id);
  if (!row) throw notFound(ws, 'Polish issue', id, 'id');
  return row;
}

/** Done is recorded in the active sprint; leaving done clears it. */
function doneSprintFor(ws: Workspace, status: PolishStatus, previous: string | null): string | null {
  if (status !== 'done') return null;
  if (previous) return previous;
  const sprint = activeSprint(ws);
  if (!sprint) {
    throw new DomainError(
      'rule_violation',
      'Status: there is no active sprint to record the polish in; start a sprint first',
      'status',
    );
  }
  return sprint.id;
}

function checkReferences(
  ws: Workspace,
  input: Partial<ParsedInput<'polish.create'>>,
  before?: PolishIssue,
): void {
  requireRow(ws, 'goals', 'Goal', input.goalId, 'goalId');
  requireRow(ws, 'people', 'Person', input.assigneeId, 'assigneeId');
  const status = input.status ?? before?.status ?? 'open';
  const assignee = input.assigneeId !== undefined ? input.assigneeId : (before?.assigneeId ?? null);
  requireOwnerWhenInProgress(
    'A polish issue',
    status as State,
    assignee ? [assignee] : [],
    {
      state: input.status,
      owners: input.assigneeId,
    },
    'assigneeId',
    'an assignee',
  );
  if (input.plannedSprintId && input.plannedSprintId !== before?.plannedSprintId) {
    const sprint = getSprint(ws, input.plannedSprintId, 'plannedSprintId');
    if (sprint.status === 'closed') {
      throw new DomainError(
        'rule_violation',
        `Sprint ${sprint.number} is closed; plan polish for an open sprint`,
        'plannedSprintId',
      );
    }
  }
}

export function createPolish(ws: Workspace, input: ParsedInput<'polish.create'>): PolishIssue {
  checkReferences(ws, input);
  const status = input.status ?? 'open';
  const id = insert(ws, 'polishIssue', {
    title: input.title,
    link: input.link ?? null,
    goalId: input.goalId ?? null,
    assigneeId: input.assigneeId ?? null,
    size: input.size ?? null,
    status,
    doneSprintId: doneSprintFor(ws, status, null),
    plannedSprintId: input.plannedSprintId ?? null,
    createdAt: ws.now().toISOString(),
  });
  return getPolish(ws, id);
}

export function updatePolish(ws: Workspace, { id, ...patch }: ParsedInput<'polish.update'>): PolishIssue {
  const issue = getPolish(ws, id);
  checkReferences(ws, patch, issue);
  const status = patch.status ?? issue.status;
  const doneSprintId = doneSprintFor(ws, status, issue.doneSprintId);
  return update(ws, 'polishIssue', id, { ...patch, doneSprintId }, issue);
}

export function deletePolish(ws: Workspace, id: string): null {
  getPolish(ws, id);
  remove(ws, 'polishIssue', id);
  return null;
}
