/**
 * A goal and its initiatives, from the overview's rows and their pages: a goal's page (its
 * file, or its section of the single file) gives its texts and its Initiatives table; each
 * initiative's page gives its texts, link, dependencies and milestones.
 *
 * Where the same fact is given twice, the overview table wins over a goal page's Initiatives
 * table, which wins over the State / Progress / Owners list on the item's own page.
 */
import type { Heading } from 'mdast';
import { isWebUrl, oneLine } from '../escape.ts';
import { textOf } from '../parse.ts';
import { INITIATIVE_MARK, linkOf, sectionTitle, stripSpace, type Context } from './cells.ts';
import { findPage, lineOf, pageBody, pageOf, resolveHref, type Doc } from './files.ts';
import type { ReadGoal, ReadInitiative } from './items.ts';
import { norm, type GoalRow } from './overview.ts';
import { applyMeta, readPage, type Page } from './pages.ts';
import { headingTitles, type Section, type Sections } from './sections.ts';
import { readDependencies, readMilestones, readTable, type ItemRow } from './tables.ts';

/** An initiative's rows: the overview's (or the goal page's), the goal page's as extra, and its section. */
interface InitiativeRows {
  row: ItemRow;
  doc: Doc;
  extra: ItemRow | null;
  child?: Section | null;
}

export function readGoal(
  ctx: Context,
  root: Doc,
  sections: Sections,
  { row, initiatives }: GoalRow,
): ReadGoal {
  const goal: ReadGoal = {
    title: row.title,
    state: row.state,
    progress: row.progress,
    owners: row.owners,
    impact: undefined,
    howToHelp: undefined,
    initiatives: [],
    file: null,
    at: row.at,
  };
  const page = goalPage(ctx, root, sections, goal, row, initiatives);
  if (page) {
    goal.impact = page.text.impact ?? '';
    goal.howToHelp = page.text.howToHelp ?? '';
    applyMeta(ctx, page, goal, 'the goal');
  }
  for (const rows of initiativeRows(ctx, root, sections, page, initiatives)) {
    goal.initiatives.push(readInitiative(ctx, root, sections, page, rows));
  }
  return goal;
}

/** A goal's page: the linked file, else its section in the single file. */
function goalPage(
  ctx: Context,
  root: Doc,
  sections: Sections,
  goal: ReadGoal,
  row: ItemRow,
  initiatives: readonly ItemRow[],
): Page | null {
  const target = row.href ? resolveHref(root, row.href) : null;
  const pageFile = target ? findPage(ctx.files, root, row.href!, target) : null;
  if (pageFile) {
    const doc = ctx.files.doc(pageFile)!;
    goal.file = doc.path;
    return readPage(ctx, doc, pageBody(doc), () => false);
  }
  const initiativeTitles = new Set(initiatives.map((i) => norm(i.title)));
  const isInitiativeHeading = (h: Heading) =>
    INITIATIVE_MARK.test(stripSpace(textOf(h))) || headingTitles(h).some((t) => initiativeTitles.has(t));
  const section = sections.take(sections.goals, row.title, row.href);
  if (section) return readPage(ctx, root, section.nodes, isInitiativeHeading);
  if (target && !target.external && target.file !== root.path) {
    ctx.problems.push({
      ...row.at,
      message: `“${row.title}” links to ${target.file}, which is not among the files`,
    });
  }
  return null;
}

