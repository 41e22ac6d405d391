import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import QuickOpen from '../../../src/renderer/src/components/QuickOpen.svelte';
import { paths } from '../../../src/renderer/src/lib/router.svelte.ts';
import { must, seed } from '../helpers.ts';
import { bridge, settle } from './workspace.ts';

/** The quick-open over a seeded workspace, and a button that had the focus before it opened. */
async function quickOpen() {
  const workspace = await bridge();
  const world = seed(workspace.core);
  const before = document.createElement('button');
  document.body.append(before);
  before.focus();
  render(QuickOpen);
  const dialog = screen.getByRole('dialog', { hidden: true });
  const box = screen.getByRole('combobox', { name: 'Find', hidden: true });
  const open = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }));
  /** Types into the box and lets the search go out (after its pause) and come back. */
  const type = async (text: string, answered = true) => {
    await fireEvent.input(box, { target: { value: text } });
    vi.advanceTimersByTime(200);
    if (answered) await settle();
  };
  const options = () => screen.queryAllByRole('option', { hidden: true });
  return { ...workspace, world, before, dialog, box, open, type, options };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  window.location.hash = '';
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('the quick-open', () => {
  it('opens with Ctrl+K and finds what the workspace holds by title as you type', async () => {
    const { dialog, open, type, options } = await quickOpen();
    expect(dialog.hasAttribute('open')).toBe(false);
    open();
    expect(dialog.hasAttribute('open')).toBe(true);
    await type('cache');
    expect(options().map((o) => o.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Initiative Incremental cache Faster builds',
    ]);
    expect(screen.getByRole('status', { hidden: true }).textContent).toBe(
      '1 result: ↑ ↓ to choose, Enter to open.',
    );
  });

  it('marks what is done (or won’t be fixed), and lists it after what is not', async () => {
    const { core, world, open, type, options } = await quickOpen();
    must(core, 'initiatives.update', { id: world.cache.id, state: 'done' });
    must(core, 'initiatives.create', { goalId: world.goal.id, title: 'The new incremental cache' });
    const dropped = must(core, 'polish.create', { title: 'Slow cache warm-up' });
    must(core, 'polish.update', { id: dropped.id, status: "won't fix" });
    open();
    await type('cache');
    expect(options().map((o) => o.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Initiative The new incremental cache Faster builds',
      'Initiative Incremental cache done Faster builds',
      "Polish Slow cache warm-up won't fix",
    ]);
  });

  it('says when nothing is found', async () => {
    const { open, type, options } = await quickOpen();
    open();
    await type('zebra');
    expect(options()).toHaveLength(0);
    expect(screen.getByRole('status', { hidden: true }).textContent).toBe('Nothing found for “zebra”.');
  });

  it('chooses with ↑/↓, wrapping around, and opens the chosen one with Enter', async () => {
    const { box, open, type, options, world } = await quickOpen();
    open();
    await type('e'); // Faster builds, Incremental cache, Remote execution, Ada, …
    const count = options().length;
    expect(count).toBeGreaterThan(2);
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
    await fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[count - 1]!.id);
    await fireEvent.keyDown(box, { key: 'ArrowDown' });
    await fireEvent.keyDown(box, { key: 'ArrowDown' });
    const chosen = options()[1]!;
    expect(chosen.getAttribute('aria-selected')).toBe('true');
    const title = chosen.querySelector('.title')?.textContent;
    await fireEvent.keyDown(box, { key: 'Enter' });
    await settle();
    const pages: Record<string, string> = {
      'Faster builds': paths.goal(world.goal.id),
      'Incremental cache': paths.initiative(world.cache.id),
      'Remote execution': paths.initiative(world.remote.id),
      Ada: paths.person(world.ada.id),
      Bo: paths.person(world.bo.id),
    };
    expect(window.location.hash).toBe(pages[title ?? '']);
    expect(window.location.hash).not.toBe('');
  });

  it('closes with Escape and gives the focus back', async () => {
    const { dialog, box, before, open } = await quickOpen();
    open();
    box.focus();
    await fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(document.activeElement).toBe(before);
  });

  it('shows the latest search when an older answer comes back after it', async () => {
    const { open, type, options, hold } = await quickOpen();
    open();
    const held = hold('search.quick');
    await type('cache', false);
    const older = await held;
    await type('remote');
    await older.release();
    expect(options().map((o) => o.querySelector('.title')?.textContent)).toEqual(['Remote execution']);
  });
});
