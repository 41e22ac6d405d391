/**
 * The retrospective's view after one of its writes, from what the write answered: the step
 * redraws without reading the whole view again (its change-log scan included), so one key
 * press is one call. Each function returns a new view and leaves the old one untouched.
 */
import type { ActionItem, RetroNote, SprintGoal } from './domain.ts';
import type { EnteredBeforehand, RetrospectiveView } from './meeting-views.ts';

/**
 * The marks of what was entered beforehand, less the fields of item `id` this write changed:
 * a value written now, at the meeting, is no longer the one entered beforehand.
 */
function without(
  beforehand: RetrospectiveView['beforehand'],
  id: string,
  changed: EnteredBeforehand['field'][],
): RetrospectiveView['beforehand'] {
  const marks = beforehand[id];
  if (!marks || changed.length === 0) return beforehand;
  const kept = marks.filter((m) => !changed.includes(m.field));
  const { [id]: _dropped, ...others } = beforehand;
  return kept.length ? { ...others, [id]: kept } : others;
}

/** A sprint goal's new outcome or note, in its owner's group. */
export function withSprintGoal(view: RetrospectiveView, goal: SprintGoal): RetrospectiveView {
  const before = view.goalsByOwner.flatMap((g) => g.goals).find((g) => g.id === goal.id);
  const changed = before
    ? (['outcome', 'outcomeNote'] as const).filter((field) => before[field] !== goal[field])
    : [];
  return {
    ...view,
    beforehand: without(view.beforehand, goal.id, changed),
    goalsByOwner: view.goalsByOwner.map((group) =>
      group.goals.some((g) => g.id === goal.id)
        ? { ...group, goals: group.goals.map((g) => (g.id === goal.id ? goal : g)) }
        : group,
    ),
  };
}

/** A note written or changed: in place, or last in its column when it is new. */
export function withNote(view: RetrospectiveView, note: RetroNote): RetrospectiveView {
  if (note.sprintId !== view.sprint.id) return view;
  const column = view.notes[note.column];
  const known = column.find((n) => n.id === note.id);
  return {
    ...view,
    beforehand: without(view.beforehand, note.id, known && known.text !== note.text ? ['text'] : []),
    notes: {
      ...view.notes,
      [note.column]: known ? column.map((n) => (n.id === note.id ? note : n)) : [...column, note],
    },
  };
}

export function withoutNote(view: RetrospectiveView, id: string): RetrospectiveView {
  const notes = { ...view.notes };
  for (const [column, list] of Object.entries(notes) as [keyof typeof notes, RetroNote[]][]) {
    notes[column] = list.filter((n) => n.id !== id);
  }
  const { [id]: _gone, ...beforehand } = view.beforehand;
  return { ...view, notes, beforehand };
}

/** An action item written or changed: in place (an earlier one stays listed), or a new one last. */
export function withActionItem(view: RetrospectiveView, item: ActionItem): RetrospectiveView {
  const replace = (list: ActionItem[]) => list.map((i) => (i.id === item.id ? item : i));
  if (view.earlierActionItems.some((i) => i.id === item.id)) {
    return { ...view, earlierActionItems: replace(view.earlierActionItems) };
  }
  if (view.actionItems.some((i) => i.id === item.id)) {
    return { ...view, actionItems: replace(view.actionItems) };
  }
  return item.sprintId === view.sprint.id ? { ...view, actionItems: [...view.actionItems, item] } : view;
}

export function withoutActionItem(view: RetrospectiveView, id: string): RetrospectiveView {
  return {
    ...view,
    earlierActionItems: view.earlierActionItems.filter((i) => i.id !== id),
    actionItems: view.actionItems.filter((i) => i.id !== id),
  };
}