/** A goal's initiatives: the overview's rows, then rows only the goal page's table has, then (in the single file) sections no table lists. */
function initiativeRows(
  ctx: Context,
  root: Doc,
  sections: Sections,
  page: Page | null,
  initiatives: readonly ItemRow[],
): InitiativeRows[] {
  const { files } = ctx;
  const pageRows =
    page?.tables.initiatives && page.doc !== root
      ? readTable(ctx, page.doc, page.tables.initiatives, 'the initiative')
      : [];
  const merged: InitiativeRows[] = initiatives.map((r) => ({ row: r, doc: root, extra: null }));
  for (const pr of pageRows) {
    const prFile = pr.href ? pageOf(files, page!.doc, pr.href) : null;
    const match = merged.find(
      (m) =>
        !m.extra &&
        ((prFile !== null && m.row.href !== null && pageOf(files, root, m.row.href) === prFile) ||
          norm(m.row.title) === norm(pr.title)),
    );
    if (match) match.extra = pr;
    else merged.push({ row: pr, doc: page!.doc, extra: null });
  }
  if (page && page.doc === root) {
    for (const m of merged) m.child = sections.take(page.children, m.row.title, m.row.href);
    for (const child of page.children) {
      if (sections.isTaken(child)) continue;
      sections.takeThis(child);
      const title = oneLine(sectionTitle(child.heading));
      if (!title) continue;
      merged.push({
        child,
        row: {
          kind: 'initiative',
          title,
          href: null,
          state: undefined,
          progress: undefined,
          owners: undefined,
          dependsOn: undefined,
          at: { file: root.path, line: lineOf(child.heading) },
        },
        doc: root,
        extra: null,
      });
    }
  }
  return merged;
}

function readInitiative(
  ctx: Context,
  root: Doc,
  sections: Sections,
  goalPage: Page | null,
  { row: ir, doc: irDoc, extra, child }: InitiativeRows,
): ReadInitiative {
  const { files } = ctx;
  const initiative: ReadInitiative = {
    title: ir.title,
    state: ir.state ?? extra?.state,
    progress: ir.progress ?? extra?.progress,
    owners: ir.owners ?? extra?.owners,
    link: undefined,
    impact: undefined,
    features: undefined,
    milestones: undefined,
    dependsOn: undefined,
    file: null,
    anchor: null,
    at: ir.at,
  };
  // Its page: the file a row links to, else its section of the single file; a web link is its link.
  let ipage: Page | null = null;
  const hrefs: [Doc, string][] = [];
  if (ir.href) hrefs.push([irDoc, ir.href]);
  if (extra?.href) hrefs.push([goalPage!.doc, extra.href]);
  for (const [doc, href] of hrefs) {
    const t = resolveHref(doc, href);
    if (t.external && isWebUrl(href) && !pageOf(files, doc, href)) {
      initiative.link ??= href;
      continue;
    }
    const file = pageOf(files, doc, href);
    if (file && !ipage) {
      const d = files.doc(file)!;
      initiative.file = d.path;
      ipage = readPage(ctx, d, pageBody(d), () => false);
    } else if (!file && !t.external && t.file !== doc.path) {
      ctx.problems.push({
        file: doc.path,
        line: doc === root ? ir.at.line : (extra?.at.line ?? ir.at.line),
        message: `“${ir.title}” links to ${t.file}, which is not among the files`,
      });
    }
  }
  if (!ipage && child) {
    initiative.anchor = sections.anchorOf(child);
    ipage = readPage(ctx, root, child.nodes, () => false);
  }
  if (!ipage) return initiative;

  initiative.impact = ipage.text.impact ?? '';
  initiative.features = ipage.text.features ?? '';
  initiative.link ??= null;
  applyMeta(ctx, ipage, initiative, 'the initiative');
  const link = ipage.meta.get('link');
  if (link) {
    const l = link.nodes
      .map((n) => (n.type === 'link' ? n.url : linkOf(ctx, ipage.doc, n)?.url))
      .find(Boolean);
    const text = oneLine(textOf({ type: 'paragraph', children: link.nodes }));
    const href = l ?? (isWebUrl(text) ? text : null);
    if (href && isWebUrl(href)) initiative.link = href;
    else if (text)
      ctx.problems.push({ ...link.at, message: `The link “${text}” is not an http(s) address: left out` });
  }
  const deps = ipage.meta.get('dependsOn');
  if (deps) initiative.dependsOn = readDependencies(ctx, ipage.doc, deps.nodes, deps.at);
  initiative.milestones = ipage.tables.milestones
    ? readMilestones(ctx, ipage.doc, ipage.tables.milestones)
    : [];
  return initiative;
}
