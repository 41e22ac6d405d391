import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ReorderList from '../../../src/renderer/src/components/ReorderList.svelte';
import { announcer } from '../../../src/renderer/src/lib/announcer.svelte.ts';

interface Item {
  id: string;
  title: string;
}

const ITEMS: Item[] = [
  { id: 'a', title: 'Alpha' },
  { id: 'b', title: 'Beta' },
  { id: 'c', title: 'Gamma' },
];

/** Each row: its title and a text field, as rows with an inline editor have. */
const row = createRawSnippet((item: () => Item) => ({
  render: () =>
    `<span><a href="#/${item().id}">${item().title}</a><input aria-label="Title of ${item().title}"></span>`,
}));

function list(props: { disabled?: boolean; batch?: number; items?: Item[] } = {}) {
  const onreorder = vi.fn();
  render(ReorderList<Item>, {
    props: { items: ITEMS, label: 'Goals', name: (item: Item) => item.title, onreorder, row, ...props },
  });
  return { onreorder };
}

const press = (target: Element, key: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));

afterEach(() => vi.useRealTimers());

describe('the reorder list', () => {
  it('moves a row down with Alt+↓ from anywhere in it, and says where it went', () => {
    vi.useFakeTimers();
    const { onreorder } = list();
    press(screen.getByRole('link', { name: 'Alpha' }), 'ArrowDown', { altKey: true });
    expect(onreorder).toHaveBeenCalledWith(['b', 'a', 'c']);
    vi.runAllTimers();
    expect(announcer.message).toBe('Moved “Alpha” to position 2 of 3.');
  });

  it('moves a row with the plain arrows on its grip', () => {
    const { onreorder } = list();
    press(screen.getByRole('button', { name: 'Move “Gamma”' }), 'ArrowUp');
    expect(onreorder).toHaveBeenCalledWith(['a', 'c', 'b']);
  });

  it('leaves the arrows to a text field in the row, even with Alt', () => {
    const { onreorder } = list();
    const field = screen.getByRole('textbox', { name: 'Title of Beta' });
    expect(press(field, 'ArrowDown', { altKey: true })).toBe(true);
    expect(onreorder).not.toHaveBeenCalled();
  });

  it('says the first row is already first instead of moving it', () => {
    vi.useFakeTimers();
    const { onreorder } = list();
    press(screen.getByRole('button', { name: 'Move “Alpha”' }), 'ArrowUp');
    expect(onreorder).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(announcer.message).toBe('“Alpha” is already first.');
  });

  it('offers no grip and moves nothing while disabled', () => {
    const { onreorder } = list({ disabled: true });
    expect(screen.queryByRole('button', { name: /^Move/ })).toBeNull();
    press(screen.getByRole('link', { name: 'Beta' }), 'ArrowDown', { altKey: true });
    expect(onreorder).not.toHaveBeenCalled();
  });

  it('names the list and describes the grips for assistive technology', () => {
    list();
    expect(screen.getByRole('list', { name: 'Goals' })).toBeTruthy();
    const grip = screen.getByRole('button', { name: 'Move “Beta”' });
    const help = document.getElementById(grip.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toBe('Drag to move it, or press Alt+Up or Alt+Down.');
  });

  it('builds a long list a batch at a time, and a move counts every row, built or not', async () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ id: `g${i}`, title: `Goal ${i}` }));
    const { onreorder } = list({ items, batch: 3 });
    const rows = () => screen.getByRole('list', { name: 'Goals' }).querySelectorAll(':scope > li');
    expect(rows()).toHaveLength(3);
    press(screen.getByRole('link', { name: 'Goal 2' }), 'ArrowUp', { altKey: true });
    expect(onreorder).toHaveBeenCalledWith(['g0', 'g2', 'g1', ...items.slice(3).map((item) => item.id)]);
    await vi.waitFor(() => expect(rows()).toHaveLength(10));
    expect(rows()[9]?.textContent).toContain('Goal 9');
  });
});
