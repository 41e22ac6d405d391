/** Action items: what someone will do after a retrospective, open until done. */
import type { ParsedInput } from '../../shared/contract.ts';
import type { ActionItem } from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql, whereEqual } from '../store/read.ts';
import { current, decodeRow, insert, remove, stmt, update } from '../store/write.ts';
import { notFound } from './errors.ts';
import { requireRow } from './rules.ts';
import { activeSprint, getSprint } from './sprints.ts';

const toActionItem = (row: Record<string, unknown>) => decodeRow('actionItem', row);

export function listActionItems(
  ws: Workspace,
  { status, sprintId }: ParsedInput<'actionItems.list'>,
): ActionItem[] {
  const { sql: where, params } = whereEqual([
    ['status', status],
    ['sprint_id', sprintId],
  ]);
  const sql = `${selectSql('actionItem')}${where} ORDER BY t.id`;
  return (stmt(ws.db, sql).all(...params) as Record<string, unknown>[]).map(toActionItem);
}

export function getActionItem(ws: Workspace, id: string): ActionItem {
  const row = current(ws, 'actionItem', id);
  if (!row) throw notFound(ws, 'Action item', id, 'id');
  return row;
}

export function createActionItem(ws: Workspace, input: ParsedInput<'actionItems.create'>): ActionItem {
  getSprint(ws, input.sprintId, 'sprintId');
  requireRow(ws, 'people', 'Person', input.ownerId, 'ownerId');
  const status = input.status ?? 'open';
  const id = insert(ws, 'actionItem', {
    sprintId: input.sprintId,
    text: input.text,
    ownerId: input.ownerId ?? null,
    status,
    doneSprintId: status === 'done' ? (activeSprint(ws)?.id ?? null) : null,
  });
  return getActionItem(ws, id);
}

export function updateActionItem(
  ws: Workspace,
  { id, ...patch }: ParsedInput<'actionItems.update'>,
): ActionItem {
  const item = getActionItem(ws, id);
  requireRow(ws, 'people', 'Person', patch.ownerId, 'ownerId');
  const status = patch.status ?? item.status;
  const doneSprintId = status === 'done' ? (item.doneSprintId ?? activeSprint(ws)?.id ?? null) : null;
  return update(ws, 'actionItem', id, { ...patch, doneSprintId }, item);
}

export function deleteActionItem(ws: Workspace, id: string): null {
  getActionItem(ws, id);
  remove(ws, 'actionItem', id);
  return null;
}
