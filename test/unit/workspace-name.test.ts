/**
 * The workspace's name: one synced row (a natural id), so a name given on one installation
 * reaches the others, and two installations renaming it offline end with one name — the later.
 */
import { describe, expect, it } from 'vitest';
import { must, refused, tempCore, tempDir } from './helpers.ts';
import { synced } from './sync-transport-helpers.ts';

describe("the workspace's name", { timeout: 120_000 }, () => {
  it('is named, refused when empty, and read by workspace.info', async () => {
    const core = await tempCore();
    expect(must(core, 'workspace.info', {})).toMatchObject({ name: null, isEmpty: true });
    expect(refused(core, 'workspace.setName', { name: '  ' })).toMatchObject({
      code: 'invalid_input',
      field: 'name',
      message: 'name: must not be empty',
    });
    expect(must(core, 'workspace.setName', { name: '  Team   Ferrite ' })).toMatchObject({
      name: 'Team Ferrite',
      isEmpty: false,
    });
    // The name is not an item the workspace holds: the counts leave it out.
    expect(Object.keys(must(core, 'workspace.info', {}).counts)).not.toContain('workspace');
  });

  it('syncs, and two installations renaming it offline end with the later name in one row', async () => {
    const folder = tempDir();
    const a = await tempCore();
    must(a, 'workspace.setName', { name: 'Team Ferrite' });
    synced(a, 'sync.folder', { folder });
    const b = await tempCore();
    synced(b, 'sync.folder', { folder });
    expect(must(b, 'workspace.info', {}).name).toBe('Team Ferrite');

    must(a, 'workspace.setName', { name: 'Ferrite working group' });
    // Later on the clock: two edits in the same millisecond would be ordered by replica id.
    await new Promise((resolve) => setTimeout(resolve, 5));
    must(b, 'workspace.setName', { name: 'Ferrite async working group' });
    synced(a, 'sync.folder', { folder });
    synced(b, 'sync.folder', { folder });
    synced(a, 'sync.folder', { folder });
    for (const core of [a, b]) {
      expect(must(core, 'workspace.info', {}).name).toBe('Ferrite async working group');
      expect(core.workspace.db.prepare('SELECT count(*) FROM workspace_details').pluck().get()).toBe(1);
    }
    expect(must(a, 'conflicts.list', {})).toHaveLength(1);
  });
});
