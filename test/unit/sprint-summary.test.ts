/**
 * The sprint summary: golden files of the example workspace's sprints (`UPDATE_GOLDEN=1`
 * rewrites them), and hostile text in every field read back with a real GFM parser — tables
 * keep their column count, no raw HTML gets through, the only links are the polish issues', and
 * the text survives (as its one-line form).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../src/main/api/core.ts';
import { inline, LITERAL_BREAK, oneLine, title } from '../../src/main/markdown/escape.ts';
import { titleParts } from '../../src/shared/inline-code.ts';
import { polishLine } from '../../src/main/markdown/sprint-summary.ts';
import type { Sprint } from '../../src/shared/domain.ts';
import { ATTENDANCE_LABELS } from '../../src/shared/words.ts';
import { clockedCore, must, seed, tempCore } from './helpers.ts';

const GOLDEN_DIR = resolve(import.meta.dirname, '../golden/sprint-summary');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const parse = (markdown: string): Root =>
  fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children as Nodes[]) walk(child, visit);
}

/** The text a title reads back as: its `code` spans as code, without their backticks. */
const titleText = (text: string): string =>
  titleParts(oneLine(text))
    .map((p) => p.text)
    .join('');

/** What a reader sees: the text and code, without the invisible joiner that keeps URL-like text from becoming a link. */
function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value.replaceAll(LITERAL_BREAK, '');
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/** The node types a summary is made of; anything else came from user text. */
const ALLOWED = new Set([
  'root',
  'heading',
  'paragraph',
  'text',
  'list',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
  'strong',
  'link',
  'inlineCode', // a title's `code`, shown as code as in the app
]);
const LABELS = new Set(['Dates:', 'Status:', 'Meeting:', 'Present:', 'Absent:']);

/**
 * Structural checks every summary passes; returns the tree, its tables, every link in it and its
 * text.
 */
function check(markdown: string) {
  expect(markdown.endsWith('\n')).toBe(true);
  expect(markdown.endsWith('\n\n')).toBe(false);
  const tree = parse(markdown);
  const tables: Table[] = [];
  const links: string[] = [];
  walk(tree, (node) => {
    expect(ALLOWED.has(node.type), `a ${node.type} node`).toBe(true);
    if (node.type === 'table') tables.push(node);
    if (node.type === 'link') links.push(node.url);
    if (node.type === 'strong') expect(LABELS.has(textOf(node)), textOf(node)).toBe(true);
  });
  for (const table of tables) {
    const width = table.children[0]!.children.length;
    expect(table.align).toHaveLength(width);
    for (const row of table.children) expect(row.children).toHaveLength(width);
  }
  return { tree, tables, links, text: textOf(tree) };
}

describe('the example workspace’s sprint summaries', () => {
  let core: Core;
  let sprints: Sprint[];
  beforeAll(async () => {
    core = await openCore(':memory:');
    core.workspace.now = () => new Date('2026-11-18T12:00:00Z');
    must(core, 'workspace.loadExample', {});
    sprints = must(core, 'sprints.list', {});
  });
  afterAll(() => core.close());

  it.each([1, 2, 3, 4, 5, 6, 7])('sprint %i matches its golden file', (number) => {
    const sprint = sprints.find((s) => s.number === number)!;
    const summary = must(core, 'sprints.summary', { sprintId: sprint.id });
    expect(summary.fileName).toBe(`sprint-${number}-summary.md`);
    const file = join(GOLDEN_DIR, `sprint-${number}.md`);
    if (UPDATE) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, summary.markdown);
    }
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(summary.markdown).toBe(readFileSync(file, 'utf8'));
    const { links } = check(summary.markdown);
    expect(links.every((l) => l.startsWith('https://github.com/ferrite-lang/'))).toBe(true);
    // Deterministic: the same again.
    expect(must(core, 'sprints.summary', { sprintId: sprint.id }).markdown).toBe(summary.markdown);
  });

  it('has the sections of a past sprint, with every sprint goal, note and polish done', () => {
    const six = sprints.find((s) => s.number === 6)!;
    const { markdown } = must(core, 'sprints.summary', { sprintId: six.id });
    const { tree } = check(markdown);
    const headings = tree.children.filter((n) => n.type === 'heading').map((h) => textOf(h));
    expect(headings).toEqual(
      expect.arrayContaining([
        'Sprint 6 summary',
        'Attendees',
        'Sprint goals',
        'Retrospective',
        'Action items',
        'Polish',
        'Tally',
        'Plan for sprint 7',
      ]),
    );
    const goals = must(core, 'sprintGoals.list', { sprintId: six.id });
    // A title's `code` stays code, as the app shows it.
    for (const goal of goals) expect(markdown).toContain(title(goal.title, { inCell: true }));
    expect(markdown).toContain('Quick fix in the IDE for non-`Send`');
    expect(markdown).toContain('- **Dates:** 4 Nov 2026 – 17 Nov 2026');
    const notes = must(core, 'retroNotes.list', { sprintId: six.id });
    expect(notes.length).toBeGreaterThan(0);
    const done = must(core, 'polish.list', { doneSprintId: six.id });
    expect(done.length).toBeGreaterThan(0);
  });
});

