/**
 * The roadmap as Markdown, in the format working groups publish (an mdBook-style folder):
 *
 * - `roadmap.md`: `# Roadmap`, the state legend, the overview table
 *   `| Deliverable | State | Progress | [Owner] |` (a `🔻` row per goal, a `&nbsp;&nbsp;↳` row
 *   per initiative), then the reference definitions of its links and of the owners' profiles;
 * - `roadmap/<goal>.md` per goal: `# Title`, a State / Progress / Owners list, `## Impact`,
 *   `## 🛠️ How to Help`, `## Initiatives` (a table linking each initiative's page);
 * - `roadmap/<goal>/<initiative>.md` per initiative: `# Title`, a Goal / State / Progress /
 *   Link / Owners / Depends on list, `## Impact`, `## Features`, `## Milestones`
 *   (`| Milestone | Status | Key participants |`, plus `Depends on` when any milestone has
 *   dependencies: links whose text is the milestone and whose target is its initiative).
 *
 * The single-file variant is one `roadmap.md`: the same overview (linking the sections), then a
 * `## 🔻 Goal` section per goal with `### ↳ Initiative` sections, each a level deeper.
 *
 * Everything is deterministic (goal, initiative and milestone order; people sorted), file names
 * are slugs of the titles (see `slug.ts`), every file ends with one newline — so re-exporting
 * into a git checkout gives a diff of what changed. Sections with nothing to say are left out.
 * Milestones' target sprints are not exported: they name sprints of this workspace's schedule,
 * which an import into another workspace could not recreate.
 */
import type { Nodes } from 'mdast';
import { STATE_EMOJI, type Goal, type Initiative, type Milestone, type Person } from '../../shared/domain.ts';
import type { Workspace } from '../db/open.ts';
import { listGoals } from '../services/goals.ts';
import { listInitiatives } from '../services/initiatives.ts';
import { listMilestones } from '../services/milestones.ts';
import { listPeople } from '../services/people.ts';
import { progressBar } from '../../shared/words.ts';
import { safeBlock } from './blocks.ts';
import { inline, isWebUrl, link, linkText, oneLine, path, url } from './escape.ts';
import { PLACEHOLDER } from './roadmap-read.ts';
import { parseMarkdown, textOf } from './parse.ts';
import { Anchors, uniqueSlugs } from './slug.ts';

export type RoadmapVariant = 'folder' | 'single';

export const ROOT_FILE = 'roadmap.md';
export const PAGES_DIR = 'roadmap';
export const GOAL_MARKER = '🔻';
export const INITIATIVE_MARKER = '↳';
export const HELP_MARKER = '🛠️';
export const OVERVIEW_HEADER = ['Deliverable', 'State', 'Progress', '[Owner]'];
export const SECTION = {
  impact: 'Impact',
  howToHelp: `${HELP_MARKER} How to Help`,
  initiatives: 'Initiatives',
  features: 'Features',
  milestones: 'Milestones',
} as const;
export const LEGEND: Record<keyof typeof STATE_EMOJI, string> = {
  done: 'done',
  'in progress': 'in progress',
  'help wanted': 'help wanted: seeking an owner',
  paused: 'paused',
};

/** An initiative's link shown as itself: an autolink `<…>` when it can be one, else a link. */
function linkLine(href: string): string {
  return isWebUrl(href) && !/[<>]/.test(href) ? `<${href}>` : link(href, href);
}

/** A GitHub profile. */
export const profileUrl = (handle: string): string => `https://github.com/${handle}`;

/**
 * A title in a table cell. A title that reads like a placeholder (“tbd”, “…”) gets its first
 * character as a character reference, so the importer — which skips hand-written placeholder
 * rows — reads it back as an item.
 */
function titleCell(title: string): string {
  const text = inline(title);
  if (!PLACEHOLDER.test(oneLine(title)) || /[\\&]/.test(text)) return text;
  const first = String.fromCodePoint(text.codePointAt(0)!);
  return `&#${first.codePointAt(0)};${text.slice(first.length)}`;
}

/** A table row; empty cells stay valid (`| |`). */
function row(cells: readonly string[]): string {
  return `|${cells.map((c) => (c ? ` ${c} ` : ' ')).join('|')}|`;
}

function table(header: readonly string[], rows: readonly string[][]): string {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
}

// ---- the workspace, in export order ---------------------------------------------------------

interface InitiativeEntry {
  initiative: Initiative;
  slug: string;
  milestones: Milestone[];
}
interface GoalEntry {
  goal: Goal;
  slug: string;
  initiatives: InitiativeEntry[];
}
interface Model {
  people: Map<string, Person>;
  goals: GoalEntry[];
  initiatives: Map<string, { goal: GoalEntry; entry: InitiativeEntry }>;
  milestones: Map<string, Milestone>;
}

function readModel(ws: Workspace): Model {
  const people = new Map(listPeople(ws).map((p) => [p.id, p]));
  const initiatives = listInitiatives(ws, {});
  const milestones = listMilestones(ws, {});
  const goals = listGoals(ws);
  const goalSlugs = uniqueSlugs(
    goals.map((g) => g.title),
    'goal',
  );
  const model: Model = { people, goals: [], initiatives: new Map(), milestones: new Map() };
  goals.forEach((goal, i) => {
    const own = initiatives.filter((x) => x.goalId === goal.id);
    const slugs = uniqueSlugs(
      own.map((x) => x.title),
      'initiative',
    );
    const entry: GoalEntry = {
      goal,
      slug: goalSlugs[i]!,
      initiatives: own.map((initiative, j) => ({
        initiative,
        slug: slugs[j]!,
        milestones: milestones.filter((m) => m.initiativeId === initiative.id),
      })),
    };
    model.goals.push(entry);
    for (const x of entry.initiatives) model.initiatives.set(x.initiative.id, { goal: entry, entry: x });
  });
  for (const m of milestones) model.milestones.set(m.id, m);
  return model;
}

