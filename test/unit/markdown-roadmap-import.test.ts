/**
 * The roadmap import: a realistic hand-written roadmap folder (test/fixtures/roadmap/handwritten,
 * with the irregularities such folders have), a single roadmap.md, refusals that change nothing,
 * and importing into a workspace that already has the roadmap.
 */
import { UNOWNED_FLAG } from '../../src/shared/unowned.ts';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/api/core.ts';
import type { Goal, Initiative } from '../../src/shared/domain.ts';
import { dump, must, refused, tempCore } from './helpers.ts';

type Files = { path: string; content: string }[];

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'roadmap');

function readTree(dir: string, base = dir): Files {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory()
        ? readTree(p, base)
        : [{ path: relative(base, p).split('\\').join('/'), content: readFileSync(p, 'utf8') }];
    });
}

/**
 * The hand-written folder, with what a checkout on another machine adds: Windows line endings
 * in one page and a byte-order mark in another (kept out of the fixture files, which editors
 * and formatters would normalise).
 */
function handwritten(): Files {
  return readTree(join(FIXTURES, 'handwritten')).map((f) => {
    if (f.path === 'roadmap/async_fn/boxable.md') return { ...f, content: f.content.replace(/\n/g, '\r\n') };
    if (f.path === 'roadmap/polish/lint_must_not_suspend.md') return { ...f, content: `\uFEFF${f.content}` };
    return f;
  });
}

interface Imported {
  goals: Goal[];
  initiatives: Map<string, Initiative>;
  people: Map<string, { name: string; handle: string | null; roles: string[] }>;
  personName: (id: string) => string;
  milestones: (initiative: string) => { title: string; state: string; participants: string[] }[];
}

function read(core: Core): Imported {
  const people = must(core, 'people.list', {});
  const byId = new Map(people.map((p) => [p.id, p]));
  const initiatives = must(core, 'initiatives.list', {});
  return {
    goals: must(core, 'goals.list', {}),
    initiatives: new Map(initiatives.map((i) => [i.title, i])),
    people: new Map(people.map((p) => [p.name, p])),
    personName: (id) => byId.get(id)!.name,
    milestones: (title) =>
      must(core, 'milestones.list', { initiativeId: initiatives.find((i) => i.title === title)!.id }).map(
        (m) => ({
          title: m.title,
          state: m.state,
          participants: m.participantIds.map((id) => byId.get(id)!.name),
        }),
      ),
  };
}

