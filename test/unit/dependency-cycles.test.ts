/**
 * The roadmap's circles of dependencies: Tarjan's algorithm over numbered items, checked against
 * the definition itself (two items share a circle when each reaches the other) on random graphs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cyclesIn } from '../../src/main/services/dependency-cycles.ts';

type Edge = [string, string];

/** The circles by definition: the items each reaching the other, or reaching itself, grouped. */
function circlesByReach(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const [from, to] of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const reached = (from: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [...(next.get(from) ?? [])];
    for (let item = todo.pop(); item !== undefined; item = todo.pop()) {
      if (seen.has(item)) continue;
      seen.add(item);
      todo.push(...(next.get(item) ?? []));
    }
    return seen;
  };
  const reach = new Map([...new Set(edges.flat())].map((item) => [item, reached(item)]));
  const groups = new Map<string, string[]>();
  for (const [item, from] of reach) {
    if (!from.has(item)) continue;
    const group = [...from].filter((other) => reach.get(other)!.has(item)).sort();
    groups.set(group[0]!, group);
  }
  return [...groups.values()].sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
}

describe('dependency circles', () => {
  it('are the items that reach each other, on random graphs', () => {
    const item = fc.constantFrom(...'abcdefghijkl'.split(''));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(item, item), { maxLength: 30, selector: (e) => e.join() }),
        (edges) => {
          expect(cyclesIn(edges)).toEqual(circlesByReach(edges));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds none in a chain, one in a closed chain, and one per loop of a figure eight', () => {
    expect(
      cyclesIn([
        ['b', 'a'],
        ['c', 'b'],
      ]),
    ).toEqual([]);
    expect(
      cyclesIn([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ]),
    ).toEqual([['a', 'b', 'c']]);
    const eight: Edge[] = [
      ['a', 'b'],
      ['b', 'a'],
      ['b', 'c'],
      ['x', 'y'],
      ['y', 'x'],
      ['c', 'x'],
    ];
    expect(cyclesIn(eight)).toEqual([
      ['a', 'b'],
      ['x', 'y'],
    ]);
  });

  it('follows a chain of 200,000 items without overflowing the stack', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `m${String(i).padStart(6, '0')}`);
    const chain = ids.map((id, i): Edge => [id, ids[(i + 1) % ids.length]!]);
    expect(cyclesIn(chain)).toEqual([ids]);
    expect(cyclesIn(chain.slice(0, -1))).toEqual([]);
  });
});
