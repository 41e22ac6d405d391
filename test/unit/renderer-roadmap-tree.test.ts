import { describe, expect, it } from 'vitest';
import type { Goal, Initiative, Milestone, Roadmap, State } from '../../src/shared/domain.ts';
import {
  NOBODY,
  countItems,
  helpWanted,
  isHistory,
  milestoneTally,
  roadmapTree,
  withHiddenInPlace,
} from '../../src/renderer/src/lib/roadmap-tree.ts';
import { dropIndex, moveTo } from '../../src/renderer/src/lib/reorder.ts';

const goal = (id: string, position: number, state: State, ownerIds: string[] = []): Goal => ({
  id,
  title: id,
  impact: '',
  howToHelp: '',
  state,
  ownerIds,
  position,
  manualProgress: null,
  progress: 0,
});
const initiative = (
  id: string,
  goalId: string,
  position: number,
  state: State,
  ownerIds: string[] = [],
): Initiative => ({
  id,
  goalId,
  title: id,
  impact: '',
  features: '',
  link: null,
  state,
  ownerIds,
  dependsOnIds: [],
  position,
  manualProgress: null,
  progress: 0,
});
const milestone = (
  id: string,
  initiativeId: string,
  position: number,
  state: State,
  participantIds: string[] = [],
): Milestone => ({
  id,
  initiativeId,
  title: id,
  state,
  participantIds,
  dependsOnIds: [],
  targetSprintId: null,
  position,
});

const view: Roadmap = {
  goals: [goal('g2', 2, 'paused'), goal('g1', 1, 'in progress', ['ada'])],
  initiatives: [
    initiative('i2', 'g1', 2, 'help wanted'),
    initiative('i1', 'g1', 1, 'in progress', ['ada']),
    initiative('i3', 'g2', 1, 'paused', ['grace']),
  ],
  milestones: [
    milestone('m2', 'i1', 2, 'in progress', ['grace']),
    milestone('m1', 'i1', 1, 'done', ['ada']),
    milestone('m3', 'i3', 1, 'help wanted'),
  ],
  milestoneCounts: {
    i1: { done: 1, 'in progress': 1, 'help wanted': 0, paused: 0 },
    i3: { done: 0, 'in progress': 0, 'help wanted': 1, paused: 0 },
  },
  cycles: [],
  blocked: [{ kind: 'milestone', id: 'm2', waitingOn: [{ id: 'm3', title: 'm3', state: 'help wanted' }] }],
};

const shape = (tree: ReturnType<typeof roadmapTree>) =>
  tree.map((g) => [
    g.goal.id,
    g.match,
    g.initiatives.map((i) => [i.initiative.id, i.match, i.milestones.map((m) => m.milestone.id)]),
  ]);