describe('polish links', () => {
  it('links owner/repo#123 to its GitHub issue and http(s) URLs, and nothing else', () => {
    expect(polishLine({ title: 'Fix', link: 'acme/app#12' })).toBe(
      '[acme/app\\#12](https://github.com/acme/app/issues/12) Fix',
    );
    expect(polishLine({ title: 'Fix', link: 'https://example.com/1' })).toBe('[Fix](https://example.com/1)');
    expect(polishLine({ title: 'Fix', link: null })).toBe('Fix');
    for (const link of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.com', '/relative']) {
      const tree = parse(polishLine({ title: 'Fix', link }));
      walk(tree, (node) => expect(node.type).not.toBe('link'));
    }
  });
});

// ---- hostile text ----------------------------------------------------------------------------

const NASTY = [
  'a | b || c \\| d |',
  'line one\nline two\r\n\r\n- a list?\n\n# a heading?\n    indented code?',
  '<script>alert(1)</script> <img src=x onerror=alert(1)> <!-- comment --> <b>bold</b>',
  'Tom & Jerry &amp; &#60; &lt;',
  '`code` ``` fence ~~~',
  '[x](javascript:alert(1)) [y][z] ![i](http://evil.example/i.png) [z]: http://evil.example',
  '<https://evil.example> https://evil.example www.evil.example mail@evil.example',
  '*em* _em_ **strong** ~~del~~ \\ backslash\\',
  '[^1] [^1]: a footnote',
  '> a quote? 1. a list? --- ***',
];
const hostile = (label: string, max: number) => `${label}: ${NASTY.join(' ')}`.slice(0, max).trim();

