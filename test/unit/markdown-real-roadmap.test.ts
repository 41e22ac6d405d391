/**
 * A real working group's published roadmap (the Rust Async Working Group's, in
 * test/fixtures/roadmap/wg-async, see its SOURCE.txt) imported and exported again gives back
 * the same overview table, states and owners, and the same milestones with their states and
 * key participants. The export normalises whitespace, link spelling and the order of reference
 * definitions, so the files are compared as parsed tables (by the import's own reader), not
 * byte for byte.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRoadmapFolder } from '../../src/main/markdown/roadmap-folder.ts';
import { readRoadmap, type PersonRef, type ReadRoadmap } from '../../src/main/markdown/roadmap-read.ts';
import { UNOWNED_FLAG } from '../../src/shared/unowned.ts';
import { must, tempCore } from './helpers.ts';

const FOLDER = join(import.meta.dirname, '../fixtures/roadmap/wg-async');

const who = (people: PersonRef[] | undefined) => (people ?? []).map((p) => p.handle ?? p.name);

/** The overview table (and each initiative's milestones table) as rows of plain values. */
function tables(read: ReadRoadmap) {
  return read.goals.map((g) => ({
    goal: g.title,
    state: g.state,
    progress: g.progress,
    owners: who(g.owners),
    initiatives: g.initiatives.map((i) => ({
      initiative: i.title,
      state: i.state,
      progress: i.progress,
      owners: who(i.owners),
      milestones: (i.milestones ?? []).map((m) => ({
        milestone: m.title,
        state: m.state,
        participants: who(m.participants),
      })),
    })),
  }));
}

describe('a real roadmap folder (rust-lang/wg-async)', () => {
  it('imported and exported again gives back the same tables, states and owners', async () => {
    const files = await readRoadmapFolder(FOLDER, ['md']);
    const core = await tempCore();
    const preview = must(core, 'roadmap.previewImport', { files });
    must(core, 'roadmap.import', { files });
    const exported = must(core, 'roadmap.export', { variant: 'folder' }).files;

    const before = tables(readRoadmap(files));
    const after = tables(readRoadmap(exported));
    expect(after).toEqual(before);

    // Its quirks are all there: ten goals, owners named only on some rows, 🦀 without an owner.
    expect(before.map((g) => g.goal)).toHaveLength(10);
    const readWrite = before.flatMap((g) => g.initiatives).find((i) => i.initiative === 'Read/write traits')!;
    expect(readWrite).toMatchObject({ state: 'in progress', owners: [] });
    // Imported as the file says, and flagged in the preview's notes.
    const initiative = must(core, 'initiatives.list', {}).find((i) => i.title === 'Read/write traits')!;
    expect(initiative).toMatchObject({ state: 'in progress', ownerIds: [] });
    expect(preview.notes.map((n) => n.message)).toContain(
      `The initiative “Read/write traits”: ${UNOWNED_FLAG}`,
    );

    // The same folder imported again changes nothing.
    expect(must(core, 'roadmap.previewImport', { files })).toMatchObject({
      create: [],
      update: [],
      rename: [],
      move: [],
      remove: [],
    });
    // Its own export neither adds, moves nor removes anything; only the Impact of pages with
    // sections outside the format ("## Design notes") reads back differently once written
    // under "## Impact" — text, not the tables.
    const back = must(core, 'roadmap.previewImport', { files: exported });
    expect({ ...back, update: [], problems: [], notes: [] }).toMatchObject({
      create: [],
      update: [],
      rename: [],
      move: [],
      remove: [],
    });
    expect(new Set(back.update.flatMap((u) => u.fields))).toEqual(new Set(['impact']));
  });
});
