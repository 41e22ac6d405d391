/**
 * Dependencies that go round in a circle. The editor refuses a dependency that closes a circle,
 * but two replicas can each add one half offline: merged, both are kept (`docs/sync.md`), and the
 * roadmap lists the circles so someone can break them.
 */
import type { Workspace } from '../db/open.ts';
import { stmt } from '../store/write.ts';

/** Each circle's ids (sorted), for initiatives and milestones alike; circles ordered by first id. */
export function dependencyCycles(ws: Workspace): string[][] {
  const edges = stmt(
    ws.db,
    `SELECT initiative_id, depends_on_id FROM initiative_dependencies
     UNION ALL SELECT milestone_id, depends_on_id FROM milestone_dependencies`,
  )
    .raw(true)
    .all() as [string, string][];
  return cyclesIn(edges);
}

/**
 * The circles of a graph given as edges `[from, to]`: Tarjan's strongly connected components of
 * more than one item (or of one that depends on itself), each sorted, ordered by first id. The
 * roadmap asks on every read, over years of dependencies: the items are numbered, and the work
 * is done in typed arrays, with no recursion (a long chain must not overflow the stack).
 */
export function cyclesIn(edges: readonly (readonly [string, string])[]): string[][] {
  const ids: string[] = [];
  const numbers = new Map<string, number>();
  const numberOf = (id: string): number => {
    let n = numbers.get(id);
    if (n === undefined) numbers.set(id, (n = ids.push(id) - 1));
    return n;
  };
  const edgeNumbers = edges.map(([from, to]) => [numberOf(from), numberOf(to)] as const);
  const count = ids.length;
  // Each item's edges, side by side: those of item i are targets[first[i]] … targets[first[i + 1] - 1].
  const first = new Int32Array(count + 1);
  for (const [from] of edgeNumbers) first[from + 1]!++;
  for (let i = 0; i < count; i++) first[i + 1]! += first[i]!;
  const targets = new Int32Array(edgeNumbers.length);
  const filled = first.slice(0, count);
  for (const [from, to] of edgeNumbers) targets[filled[from]!++] = to;

  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack = new Int32Array(count);
  const work = new Int32Array(count); // the items being explored, deepest last
  const next = new Int32Array(count); // each item's next edge to follow
  let stackSize = 0;
  let depth = 0;
  let counter = 0;
  const enter = (item: number) => {
    index[item] = low[item] = counter++;
    stack[stackSize++] = item;
    onStack[item] = 1;
    next[item] = first[item]!;
    work[depth++] = item;
  };
  const cycles: string[][] = [];
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    enter(root);
    while (depth > 0) {
      const item = work[depth - 1]!;
      if (next[item]! < first[item + 1]!) {
        const to = targets[next[item]!++]!;
        if (index[to] === -1) enter(to);
        else if (onStack[to]) low[item] = Math.min(low[item]!, index[to]!);
        continue;
      }
      depth--;
      const parent = depth > 0 ? work[depth - 1]! : -1;
      if (parent !== -1) low[parent] = Math.min(low[parent]!, low[item]!);
      if (low[item] !== index[item]) continue;
      // The component is the stack down to `item`; most are that one item, and no circle.
      let bottom = stackSize - 1;
      while (stack[bottom] !== item) bottom--;
      for (let k = bottom; k < stackSize; k++) onStack[stack[k]!] = 0;
      if (stackSize - bottom > 1 || dependsOnItself(item, first, targets))
        cycles.push(Array.from(stack.subarray(bottom, stackSize), (member) => ids[member]!).sort());
      stackSize = bottom;
    }
  }
  return cycles.sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
}

function dependsOnItself(item: number, first: Int32Array, targets: Int32Array): boolean {
  for (let e = first[item]!; e < first[item + 1]!; e++) if (targets[e] === item) return true;
  return false;
}
