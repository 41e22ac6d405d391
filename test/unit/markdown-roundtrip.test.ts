/**
 * Export → import into an empty workspace → export gives identical files, for generated
 * workspaces full of hostile text, in both variants; and every exported file parses (GFM)
 * into the tables and the text the workspace holds.
 */
import fc from 'fast-check';
import type { Nodes, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../src/main/api/core.ts';
import { Anchors } from '../../src/main/markdown/slug.ts';
import { parseMarkdown, textOf, isLiteralAutolink } from '../../src/main/markdown/parse.ts';
import { HOSTILE, build, stored, workspace, type Generated } from './generated-roadmap.ts';
import { must } from './helpers.ts';

type Files = { path: string; content: string }[];

const exportFiles = (core: Core, variant: 'folder' | 'single'): Files =>
  must(core, 'roadmap.export', { variant }).files;

function expectSameFiles(a: Files, b: Files): void {
  expect(b.map((f) => f.path)).toEqual(a.map((f) => f.path));
  for (const [i, file] of a.entries())
    expect(`${file.path}\n${b[i]!.content}`).toBe(`${file.path}\n${file.content}`);
}

function all(node: Nodes, out: Nodes[] = []): Nodes[] {
  out.push(node);
  if ('children' in node) for (const child of node.children as Nodes[]) all(child, out);
  return out;
}

/**
 * Our tables keep the column count of their header, and their links go nowhere but http(s), a
 * page or an anchor. (Users' own Markdown — impact, how to help, features — is theirs to shape.)
 */
function expectWellFormed(files: Files): void {
  for (const file of files) {
    const tree = parseMarkdown(file.content);
    for (const node of all(tree)) {
      const header = node.type === 'table' ? textOf(node.children[0]!.children[0]!) : '';
      if (node.type !== 'table' || !['State', 'Deliverable', 'Initiative', 'Milestone'].includes(header))
        continue;
      const width = (node as Table).children[0]!.children.length;
      for (const row of (node as Table).children) expect(row.children.length).toBe(width);
      for (const link of all(node)) {
        if (link.type === 'link' && !isLiteralAutolink(link)) {
          expect(link.url).toMatch(/^(https?:\/\/|\.\.?\/|#)/i);
        }
      }
    }
  }
}

/**
 * In the single file, each overview row that links into the page links to the anchor GitHub
 * gives that row's section heading, counting every heading of the whole file in order.
 */
function expectAnchorsLeadToSections(content: string): void {
  const tree = parseMarkdown(content);
  const anchors = new Anchors();
  const sections: string[] = [];
  for (const node of all(tree)) {
    if (node.type !== 'heading') continue;
    const text = textOf(node);
    const anchor = anchors.next(text);
    const ours = (node.depth === 2 && text.startsWith('🔻 ')) || (node.depth === 3 && text.startsWith('↳ '));
    if (ours && tree.children.includes(node)) sections.push(anchor);
  }
  const definitions = new Map<string, string>();
  for (const node of tree.children)
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
  const overview = tree.children.filter((n) => n.type === 'table')[1] as Table;
  const targets = overview.children.slice(1).map((row) => {
    const link = row.children[0]!.children.find((n) => n.type === 'link' || n.type === 'linkReference');
    if (link?.type === 'link') return link.url;
    return link?.type === 'linkReference' ? (definitions.get(link.identifier) ?? '') : '';
  });
  expect(targets).toHaveLength(sections.length);
  for (const [i, target] of targets.entries()) {
    if (target.startsWith('#')) expect(target).toBe(`#${sections[i]}`);
  }
}

/** The goals and initiatives whose progress is set by hand, as `goal › initiative`, in order. */
function setByHand(core: Core): string[] {
  const goals = must(core, 'goals.list', {});
  const goalTitle = new Map(goals.map((g) => [g.id, g.title]));
  return [
    ...goals,
    ...must(core, 'initiatives.list', {}).map((i) => ({
      ...i,
      title: `${goalTitle.get(i.goalId)} › ${i.title}`,
    })),
  ]
    .filter((item) => item.manualProgress !== null)
    .map((item) => item.title);
}

async function roundTrip(data: Generated): Promise<void> {
  const source = await openCore(':memory:');
  try {
    build(source, data);
    for (const variant of ['folder', 'single'] as const) {
      const first = exportFiles(source, variant);
      expectWellFormed(first);
      if (variant === 'single') expectAnchorsLeadToSections(first[0]!.content);
      const target = await openCore(':memory:');
      try {
        const imported = must(target, 'roadmap.import', { files: first });
        expect(imported.problems).toEqual([]);
        expectSameFiles(first, exportFiles(target, variant));
        // Importing the same files again changes nothing.
        const again = must(target, 'roadmap.previewImport', { files: first });
        expect({ create: again.create, update: again.update }).toEqual({ create: [], update: [] });
      } finally {
        target.close();
      }
    }
  } finally {
    source.close();
  }
}

describe('roadmap round trip', () => {
  it('export → import into an empty workspace → export gives identical files (property)', async () => {
    await fc.assert(fc.asyncProperty(workspace, roundTrip), { numRuns: 30 });
  }, 120_000);

  it('links the single file to its sections when no reference definition is about (property)', async () => {
    // Without definitions the export reads each block on its own rather than the whole file.
    // Users' headings named like the next section shift that section's anchor.
    const noDefinitions = (t: string) => t.replaceAll(']:', '] :');
    const data = workspace.map((w) => ({
      ...w,
      goals: w.goals.map((g, gi) => ({
        ...g,
        impact: `${noDefinitions(g.impact)}\n\n# 🔻 ${w.goals[gi + 1]?.title ?? ''}`,
        howToHelp: noDefinitions(g.howToHelp),
        initiatives: g.initiatives.map((i, ii) => ({
          ...i,
          impact: noDefinitions(i.impact),
          features: `${noDefinitions(i.features)}\n\n## ↳ ${g.initiatives[ii + 1]?.title ?? ''}`,
        })),
      })),
    }));
    await fc.assert(
      fc.asyncProperty(data, async (d) => {
        const core = await openCore(':memory:');
        try {
          build(core, d);
          expectAnchorsLeadToSections(exportFiles(core, 'single')[0]!.content);
        } finally {
          core.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('leaves derived the progress that milestones and initiatives give (property)', async () => {
    const derivedOnly = workspace.map((w) => ({
      ...w,
      goals: w.goals.map((g) => ({
        ...g,
        progress: null,
        initiatives: g.initiatives.map((i) => ({ ...i, progress: null })),
      })),
    }));
    await fc.assert(
      fc.asyncProperty(derivedOnly, async (d) => {
        const source = await openCore(':memory:');
        const target = await openCore(':memory:');
        try {
          build(source, d);
          must(target, 'roadmap.import', { files: exportFiles(source, 'folder') });
          expect(setByHand(target)).toEqual([]);
        } finally {
          source.close();
          target.close();
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('keeps every hostile title and name as one line of the same text', async () => {
    const core = await openCore(':memory:');
    try {
      const names = HOSTILE.filter((h) => h.trim()).map((h, i) => `${h} ${i}`);
      const people = names.map(
        (name, i) => must(core, 'people.create', { name, handle: i % 2 ? `h${i}` : null }).id,
      );
      const goal = must(core, 'goals.create', {
        title: names.join(' ').slice(0, 300).trim(),
        ownerIds: people.slice(0, 10),
      });
      for (const [i, t] of names.entries()) {
        const initiative = must(core, 'initiatives.create', {
          goalId: goal.id,
          title: t,
          ownerIds: [people[i]!],
          link: i % 3 ? null : `https://example.com/${encodeURIComponent(t)}|()&`,
        });
        must(core, 'milestones.create', {
          initiativeId: initiative.id,
          title: t,
          participantIds: [people[(i + 1) % people.length]!],
        });
      }
      for (const variant of ['folder', 'single'] as const) {
        const files = exportFiles(core, variant);
        expectWellFormed(files);
        // The overview: one row per goal and initiative, titles read back as typed.
        const root = parseMarkdown(files.find((f) => f.path === 'roadmap.md')!.content);
        const overview = root.children.filter((n) => n.type === 'table')[1] as Table;
        expect(overview.children).toHaveLength(2 + names.length);
        const titles = overview.children.slice(2).map((row) => {
          const link = row.children[0]!.children.find((n) => n.type === 'link' || n.type === 'linkReference');
          return link ? textOf(link) : '';
        });
        expect(titles).toEqual(names.map(stored));
        // No reference label in a table holds a `|`: GitHub unescapes `\|` in a cell before
        // reading links, so such a label would match no definition there.
        const labels = all(root)
          .filter((n) => n.type === 'table')
          .flatMap((t) => all(t))
          .flatMap((n) => (n.type === 'linkReference' ? [n.label ?? ''] : []));
        expect(labels.length).toBeGreaterThan(0);
        expect(labels.filter((label) => label.includes('|'))).toEqual([]);
        // No raw HTML anywhere: user text is escaped, never markup.
        for (const file of files) {
          expect(all(parseMarkdown(file.content)).filter((n) => n.type === 'html')).toEqual([]);
        }
        const target = await openCore(':memory:');
        try {
          must(target, 'roadmap.import', { files });
          expectSameFiles(files, exportFiles(target, variant));
          const imported = must(target, 'initiatives.list', {});
          expect(imported.map((i) => i.title)).toEqual(names.map(stored));
          expect(
            must(target, 'people.list', {})
              .map((p) => p.name)
              .sort(),
          ).toEqual(names.map(stored).sort());
        } finally {
          target.close();
        }
      }
    } finally {
      core.close();
    }
  });
});