describe('importing a hand-written roadmap folder', () => {
  it('shows a preview and writes nothing', async () => {
    const core = await tempCore();
    const before = dump(core.workspace.db);
    const preview = must(core, 'roadmap.previewImport', { files: handwritten() });
    expect(dump(core.workspace.db)).toBe(before);
    expect(preview.update).toEqual([]);
    const created = (kind: string) => preview.create.filter((c) => c.kind === kind).map((c) => c.title);
    expect(created('goal')).toEqual([
      'Async fn everywhere',
      'Polish',
      'Tooling',
      'Portable across runtimes',
      'Documentation',
      'Testing',
    ]);
    expect(preview.create.find((c) => c.title === 'Trait methods')).toEqual({
      kind: 'initiative',
      title: 'Trait methods',
      within: 'Async fn everywhere',
      fields: [],
    });
  });

  it('imports goals, initiatives and milestones, tolerating what hand-written files contain', async () => {
    const core = await tempCore();
    const result = must(core, 'roadmap.import', { files: handwritten() });
    const { goals, initiatives, people, personName, milestones } = read(core);
    expect(result.updated).toBe(0);
    expect(result.created).toBe(
      people.size + goals.length + initiatives.size + must(core, 'milestones.list', {}).length,
    );

    // Goal rows (🔻, with 🛠️ markers and extra links in the title cell), in file order.
    expect(goals.map((g) => g.title)).toEqual([
      'Async fn everywhere',
      'Polish',
      'Tooling',
      'Portable across runtimes',
      'Documentation',
      'Testing',
    ]);
    const goal = (title: string) => goals.find((g) => g.title === title)!;
    const initiativesOf = (title: string) =>
      [...initiatives.values()].filter((i) => i.goalId === goal(title).id).map((i) => i.title);

    // Initiative rows: `&nbsp;&nbsp;↳`, `&#160;`, a literal U+00A0, plain spaces, no ↳ at all;
    // placeholder rows (`tbd`, `TBD`) skipped; rows only the goal page lists added.
    expect(initiativesOf('Async fn everywhere')).toEqual([
      'Trait methods',
      'Boxable async functions',
      'Async closures',
    ]);
    // The goal page names “Must not suspend lint” `Lint: [Must not suspend]`: same page, same item.
    expect(initiativesOf('Polish')).toEqual([
      'Must not suspend lint',
      'Error messages',
      'Cleaner stacktraces',
      'Lint: Large copies, large generators',
    ]);
    expect(initiativesOf('Tooling')).toEqual(['Task console', 'Crashdump debugging']);
    expect(initiativesOf('Portable across runtimes')).toEqual(['Read/write traits', 'Scope API']);
    expect(initiativesOf('Testing')).toEqual([]);

    // States from emoji and :shortcodes:; progress from bars and percentages, kept as manual
    // progress unless the item gives it anyway: the same six cells, or the same percentage.
    expect(initiatives.get('Trait methods')).toMatchObject({ state: 'in progress', manualProgress: 83 });
    expect(initiatives.get('Error messages')).toMatchObject({ state: 'paused', manualProgress: 50 });
    // 40% where its milestones give 33% (the same two cells): a percentage says more than the cells.
    expect(initiatives.get('Must not suspend lint')).toMatchObject({
      state: 'in progress',
      progress: 40,
      manualProgress: 40,
    });
    expect(initiatives.get('Async book')).toMatchObject({
      state: 'done',
      progress: 100,
      manualProgress: null,
    });
    expect(initiatives.get('Async closures')).toMatchObject({
      state: 'help wanted',
      progress: 0,
      manualProgress: null,
    });
    // ▰▰▱▱▱▱ where the initiatives' average (33%, 25%) gives the same cells: left derived.
    expect(goal('Async fn everywhere')).toMatchObject({
      state: 'in progress',
      progress: 33,
      manualProgress: null,
    });
    expect(goal('Portable across runtimes')).toMatchObject({
      state: 'paused',
      progress: 25,
      manualProgress: null,
    });
    // In progress without an owner: imported as the file says (and flagged, see the notes below).
    expect(goal('Documentation')).toMatchObject({ state: 'in progress', ownerIds: [] });
    // An unreadable state leaves the default.
    expect(goal('Testing').state).toBe('help wanted');

    // External initiative links; the extra link in the title cell is not the link.
    expect(initiatives.get('Task console')!.link).toBe('https://github.com/example/console');
    expect(initiatives.get('Async closures')!.link).toBe('https://example.org/closures');
    expect(initiatives.get('Trait methods')!.link).toBeNull();

    // Owners: reference links defined anywhere (another file too), profile links with a trailing
    // slash, a name as the label, @mentions, bare names, and a team link as a person.
    expect(goal('Async fn everywhere').ownerIds.map(personName)).toEqual(['tmiller']);
    expect(initiatives.get('Trait methods')!.ownerIds.map(personName)).toEqual(['okim', 'eliza weisman']);
    expect(goal('Polish').ownerIds.map(personName)).toEqual(['eholk']);
    expect(initiatives.get('Must not suspend lint')!.ownerIds.map(personName)).toEqual(['Gus Wynn']);
    expect(initiatives.get('Async book')!.ownerIds.map(personName)).toEqual(['Dana Lee']);
    expect(initiatives.get('Boxable async functions')!.ownerIds).toEqual([]);
    expect(people.get('eliza weisman')).toMatchObject({ handle: 'hawkw', roles: ['goal owner'] });
    expect(people.get('eholk')).toMatchObject({ handle: 'eholk' });
    expect(people.get('okim')).toMatchObject({ handle: 'okim' });
    expect(people.get('Gus Wynn')).toMatchObject({ handle: 'gwynn' });
    expect(people.get('Dana Lee')).toMatchObject({ handle: 'dlee' });
    expect(people.get('Lang team')).toMatchObject({ handle: null, roles: [] });
    expect(people.get('mwoerister')).toMatchObject({ handle: 'mwoerister' });
    expect([...people.keys()].sort((a, b) => a.localeCompare(b))).toEqual([
      'Dana Lee',
      'eholk',
      'eliza weisman',
      'Gus Wynn',
      'Lang team',
      'mwoerister',
      'okim',
      'pnkf',
      'tmiller',
    ]);

    // Milestone tables: links in a title are words, `…` rows skipped, short rows read.
    expect(milestones('Trait methods')).toEqual([
      { title: 'Prototyped', state: 'done', participants: ['okim'] },
      { title: 'Documented in the reference', state: 'in progress', participants: ['okim', 'tmiller'] },
      { title: 'Lang team initiative proposal', state: 'paused', participants: ['okim'] },
      { title: 'Lang team signoff', state: 'paused', participants: ['Lang team'] },
      { title: 'Stabilized', state: 'paused', participants: ['Gus Wynn'] },
    ]);
    expect(milestones('Must not suspend lint')).toEqual([
      { title: 'RFC accepted', state: 'done', participants: ['Gus Wynn'] },
      { title: 'Implemented', state: 'in progress', participants: ['Gus Wynn', 'eholk'] },
      { title: 'Stabilized', state: 'help wanted', participants: [] },
    ]);
    expect(milestones('Lint: Large copies, large generators')).toEqual([
      { title: 'Prototype', state: 'paused', participants: [] },
    ]);

    // Impact and how-to-help: the users' Markdown as written; sections at other levels (####),
    // a page without sections, an unknown section (kept), CRLF and a BOM.
    expect(goal('Async fn everywhere').impact).toBe(
      [
        '* To a first-order approximation, any place that you can write some sort of function or',
        '  closure, you should be able to make it asynchronous:',
        '    * [in traits and closures](https://example.org/fundamentals)',
        '    * in [main and tests](./async_fn/async_main.md)',
        '* You should be able to create futures that heap allocate their storage',
      ].join('\n'),
    );
    expect(goal('Portable across runtimes').impact).toBe('* Libraries work with any runtime.');
    expect(goal('Tooling').howToHelp).toBe(
      'Try the console on your own application and tell us what confused you.',
    );
    // Reference definitions at the end of the page travel with the section that uses them.
    expect(goal('Polish').howToHelp).toBe(
      [
        'The weekly [triage meeting] focuses on polish issues: a great place to get to know people.',
        'Issues tagged [AsyncAwait-Polish] are a good start.',
        '',
        '[triage meeting]: ../triage.md',
        '[AsyncAwait-Polish]: https://example.org/labels/AsyncAwait-Polish',
      ].join('\n'),
    );
    expect(initiatives.get('Crashdump debugging')!.impact).toBe(
      '* Able to get information about the state of the runtime and async tasks from crashdumps.',
    );
    expect(initiatives.get('Boxable async functions')!.impact).toBe(
      '* Recursive async functions without hand-written boxing.\n\n## Notes\n\nThis line ends with CRLF, like the rest of the file.',
    );
    expect(initiatives.get('Must not suspend lint')!.impact).toBe(
      'Warn when a value that must not be held across an await point is.',
    );
  });

  it('reports what it could not read with its file and line', async () => {
    const core = await tempCore();
    const { problems } = must(core, 'roadmap.import', { files: handwritten() });
    const at = (file: string, line: number) =>
      problems.filter((p) => p.file === file && p.line === line).map((p) => p.message);
    expect(at('roadmap.md', 37)).toEqual(['No link is defined for [mwoerister]: read as a name']);
    expect(at('roadmap.md', 40)).toEqual([
      '“Scope API” links to roadmap/portable/scope_api.md, which is not among the files',
    ]);
    expect(at('roadmap.md', 41)).toEqual([]);
    expect(at('roadmap.md', 42)).toEqual([
      'The progress “almost there” of the initiative “Async book” is not a bar (▰▰▱▱▱▱) or a percentage: left as it is',
      '“Async book” links to roadmap/documentation/async_book.md, which is not among the files',
    ]);
    expect(at('roadmap.md', 43)).toEqual([
      'The state “🤷” of the goal “Testing” is not one of ✅ 🦀 ✋ 💤: left as it is',
      '“Testing” links to roadmap/testing.md, which is not among the files',
    ]);
    expect(at('roadmap/async_fn/boxable.md', 7)).toEqual([
      '“Notes” is not a section of the roadmap format: kept as part of Impact',
    ]);
    expect(at('roadmap/portable/read_write.md', 11)).toEqual([]);
    expect(problems).toHaveLength(7);
  });

  it('imports in progress without an owner as the file says, and notes the flag in the preview', async () => {
    const core = await tempCore();
    const { notes } = must(core, 'roadmap.previewImport', { files: handwritten() });
    expect(notes.map((n) => `${n.file}:${n.line}: ${n.message}`)).toEqual(
      expect.arrayContaining([
        `roadmap.md:41: The goal “Documentation”: ${UNOWNED_FLAG}`,
        `roadmap/portable/read_write.md:11: The milestone “Survey of runtimes”: ${UNOWNED_FLAG}`,
      ]),
    );
    must(core, 'roadmap.import', { files: handwritten() });
    const milestone = must(core, 'milestones.list', {}).find((m) => m.title === 'Survey of runtimes')!;
    expect(milestone).toMatchObject({ state: 'in progress', participantIds: [] });
  });

  it('updates the matching items when imported again, instead of duplicating them', async () => {
    const core = await tempCore();
    must(core, 'roadmap.import', { files: handwritten() });
    const before = dump(core.workspace.db);
    const again = must(core, 'roadmap.previewImport', { files: handwritten() });
    expect({ create: again.create, update: again.update }).toEqual({ create: [], update: [] });
    expect(must(core, 'roadmap.import', { files: handwritten() })).toMatchObject({ created: 0, updated: 0 });
    expect(dump(core.workspace.db)).toBe(before);

    // The group edits its files: a state, an owner, a milestone, a new initiative, the order.
    const edited = handwritten().map((f) => {
      if (f.path === 'roadmap.md') {
        return {
          ...f,
          content: f.content
            .replace(
              '| 🔻 [Tooling] 🛠️ | 🦀 | ▰▰▱▱▱▱ | [pnkf] |',
              '| 🔻 [Tooling] 🛠️ | ✅ | ▰▰▰▰▰▰ | [pnkf], [tmiller] |',
            )
            .replace(
              '| &nbsp;&nbsp;↳ [Crashdump debugging] | 🦀 | ▰▰▱▱▱▱ | [mwoerister] |',
              '| &nbsp;&nbsp;↳ [Crashdump debugging] | 🦀 | ▰▰▱▱▱▱ | [mwoerister] |\n| &nbsp;&nbsp;↳ [Tracing](https://example.org/tracing) | ✋ | ▱▱▱▱▱▱ | |',
            ),
        };
      }
      if (f.path === 'roadmap/async_fn/trait_methods.md') {
        return {
          ...f,
          content: f.content.replace(
            '| Stabilized                               | 💤 ',
            '| Stabilized                               | 🦀 ',
          ),
        };
      }
      return f;
    });
    const preview = must(core, 'roadmap.previewImport', { files: edited });
    expect(preview.create).toEqual([{ kind: 'initiative', title: 'Tracing', within: 'Tooling', fields: [] }]);
    expect(preview.update).toEqual([
      { kind: 'milestone', title: 'Stabilized', within: 'Trait methods', fields: ['state'] },
      { kind: 'goal', title: 'Tooling', within: null, fields: ['state', 'ownerIds', 'manualProgress'] },
    ]);
    const result = must(core, 'roadmap.import', { files: edited });
    expect(result).toMatchObject({ created: 1, updated: 2 });
    const { goals, initiatives, personName, milestones } = read(core);
    const tooling = goals.find((g) => g.title === 'Tooling')!;
    expect(tooling).toMatchObject({ state: 'done', manualProgress: 100 });
    expect(tooling.ownerIds.map(personName)).toEqual(['pnkf', 'tmiller']);
    expect(initiatives.get('Tracing')).toMatchObject({
      goalId: tooling.id,
      link: 'https://example.org/tracing',
    });
    expect(milestones('Trait methods').at(-1)).toEqual({
      title: 'Stabilized',
      state: 'in progress',
      participants: ['Gus Wynn'],
    });
    expect(goals).toHaveLength(6);
  });

  it('re-exports what it imported, and reads that back identically', async () => {
    const core = await tempCore();
    must(core, 'roadmap.import', { files: handwritten() });
    for (const variant of ['folder', 'single'] as const) {
      const first = must(core, 'roadmap.export', { variant }).files;
      const other = await tempCore();
      expect(must(other, 'roadmap.import', { files: first }).problems).toEqual([]);
      expect(must(other, 'roadmap.export', { variant }).files).toEqual(first);
    }
  });
});

