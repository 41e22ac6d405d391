import { afterEach, describe, expect, it, vi } from 'vitest';
import { inDialog, isTyping, rowKeys, rows } from '../../../src/renderer/src/screens/meeting/keyboard.ts';
import { settle } from './workspace.ts';

afterEach(() => document.body.replaceChildren());

/** A list of rows in the document, with the `rows()` attachment on it. */
function list(names: string[], fallback?: HTMLElement) {
  const container = document.createElement('ul');
  for (const name of names) {
    const row = document.createElement('li');
    row.dataset.row = '';
    row.textContent = name;
    container.append(row);
  }
  document.body.append(container);
  const detach = rows(fallback ? { fallback: () => fallback } : {})(container);
  const row = (name: string) => [...container.children].find((r) => r.textContent === name) as HTMLElement;
  return { container, row, detach: detach as () => void };
}

const press = (target: Element, key: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));

describe('the meeting keyboard', () => {
  it('gives a list one tab stop, on its first row', () => {
    const { row } = list(['a', 'b', 'c']);
    expect([row('a').tabIndex, row('b').tabIndex, row('c').tabIndex]).toEqual([0, -1, -1]);
  });

  it('moves between rows with j/k, the arrows, Home and End', () => {
    const { row } = list(['a', 'b', 'c']);
    row('a').focus();
    press(row('a'), 'j');
    expect(document.activeElement).toBe(row('b'));
    press(row('b'), 'ArrowDown');
    expect(document.activeElement).toBe(row('c'));
    press(row('c'), 'j'); // stays on the last
    expect(document.activeElement).toBe(row('c'));
    press(row('c'), 'k');
    expect(document.activeElement).toBe(row('b'));
    press(row('b'), 'Home');
    expect(document.activeElement).toBe(row('a'));
    press(row('a'), 'End');
    expect(document.activeElement).toBe(row('c'));
    expect(row('c').tabIndex).toBe(0);
    expect(row('a').tabIndex).toBe(-1);
  });

  it('leaves keys with Ctrl, Cmd or Alt to others', () => {
    const { row } = list(['a', 'b']);
    row('a').focus();
    expect(press(row('a'), 'j', { ctrlKey: true })).toBe(true);
    expect(press(row('a'), 'ArrowDown', { altKey: true })).toBe(true);
    expect(document.activeElement).toBe(row('a'));
  });

  it('gives the focus to the row that took the place of a removed one', async () => {
    const { row } = list(['a', 'b', 'c']);
    row('b').focus();
    row('b').remove();
    await settle();
    expect(document.activeElement).toBe(row('c'));
    row('c').remove();
    await settle();
    expect(document.activeElement).toBe(row('a'));
  });

  it('gives the focus to the fallback when the last row goes', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    const { row } = list(['only'], input);
    row('only').focus();
    row('only').remove();
    await settle();
    expect(document.activeElement).toBe(input);
  });

  it('runs a row’s single keys only while the row itself has the focus', () => {
    const { row } = list(['a']);
    const done = vi.fn();
    const button = document.createElement('button');
    row('a').append(button);
    rowKeys({ d: done })(row('a'));
    press(button, 'd');
    expect(done).not.toHaveBeenCalled();
    press(row('a'), 'D'); // any case
    press(row('a'), 'd', { metaKey: true });
    expect(done).toHaveBeenCalledTimes(1);
    expect(done).toHaveBeenCalledWith(row('a'));
  });

  it('takes text fields and selects for typing, and buttons and checkboxes not', () => {
    const make = (html: string) => {
      const holder = document.createElement('div');
      holder.innerHTML = html;
      document.body.append(holder);
      return holder.firstElementChild;
    };
    for (const html of ['<input>', '<input type="search">', '<textarea></textarea>', '<select></select>'])
      expect(isTyping(make(html)), html).toBe(true);
    const editable = make('<div contenteditable="true"></div>') as HTMLElement;
    // jsdom doesn't compute isContentEditable: say it as a browser would.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(isTyping(editable)).toBe(true);
    for (const html of ['<input type="checkbox">', '<input type="radio">', '<button></button>', '<li></li>'])
      expect(isTyping(make(html)), html).toBe(false);
    expect(isTyping(null)).toBe(false);
  });

  it('knows when a key press comes from inside a dialog', () => {
    const dialog = document.createElement('dialog');
    const button = document.createElement('button');
    dialog.append(button);
    document.body.append(dialog);
    expect(inDialog(button)).toBe(true);
    expect(inDialog(document.body)).toBe(false);
  });
});