describe('a summary of hostile text', () => {
  async function hostileWorld() {
    const core = await tempCore();
    const person = (name: string, roles: ('goal owner' | 'stakeholder')[] = ['goal owner']) =>
      must(core, 'people.create', { name, timeZone: 'UTC', roles });
    const ada = person(hostile('Ada', 200));
    const bo = person(`# Bo | <b>${'|'.repeat(150)}`);
    const cy = person('- Cy & `co`', ['stakeholder']);
    const goal = must(core, 'goals.create', { title: hostile('Goal', 300), ownerIds: [ada.id] });
    const one = must(core, 'sprints.createNext', {
      startDate: '2026-11-09',
      meetingAt: '2026-11-17T15:00:00Z',
      meetingTimeZone: 'UTC',
    });
    const two = must(core, 'sprints.createNext', {});
    const sprintGoal = (sprintId: string, title: string, ownerId: string | null, extra = {}) =>
      must(core, 'sprintGoals.create', { sprintId, title, ownerId, goalId: goal.id, ...extra });
    const partial = sprintGoal(one.id, hostile('Sprint goal', 300), ada.id, {
      definitionOfDone: hostile('Definition of done', 5000),
      estimate: 3,
      outcome: 'partial',
      outcomeNote: hostile('Outcome note', 5000),
    });
    const pipes = sprintGoal(one.id, '|'.repeat(300), bo.id, { outcome: 'done', outcomeNote: '|\n|\n|' });
    const unowned = sprintGoal(one.id, hostile('Unowned', 300), null);
    must(core, 'meeting.start', { sprintId: one.id, attendeeIds: [ada.id, cy.id] });
    const notes = (['went well', 'to improve', 'ideas', 'kudos'] as const).map((column, i) => {
      const note = must(core, 'retroNotes.create', {
        sprintId: one.id,
        column,
        text: hostile(`Note ${column}`, 20_000),
      });
      for (let v = 0; v < i; v++) must(core, 'retroNotes.vote', { id: note.id, delta: 1 });
      return note;
    });
    const action = must(core, 'actionItems.create', {
      sprintId: one.id,
      text: hostile('Action', 20_000),
      ownerId: bo.id,
    });
    const polish = (title: string, link: string | null, assigneeId: string | null) =>
      must(core, 'polish.create', { title, link, assigneeId, status: 'done' });
    const github = polish(hostile('Polish github', 300), 'evil/repo#1', ada.id);
    const web = polish(hostile('Polish web', 300), 'https://example.com/a_(b)|c&d`f&lt;e&gt;', cy.id);
    const script = polish(hostile('Polish script', 300), null, null);
    // A link the contract refuses, as a bad import or sync could still bring it: never a link.
    core.workspace.db
      .prepare('UPDATE polish_issues SET link = ? WHERE id = ?')
      .run('javascript:alert(1)', script.id);
    const carried = must(core, 'sprintGoals.carryOver', { id: partial.id, toSprintId: two.id });
    const planned = sprintGoal(two.id, hostile('Planned', 300), bo.id, {
      definitionOfDone: hostile('Planned done', 20_000),
      estimate: 99,
    });
    must(core, 'capacities.set', { sprintId: two.id, personId: bo.id, days: 2 });
    return {
      core,
      ada,
      bo,
      cy,
      goal,
      one,
      two,
      partial,
      pipes,
      unowned,
      notes,
      action,
      github,
      web,
      script,
      carried,
      planned,
    };
  }

  it('stays valid GFM: tables keep their columns, no HTML, links only where the summary makes them', async () => {
    const w = await hostileWorld();
    const { markdown } = must(w.core, 'sprints.summary', { sprintId: w.one.id });
    const { tables, links, text } = check(markdown);
    // Owner tables (Ada, Bo, nobody), the tally (Ada, Cy, Bo, no assignee), the plan, the load.
    expect(tables.map((t) => [t.children[0]!.children.length, t.children.length - 1])).toEqual([
      [3, 1],
      [3, 1],
      [3, 1],
      [2, 4],
      [4, 2],
      [4, 2],
    ]);
    expect(links.sort()).toEqual([
      'https://example.com/a_(b)|c&d`f&lt;e&gt;',
      'https://github.com/evil/repo/issues/1',
    ]);
    expect(markdown).toContain(`- **Absent:** ${inline(w.bo.name)}\n`);
    expect(markdown).toContain(`- **Present:** ${inline(w.cy.name)}, ${inline(w.ada.name)}\n`);
    expect(markdown).not.toMatch(/(?<!\\)<(?:script|img|b>|!--)/); // every `<` of the text escaped

    const texts = [
      w.ada.name,
      w.bo.name,
      w.cy.name,
      titleText(w.partial.title),
      w.partial.outcomeNote,
      titleText(w.pipes.title),
      w.pipes.outcomeNote,
      titleText(w.unowned.title),
      ...w.notes.map((n) => n.text),
      w.action.text,
      titleText(w.github.title),
      w.web.title,
      titleText(w.script.title),
      'javascript:alert(1)',
      titleText(w.carried.title),
      w.carried.definitionOfDone,
      titleText(w.planned.title),
      w.planned.definitionOfDone,
    ];
    for (const value of texts) expect(text).toContain(oneLine(value));
    // 300-character titles are kept whole.
    expect(text).toContain('|'.repeat(300));
  });

  it("keeps an earlier sprint's open action item and the next sprint's plan valid too", async () => {
    const w = await hostileWorld();
    must(w.core, 'sprints.closeActive', {});
    const { markdown } = must(w.core, 'sprints.summary', { sprintId: w.two.id });
    const { text, tables, links } = check(markdown);
    expect(links).toEqual([]);
    expect(text).toContain(oneLine(w.action.text));
    expect(text).toContain(titleText(w.planned.title));
    expect(tables.length).toBeGreaterThan(0);
    expect(markdown).toContain('### Open from earlier sprints');
    expect(markdown).toContain('(carried over ×1)');
  });

  it('renders a sprint with nothing in it', async () => {
    const core = await tempCore();
    const sprint = must(core, 'sprints.createNext', { startDate: '2026-12-28' });
    const { markdown, fileName } = must(core, 'sprints.summary', { sprintId: sprint.id });
    expect(fileName).toBe('sprint-1-summary.md');
    check(markdown);
    expect(markdown).toBe(
      [
        '# Sprint 1 summary',
        '',
        '- **Dates:** 28 Dec 2026 – 10 Jan 2027',
        '- **Status:** active',
        '',
        '## Attendees',
        '',
        'No meeting has been held for this sprint yet.',
        '',
        '## Sprint goals',
        '',
        'No sprint goals.',
        '',
        '## Retrospective',
        '',
        'No notes.',
        '',
        '## Action items',
        '',
        'No action items.',
        '',
        '## Polish',
        '',
        '### Done in sprint 1',
        '',
        'No polish done.',
        '',
        '## Plan for the next sprint',
        '',
        'The next sprint has not been planned yet.',
        '',
      ].join('\n'),
    );
  });
});

