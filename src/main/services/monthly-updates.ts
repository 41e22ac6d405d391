/**
 * Monthly updates: the group's report to its stakeholders, one per month. A draft is written
 * from the workspace (`monthlyUpdateDraft`), edited in the app, then marked published; every
 * update stays, listed newest first.
 */
import { format } from 'date-fns/format';
import type { ParsedInput } from '../../shared/contract.ts';
import type { MonthlyUpdate } from '../../shared/domain.ts';
import type { UpdateDraft } from '../../shared/stakeholder-views.ts';
import type { Workspace } from '../db/open.ts';
import { monthlyUpdateDraft, updateTitle } from '../markdown/monthly-update.ts';
import { blogPost, slideDeck, updateFileName } from '../markdown/update-export.ts';
import { selectSql } from '../store/read.ts';
import { current, decodeRow, insert, remove, stmt, update } from '../store/write.ts';
import { DomainError, notFound } from './errors.ts';
import { monthFacts } from './month-facts.ts';
import { listPeople } from './people.ts';
import { monthlyUpdateIdFor } from '../sync/natural-ids.ts';

type Row = Record<string, unknown>;

export function listUpdates(ws: Workspace): MonthlyUpdate[] {
  const rows = stmt(ws.db, `${selectSql('monthlyUpdate')} ORDER BY t.month DESC`).all() as Row[];
  return rows.map((row) => decodeRow('monthlyUpdate', row));
}

export function getUpdate(ws: Workspace, id: string, field = 'id'): MonthlyUpdate {
  const found = current(ws, 'monthlyUpdate', id);
  if (!found) throw notFound(ws, 'Monthly update', id, field);
  return found;
}

function updateOfMonth(ws: Workspace, month: string): MonthlyUpdate | null {
  const row = stmt(ws.db, `${selectSql('monthlyUpdate')} WHERE t.month = ?`).get(month) as Row | undefined;
  return row ? decodeRow('monthlyUpdate', row) : null;
}

/** The month's draft as the workspace would write it now (nothing is stored). */
export function draftUpdate(ws: Workspace, { month, timeZone }: ParsedInput<'updates.draft'>): UpdateDraft {
  const facts = monthFacts(ws, month, timeZone);
  return { month, title: updateTitle(facts), body: monthlyUpdateDraft(facts), authors: groupAuthors(ws) };
}

/** The group's goal owners, by name: who signs an update until the group says otherwise. */
function groupAuthors(ws: Workspace): string[] {
  return listPeople(ws)
    .filter((p) => p.roles.includes('goal owner'))
    .map((p) => p.name)
    .slice(0, 50);
}

/** Starts the month's update from its draft; refused when the month has one already. */
export function createUpdate(ws: Workspace, input: ParsedInput<'updates.create'>): MonthlyUpdate {
  const existing = updateOfMonth(ws, input.month);
  if (existing)
    throw new DomainError('conflict', `${existing.title} exists already: open it to edit it`, 'month');
  const draft = draftUpdate(ws, input);
  const id = insert(
    ws,
    'monthlyUpdate',
    {
      month: input.month,
      title: draft.title,
      authors: draft.authors,
      body: draft.body,
      status: 'draft',
      publishedOn: null,
      createdAt: ws.now().toISOString(),
    },
    monthlyUpdateIdFor(input.month),
  );
  return getUpdate(ws, id);
}

/** Edits an update; marking it published records today (in `timeZone`) as its date. */
export function editUpdate(
  ws: Workspace,
  { id, timeZone, ...patch }: ParsedInput<'updates.update'>,
): MonthlyUpdate {
  const before = getUpdate(ws, id);
  const published = patch.status === 'published' && before.status !== 'published';
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'UTC' }).format(ws.now());
  update(ws, 'monthlyUpdate', id, {
    ...patch,
    ...(published ? { publishedOn: today } : {}),
    ...(patch.status === 'draft' ? { publishedOn: null } : {}),
  });
  return getUpdate(ws, id);
}

export function deleteUpdate(ws: Workspace, id: string): null {
  getUpdate(ws, id);
  remove(ws, 'monthlyUpdate', id);
  return null;
}

/** The month's update (the stored one, else the draft) as a blog post or a slide deck. */
export function exportUpdate(
  ws: Workspace,
  { month, slides, timeZone }: ParsedInput<'updates.export'>,
): { fileName: string; content: string } {
  const stored = updateOfMonth(ws, month);
  const update = stored ?? { ...draftUpdate(ws, { month, timeZone }), publishedOn: null };
  const lastDay = format(new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0), 'yyyy-MM-dd');
  return {
    fileName: updateFileName(update, slides === true),
    content: slides ? slideDeck(update, lastDay) : blogPost(update, lastDay),
  };
}
