/** Polls and their responses imported from a form tool's CSV: good files, and each kind of bad one. */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/api/core.ts';
import { parseCsv } from '../../src/main/services/csv.ts';
import { dump, must, refused, tempCore } from './helpers.ts';

async function pollWorkspace() {
  const core = await tempCore();
  const goal = must(core, 'goals.create', { title: 'Faster builds' });
  const person = (name: string, handle?: string) =>
    must(core, 'people.create', { name, roles: ['stakeholder'], ...(handle ? { handle } : {}) }).id;
  const ana = person('Ana Lima', 'alima');
  const ben = person('Ben Ode');
  const cy = person('Cy Park');
  const outsider = person('Dee Out');
  const poll = must(core, 'polls.create', {
    question: 'Which cache first?',
    goalId: goal.id,
    options: ['Local', 'Remote'],
    opensOn: '2026-03-01',
    closesOn: '2026-03-31',
    askedIds: [ana, ben, cy],
  });
  return { core, goal, poll, ana, ben, cy, outsider };
}

const importCsv = (
  core: Core,
  pollId: string,
  csv: string,
  mapping?: { respondent: string; answer: string },
) => core.call('polls.importResponses', { pollId, csv, ...(mapping ? { mapping } : {}) });

describe('the CSV reader', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and keeps each record’s line', () => {
    const csv = '\uFEFFName,Answer\r\n"Lima, Ana","She said ""yes""\nthen left"\r\n\r\nBen,Remote\n';
    expect(parseCsv(csv)).toEqual([
      { line: 1, fields: ['Name', 'Answer'] },
      { line: 2, fields: ['Lima, Ana', 'She said "yes"\nthen left'] },
      { line: 5, fields: ['Ben', 'Remote'] },
    ]);
  });

  it('reads semicolon-separated files, and refuses an unclosed quote naming its line', () => {
    expect(parseCsv('a;b\n1;2').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(/line 2: a quoted field is never closed/);
  });
});

describe('polls', () => {
  it('are about a goal or an initiative, with distinct options, and refuse strangers’ answers', async () => {
    const { core, goal, poll, ana, outsider } = await pollWorkspace();
    expect(poll.subject).toEqual({ kind: 'goal', id: goal.id, title: 'Faster builds' });
    expect(refused(core, 'polls.create', { question: 'Q', opensOn: '2026-03-01' })).toMatchObject({
      field: 'goalId',
    });
    expect(
      refused(core, 'polls.create', {
        question: 'Q',
        goalId: goal.id,
        opensOn: '2026-03-01',
        options: ['A', ' a'],
      }),
    ).toMatchObject({ field: 'options.1', message: expect.stringContaining('listed twice') });
    expect(
      refused(core, 'polls.create', {
        question: 'Q',
        goalId: goal.id,
        opensOn: '2026-03-05',
        closesOn: '2026-03-01',
      }),
    ).toMatchObject({ field: 'closesOn' });

    const answered = must(core, 'polls.respond', { pollId: poll.id, personId: ana, answer: 'remote' });
    expect(answered.responses).toMatchObject([{ name: 'Ana Lima', answer: 'Remote' }]);
    expect(answered.counts).toEqual([
      { option: 'Local', count: 0 },
      { option: 'Remote', count: 1 },
    ]);
    expect(refused(core, 'polls.respond', { pollId: poll.id, personId: ana, answer: 'Maybe' })).toMatchObject(
      {
        field: 'answer',
        message: expect.stringContaining('not one of the options (Local, Remote)'),
      },
    );
    expect(
      refused(core, 'polls.respond', { pollId: poll.id, personId: outsider, answer: 'Local' }),
    ).toMatchObject({
      field: 'personId',
      message: 'Dee Out was not asked in this poll',
    });
    // Answering again replaces; a null answer takes it back.
    must(core, 'polls.respond', { pollId: poll.id, personId: ana, answer: 'Local' });
    expect(must(core, 'polls.get', { id: poll.id }).responses).toMatchObject([{ answer: 'Local' }]);
    expect(must(core, 'polls.respond', { pollId: poll.id, personId: ana, answer: null }).responses).toEqual(
      [],
    );
  });

  it('lose their stakeholder’s answers and place when the stakeholder is deleted, all in the change log', async () => {
    const { core, poll, ana } = await pollWorkspace();
    must(core, 'polls.respond', { pollId: poll.id, personId: ana, answer: 'Local' });
    must(core, 'people.delete', { id: ana });
    const after = must(core, 'polls.get', { id: poll.id });
    expect(after.responses).toEqual([]);
    expect(after.askedIds).not.toContain(ana);
    const logged = core.workspace.db
      .prepare(
        `SELECT entity, field FROM changes WHERE entity IN ('poll', 'pollResponse') ORDER BY seq DESC LIMIT 2`,
      )
      .all();
    expect(logged).toEqual(
      expect.arrayContaining([
        { entity: 'pollResponse', field: '_deleted' },
        { entity: 'poll', field: 'askedIds' },
      ]),
    );
  });

  it('export as Markdown with their results, escaping what users typed', async () => {
    const { core, poll, ana, ben } = await pollWorkspace();
    must(core, 'polls.update', { id: poll.id, question: 'Local or <b>remote</b>?' });
    must(core, 'polls.respond', { pollId: poll.id, personId: ana, answer: 'Remote' });
    must(core, 'polls.respond', { pollId: poll.id, personId: ben, answer: 'Remote' });
    const { fileName, content } = must(core, 'polls.export', { id: poll.id, today: '2026-03-10' });
    expect(fileName).toMatch(/^poll-.+\.md$/);
    expect(content).toContain('# Local or \\<b\\>remote\\</b\\>?');
    expect(content).toContain('Open: 1 Mar 2026 – 31 Mar 2026 · 2 of 3 stakeholders asked answered.');
    expect(content).toContain('- Local: 0\n- Remote: 2 ▰▰▰▰▰▰');
    expect(content).toContain('## Asked\n\n- Ana Lima\n- Ben Ode\n- Cy Park');
  });
});

