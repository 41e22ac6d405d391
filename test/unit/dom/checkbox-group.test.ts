/**
 * A checkbox group of years of goals, mounted in jsdom: what is done waits behind a "Done (N)"
 * disclosure that counts the chosen boxes it hides, and a long list has a box that filters it.
 */
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import CheckboxGroup from '../../../src/renderer/src/components/CheckboxGroup.svelte';
import { FormState } from '../../../src/renderer/src/lib/form.svelte.ts';
import { bound } from './bound.svelte.ts';
import { show } from './shown.ts';

const goals = (count: number, done: (i: number) => boolean) =>
  Array.from({ length: count }, (_, i) => ({ value: `g${i}`, label: `Goal ${i}`, done: done(i) }));

/** The group of `options`, with `selected` bound as a parent's state would hold it. */
function showGroup(options: { value: string; label: string; done?: boolean }[], selected: string[]) {
  const chosen = bound(selected);
  show(CheckboxGroup, {
    form: new FormState('person', ['follows']),
    field: 'follows',
    legend: 'Follows goals',
    options,
    get selected() {
      return chosen.value;
    },
    set selected(value: string[]) {
      chosen.value = value;
    },
  });
  return chosen;
}

const boxesOutside = () =>
  [...document.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter(
    (b) => !b.closest('details'),
  );
const boxesInside = () => [...document.querySelectorAll<HTMLInputElement>('details input[type=checkbox]')];
const summary = () => document.querySelector('summary')?.textContent?.replace(/\s+/g, ' ').trim();
const filter = () => document.querySelector<HTMLInputElement>('input[type=search]');

function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

describe('a checkbox group', () => {
  it('puts what is done behind a disclosure that counts what it hides that is chosen', () => {
    const chosen = showGroup(
      goals(6, (i) => i < 4),
      ['g1', 'g5'],
    );
    expect(boxesOutside().map((b) => b.value)).toEqual(['g4', 'g5']);
    expect(boxesInside().map((b) => b.value)).toEqual(['g0', 'g1', 'g2', 'g3']);
    expect(document.querySelector('details')?.open).toBe(false);
    expect(summary()).toBe('Done (4) · 1 chosen');
    expect(boxesInside()[1]?.checked).toBe(true);

    // A done goal chosen stays where it is, and the count follows.
    boxesInside()[2]!.click();
    flushSync();
    expect(chosen.value).toEqual(['g1', 'g5', 'g2']);
    expect(boxesInside().map((b) => b.value)).toEqual(['g0', 'g1', 'g2', 'g3']);
    expect(summary()).toBe('Done (4) · 2 chosen');
    // The field's id, for an error's focus, is on the first box shown.
    expect(boxesOutside()[0]?.id).toMatch(/-follows$/);
  });

  it('has no disclosure and no filter for a short list with nothing done', () => {
    showGroup(
      goals(5, () => false),
      [],
    );
    expect(boxesOutside()).toHaveLength(5);
    expect(document.querySelector('details')).toBeNull();
    expect(filter()).toBeNull();
  });

  it('filters a long list by its labels, done ones included, and says when nothing matches', () => {
    showGroup(
      goals(40, (i) => i < 30),
      ['g12'],
    );
    const box = filter();
    expect(box?.getAttribute('aria-label')).toBe('Filter: Follows goals');
    type(box!, 'goal 1');
    // Goal 1 and Goal 10–19 are done; none of the ten not done matches.
    expect(boxesOutside()).toHaveLength(0);
    expect(boxesInside().map((b) => b.value)).toEqual([
      'g1',
      ...Array.from({ length: 10 }, (_, i) => `g${10 + i}`),
    ]);
    expect(summary()).toBe('Done (11) · 1 chosen');
    type(box!, 'goal 3');
    expect(boxesOutside().map((b) => b.value)).toEqual([
      'g30',
      'g31',
      'g32',
      'g33',
      'g34',
      'g35',
      'g36',
      'g37',
      'g38',
      'g39',
    ]);
    expect(boxesInside().map((b) => b.value)).toEqual(['g3']);
    type(box!, 'nothing like it');
    expect(boxesOutside()).toHaveLength(0);
    expect(document.querySelector('details')).toBeNull();
    expect(document.body.textContent).toContain('Nothing matches “nothing like it”.');
    // Nothing to focus but the filter: it carries the field's id.
    expect(box?.id).toMatch(/-follows$/);
  });

  it('never gives the field’s id to a box hidden in the closed disclosure', () => {
    showGroup(
      goals(3, () => true),
      ['g0'],
    );
    const ids = () => [...document.querySelectorAll('[id$="-follows"]')];
    expect(ids()).toEqual([document.querySelector('summary')]);
    document.querySelector('details')!.open = true;
    flushSync();
    expect(ids()).toEqual([document.querySelector('summary')]);
  });
});
