/** Every kind of item has its own words, one and many, for What arrived, conflicts and Settings. */
import { describe, expect, it } from 'vitest';
import { ENTITY_NAMES } from '../../src/shared/entities/index.ts';
import { itemNoun, kindNoun } from '../../src/shared/nouns.ts';

describe('the nouns of the kinds of items', () => {
  it('names every kind but the workspace itself in words of its own', () => {
    const kinds = ENTITY_NAMES.filter((name) => name !== 'workspace');
    expect(kinds.filter((kind) => kindNoun(kind) === 'item' || kindNoun(kind, 2) === 'items')).toEqual([]);
    expect(kinds.filter((kind) => kindNoun(kind) === kindNoun(kind, 2))).toEqual([]);
  });

  it('says one or many, with the number where asked', () => {
    expect(kindNoun('pollResponse', 1)).toBe('poll answer');
    expect(kindNoun('pollResponse', 4)).toBe('poll answers');
    expect(kindNoun('replica', 2)).toBe('installations');
    expect(kindNoun('person', 0)).toBe('people');
    expect(itemNoun('polishIssue')).toBe('polish issue');
    expect(itemNoun('polishIssue', 3)).toBe('3 polish issues');
    expect(itemNoun('somethingNew', 2)).toBe('2 items');
  });
});