describe('the roadmap tree', () => {
  it('lists every level in order without a filter', () => {
    expect(shape(roadmapTree(view))).toEqual([
      [
        'g1',
        true,
        [
          ['i1', true, ['m1', 'm2']],
          ['i2', true, []],
        ],
      ],
      ['g2', true, [['i3', true, ['m3']]]],
    ]);
  });

  it('keeps the goals and initiatives above a match as context', () => {
    expect(shape(roadmapTree(view, { states: ['help wanted'], blocked: false, owner: null }))).toEqual([
      ['g1', false, [['i2', true, []]]],
      ['g2', false, [['i3', false, ['m3']]]],
    ]);
  });

  it('filters by owner, key participants included, and by nobody', () => {
    expect(shape(roadmapTree(view, { states: [], blocked: false, owner: 'grace' }))).toEqual([
      ['g1', false, [['i1', false, ['m2']]]],
      ['g2', false, [['i3', true, []]]],
    ]);
    expect(shape(roadmapTree(view, { states: [], blocked: false, owner: NOBODY }))).toEqual([
      ['g1', false, [['i2', true, []]]],
      ['g2', true, [['i3', false, ['m3']]]],
    ]);
  });

  it('shows blocked work alone, or together with chosen states', () => {
    expect(shape(roadmapTree(view, { states: [], blocked: true, owner: null }))).toEqual([
      ['g1', false, [['i1', false, ['m2']]]],
    ]);
    expect(shape(roadmapTree(view, { states: ['paused'], blocked: true, owner: null }))).toEqual([
      ['g1', false, [['i1', false, ['m2']]]],
      ['g2', true, [['i3', true, []]]],
    ]);
  });

  it('counts items per state and the blocked ones', () => {
    expect(countItems(view)).toEqual({
      states: { done: 1, 'in progress': 3, 'help wanted': 2, paused: 2 },
      blocked: 1,
      total: 8,
    });
  });

  it('counts the milestones not loaded (a done initiative’s) from the milestone counts', () => {
    const done = initiative('i4', 'g2', 2, 'done', ['grace']);
    const withHistory: Roadmap = {
      ...view,
      initiatives: [...view.initiatives, done],
      milestoneCounts: {
        ...view.milestoneCounts,
        i4: { done: 5, 'in progress': 0, 'help wanted': 0, paused: 0 },
      },
    };
    expect(countItems(withHistory)).toMatchObject({ states: { done: 7 }, total: 14 });
    expect(milestoneTally(withHistory.milestoneCounts.i4)).toEqual({ total: 5, done: 5 });
    expect(milestoneTally(undefined)).toEqual({ total: 0, done: 0 });
    // Not loaded, so not listed: they appear once the initiative's milestones are asked for.
    expect(shape(roadmapTree(withHistory))[1]).toEqual([
      'g2',
      true,
      [
        ['i3', true, ['m3']],
        ['i4', true, []],
      ],
    ]);
  });

  it('lists everything seeking an owner', () => {
    const wanted = helpWanted(view);
    expect(wanted.goals).toEqual([]);
    expect(wanted.initiatives.map((i) => i.id)).toEqual(['i2']);
    expect(wanted.milestones.map((m) => m.id)).toEqual(['m3']);
  });

  it('lists what is in progress while nobody owns it among what seeks an owner', () => {
    const unowned: Roadmap = {
      ...view,
      goals: [...view.goals, goal('g3', 3, 'in progress')],
      initiatives: [...view.initiatives, initiative('i4', 'g3', 1, 'in progress')],
      milestones: [
        ...view.milestones,
        milestone('m4', 'i4', 1, 'in progress'),
        milestone('m5', 'i4', 2, 'paused'),
      ],
    };
    const wanted = helpWanted(unowned);
    expect(wanted.goals.map((g) => g.id)).toEqual(['g3']);
    expect(wanted.initiatives.map((i) => i.id)).toEqual(['i2', 'i4']);
    expect(wanted.milestones.map((m) => m.id)).toEqual(['m3', 'm4']);
  });
});

describe('moving an item in an ordered list', () => {
  it('moves up and down, and not past either end', () => {
    expect(moveTo(['a', 'b', 'c'], 1, 0)).toEqual(['b', 'a', 'c']);
    expect(moveTo(['a', 'b', 'c'], 1, 2)).toEqual(['a', 'c', 'b']);
    expect(moveTo(['a', 'b', 'c'], 0, -1)).toBeNull();
    expect(moveTo(['a', 'b', 'c'], 2, 3)).toBeNull();
    expect(moveTo(['a', 'b', 'c'], 0, 5)).toEqual(['b', 'c', 'a']);
  });

  it('drops before or after the item under the pointer', () => {
    // a b c d: dragging a (0) after c (2) lands at index 2; before c at 1.
    expect(dropIndex(0, 2, true)).toBe(2);
    expect(dropIndex(0, 2, false)).toBe(1);
    // dragging d (3) before b (1) lands at 1; after b at 2.
    expect(dropIndex(3, 1, false)).toBe(1);
    expect(dropIndex(3, 1, true)).toBe(2);
  });
});

describe('done initiatives behind a disclosure', () => {
  it('counts as history what is done, or under a done goal', () => {
    expect(isHistory({ state: 'in progress' }, { state: 'done' })).toBe(true);
    expect(isHistory({ state: 'done' }, { state: 'in progress' })).toBe(true);
    expect(isHistory({ state: 'in progress' }, { state: 'help wanted' })).toBe(false);
  });

  it('keeps the hidden siblings in their places when the visible ones are reordered', () => {
    // d1 and d2 hidden; a b c visible, reordered to c a b.
    expect(withHiddenInPlace(['d1', 'a', 'b', 'd2', 'c'], ['c', 'a', 'b'])).toEqual([
      'd1',
      'c',
      'a',
      'd2',
      'b',
    ]);
    // Nothing hidden: the new order as it is.
    expect(withHiddenInPlace(['a', 'b', 'c'], ['b', 'a', 'c'])).toEqual(['b', 'a', 'c']);
  });
});