describe('the meeting line', () => {
  /** A meeting held in sprint 1 from `start`, ended `seconds` later, in `zone`. */
  async function heldMeeting(seconds: number, zone: string | null) {
    const { core, at } = await clockedCore('2026-11-10T09:00:00Z');
    const world = seed(core);
    if (zone) must(core, 'sprints.update', { id: world.sprint.id, meetingTimeZone: zone });
    const meeting = must(core, 'meeting.start', { sprintId: world.sprint.id });
    must(core, 'sprints.createNext', {});
    at(new Date(Date.parse('2026-11-10T09:00:00Z') + seconds * 1000).toISOString());
    must(core, 'meeting.end', { id: meeting.id });
    return must(core, 'sprints.summary', { sprintId: world.sprint.id }).markdown;
  }

  it('says "under a minute" for a meeting shorter than one, never "0 minutes"', async () => {
    expect(await heldMeeting(20, null)).toContain(
      '- **Meeting:** 10 Nov 2026, 09:00 (UTC), under a minute\n',
    );
    expect(await heldMeeting(25 * 60, 'Europe/Berlin')).toContain(
      '- **Meeting:** 10 Nov 2026, 10:00 (Europe/Berlin), 25 minutes\n',
    );
  });

  it('names the absent with the word the app uses', async () => {
    const { core } = await clockedCore('2026-11-10T09:00:00Z');
    const world = seed(core);
    const meeting = must(core, 'meeting.start', { sprintId: world.sprint.id });
    must(core, 'meeting.update', {
      id: meeting.id,
      attendees: [
        { personId: world.ada.id, present: true },
        { personId: world.bo.id, present: false },
      ],
    });
    const { markdown } = must(core, 'sprints.summary', { sprintId: world.sprint.id });
    expect(markdown).toContain(`- **${ATTENDANCE_LABELS.absent}:** ${world.bo.name}`);
    expect(ATTENDANCE_LABELS.absent).toBe('Absent');
  });
});
