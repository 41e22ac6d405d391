/**
 * The parts of a page that say an item: its people, its metadata and sections (users' Markdown
 * made safe by `safeBlock`), the milestones table, and the overview table of `roadmap.md`.
 */
import { STATE_EMOJI, type Milestone, type Person } from '../../../shared/domain.ts';
import { progressBar } from '../../../shared/words.ts';
import { safeBlock } from '../blocks.ts';
import { inline, linkText, path, url } from '../escape.ts';
import {
  GOAL_MARKER,
  INITIATIVE_MARKER,
  OVERVIEW_HEADER,
  SECTION,
  legend,
  lines,
  linkLine,
  meta,
  profileUrl,
  stateText,
  table,
  titleCell,
} from './format.ts';
import type { GoalEntry, InitiativeEntry, Model } from './model.ts';
import type { References } from './references.ts';

/** A person on a page: their profile link (name as text), or their name in italics. */
export function personInline(person: Person): string {
  if (person.handle) return `[${linkText(person.name)}](${path(profileUrl(person.handle))})`;
  return `*${inline(person.name)}*`;
}

export function peopleList(model: Model, ids: readonly string[], render: (p: Person) => string): string {
  return ids
    .map((id) => model.people.get(id))
    .filter((p): p is Person => p !== undefined)
    .map(render)
    .join(', ');
}

/** The overview's owners cell: reference links to profiles, or names in italics. */
function overviewOwners(model: Model, ids: readonly string[], refs: References): string {
  return peopleList(model, ids, (p) => (p.handle ? refs.person(p.handle) : `*${inline(p.name)}*`));
}

/**
 * A titled section of user Markdown, or nothing when the text is blank. The user's headings
 * go at least one level below the section's (two in the single file's goal sections, whose
 * initiative sections may be read one level below the goal's own sections).
 */
function section(depth: number, title: string, text: string, below = 1): string[] {
  const body = safeBlock(text, depth + below);
  return body ? [`${'#'.repeat(depth)} ${title}`, body] : [];
}

/** How one exported item links to another (a relative file path, or an in-page anchor). */
export type LinkTo = (target: { goal: GoalEntry; initiative?: InitiativeEntry }) => string;

function milestonesTable(model: Model, x: InitiativeEntry, linkTo: LinkTo): string {
  const withDeps = x.milestones.some((m) => m.dependsOnIds.length > 0);
  const header = ['Milestone', 'Status', 'Key participants', ...(withDeps ? ['Depends on'] : [])];
  const rows = x.milestones.map((m) => {
    const cells = [
      titleCell(m.title),
      STATE_EMOJI[m.state],
      peopleList(model, m.participantIds, personInline),
    ];
    if (withDeps) {
      const deps = m.dependsOnIds
        .map((id) => model.milestones.get(id))
        .filter((d): d is Milestone => d !== undefined)
        .map((d) => {
          const owner = model.initiatives.get(d.initiativeId);
          return owner
            ? `[${linkText(d.title)}](${linkTo({ goal: owner.goal, initiative: owner.entry })})`
            : inline(d.title);
        });
      cells.push(deps.join(', '));
    }
    return cells;
  });
  return table(header, rows);
}

export function initiativeBody(
  model: Model,
  goal: GoalEntry,
  x: InitiativeEntry,
  depth: number,
  linkTo: LinkTo,
): string[] {
  const i = x.initiative;
  const deps = i.dependsOnIds
    .map((id) => model.initiatives.get(id))
    .filter((d) => d !== undefined)
    .map((d) => `[${linkText(d.entry.initiative.title)}](${linkTo({ goal: d.goal, initiative: d.entry })})`)
    .join(', ');
  return [
    meta([
      ['Goal', depth === 2 ? `[${linkText(goal.goal.title)}](${linkTo({ goal })})` : ''],
      ['State', stateText(i.state)],
      ['Progress', progressBar(i.progress)],
      ['Link', i.link ? linkLine(i.link) : ''],
      ['Owners', peopleList(model, i.ownerIds, personInline)],
      ['Depends on', deps],
    ]),
    ...section(depth, SECTION.impact, i.impact),
    ...section(depth, SECTION.features, i.features),
    ...(x.milestones.length
      ? [`${'#'.repeat(depth)} ${SECTION.milestones}`, milestonesTable(model, x, linkTo)]
      : []),
  ];
}

export function goalBody(model: Model, g: GoalEntry, depth: number, below = 1): string[] {
  return [
    meta([
      ['State', stateText(g.goal.state)],
      ['Progress', progressBar(g.goal.progress)],
      ['Owners', peopleList(model, g.goal.ownerIds, personInline)],
    ]),
    ...section(depth, SECTION.impact, g.goal.impact, below),
    ...section(depth, SECTION.howToHelp, g.goal.howToHelp, below),
  ];
}

export function overview(
  model: Model,
  refs: References,
  goalLink: (g: GoalEntry) => string,
  initiativeLink: (g: GoalEntry, x: InitiativeEntry) => string,
): string {
  const rows: string[][] = [];
  for (const g of model.goals) {
    rows.push([
      `${GOAL_MARKER} ${refs.link(g.goal.title, goalLink(g))}`,
      STATE_EMOJI[g.goal.state],
      progressBar(g.goal.progress),
      overviewOwners(model, g.goal.ownerIds, refs),
    ]);
    for (const x of g.initiatives) {
      const i = x.initiative;
      const external = i.link ? url(i.link) : null;
      rows.push([
        `&nbsp;&nbsp;${INITIATIVE_MARKER} ${refs.link(i.title, external ?? initiativeLink(g, x))}`,
        STATE_EMOJI[i.state],
        progressBar(i.progress),
        overviewOwners(model, i.ownerIds, refs),
      ]);
    }
  }
  return table(OVERVIEW_HEADER, rows);
}

/** `# Roadmap`, the legend, the overview and its link definitions. */
export function top(overviewTable: string, refs: References): string[] {
  return ['# Roadmap', legend(), overviewTable, lines(...refs.definitions())];
}
