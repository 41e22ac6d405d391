/**
 * The retrospective step: the ending sprint's goals with their outcomes, the action items, the
 * notes in four columns (sortable by votes) and what changed on the roadmap. Every change is one
 * meeting action, one call: the view is patched with what the write answered (an undo answers
 * the whole view).
 */
import type { ActionItem, Outcome, RetroColumn, RetroNote, SprintGoal } from '../../../shared/domain.ts';
import { RETRO_COLUMNS } from '../../../shared/domain.ts';
import type { RetrospectiveView } from '../../../shared/meeting-views.ts';
import type { ApiError } from '../../../shared/result.ts';
import {
  withActionItem,
  withNote,
  withSprintGoal,
  withoutActionItem,
  withoutNote,
} from '../../../shared/retro-patch.ts';
import { call } from './api.ts';
import { RETRO_COLUMN_LABELS } from '../../../shared/words.ts';
import { quote } from './meeting-words.svelte.ts';
import { StepView } from './step-view.svelte.ts';

export class RetroStore extends StepView<RetrospectiveView> {
  /** Columns shown most votes first (else in the order written). */
  sortedByVotes = $state<Record<RetroColumn, boolean>>({
    'went well': false,
    'to improve': false,
    ideas: false,
    kudos: false,
  });

  /** Each column's notes in the order chosen for it. */
  readonly columns: { column: RetroColumn; notes: RetroNote[] }[] = $derived.by(() =>
    RETRO_COLUMNS.map((column) => {
      const notes = this.view?.notes[column] ?? [];
      return {
        column,
        notes: this.sortedByVotes[column] ? [...notes].sort((a, b) => b.votes - a.votes) : notes,
      };
    }),
  );

  async load(): Promise<void> {
    const sprintId = this.session.sprint?.id;
    if (!sprintId) return;
    if (this.view && this.view.sprint.id !== sprintId) this.view = null; // another sprint's
    await this.loads.show(this, () => call('retrospective.view', { sprintId }));
  }

  /** Redraws after a write from what it answered; false when it was refused. */
  #patch<T>(done: { value: T } | null, patch: (view: RetrospectiveView, value: T) => RetrospectiveView) {
    if (!done) return false;
    if (this.view) this.view = patch(this.view, done.value);
    return true;
  }

  setOutcome(goal: SprintGoal, outcome: Outcome | null): Promise<boolean> {
    const label = outcome ? `${quote(goal.title)} is ${outcome}` : `no outcome for ${quote(goal.title)}`;
    return this.session
      .act('sprintGoals.update', { id: goal.id, outcome }, label)
      .then((done) => this.#patch(done, withSprintGoal));
  }

  setOutcomeNote(goal: SprintGoal, outcomeNote: string): Promise<boolean> {
    return this.session
      .act('sprintGoals.update', { id: goal.id, outcomeNote }, `the note on ${quote(goal.title)}`)
      .then((done) => this.#patch(done, withSprintGoal));
  }

  addNote(column: RetroColumn, text: string): Promise<boolean> {
    const sprintId = this.session.sprint?.id;
    if (!sprintId) return Promise.resolve(false);
    return this.session
      .act(
        'retroNotes.create',
        { sprintId, column, text },
        `note ${quote(text)} in ${RETRO_COLUMN_LABELS[column]}`,
      )
      .then((done) => this.#patch(done, withNote));
  }

  editNote(note: RetroNote, text: string): Promise<boolean> {
    return this.session
      .act('retroNotes.update', { id: note.id, text }, `the edit of note ${quote(text)}`)
      .then((done) => this.#patch(done, withNote));
  }

  deleteNote(note: RetroNote): Promise<boolean> {
    return this.session
      .act('retroNotes.delete', { id: note.id }, `deleting note ${quote(note.text)}`)
      .then((done) => this.#patch(done, (view) => withoutNote(view, note.id)));
  }

  vote(note: RetroNote, delta: 1 | -1): Promise<boolean> {
    const label = `${delta > 0 ? '+1' : '−1'} on ${quote(note.text)}`;
    return this.session
      .act('retroNotes.vote', { id: note.id, delta }, label)
      .then((done) => this.#patch(done, withNote));
  }

  addActionItem(text: string, ownerId: string | null): Promise<ApiError | null> {
    const sprintId = this.session.sprint?.id;
    if (!sprintId) return Promise.resolve(null);
    return this.session
      .act('actionItems.create', { sprintId, text, ownerId }, `action item ${quote(text)}`)
      .then((done) => (this.#patch(done, withActionItem) ? null : this.session.failure));
  }

  setActionStatus(item: ActionItem, status: ActionItem['status']): Promise<boolean> {
    const label = status === 'done' ? `${quote(item.text)} is done` : `${quote(item.text)} stays open`;
    return this.session
      .act('actionItems.update', { id: item.id, status }, label)
      .then((done) => this.#patch(done, withActionItem));
  }

  deleteActionItem(item: ActionItem): Promise<boolean> {
    return this.session
      .act('actionItems.delete', { id: item.id }, `deleting action item ${quote(item.text)}`)
      .then((done) => this.#patch(done, (view) => withoutActionItem(view, item.id)));
  }
}
