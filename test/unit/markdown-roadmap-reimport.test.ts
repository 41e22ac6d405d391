/**
 * Importing a newer version of a roadmap over an older one: the roadmap ends up matching the
 * files — what they no longer have is deleted (a tombstone in the change log, so its history
 * stays), the order follows them — unless `keepMissing` keeps it; a goal or initiative retitled in
 * its exported page stays the same item.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/api/core.ts';
import { DELETED_FIELD } from '../../src/main/store/write.ts';
import { must, tempCore } from './helpers.ts';

const roadmap = (rows: string[]) => [
  {
    path: 'roadmap.md',
    content: [
      '# Roadmap',
      '',
      '| Deliverable | State | Progress | Owner |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  },
];

const OLDER = roadmap([
  '| 🔻 Faster builds | ✋ | | |',
  '| ↳ Incremental cache | ✋ | | |',
  '| 🔻 Remote execution | ✋ | | |',
  '| 🔻 Better docs | ✋ | | |',
  '| ↳ Guide | ✋ | | |',
  '| ↳ Reference | ✋ | | |',
]);
/** Remote execution became an initiative of Faster builds; Better docs' order changed. */
const NEWER = roadmap([
  '| 🔻 Better docs | ✋ | | |',
  '| ↳ Reference | ✋ | | |',
  '| ↳ Guide | ✋ | | |',
  '| 🔻 Faster builds | ✋ | | |',
  '| ↳ Incremental cache | ✋ | | |',
  '| ↳ Remote execution | ✋ | | |',
]);

function outline(core: Core): string[] {
  const initiatives = must(core, 'initiatives.list', {});
  return must(core, 'goals.list', {}).flatMap((g) => [
    g.title,
    ...initiatives.filter((i) => i.goalId === g.id).map((i) => `  ${i.title}`),
  ]);
}

describe('importing a roadmap over an older version of it', () => {
  it('previews what moves and what goes, then makes the roadmap match the files', async () => {
    const core = await tempCore();
    must(core, 'roadmap.import', { files: OLDER });
    const remote = must(core, 'goals.list', {}).find((g) => g.title === 'Remote execution')!;

    const preview = must(core, 'roadmap.previewImport', { files: NEWER });
    // The goal that became an initiative is listed once, as a move: neither created nor removed.
    expect(preview.move).toEqual([
      {
        kind: 'initiative',
        title: 'Remote execution',
        within: 'Faster builds',
        fields: [],
        from: { kind: 'goal', within: null },
      },
    ]);
    expect(preview.remove).toEqual([]);
    expect(preview.create).toEqual([]);
    expect(preview.rename).toEqual([]);
    expect(preview.update.map((u) => [u.title, u.fields])).toEqual([
      ['Better docs', ['position']],
      ['Reference', ['position']],
      ['Guide', ['position']],
      ['Faster builds', ['position']],
    ]);

    const result = must(core, 'roadmap.import', { files: NEWER });
    expect(result).toMatchObject({ created: 1, removed: 1 });
    expect(outline(core)).toEqual([
      'Better docs',
      '  Reference',
      '  Guide',
      'Faster builds',
      '  Incremental cache',
      '  Remote execution',
    ]);
    // Deleted through the write path: its history ends in a deletion.
    const last = core.workspace.db
      .prepare('SELECT field FROM changes WHERE entity_id = ? ORDER BY seq DESC LIMIT 1')
      .get(remote.id) as { field: string };
    expect(last.field).toBe(DELETED_FIELD);
    // Imported again, nothing changes.
    expect(must(core, 'roadmap.previewImport', { files: NEWER })).toMatchObject({
      create: [],
      update: [],
      rename: [],
      move: [],
      remove: [],
    });
  });

  it('previews a rename apart from the other changes, and a move to another goal', async () => {
    const core = await tempCore();
    must(core, 'roadmap.import', { files: OLDER });
    const preview = must(core, 'roadmap.previewImport', {
      files: roadmap([
        '| 🔻 Faster Builds | 💤 | | |',
        '| 🔻 Remote execution | ✋ | | |',
        '| 🔻 Better docs | ✋ | | |',
        '| ↳ Guide | ✋ | | |',
        '| ↳ Reference | ✋ | | |',
        '| ↳ Incremental cache | ✋ | | |',
      ]),
    });
    expect(preview.rename).toEqual([
      { kind: 'goal', title: 'Faster Builds', within: null, fields: ['title'], was: 'Faster builds' },
    ]);
    expect(preview.update).toEqual([
      { kind: 'goal', title: 'Faster Builds', within: null, fields: ['state'] },
    ]);
    expect(preview.move).toEqual([
      {
        kind: 'initiative',
        title: 'Incremental cache',
        within: 'Better docs',
        fields: [],
        from: { kind: 'initiative', within: 'Faster builds' },
      },
    ]);
    expect({ create: preview.create, remove: preview.remove }).toEqual({ create: [], remove: [] });
  });

  it('keeps what the files no longer have with keepMissing', async () => {
    const core = await tempCore();
    must(core, 'roadmap.import', { files: OLDER });
    const preview = must(core, 'roadmap.previewImport', { files: NEWER, keepMissing: true });
    expect(preview.remove).toEqual([]);
    expect(must(core, 'roadmap.import', { files: NEWER, keepMissing: true })).toMatchObject({ removed: 0 });
    expect(outline(core)).toContain('Remote execution');
  });

  it('removes goals and initiatives the files no longer list', async () => {
    const core = await tempCore();
    must(core, 'roadmap.import', { files: OLDER });
    const result = must(core, 'roadmap.import', {
      files: roadmap([
        '| 🔻 Faster builds | ✋ | | |',
        '| 🔻 Better docs | ✋ | | |',
        '| ↳ Guide | ✋ | | |',
      ]),
    });
    expect(result.removed).toBe(3);
    expect(outline(core)).toEqual(['Faster builds', 'Better docs', '  Guide']);
  });
});

