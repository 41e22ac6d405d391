/** The retrospective's notes: four columns, each note with its votes. */
import type { ParsedInput } from '../../shared/contract.ts';
import type { RetroNote } from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { current, decodeRow, insert, remove, stmt, update } from '../store/write.ts';
import { DomainError, notFound } from './errors.ts';
import { nextPosition } from './rules.ts';
import { getSprint } from './sprints.ts';

const toNote = (row: Record<string, unknown>) => decodeRow('retroNote', row);

export function listRetroNotes(ws: Workspace, { sprintId }: ParsedInput<'retroNotes.list'>): RetroNote[] {
  const rows = stmt(ws.db, `${selectSql('retroNote')} WHERE t.sprint_id = ? ORDER BY t.position, t.id`).all(
    sprintId,
  );
  return (rows as Record<string, unknown>[]).map(toNote);
}

export function getRetroNote(ws: Workspace, id: string): RetroNote {
  const row = current(ws, 'retroNote', id);
  if (!row) throw notFound(ws, 'Retro note', id, 'id');
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
  return update(ws, 'retroNote', id, patch, getRetroNote(ws, id));
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
  return update(ws, 'retroNote', id, { votes: note.votes + delta }, note);
}