// ---- links -------------------------------------------------------------------------------

/** `label` normalised as CommonMark matches reference labels. */
const normalizeLabel = (raw: string): string =>
  raw
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();

/**
 * Reference links of one document: `[label]` with a `[label]: destination` definition at the
 * end; a label already taken for another destination becomes an inline link instead.
 */
class References {
  private readonly byLabel = new Map<string, string>();
  private readonly items: string[] = [];
  private readonly people: [string, string][] = [];

  /** A link for a goal or an initiative, defined in the order of use. */
  link(text: string, destination: string): string {
    return this.use(text, destination, this.items);
  }

  /** A person's profile link, defined in handle order. */
  person(handle: string): string {
    return this.use(handle, path(profileUrl(handle)), null);
  }

  private use(text: string, destination: string, list: string[] | null): string {
    const raw = linkText(text);
    const key = normalizeLabel(raw);
    const taken = this.byLabel.get(key);
    if (taken === undefined) {
      this.byLabel.set(key, destination);
      const definition = `[${raw}]: ${destination}`;
      if (list) list.push(definition);
      else this.people.push([text.toLowerCase(), definition]);
    } else if (taken !== destination) {
      return `[${linkText(text)}](${destination})`;
    }
    return `[${raw}]`;
  }

  definitions(): string[] {
    const people = [...this.people].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
    return [...this.items, ...people];
  }
}

/** A relative link from the folder of `from` to the file `to` (both relative to the export root). */
function relative(from: string, to: string): string {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common])
    common++;
  const up = fromParts.length - common;
  const rest = toParts.slice(common).join('/');
  return path(up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`);
}

const goalFile = (g: GoalEntry): string => `${PAGES_DIR}/${g.slug}.md`;
const initiativeFile = (g: GoalEntry, i: InitiativeEntry): string => `${PAGES_DIR}/${g.slug}/${i.slug}.md`;

// ---- shared pieces -----------------------------------------------------------------------

function legend(): string {
  return table(
    ['State', 'Meaning'],
    Object.entries(STATE_EMOJI).map(([state, emoji]) => [emoji, LEGEND[state as keyof typeof LEGEND]]),
  );
}

/** A person on a page: their profile link (name as text), or their name in italics. */
function personInline(person: Person): string {
  if (person.handle) return `[${linkText(person.name)}](${path(profileUrl(person.handle))})`;
  return `*${inline(person.name)}*`;
}

function peopleList(model: Model, ids: readonly string[], render: (p: Person) => string): string {
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

/** Blocks separated by one blank line, empty ones left out; one newline at the end. */
const file = (blocks: readonly string[]): string => `${blocks.filter((b) => b !== '').join('\n\n')}\n`;

const lines = (...parts: string[]): string => parts.join('\n');

function meta(entries: [string, string][]): string {
  return lines(
    ...entries.filter(([, value]) => value !== '').map(([key, value]) => `- **${key}:** ${value}`),
  );
}

const stateText = (state: keyof typeof STATE_EMOJI): string => `${STATE_EMOJI[state]} ${state}`;

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
type LinkTo = (target: { goal: GoalEntry; initiative?: InitiativeEntry }) => string;

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

function initiativeBody(
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

function goalBody(model: Model, g: GoalEntry, depth: number, below = 1): string[] {
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

function overview(
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
function top(overviewTable: string, refs: References): string[] {
  return ['# Roadmap', legend(), overviewTable, lines(...refs.definitions())];
}

// ---- the two variants ----------------------------------------------------------------------

function folder(model: Model): Map<string, string> {
  const files = new Map<string, string>();
  const refs = new References();
  const overviewTable = overview(
    model,
    refs,
    (g) => relative(ROOT_FILE, goalFile(g)),
    (g, x) => relative(ROOT_FILE, initiativeFile(g, x)),
  );
  files.set(ROOT_FILE, file(top(overviewTable, refs)));

  for (const g of model.goals) {
    const from = goalFile(g);
    const blocks = [`# ${inline(g.goal.title)}`, ...goalBody(model, g, 2)];
    if (g.initiatives.length) {
      const rows = g.initiatives.map((x) => [
        `[${linkText(x.initiative.title)}](${relative(from, initiativeFile(g, x))})`,
        STATE_EMOJI[x.initiative.state],
        progressBar(x.initiative.progress),
        peopleList(model, x.initiative.ownerIds, personInline),
      ]);
      blocks.push(`## ${SECTION.initiatives}`, table(['Initiative', 'State', 'Progress', 'Owner'], rows));
    }
    files.set(from, file(blocks));

    for (const x of g.initiatives) {
      const page = initiativeFile(g, x);
      const linkTo: LinkTo = (t) =>
        relative(page, t.initiative ? initiativeFile(t.goal, t.initiative) : goalFile(t.goal));
      files.set(page, file([`# ${inline(x.initiative.title)}`, ...initiativeBody(model, g, x, 2, linkTo)]));
    }
  }
  return files;
}

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

function single(model: Model): Map<string, string> {
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

/** The roadmap's files (path → content), in path order. */
export function exportRoadmap(ws: Workspace, variant: RoadmapVariant): Map<string, string> {
  const model = readModel(ws);
  const files = variant === 'folder' ? folder(model) : single(model);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
