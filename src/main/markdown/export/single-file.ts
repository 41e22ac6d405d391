/**
 * The single-file variant: the overview, then a `## 🔻 Goal` section per goal with
 * `### ↳ Initiative` sections, linked by the anchors GitHub gives their headings.
 */
import type { Nodes } from 'mdast';
import { inline, path } from '../escape.ts';
import { parseMarkdown, textOf } from '../parse.ts';
import { Anchors } from '../slug.ts';
import { goalBody, initiativeBody, overview, top, type LinkTo } from './bodies.ts';
import { GOAL_MARKER, INITIATIVE_MARKER, ROOT_FILE, SECTION, file } from './format.ts';
import type { Model } from './model.ts';
import { References } from './references.ts';

/** A block of the single file: a heading of ours (with the item it heads), users' Markdown, or other. */
interface Block {
  text: string;
  kind: 'heading' | 'user' | 'other';
  id?: string;
}

/** The goal and initiative sections of the single file, as blocks in order. */
function sections(model: Model, linkTo: LinkTo): Block[] {
  const blocks: Block[] = [];
  const add = (text: string, kind: Block['kind'] = 'other', id?: string) => {
    if (text !== '') blocks.push({ text, kind, id });
  };
  const addBody = (body: readonly string[], depth: number) => {
    const heading = (title: string) => `${'#'.repeat(depth)} ${title}`;
    const ours = new Set(Object.values(SECTION).map(heading));
    const usersBelow = new Set([SECTION.impact, SECTION.howToHelp, SECTION.features].map(heading));
    body.forEach((b, i) => {
      const kind = ours.has(b) ? 'heading' : i > 0 && usersBelow.has(body[i - 1]!) ? 'user' : 'other';
      add(b, kind);
    });
  };
  for (const g of model.goals) {
    add(`## ${GOAL_MARKER} ${inline(g.goal.title)}`, 'heading', g.goal.id);
    addBody(goalBody(model, g, 3, 2), 3);
    for (const x of g.initiatives) {
      add(`### ${INITIATIVE_MARKER} ${inline(x.initiative.title)}`, 'heading', x.initiative.id);
      addBody(initiativeBody(model, g, x, 4, linkTo), 4);
    }
  }
  return blocks;
}

/** Text a heading's content can only read back as itself (no escape, entity, link, emphasis). */
const PLAIN_HEADING =
  /^#{1,6} ([\p{L}\p{M}\p{N}\p{So},.'"()/:;?-](?:[\p{L}\p{M}\p{N}\p{So} ,.'"()/:;?-]*[\p{L}\p{M}\p{N}\p{So},.'"()/:;?-])?)$/u;
/** Could hold a heading: an ATX `#`, or a line ending in a setext underline. */
const MAY_HOLD_HEADING = /#|[=-][ \t]*$/m;
/** Could hold a (footnote) definition, which would resolve references anywhere in the file. */
const MAY_DEFINE = /\]:/;

/**
 * The anchors GitHub gives the headings of `# Roadmap` followed by `blocks`, counting every
 * heading (users' included), by item id. Blocks end where they end (users' Markdown is made
 * safe), so each is read on its own — parsing the whole file at once costs seconds — unless a
 * user's block could define a reference that a heading elsewhere uses.
 */
function anchorsOf(blocks: readonly Block[]): Map<string, string> {
  const anchors = new Anchors();
  const anchorOf = new Map<string, string>();
  const visit = (node: Nodes, id?: string): void => {
    if (node.type === 'heading') {
      const anchor = anchors.next(textOf(node));
      if (id) anchorOf.set(id, anchor);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  anchors.next('Roadmap');
  if (blocks.some((b) => b.kind === 'user' && MAY_DEFINE.test(b.text))) {
    // Read as one file, matching our headings by line.
    const ids = new Map<number, string>();
    let line = 3; // after `# Roadmap` and a blank line
    for (const b of blocks) {
      if (b.id) ids.set(line, b.id);
      line += b.text.split('\n').length + 1;
    }
    const tree = parseMarkdown(blocks.map((b) => b.text).join('\n\n'));
    for (const node of tree.children) visit(node, ids.get((node.position?.start.line ?? 0) + 2));
    return anchorOf;
  }
  for (const b of blocks) {
    if (b.kind === 'heading') {
      const plain = PLAIN_HEADING.exec(b.text);
      if (plain) {
        const anchor = anchors.next(plain[1]!);
        if (b.id) anchorOf.set(b.id, anchor);
      } else {
        for (const node of parseMarkdown(b.text).children) visit(node, b.id);
      }
    } else if (b.kind === 'user' && MAY_HOLD_HEADING.test(b.text)) {
      for (const node of parseMarkdown(b.text).children) visit(node);
    }
  }
  return anchorOf;
}

export function single(model: Model): Map<string, string> {
  // Headings don't depend on links: lay the sections out once to learn the anchors GitHub
  // will give their headings, then for real.
  const anchorOf = anchorsOf(sections(model, () => '#'));
  const anchor = (id: string): string => path(`#${anchorOf.get(id) ?? ''}`);
  const final = sections(model, (t) => anchor(t.initiative ? t.initiative.initiative.id : t.goal.goal.id));

  const refs = new References();
  const overviewTable = overview(
    model,
    refs,
    (g) => anchor(g.goal.id),
    (_g, x) => anchor(x.initiative.id),
  );
  return new Map([[ROOT_FILE, file([...top(overviewTable, refs), final.map((b) => b.text).join('\n\n')])]]);
}
