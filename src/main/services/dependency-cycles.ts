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
    `SELECT initiative_id AS a, depends_on_id AS b FROM initiative_dependencies
     UNION ALL SELECT milestone_id, depends_on_id FROM milestone_dependencies`,
  ).all() as { a: string; b: string }[];
  const next = new Map<string, string[]>();
  for (const { a, b } of edges) next.set(a, [...(next.get(a) ?? []), b]);
  return stronglyConnected(next)
    .filter((group) => group.length > 1 || (next.get(group[0]!) ?? []).includes(group[0]!))
    .map((group) => group.sort())
    .sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
}

/** Tarjan's strongly connected components, without recursion (a long chain must not overflow). */
function stronglyConnected(next: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  for (const root of next.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work.at(-1)!;
      const out = next.get(frame.node) ?? [];
      if (frame.edge < out.length) {
        const to = out[frame.edge++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        groups.push(group);
      }
    }
  }
  return groups;
}
