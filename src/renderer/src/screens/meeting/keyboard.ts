/**
 * The meeting's keyboard: single keys on a focused row (an outcome, a vote, done…), j/k and the
 * arrows between rows with one tab stop per list (roving tabindex), and focus that is never
 * lost — when the focused row goes away (deleted, done, carried over), the row that took its
 * place, the one before, or a fallback (the list's input) gets the focus.
 */
import type { Attachment } from 'svelte/attachments';

import { lock } from '../../lib/lock.svelte.ts';
import { isTextField, isTyping } from '../../lib/typing.ts';

/** Meeting keys leave typing alone: the app's one answer to "is the user typing". */
export { isTextField, isTyping };

/**
 * A text field with something of its own for Ctrl/⌘+Z to take back. An empty one has nothing (a
 * note just added leaves its field empty): there the meeting's undo takes back the last action.
 */
export function hasOwnUndo(target: EventTarget | null): boolean {
  if (!isTextField(target)) return false;
  const field = target as HTMLElement;
  const text =
    field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement
      ? field.value
      : field.textContent;
  return text !== '';
}

/**
 * A text field whose form holds something typed (the field alone, outside a form): what leaving
 * the step would lose, as the step's forms are drawn anew when it comes back.
 */
export function holdsTyping(target: EventTarget | null): boolean {
  if (!isTextField(target)) return false;
  const form = (target as HTMLElement).closest('form');
  return form ? [...form.elements].some(hasOwnUndo) : hasOwnUndo(target);
}

/** Inside a modal dialog (a confirmation, the shortcuts): the meeting's keys wait. */
export const inDialog = (target: EventTarget | null): boolean =>
  target instanceof Element && target.closest('dialog') !== null;

export const hasModifier = (event: KeyboardEvent): boolean => event.ctrlKey || event.metaKey || event.altKey;

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

const ROW = '[data-row]';

export interface RowsOptions {
  /** Where focus goes when the list's last row went away (e.g. the list's input). */
  fallback?: () => HTMLElement | null | undefined;
}

/**
 * Roving focus over the `[data-row]` elements inside the container: one tab stop, j/k/↑/↓ and
 * Home/End move, and focus comes back to a row when the focused one is removed. A row's value
 * names its item (`data-row={item.id}`): when the item's row is drawn anew elsewhere in the list
 * (regrouped, reassigned), focus follows the item, not the position.
 */
export function rows(options: RowsOptions = {}): Attachment<HTMLElement> {
  return (container) => {
    let current: HTMLElement | null = null;
    let index = 0;
    let hadFocus = false;
    const list = () => [...container.querySelectorAll<HTMLElement>(ROW)];

    const sync = () => {
      const all = list();
      if (!current || !current.isConnected || !all.includes(current)) {
        const item = current?.dataset.row;
        current =
          (item && all.find((row) => row.dataset.row === item)) ||
          all[Math.min(index, all.length - 1)] ||
          null;
        if (current) index = all.indexOf(current);
      }
      for (const row of all) row.tabIndex = row === current ? 0 : -1;
    };

    const onfocusin = (event: FocusEvent) => {
      const row = event.target instanceof Element ? event.target.closest<HTMLElement>(ROW) : null;
      hadFocus = row !== null && container.contains(row);
      if (!row || !hadFocus) return;
      current = row;
      index = list().indexOf(row);
      sync();
    };

    const onfocusout = (event: FocusEvent) => {
      // Focus moving elsewhere on purpose; a removed row gives no related target.
      if (event.relatedTarget instanceof Node && !container.contains(event.relatedTarget)) hadFocus = false;
    };

    const onkeydown = (event: KeyboardEvent) => {
      const row = event.target instanceof HTMLElement && event.target.matches(ROW) ? event.target : null;
      if (!row || hasModifier(event)) return;
      const all = list();
      const at = all.indexOf(row);
      const to =
        event.key === 'ArrowDown' || event.key === 'j'
          ? at + 1
          : event.key === 'ArrowUp' || event.key === 'k'
            ? at - 1
            : event.key === 'Home'
              ? 0
              : event.key === 'End'
                ? all.length - 1
                : null;
      if (to === null) return;
      event.preventDefault();
      all[Math.max(0, Math.min(to, all.length - 1))]?.focus();
    };

    const observer = new MutationObserver(() => {
      const lost = hadFocus && (document.activeElement === document.body || document.activeElement === null);
      sync();
      if (!lost) return;
      const target = current ?? options.fallback?.() ?? null;
      if (target) target.focus();
      hadFocus = target !== null && container.contains(target);
    });

    sync();
    observer.observe(container, { childList: true, subtree: true });
    container.addEventListener('focusin', onfocusin);
    container.addEventListener('focusout', onfocusout);
    container.addEventListener('keydown', onkeydown);
    return () => {
      observer.disconnect();
      container.removeEventListener('focusin', onfocusin);
      container.removeEventListener('focusout', onfocusout);
      container.removeEventListener('keydown', onkeydown);
    };
  };
}

/**
 * Single keys on a row while the row itself has the focus (not a control inside it). Keys are
 * matched case-insensitively on `event.key` (`d`, `+`, `Delete`…).
 */
export function rowKeys(keys: Record<string, (row: HTMLElement) => void>): Attachment<HTMLElement> {
  return (row) => {
    const onkeydown = (event: KeyboardEvent) => {
      if (event.target !== row || event.ctrlKey || event.metaKey || event.altKey) return;
      const action = keys[event.key] ?? keys[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      // Every row key is an edit (an outcome, a vote, done…): a read-only workspace refuses it.
      if (lock.allows()) action(row);
    };
    row.addEventListener('keydown', onkeydown);
    return () => row.removeEventListener('keydown', onkeydown);
  };
}

/**
 * Escape in a field that sits by a keyboard-driven list leaves the field for the list — its
 * current row, or the step's heading when it has none — keeping what was typed.
 */
export function leaveOnEscape(list: () => HTMLElement | null | undefined): Attachment<HTMLElement> {
  return (field) => {
    const onkeydown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || hasModifier(event) || event.isComposing) return;
      event.preventDefault();
      const rows = list()?.querySelectorAll<HTMLElement>(ROW) ?? [];
      const row = [...rows].find((r) => r.tabIndex === 0) ?? rows[0];
      (row ?? document.getElementById('step-heading'))?.focus();
    };
    field.addEventListener('keydown', onkeydown);
    return () => field.removeEventListener('keydown', onkeydown);
  };
}
