import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/shared/domain.ts';
import { describeHistory, NOT_KEPT } from '../../src/renderer/src/lib/history.ts';

let seq = 0;
const change = (at: string, field: string, value: unknown, personId: string | null = 'ada'): Change => ({
  seq: ++seq,
  entity: 'goal',
  entityId: 'g',
  field,
  value,
  hlc: '',
  conflict: false,
  replicaId: 'r1',
  personId,
  at,
});

const people: Record<string, string> = { ada: 'Ada', grace: 'Grace', linus: 'Linus' };
const names = { person: (id: string) => people[id], item: (id: string) => ({ i1: 'Cache' })[id] };

describe('an item history in words', () => {
  // Oldest first, as written; the API answers newest first.
  const log = [
    change('2025-03-03T10:00:00.000Z', 'title', 'Faster builds'),
    change('2025-03-03T10:00:00.001Z', 'state', 'help wanted'),
    change('2025-03-03T10:00:00.002Z', 'ownerIds', []),
    change('2025-03-03T10:00:00.003Z', 'position', 1),
    change('2025-03-05T09:00:00.000Z', 'ownerIds', ['ada', 'grace']),
    change('2025-03-05T09:00:00.001Z', 'state', 'in progress'),
    change('2025-03-09T12:00:00.000Z', 'ownerIds', ['grace', 'linus'], null),
    change('2025-03-10T12:00:00.000Z', 'manualProgress', 40),
    change('2025-03-11T12:00:00.000Z', 'manualProgress', null),
    change('2025-03-12T12:00:00.000Z', 'impact', '- new'),
  ].reverse();

  it('groups one save, says who and when, and diffs owners', () => {
    const entries = describeHistory(log, names);
    expect(entries.map((e) => [e.at, e.personId, e.created, e.lines])).toEqual([
      ['2025-03-12T12:00:00.000Z', 'ada', false, ['Impact written']],
      ['2025-03-11T12:00:00.000Z', 'ada', false, ['Progress: derived again']],
      ['2025-03-10T12:00:00.000Z', 'ada', false, ['Progress: 40%, set by hand']],
      ['2025-03-09T12:00:00.000Z', null, false, ['Owners: + Linus, − Ada']],
      ['2025-03-05T09:00:00.001Z', 'ada', false, ['Owners: + Ada, + Grace', 'State: 🦀 in progress']],
      [
        '2025-03-03T10:00:00.003Z',
        'ada',
        true,
        ['Title: “Faster builds”', 'State: ✋ help wanted', 'Owners: none'],
      ],
    ]);
  });

  it('keeps only the fields asked for', () => {
    const entries = describeHistory(log, names, { fields: ['state', 'ownerIds'] });
    expect(entries.map((e) => e.lines)).toEqual([
      ['Owners: + Linus, − Ada'],
      ['Owners: + Ada, + Grace', 'State: 🦀 in progress'],
      ['State: ✋ help wanted', 'Owners: none'],
    ]);
  });

  it('tells a creation by the values it started with', () => {
    const entries = describeHistory(
      [
        change('2025-03-03T10:00:00.000Z', 'goalId', 'i1'),
        change('2025-03-03T10:00:00.001Z', 'link', null),
        change('2025-03-03T10:00:00.002Z', 'dependsOnIds', []),
        change('2025-03-03T10:00:00.003Z', 'manualProgress', null),
        change('2025-03-03T10:00:00.004Z', 'features', ''),
        change('2025-03-03T10:00:00.005Z', 'impact', '- faster'),
      ].reverse(),
      names,
    );
    expect(entries.map((e) => [e.created, e.lines])).toEqual([
      [true, ['Goal: “Cache”', 'Progress: derived', 'Impact written']],
    ]);
  });

  it('names dependencies and people since deleted', () => {
    const entries = describeHistory(
      [
        change('2025-03-03T10:00:00.000Z', 'dependsOnIds', ['i1', 'i9']),
        change('2025-03-03T09:00:00.000Z', 'ownerIds', ['zed']),
      ],
      names,
      { complete: false },
    );
    expect(entries.map((e) => e.lines)).toEqual([
      ['Depends on: “Cache”, “an item since deleted”'],
      ['Owners: someone since deleted'],
    ]);
    expect(entries.some((e) => e.created)).toBe(false);
  });

  it('marks an edit that lost a conflict, and diffs the next edit against the value kept', () => {
    const lost = { ...change('2025-03-04T10:00:00.000Z', 'ownerIds', ['linus']), conflict: true };
    const entries = describeHistory(
      [
        change('2025-03-05T10:00:00.000Z', 'ownerIds', ['ada', 'grace']),
        lost,
        { ...change('2025-03-04T10:00:00.000Z', 'title', 'Quicker builds'), replicaId: 'r2' },
        change('2025-03-03T10:00:00.000Z', 'ownerIds', ['ada']),
      ],
      names,
      { complete: false },
    );
    expect(entries.map((e) => e.lines)).toEqual([
      ['Owners: + Grace'],
      [`Owners: + Linus, − Ada ${NOT_KEPT}`],
      ['Title: “Quicker builds”'],
      ['Owners: Ada'],
    ]);
  });
});