describe('importing a single roadmap.md', () => {
  it('reads a goal table and the goals’ sections', async () => {
    const core = await tempCore();
    const files = readTree(join(FIXTURES, 'single'));
    const result = must(core, 'roadmap.import', { files });
    expect(result.problems).toEqual([]);
    const { goals, initiatives, personName, milestones, people } = read(core);
    expect(goals.map((g) => [g.title, g.state])).toEqual([
      ['Async fn everywhere', 'in progress'],
      ['Scoped spawn, reliable cancellation', 'paused'],
      ['Async iteration', 'in progress'],
      ['Polish', 'in progress'],
      ['Documentation', 'paused'],
    ]);
    // Owners as bare names (no profile link: no handle), as a profile link, or a bare name someone else links.
    expect(goals[0]!.ownerIds.map(personName)).toEqual(['tmandry']);
    expect(people.get('tmandry')!.handle).toBeNull();
    expect(people.get('estebank')!.handle).toBe('estebank');
    expect(goals[3]!.ownerIds.map(personName)).toEqual(['eholk']);
    expect(people.get('eholk')!.handle).toBe('eholk');
    expect(goals[0]!.impact).toBe('- Write `async fn` anywhere you can write `fn`.');
    expect(goals[2]!.impact).toBe(
      '* Able to create and compose iterators that await async results\n* Able to create complex parallel or concurrent schedules that work reliably',
    );
    expect(goals[3]!.howToHelp).toBe('Come to the triage meeting.');
    // An initiative section (`#### ↳ …`) no table lists.
    expect([...initiatives.keys()]).toEqual(['Async fn in traits']);
    expect(milestones('Async fn in traits')).toEqual([
      { title: 'Prototyped', state: 'in progress', participants: ['eholk'] },
      { title: 'Stabilized', state: 'paused', participants: [] },
    ]);
  });
});

