/** The retrospective's notes (four columns, with votes) and its action items. */
import type { ParsedInput } from '../../shared/contract.ts';
import type { ActionItem, RetroNote } from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql, whereEqual } from '../store/read.ts';
import { current, decodeRow, insert, remove, stmt, update } from '../store/write.ts';
import { DomainError, notFound } from './errors.ts';
import { nextPosition, requireRow } from './rules.ts';
import { activeSprint, getSprint } from './sprints.ts';

const toNote = (row: Record<string, unknown>) => decodeRow('retroNote', row);
const toActionItem = (row: Record<string, unknown>) => decodeRow('actionItem', row);

export function listRetroNotes(ws: Workspace, { sprintId }: ParsedInput<'retroNotes.list'>): RetroNote[] {
  const rows = stmt(ws.db, `${selectSql('retroNote')} WHERE t.sprint_id = ? ORDER BY t.position, t.id`).all(
    sprintId,
  );
  return (rows as Record<string, unknown>[]).map(toNote);
}

export function getRetroNote(ws: Workspace, id: string): RetroNote {
  const row = current(ws, 'retroNote', id);
  if (!row) throw notFound('Retro note', id, 'id');
  return row;
}

export function createRetroNote(ws: Workspace, input: ParsedInput<'retroNotes.create'>): RetroNote {
  getSprint(ws, input.sprintId, 'sprintId');
  const id = insert(ws, 'retroNote', {
    sprintId: input.sprintId,
    column: input.column,
    text: input.text,
    votes: 0,
    position: nextPosition(ws, 'retro_notes', 'sprint_id = ?', input.sprintId),
  });
  return getRetroNote(ws, id);
}

export function updateRetroNote(
  ws: Workspace,
  { id, ...patch }: ParsedInput<'retroNotes.update'>,
): RetroNote {
  getRetroNote(ws, id);
  update(ws, 'retroNote', id, patch);
  return getRetroNote(ws, id);
}

export function deleteRetroNote(ws: Workspace, id: string): null {
  getRetroNote(ws, id);
  remove(ws, 'retroNote', id);
  return null;
}

export function voteRetroNote(ws: Workspace, { id, delta }: ParsedInput<'retroNotes.vote'>): RetroNote {
  const note = getRetroNote(ws, id);
  if (note.votes + delta < 0)
    throw new DomainError('rule_violation', 'Votes: the note has no vote to take back', 'delta');
  update(ws, 'retroNote', id, { votes: note.votes + delta });
  return getRetroNote(ws, id);
}

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
  if (!row) throw notFound('Action item', id, 'id');
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
  update(ws, 'actionItem', id, { ...patch, doneSprintId });
  return getActionItem(ws, id);
}

export function deleteActionItem(ws: Workspace, id: string): null {
  getActionItem(ws, id);
  remove(ws, 'actionItem', id);
  return null;
}