describe('importing poll responses from a CSV', () => {
  it('guesses the columns, previews each row, and imports the good rows in one call', async () => {
    const { core, poll, ana } = await pollWorkspace();
    must(core, 'polls.respond', { pollId: poll.id, personId: ana, answer: 'Local' });
    const csv = [
      'Timestamp,Your name,Which cache first?',
      '2026-03-02 10:00,Ana Lima,Remote',
      '2026-03-02 11:00,ben ode,local',
      '2026-03-02 12:00,Zed Nobody,Local',
      '2026-03-02 13:00,Ben Ode,Remote',
      '2026-03-02 14:00,Cy Park,Maybe',
      '2026-03-02 15:00,Dee Out,Local',
      '2026-03-02 16:00,,Local',
    ].join('\n');
    const before = dump(core.workspace.db);
    const preview = must(core, 'polls.previewImport', { pollId: poll.id, csv });
    expect(dump(core.workspace.db)).toBe(before); // a preview writes nothing
    expect(preview.mapping).toEqual({ respondent: 'Your name', answer: 'Which cache first?' });
    expect(preview.rows.map((r) => [r.line, r.problem, r.replaces])).toEqual([
      [2, null, true],
      [3, null, false],
      [4, "names “Zed Nobody”, who is not among the workspace's people", false],
      [5, 'Ben Ode answered already, on line 3', false],
      [6, '“Maybe” is not one of the options (Local, Remote)', false],
      [7, 'Dee Out was not asked in this poll', false],
      [8, 'names no respondent', false],
    ]);
    expect(preview).toMatchObject({ valid: 2, skipped: 5 });

    const imported = must(core, 'polls.importResponses', { pollId: poll.id, csv });
    expect(imported).toMatchObject({ created: 1, replaced: 1 });
    expect(imported.problems.map((p) => p.line)).toEqual([4, 5, 6, 7, 8]);
    const after = must(core, 'polls.get', { id: poll.id });
    expect(after.responses.map((r) => [r.name, r.answer]).sort()).toEqual([
      ['Ana Lima', 'Remote'],
      ['Ben Ode', 'Local'],
    ]);
  });

  it('takes the columns the user maps, matching respondents by handle too', async () => {
    const { core, poll } = await pollWorkspace();
    const csv = 'who,pick,comment\nalima,Local,fine\n';
    const mapping = { respondent: 'who', answer: 'pick' };
    expect(must(core, 'polls.importResponses', { pollId: poll.id, csv, mapping })).toMatchObject({
      created: 1,
    });
  });

  it('refuses a file it cannot read whole, naming why, and changes nothing', async () => {
    const { core, poll } = await pollWorkspace();
    const before = dump(core.workspace.db);
    const cases: [string, { respondent: string; answer: string } | undefined, RegExp, string][] = [
      ['Name,Answer\nJos\uFFFD,Local\n', undefined, /not UTF-8 text.*CSV UTF-8/, 'csv'],
      ['N\u0000a\u0000m\u0000e\u0000', undefined, /looks like UTF-16/, 'csv'],
      ['', undefined, /the file is empty/, 'csv'],
      ['Name\nAna Lima\n', undefined, /needs a column for the respondent and one for the answer/, 'csv'],
      [
        'Name,Answer\nAna Lima,Local\n',
        { respondent: 'Email', answer: 'Answer' },
        /no column “Email” \(its columns: Name, Answer\)/,
        'mapping.respondent',
      ],
      ['Name,Answer\nAna Lima,"Local\n', undefined, /can't be read as CSV: line 2/, 'csv'],
      [
        'Name,Answer\nZed,Local\nAna Lima,Nope\n',
        undefined,
        /no row can be imported \(line 2: .*; line 3: .*Nope/,
        'csv',
      ],
    ];
    for (const [csv, mapping, message, field] of cases) {
      const result = importCsv(core, poll.id, csv, mapping);
      expect(result.ok, csv).toBe(false);
      if (!result.ok) {
        expect(result.error.message, csv).toMatch(message);
        expect(result.error.field, csv).toBe(field);
      }
    }
    expect(dump(core.workspace.db)).toBe(before);
  });
});

describe('editing a poll', () => {
  it('keeps the options its answers chose, and lets a poll become free text', async () => {
    const { core, poll, ana } = await pollWorkspace();
    must(core, 'polls.respond', { pollId: poll.id, personId: ana, answer: 'Remote' });
    expect(refused(core, 'polls.update', { id: poll.id, options: ['Local'] })).toMatchObject({
      code: 'rule_violation',
      field: 'options',
    });
    expect(must(core, 'polls.update', { id: poll.id, options: [] }).responses).toMatchObject([
      { answer: 'Remote' },
    ]);
  });
});
