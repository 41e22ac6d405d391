/**
 * A select's goals, mounted in jsdom: the open ones first in their order, the done ones after in
 * a group of their own, and a select bound to a done goal still shows it chosen.
 */
import { describe, expect, it } from 'vitest';
import GoalOptions from '../../../src/renderer/src/components/GoalOptions.svelte';
import type { State } from '../../../src/shared/domain.ts';
import { show } from './shown.ts';

const goal = (id: string, state: State) => ({ id, title: `Goal ${id}`, state });

describe('goal options', () => {
  it('lists the open goals first, then the done ones in a group of their own', () => {
    const select = document.createElement('select');
    document.body.append(select);
    const goals = [goal('a', 'done'), goal('b', 'in progress'), goal('c', 'done'), goal('d', 'paused')];
    show(GoalOptions, { goals }, select);
    const options = [...select.options].map((o) => [o.value, o.parentElement?.tagName === 'OPTGROUP']);
    expect(options).toEqual([
      ['b', false],
      ['d', false],
      ['a', true],
      ['c', true],
    ]);
    expect(select.querySelector('optgroup')?.label).toBe('Done');
    select.value = 'c';
    expect(select.selectedOptions[0]?.textContent).toBe('Goal c');
  });

  it('has no group when nothing is done', () => {
    const select = document.createElement('select');
    document.body.append(select);
    show(GoalOptions, { goals: [goal('a', 'help wanted')] }, select);
    expect(select.querySelector('optgroup')).toBeNull();
    expect(select.options).toHaveLength(1);
  });
});
