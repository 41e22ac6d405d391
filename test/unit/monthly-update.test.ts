/**
 * The monthly update: its draft written from the workspace (the example workspace, an empty
 * month, a month three sprints ended in), kept and published, and its two exports — a blog post
 * and a slide deck read back into slides.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/api/core.ts';
import { must, refused, tempCore } from './helpers.ts';

const NOW = new Date('2026-11-18T12:00:00Z');

async function example(): Promise<Core> {
  const core = await tempCore();
  core.workspace.now = () => NOW;
  must(core, 'workspace.loadExample', {});
  return core;
}

/** The `##` sections of a Markdown text, by heading. */
function sections(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of markdown.split(/^## /m).slice(1)) {
    const [heading = '', ...rest] = part.split('\n');
    out.set(heading, rest.join('\n').trim());
  }
  return out;
}

/** A reveal.js slide deck read back: horizontal slides of vertical ones, each with its notes. */
function readSlides(deck: string): { content: string; notes: string }[][] {
  return deck.split(/^---$/m).map((group) =>
    group.split(/^----$/m).map((slide) => {
      const [content = '', notes = ''] = slide.split(/^Note:$/m);
      return { content: content.trim(), notes: notes.trim() };
    }),
  );
}

describe('the monthly update draft', { timeout: 60_000 }, () => {
  it('tells every section of a month of the example workspace', async () => {
    const core = await example();
    const sprints = must(core, 'sprints.list', {});
    const four = sprints.find((s) => s.number === 4)!;
    const month = four.endDate.slice(0, 7);
    const { title, body, authors } = must(core, 'updates.draft', { month, timeZone: 'America/New_York' });
    expect(title).toMatch(/^Monthly update: \w+ \d{4}$/);
    expect(body.startsWith(`# ${title}\n`)).toBe(true);
    expect(authors).toContain('Dana Okafor');
    const parts = sections(body);
    expect([...parts.keys()]).toEqual([
      'Summary',
      'Sprints',
      'Goals',
      'Polish',
      "What's next",
      'Polls',
      'For our stakeholders',
    ]);
    const ended = sprints.filter((s) => s.endDate.startsWith(month) && s.status !== 'planned');
    expect(ended.length).toBeGreaterThanOrEqual(1);
    for (const sprint of ended) expect(parts.get('Sprints')).toContain(`### Sprint ${sprint.number} · `);
    expect(parts.get('Sprints')).toMatch(/: ✅ done/);
    expect(parts.get('Summary')).toMatch(/\*\*Sprint goals:\*\* \d+ done/);
    // The roadmap's changes of the month come from the change log; each goal is its own section.
    expect(parts.get('Goals')).toMatch(/^### /m);
    expect(parts.get('Polish')).toMatch(/polish issues? done: /);
    expect(parts.get("What's next")).toMatch(/^### Sprint \d+ · /m);
    // The example's poll ran in sprint 4: its counts so far.
    expect(parts.get('Polls')).toContain('### Which design should the async drop RFC propose?');
    expect(parts.get('Polls')).toContain('- Async destructors: 3 ▰▰▰▰▰▰');
    expect(parts.get('Polls')).toContain('4 of 5 stakeholders asked answered');
    // Per stakeholder, the items they follow.
    const forStakeholders = parts.get('For our stakeholders')!;
    expect(forStakeholders).toContain('### Wei Zhang (Tokamak runtime)');
    expect(forStakeholders).toMatch(/### Wei Zhang[^#]*- Async drop: /);
    expect(forStakeholders).toContain('### Amara Nwosu (Embedded working group)');
  });

  it('says so for a month with nothing in it', async () => {
    const core = await example();
    const { body } = must(core, 'updates.draft', { month: '2020-01' });
    const parts = sections(body);
    expect(parts.get('Summary')).toContain('- **Sprints ended:** none in January 2020');
    expect(parts.get('Sprints')).toBe('No sprint ended in January 2020.');
    expect(parts.get('Polish')).toBe('No polish done in the sprints that ended this month.');
    expect(parts.get('Polls')).toBe('No poll was open in January 2020.');
    expect(parts.get('Goals')).not.toMatch(/Milestone reached/);
  });

  it('covers each of the three sprints a month can end', async () => {
    const core = await tempCore();
    const ana = must(core, 'people.create', { name: 'Ana' }).id;
    const goal = must(core, 'goals.create', {
      title: 'Faster builds',
      ownerIds: [ana],
      state: 'in progress',
    });
    // Sprints end on 3, 17 and 31 March 2026.
    must(core, 'sprints.createNext', { startDate: '2026-02-18' });
    const outcomes = ['done', 'partial', 'missed'] as const;
    for (const outcome of outcomes) {
      const active = must(core, 'sprints.list', {}).find((s) => s.status === 'active')!;
      const sprintGoal = must(core, 'sprintGoals.create', {
        sprintId: active.id,
        title: `Cache ${outcome}`,
        ownerId: ana,
        goalId: goal.id,
      });
      must(core, 'sprintGoals.update', { id: sprintGoal.id, outcome });
      must(core, 'sprints.closeActive', {});
    }
    const { body } = must(core, 'updates.draft', { month: '2026-03', timeZone: 'UTC' });
    const parts = sections(body);
    expect(parts.get('Summary')).toContain(
      '- **Sprints ended:** Sprint 1 (18 Feb – 3 Mar 2026), Sprint 2 (4 Mar – 17 Mar 2026), Sprint 3 (18 Mar – 31 Mar 2026)',
    );
    expect(parts.get('Summary')).toContain('- **Sprint goals:** 1 done · 1 partial · 1 missed');
    expect(parts.get('Sprints')).toContain(
      '### Sprint 1 · 18 Feb 2026 – 3 Mar 2026\n\n1 done\n\n- Cache done (Ana): ✅ done',
    );
    expect(parts.get('Sprints')).toContain('### Sprint 3 · 18 Mar 2026 – 31 Mar 2026');
    expect(parts.get('Goals')).toContain('### Faster builds');
    expect(parts.get('Goals')).toContain('- Sprint goals: 1 done · 1 partial · 1 missed');
    expect(parts.get("What's next")).toContain('### Sprint 4 · 1 Apr 2026 – 14 Apr 2026');

    // Drafted before the month's last sprint is closed: that sprint is said to be under way.
    const april = sections(must(core, 'updates.draft', { month: '2026-04', timeZone: 'UTC' }).body);
    expect(april.get('Summary')).toContain(
      '- **Sprints ending in April 2026:** Sprint 4 (1 Apr – 14 Apr 2026, under way)',
    );
    expect(april.get('Sprints')).toContain('### Sprint 4 · 1 Apr 2026 – 14 Apr 2026 (under way)');
  });

  it('escapes what users typed', async () => {
    const core = await tempCore();
    const owner = must(core, 'people.create', {
      name: '# Not a heading',
      roles: ['stakeholder'],
      team: '<script>',
    });
    must(core, 'goals.create', {
      title: '<img src=x onerror=alert(1)> [x](javascript:alert(1))',
      state: 'in progress',
      ownerIds: [owner.id],
    });
    const { body } = must(core, 'updates.draft', { month: '2026-03' });
    expect(body).toContain('### \\<img src=x onerror=alert(1)\\> \\[x\\](javascript:alert(1))');
    expect(body).not.toMatch(/(?<!\\)<(img|script)|(?<!\\)\]\(javascript/);
    expect(body).toContain('### \\# Not a heading (\\<script\\>)');
  });
});

describe('monthly updates', { timeout: 60_000 }, () => {
  it('are kept, edited, published and listed; one per month', async () => {
    const core = await tempCore();
    core.workspace.now = () => NOW;
    const update = must(core, 'updates.create', { month: '2026-10', timeZone: 'UTC' });
    expect(update).toMatchObject({ month: '2026-10', status: 'draft', publishedOn: null });
    expect(update.body).toContain('# Monthly update: October 2026');
    expect(refused(core, 'updates.create', { month: '2026-10' })).toMatchObject({
      code: 'conflict',
      field: 'month',
    });
    expect(refused(core, 'updates.create', { month: '2026-13' })).toMatchObject({ field: 'month' });
    const edited = must(core, 'updates.update', { id: update.id, body: '# October\n\nWe shipped.\n' });
    expect(edited.body).toBe('# October\n\nWe shipped.\n');
    const published = must(core, 'updates.update', {
      id: update.id,
      status: 'published',
      timeZone: 'Asia/Tokyo',
    });
    expect(published.publishedOn).toBe('2026-11-18');
    must(core, 'updates.create', { month: '2026-11' });
    expect(must(core, 'updates.list', {}).map((u) => u.month)).toEqual(['2026-11', '2026-10']);
    const history = must(core, 'history.list', { entity: 'monthlyUpdate', id: update.id });
    expect(history.map((c) => c.field)).toEqual(expect.arrayContaining(['body', 'status', 'publishedOn']));
  });

  it('export as a blog post with front matter, safe to publish', async () => {
    const core = await tempCore();
    core.workspace.now = () => NOW;
    const update = must(core, 'updates.create', { month: '2026-10' });
    must(core, 'updates.update', {
      id: update.id,
      authors: ['Ana "the builder" Lima', 'Ben'],
      body: '# October\n\nWe shipped <script>alert(1)</script> and [this](javascript:alert(1)).\n',
      status: 'published',
    });
    const { fileName, content } = must(core, 'updates.export', { month: '2026-10' });
    expect(fileName).toBe('update-2026-10.md');
    expect(content).toBe(
      [
        '---',
        'title: "Monthly update: October 2026"',
        'date: 2026-11-18',
        'authors:',
        '  - "Ana \\"the builder\\" Lima"',
        '  - "Ben"',
        '---',
        '',
        'We shipped alert(1) and this.',
        '',
      ].join('\n'),
    );
  });

  it('export as a slide deck: a title slide, a slide per section, a vertical slide per goal, prose as notes', async () => {
    const core = await example();
    const month = must(core, 'sprints.list', {})
      .find((s) => s.number === 4)!
      .endDate.slice(0, 7);
    const { body } = must(core, 'updates.draft', { month });
    const { fileName, content } = must(core, 'updates.export', { month, slides: true });
    expect(fileName).toBe(`update-${month}-slides.md`);
    const slides = readSlides(content);
    expect(slides[0]![0]!.content).toMatch(/^# Monthly update: /);
    const headings = slides.map((group) => group[0]!.content.split('\n')[0]);
    expect(headings.slice(1)).toEqual([
      '## Summary',
      '## Sprints',
      '## Goals',
      '## Polish',
      "## What's next",
      '## Polls',
      '## For our stakeholders',
    ]);
    const goals = slides[3]!.slice(1).map((s) => s.content.split('\n')[0]);
    const goalHeadings = [...body.matchAll(/^## Goals\n[\s\S]*?(?=^## )/gm)][0]![0].match(/^### .*/gm)!;
    expect(goals).toEqual(goalHeadings); // one slide per goal
  });

  it("export as a slide deck titled with the update's title, as the blog post is", async () => {
    const core = await tempCore();
    const update = must(core, 'updates.create', { month: '2026-10' });
    must(core, 'updates.update', {
      id: update.id,
      title: 'October | news',
      body: '# Old heading\n\n## One\n',
    });
    const slides = readSlides(must(core, 'updates.export', { month: '2026-10', slides: true }).content);
    expect(slides[0]![0]!.content.split('\n')[0]).toBe('# October \\| news');
    expect(must(core, 'updates.export', { month: '2026-10' }).content).toMatch(
      /^---\ntitle: "October \| news"/,
    );
  });

  it('keep a user’s separators and notes markers from splitting the deck', async () => {
    const core = await tempCore();
    const update = must(core, 'updates.create', { month: '2026-10' });
    const long = 'This is a long paragraph of prose that the presenter would rather say than show. '.repeat(
      3,
    );
    must(core, 'updates.update', {
      id: update.id,
      body: `# Title\n\n## One\n\n- a point\n\n${long}\n\n\`\`\`\n---\nNote: in code\n\`\`\`\n\n***\n\n## Two\n\nNote: short\n`,
    });
    const slides = readSlides(must(core, 'updates.export', { month: '2026-10', slides: true }).content);
    expect(slides).toHaveLength(3);
    expect(slides[1]![0]!.content).toContain('- a point');
    expect(slides[1]![0]!.notes).toBe(long.trim());
    expect(slides[2]![0]!.content).toBe('## Two\n\nNote\\: short');
  });
});