describe('refusing files that are not a roadmap', () => {
  it('refuses a folder without roadmap.md, naming the file, and changes nothing', async () => {
    const core = await tempCore();
    must(core, 'people.create', { name: 'Ada' });
    const before = dump(core.workspace.db);
    const files = [
      { path: 'notes/a.md', content: '# A\n' },
      { path: 'notes/b.md', content: '# B\n' },
    ];
    expect(refused(core, 'roadmap.previewImport', { files })).toMatchObject({
      code: 'invalid_input',
      field: 'files.0',
    });
    const error = refused(core, 'roadmap.import', { files });
    expect(error.message).toMatch(/^notes\/a\.md, line 1: There is no roadmap\.md among the 2 file\(s\)/);
    expect(dump(core.workspace.db)).toBe(before);
  });

  it('refuses a roadmap.md without an overview table, naming file and line, and changes nothing', async () => {
    const core = await tempCore();
    const before = dump(core.workspace.db);
    const files = [
      { path: 'docs/README.md', content: '# Readme\n' },
      { path: 'docs/roadmap.md', content: '# Roadmap\n\nSoon.\n\n| A | B |\n| - | - |\n| 1 | 2 |\n' },
    ];
    expect(refused(core, 'roadmap.import', { files })).toEqual({
      code: 'invalid_input',
      message:
        'docs/roadmap.md, line 5: There is no overview table (| Deliverable | State | Progress | Owner |) in this file',
      field: 'files.1',
    });
    expect(dump(core.workspace.db)).toBe(before);
  });

  it('refuses oversized input through the contract', async () => {
    const core = await tempCore();
    expect(refused(core, 'roadmap.import', { files: [{ path: 'x'.repeat(501), content: '' }] }).field).toBe(
      'files.0.path',
    );
    const many = Array.from({ length: 2001 }, (_, i) => ({ path: `${i}.md`, content: '' }));
    expect(refused(core, 'roadmap.previewImport', { files: many }).field).toBe('files');
  });

  it('cuts what is longer than the workspace allows, and says so', async () => {
    const core = await tempCore();
    const long = 'x'.repeat(301);
    const files = [
      { path: 'roadmap.md', content: `| Goal | State |\n| --- | --- |\n| A | 💤 |\n| ${long} | 💤 |\n` },
    ];
    const result = must(core, 'roadmap.import', { files });
    expect(result.problems).toEqual([
      {
        file: 'roadmap.md',
        line: 4,
        message: `The title “${'x'.repeat(40)}…” is longer than 300 characters: cut to 300`,
      },
    ]);
    expect(must(core, 'goals.list', {}).map((g) => g.title.length)).toEqual([1, 300]);
  });
});
