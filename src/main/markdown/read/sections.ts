/**
 * The sections of the single `roadmap.md`: a goal's section (its heading marked 🔻 or giving
 * a goal's title) holds its page, and inside it its initiatives' sections. Each section is
 * taken once: by the anchor a link names, else by its title.
 */
import type { Heading, Nodes, RootContent } from 'mdast';
import { textOf } from '../parse.ts';
import { GOAL_MARK, sectionTitle, stripSpace } from './cells.ts';
import { resolveHref, type Doc } from './files.ts';
import { norm, type GoalRow } from './overview.ts';
import { Anchors } from '../slug.ts';

export interface Section {
  heading: Heading;
  nodes: RootContent[];
}

/** The titles a heading may mean: with its 🛠️ markers, and without. */
export const headingTitles = (h: Heading): string[] => [norm(sectionTitle(h, false)), norm(sectionTitle(h))];

export class Sections {
  /** The goals' sections, in order. */
  readonly goals: Section[] = [];
  private readonly anchors = new Map<Heading, string>();
  private readonly used = new Set<Section>();
  private readonly root: Doc;

  constructor(root: Doc, goalRows: readonly GoalRow[]) {
    this.root = root;
    const a = new Anchors();
    const visit = (n: Nodes) => {
      if (n.type === 'heading') this.anchors.set(n, a.next(textOf(n)));
      if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
    };
    visit(root.tree);

    const goalTitles = new Set(goalRows.map((g) => norm(g.row.title)));
    const isGoalHeading = (h: Heading) => {
      const text = stripSpace(textOf(h));
      return h.depth > 1 && (GOAL_MARK.test(text) || headingTitles(h).some((t) => goalTitles.has(t)));
    };
    const goalHeadings = root.tree.children.filter(
      (n): n is Heading => n.type === 'heading' && isGoalHeading(n),
    );
    const goalDepth = goalHeadings.length ? Math.min(...goalHeadings.map((h) => h.depth)) : 0;
    let current: Section | null = null;
    for (const node of root.tree.children) {
      if (node.type === 'heading' && node.depth <= goalDepth) {
        current = null;
        if (node.depth === goalDepth && isGoalHeading(node)) {
          current = { heading: node, nodes: [] };
          this.goals.push(current);
        }
        continue;
      }
      current?.nodes.push(node);
    }
  }

  /** The anchor of a section's heading. */
  anchorOf(section: Section): string | null {
    return this.anchors.get(section.heading) ?? null;
  }

  isTaken(section: Section): boolean {
    return this.used.has(section);
  }

  /** Marks a section as taken (one no table lists, read on its own). */
  takeThis(section: Section): void {
    this.used.add(section);
  }

  /** The section a link's anchor names, else the first unused one with the title. */
  take(list: readonly Section[], title: string, href: string | null): Section | null {
    const anchor = href ? resolveHref(this.root, href) : null;
    const free = (x: Section) => !this.used.has(x);
    const found =
      (anchor?.anchor && anchor.file === this.root.path
        ? list.find((x) => free(x) && this.anchors.get(x.heading) === anchor.anchor)
        : undefined) ??
      list.find((x) => free(x) && headingTitles(x.heading)[0] === norm(title)) ??
      list.find((x) => free(x) && headingTitles(x.heading)[1] === norm(title));
    if (found) this.used.add(found);
    return found ?? null;
  }
}