describe('importing an exported folder whose titles were edited', () => {
  it('takes a goal or initiative renamed in its page for the same item, keeping its id and milestones', async () => {
    const core = await tempCore();
    const goal = must(core, 'goals.create', { title: 'Faster builds' });
    const initiative = must(core, 'initiatives.create', { goalId: goal.id, title: 'Incremental cache' });
    const milestone = must(core, 'milestones.create', { initiativeId: initiative.id, title: 'Design' });
    const sprint = must(core, 'sprints.createNext', { startDate: '2026-11-09' });
    const sprintGoal = must(core, 'sprintGoals.create', {
      sprintId: sprint.id,
      title: 'Cache the parser',
      goalId: goal.id,
      initiativeId: initiative.id,
    });
    // Both renamed where they are written (the overview and their pages); the page files stay.
    const files = must(core, 'roadmap.export', { variant: 'folder' }).files.map((f) => ({
      ...f,
      content: f.content
        .replaceAll('Faster builds', 'Quicker builds')
        .replaceAll('Incremental cache', 'Build cache'),
    }));
    expect(files.map((f) => f.path)).toContain('roadmap/faster_builds/incremental_cache.md');

    const preview = must(core, 'roadmap.previewImport', { files });
    expect(preview.rename.map((r) => [r.kind, r.was, r.title])).toEqual([
      ['goal', 'Faster builds', 'Quicker builds'],
      ['initiative', 'Incremental cache', 'Build cache'],
    ]);
    expect({ create: preview.create, removed: preview.remove }).toEqual({ create: [], removed: [] });

    must(core, 'roadmap.import', { files });
    expect(must(core, 'goals.list', {}).map((g) => [g.id, g.title])).toEqual([[goal.id, 'Quicker builds']]);
    expect(must(core, 'initiatives.list', {}).map((i) => [i.id, i.title])).toEqual([
      [initiative.id, 'Build cache'],
    ]);
    expect(must(core, 'milestones.list', {}).map((m) => [m.id, m.initiativeId])).toEqual([
      [milestone.id, initiative.id],
    ]);
    expect(must(core, 'sprintGoals.list', { sprintId: sprint.id })).toMatchObject([
      { id: sprintGoal.id, goalId: goal.id, initiativeId: initiative.id },
    ]);
  });
});
