/**
 * Whether a key press is the user typing, which single-key shortcuts (the meeting's keys, `?`,
 * Alt+↑/↓ in a reorderable list) must leave alone: one answer for every shortcut in the app.
 */

const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** A field with its own typing and its own undo. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT.has(target.type);
}

/** Typing: in a text field, or in a select (letters pick its options). */
export const isTyping = (target: EventTarget | null): boolean =>
  isTextField(target) || target instanceof HTMLSelectElement;
