import { describe, expect, it } from 'vitest';
import { chains, dependentsOf, edgesOf, layers } from '../../src/renderer/src/lib/dependency-graph.ts';

const node = (id: string, ...dependsOnIds: string[]) => ({ id, dependsOnIds });
const ids = (columns: { id: string }[][]) => columns.map((c) => c.map((n) => n.id));

describe('the dependency graph layout', () => {
  it('puts each item one column after the latest thing it waits for', () => {
    const nodes = [
      node('stabilize', 'impl', 'docs'),
      node('docs', 'design'),
      node('impl', 'design'),
      node('design'),
    ];
    expect(ids(layers(nodes))).toEqual([['design'], ['docs', 'impl'], ['stabilize']]);
  });

  it('uses the longest path, not the shortest', () => {
    expect(ids(layers([node('c', 'a', 'b'), node('b', 'a'), node('a')]))).toEqual([['a'], ['b'], ['c']]);
  });

  it('orders a column by the rows of what its items wait for', () => {
    const nodes = [node('a'), node('b'), node('after-b', 'b'), node('after-a', 'a')];
    expect(ids(layers(nodes))).toEqual([
      ['a', 'b'],
      ['after-a', 'after-b'],
    ]);
  });

  it('ignores dependencies outside the set and survives a cycle', () => {
    expect(ids(layers([node('a', 'elsewhere'), node('b', 'a')]))).toEqual([['a'], ['b']]);
    expect(layers([node('a', 'b'), node('b', 'a')]).flat()).toHaveLength(2);
  });

  it('groups the linked items by chain, whichever way the arrows point', () => {
    const nodes = [
      node('ship', 'impl'),
      node('alone'),
      node('docs', 'outside'),
      node('impl', 'design'),
      node('guide', 'docs'),
      node('design'),
      node('review', 'design'),
    ];
    expect(ids(chains(nodes))).toEqual([
      ['ship', 'impl', 'design', 'review'],
      ['docs', 'guide'],
    ]);
    expect(chains([node('a', 'b'), node('b', 'a')]).map((c) => c.length)).toEqual([2]);
  });

  it('lists edges, dependents and the connected items', () => {
    const nodes = [node('a'), node('b', 'a'), node('c', 'a', 'gone'), node('alone')];
    expect(edgesOf(nodes)).toEqual([
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
    ]);
    expect(dependentsOf(nodes).get('a')).toEqual(['b', 'c']);
    expect(ids(chains(nodes))).toEqual([['a', 'b', 'c']]);
  });
});
