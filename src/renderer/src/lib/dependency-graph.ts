/**
 * Laying out a dependency graph (initiatives, or milestones) in columns: an item sits one
 * column to the right of the last thing it waits for, so reading left to right follows the
 * order work can happen in. Pure, for the Dependencies view and its tests.
 */

export interface GraphNode {
  id: string;
  dependsOnIds: readonly string[];
}

export interface Edge {
  /** The dependency… */
  from: string;
  /** …and the item that waits for it. */
  to: string;
}

/** The edges between the given nodes (dependencies outside the set are left out). */
export function edgesOf(nodes: readonly GraphNode[]): Edge[] {
  const ids = new Set(nodes.map((n) => n.id));
  return nodes.flatMap((node) =>
    node.dependsOnIds.filter((d) => ids.has(d) && d !== node.id).map((from) => ({ from, to: node.id })),
  );
}

/**
 * The linked nodes by chain: nodes joined by dependencies, whichever way the arrows point, each
 * chain in the order its first node comes in, its nodes in the given order.
 */
export function chains<T extends GraphNode>(nodes: readonly T[]): T[][] {
  /** Each linked node's way to its chain's first-met node (a union-find). */
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    for (let up = parent.get(r); up !== undefined && up !== r; up = parent.get(r)) r = up;
    parent.set(id, r);
    return r;
  };
  for (const { from, to } of edgesOf(nodes)) {
    for (const id of [from, to]) if (!parent.has(id)) parent.set(id, id);
    parent.set(root(to), root(from));
  }
  const byRoot = new Map<string, T[]>();
  for (const node of nodes) {
    if (!parent.has(node.id)) continue;
    const key = root(node.id);
    byRoot.set(key, [...(byRoot.get(key) ?? []), node]);
  }
  return [...byRoot.values()];
}

/** Who waits for each node: id → the ids that depend on it, in the given order. */
export function dependentsOf(nodes: readonly GraphNode[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { from, to } of edgesOf(nodes)) map.set(from, [...(map.get(from) ?? []), to]);
  return map;
}

/**
 * Columns by longest path: column 0 holds what waits for nothing; each other node sits right
 * after its latest dependency. Within a column, nodes follow the average row of what they wait
 * for (fewer crossing arrows), else the given order. A cycle (the API refuses them) can't loop.
 */
export function layers<T extends GraphNode>(nodes: readonly T[]): T[][] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const node = byId.get(id);
    const deps = (node?.dependsOnIds ?? []).filter((d) => byId.has(d) && d !== id);
    const value = deps.length ? Math.max(...deps.map(depthOf)) + 1 : 0;
    visiting.delete(id);
    depth.set(id, value);
    return value;
  };
  const columns: T[][] = [];
  for (const node of nodes) (columns[depthOf(node.id)] ??= []).push(node);
  const dense = columns.filter((c) => c !== undefined);

  const row = new Map<string, number>();
  dense.forEach((column, c) => {
    if (c > 0) {
      const order = new Map(column.map((n, i) => [n.id, i]));
      const weight = (n: T) => {
        const rows = n.dependsOnIds.flatMap((d) => (row.has(d) ? [row.get(d) as number] : []));
        return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : Infinity;
      };
      column.sort((a, b) => weight(a) - weight(b) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    }
    column.forEach((n, i) => row.set(n.id, i));
  });
  return dense;
}
