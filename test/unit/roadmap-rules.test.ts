/** The roadmap's rules: people, the owner rule, order, progress, dependencies, deleting, history. */
import { isUnowned, seeksOwner } from '../../src/shared/unowned.ts';
import { describe, expect, it } from 'vitest';
import { dump, must, refused, seed, tempCore } from './helpers.ts';

describe('people', () => {
  it('refuses a handle that another person already has, whatever its case', async () => {
    const core = await tempCore();
    seed(core);
    expect(refused(core, 'people.create', { name: 'Other Ada', handle: 'ADA' })).toMatchObject({
      code: 'conflict',
      field: 'handle',
    });
  });

  it('refuses to delete someone who still owns something, naming what to reassign', async () => {
    const core = await tempCore();
    const { ada } = seed(core);
    const error = refused(core, 'people.delete', { id: ada.id });
    expect(error.code).toBe('rule_violation');
    expect(error.message).toContain('“Faster builds”');
    expect(error.message).toContain('“Incremental cache”');
  });

  it('refuses to delete someone referenced by sprint history, polish or action items', async () => {
    const core = await tempCore();
    const { bo, sprint } = seed(core);
    must(core, 'polish.create', { title: 'Fix typo', assigneeId: bo.id });
    expect(refused(core, 'people.delete', { id: bo.id }).message).toMatch(/is assigned 1 polish issue/);
    const other = must(core, 'people.create', { name: 'Cy' });
    must(core, 'actionItems.create', { sprintId: sprint.id, text: 'Write docs', ownerId: other.id });
    expect(refused(core, 'people.delete', { id: other.id }).message).toMatch(/owns 1 action item/);
  });

  it('deletes someone nothing refers to', async () => {
    const core = await tempCore();
    const { bo } = seed(core);
    must(core, 'people.delete', { id: bo.id });
    expect(must(core, 'people.list', {}).map((p) => p.name)).toEqual(['Ada']);
  });
});

describe('in progress without an owner: allowed, and flagged', () => {
  it('is allowed for goals on create and update, and flagged', async () => {
    const core = await tempCore();
    const { goal } = seed(core);
    const orphan = must(core, 'goals.create', { title: 'Orphan', state: 'in progress' });
    expect(orphan).toMatchObject({ state: 'in progress', ownerIds: [] });
    expect(isUnowned(orphan.state, orphan.ownerIds)).toBe(true);
    const unowned = must(core, 'goals.update', { id: goal.id, ownerIds: [] });
    expect(unowned).toMatchObject({ state: 'in progress', ownerIds: [] });
    expect(seeksOwner(unowned.state, unowned.ownerIds)).toBe(true);
  });

  it('defaults a new item to in progress with owners and to help wanted without', async () => {
    const core = await tempCore();
    const { cache, remote } = seed(core);
    expect(cache.state).toBe('in progress');
    expect(remote.state).toBe('help wanted');
  });

  it('is allowed for initiatives and for milestones without key participants', async () => {
    const core = await tempCore();
    const { remote, cache } = seed(core);
    expect(must(core, 'initiatives.update', { id: remote.id, state: 'in progress' })).toMatchObject({
      state: 'in progress',
      ownerIds: [],
    });
    expect(
      must(core, 'milestones.create', { initiativeId: cache.id, title: 'M', state: 'in progress' }),
    ).toMatchObject({ state: 'in progress', participantIds: [] });
    // The roadmap's Help wanted lists it, with what it is about.
    const view = must(core, 'roadmap.view', {});
    expect(view.initiatives.find((i) => i.id === remote.id)).toHaveProperty('about');
  });
});

describe('ordering', () => {
  it('appends new goals and reorders them as listed', async () => {
    const core = await tempCore();
    const { goal } = seed(core);
    const second = must(core, 'goals.create', { title: 'Friendlier errors' });
    const third = must(core, 'goals.create', { title: 'Docs' });
    expect(must(core, 'goals.list', {}).map((g) => g.title)).toEqual([
      'Faster builds',
      'Friendlier errors',
      'Docs',
    ]);
    must(core, 'goals.reorder', { ids: [third.id, goal.id, second.id] });
    expect(must(core, 'goals.list', {}).map((g) => g.title)).toEqual([
      'Docs',
      'Faster builds',
      'Friendlier errors',
    ]);
  });

  it('refuses a reorder that leaves out or repeats an item', async () => {
    const core = await tempCore();
    const { goal } = seed(core);
    const other = must(core, 'goals.create', { title: 'Other' });
    expect(refused(core, 'goals.reorder', { ids: [goal.id] }).field).toBe('ids');
    expect(refused(core, 'goals.reorder', { ids: [goal.id, goal.id] }).field).toBe('ids');
    expect(refused(core, 'goals.reorder', { ids: [other.id, goal.id, goal.id] }).field).toBe('ids');
  });

  it('reorders initiatives within their goal and milestones within their initiative', async () => {
    const core = await tempCore();
    const { goal, cache, remote } = seed(core);
    must(core, 'initiatives.reorder', { ids: [remote.id, cache.id] });
    expect(must(core, 'initiatives.list', { goalId: goal.id }).map((i) => i.title)).toEqual([
      'Remote execution',
      'Incremental cache',
    ]);
    const a = must(core, 'milestones.create', { initiativeId: cache.id, title: 'A' });
    const b = must(core, 'milestones.create', { initiativeId: cache.id, title: 'B' });
    must(core, 'milestones.reorder', { ids: [b.id, a.id] });
    expect(must(core, 'milestones.list', { initiativeId: cache.id }).map((m) => m.title)).toEqual(['B', 'A']);
    const foreign = must(core, 'milestones.create', { initiativeId: remote.id, title: 'C' });
    expect(refused(core, 'milestones.reorder', { ids: [a.id, b.id, foreign.id] }).field).toBe('ids');
  });
});

describe('progress', () => {
  it('derives an initiative from its milestones and a goal from its initiatives', async () => {
    const core = await tempCore();
    const { goal, cache, remote } = seed(core);
    for (const state of ['done', 'done', 'paused'] as const)
      must(core, 'milestones.create', { initiativeId: cache.id, title: state, state });
    must(core, 'milestones.create', { initiativeId: remote.id, title: 'x', state: 'done' });
    must(core, 'milestones.create', { initiativeId: remote.id, title: 'y', state: 'paused' });
    expect(must(core, 'initiatives.get', { id: cache.id }).progress).toBe(67);
    expect(must(core, 'initiatives.get', { id: remote.id }).progress).toBe(50);
    // The average of what the initiatives show (67 and 50).
    expect(must(core, 'goals.get', { id: goal.id }).progress).toBe(59);
  });

  it("keeps the owner's value where it is set by hand, and feeds it into the goal", async () => {
    const core = await tempCore();
    const { goal, cache, remote } = seed(core);
    must(core, 'milestones.create', { initiativeId: cache.id, title: 'Only', state: 'paused' });
    must(core, 'initiatives.update', { id: cache.id, manualProgress: 80 });
    must(core, 'initiatives.update', { id: remote.id, manualProgress: 20 });
    expect(must(core, 'initiatives.get', { id: cache.id })).toMatchObject({
      progress: 80,
      manualProgress: 80,
    });
    expect(must(core, 'goals.get', { id: goal.id }).progress).toBe(50);
    must(core, 'goals.update', { id: goal.id, manualProgress: 10 });
    expect(must(core, 'goals.get', { id: goal.id })).toMatchObject({ progress: 10, manualProgress: 10 });
    must(core, 'goals.update', { id: goal.id, manualProgress: null });
    expect(must(core, 'goals.get', { id: goal.id }).progress).toBe(50);
  });

  it('counts an item with nothing below it as 0, or 100 when it is done', async () => {
    const core = await tempCore();
    const { cache, goal } = seed(core);
    expect(must(core, 'initiatives.get', { id: cache.id }).progress).toBe(0);
    const lone = must(core, 'goals.create', { title: 'Lone', state: 'done' });
    expect(must(core, 'goals.get', { id: lone.id }).progress).toBe(100);
    must(core, 'initiatives.update', { id: cache.id, state: 'done' });
    expect(must(core, 'goals.get', { id: goal.id }).progress).toBe(50);
  });
});

describe('dependencies', () => {
  it('refuses a dependency cycle between initiatives, naming it', async () => {
    const core = await tempCore();
    const { goal, cache, remote } = seed(core);
    const third = must(core, 'initiatives.create', { goalId: goal.id, title: 'Sandboxing' });
    must(core, 'initiatives.update', { id: cache.id, dependsOnIds: [remote.id] });
    must(core, 'initiatives.update', { id: remote.id, dependsOnIds: [third.id] });
    const error = refused(core, 'initiatives.update', { id: third.id, dependsOnIds: [cache.id] });
    expect(error).toMatchObject({ code: 'cycle', field: 'dependsOnIds.0' });
    expect(error.message).toBe(
      'That dependency would close a cycle: Sandboxing → Incremental cache → Remote execution → Sandboxing',
    );
  });

  it('refuses an item depending on itself', async () => {
    const core = await tempCore();
    const { cache } = seed(core);
    expect(refused(core, 'initiatives.update', { id: cache.id, dependsOnIds: [cache.id] }).code).toBe(
      'cycle',
    );
  });

  it('refuses a long cycle of milestones', async () => {
    const core = await tempCore();
    const { cache } = seed(core);
    const chain = Array.from({ length: 30 }, (_, i) =>
      must(core, 'milestones.create', { initiativeId: cache.id, title: `Step ${i}` }),
    );
    for (let i = 1; i < chain.length; i++)
      must(core, 'milestones.update', { id: chain[i]!.id, dependsOnIds: [chain[i - 1]!.id] });
    const before = dump(core.workspace.db);
    const error = refused(core, 'milestones.update', { id: chain[0]!.id, dependsOnIds: [chain.at(-1)!.id] });
    expect(error.code).toBe('cycle');
    expect(error.message).toContain('Step 0 → Step 29 → Step 28');
    expect(dump(core.workspace.db)).toBe(before);
  });

  it('drops the dependency on a deleted item from the items that had it', async () => {
    const core = await tempCore();
    const { cache, remote } = seed(core);
    must(core, 'initiatives.update', { id: remote.id, dependsOnIds: [cache.id] });
    must(core, 'initiatives.delete', { id: cache.id });
    expect(must(core, 'initiatives.get', { id: remote.id }).dependsOnIds).toEqual([]);
    const milestone = (title: string, dependsOnIds: string[] = []) =>
      must(core, 'milestones.create', { initiativeId: remote.id, title, dependsOnIds }).id;
    const [first, second] = [milestone('First'), milestone('Second')];
    const third = milestone('Third', [first, second]);
    must(core, 'milestones.delete', { id: first });
    expect(must(core, 'milestones.get', { id: third }).dependsOnIds).toEqual([second]);
    // The database drops the link by itself; the change log must say so too, for the other replicas.
    const logged = (entity: string, id: string) =>
      must(core, 'history.list', { entity, id })
        .filter((c) => c.field === 'dependsOnIds')
        .map((c) => c.value);
    expect(logged('initiative', remote.id)[0]).toEqual([]);
    expect(logged('milestone', third)[0]).toEqual([second]);
  });
});

describe('deleting', () => {
  it('refuses a goal with initiatives unless the cascade is confirmed', async () => {
    const core = await tempCore();
    const { goal } = seed(core);
    expect(refused(core, 'goals.delete', { id: goal.id })).toMatchObject({
      code: 'rule_violation',
      field: 'cascade',
    });
    must(core, 'goals.delete', { id: goal.id, cascade: true });
    expect(must(core, 'initiatives.list', {})).toEqual([]);
  });

  it('refuses an initiative with milestones unless the cascade is confirmed', async () => {
    const core = await tempCore();
    const { cache } = seed(core);
    must(core, 'milestones.create', { initiativeId: cache.id, title: 'M' });
    expect(refused(core, 'initiatives.delete', { id: cache.id }).message).toContain('“M”');
    must(core, 'initiatives.delete', { id: cache.id, cascade: true });
    expect(must(core, 'milestones.list', {})).toEqual([]);
  });

  it('keeps a polish issue of a deleted goal, without the goal', async () => {
    const core = await tempCore();
    const { goal } = seed(core);
    const issue = must(core, 'polish.create', { title: 'Flaky test', goalId: goal.id });
    must(core, 'goals.delete', { id: goal.id, cascade: true });
    expect(must(core, 'polish.list', {})).toEqual([{ ...issue, goalId: null }]);
  });

  it('refuses references to things that do not exist, naming the field', async () => {
    const core = await tempCore();
    const { goal } = seed(core);
    const missing = '01890a5d-ac96-774b-bcce-b302099a8057';
    expect(refused(core, 'goals.update', { id: goal.id, ownerIds: [missing] })).toMatchObject({
      code: 'not_found',
      field: 'ownerIds.0',
    });
    expect(refused(core, 'initiatives.create', { goalId: missing, title: 'x' })).toMatchObject({
      code: 'not_found',
      field: 'goalId',
    });
    expect(refused(core, 'goals.get', { id: missing })).toMatchObject({ code: 'not_found', field: 'id' });
    expect(refused(core, 'goals.get', { id: missing }).message).toBe(`Goal ${missing} does not exist`);
  });

  it('names a removed item by its last title, and a removed person by name', async () => {
    const core = await tempCore();
    const { ada, goal, remote } = seed(core);
    must(core, 'initiatives.update', { id: remote.id, title: 'Remote builds' });
    must(core, 'initiatives.delete', { id: remote.id });
    expect(
      refused(core, 'sprintGoals.create', {
        sprintId: must(core, 'sprints.list', {})[0]!.id,
        ownerId: ada.id,
        goalId: goal.id,
        initiativeId: remote.id,
        title: 'Try it',
      }),
    ).toMatchObject({
      code: 'not_found',
      field: 'initiativeId',
      message: 'Initiative “Remote builds” was removed',
    });
    const cy = must(core, 'people.create', { name: 'Cy' });
    must(core, 'people.delete', { id: cy.id });
    expect(refused(core, 'goals.update', { id: goal.id, ownerIds: [cy.id] })).toMatchObject({
      field: 'ownerIds.0',
      message: 'Person “Cy” was removed',
    });
  });
});

describe('history', () => {
  it('lists the state and owner changes of a goal, newest first', async () => {
    const core = await tempCore();
    const { goal, bo } = seed(core);
    must(core, 'goals.update', { id: goal.id, state: 'paused' });
    must(core, 'goals.update', { id: goal.id, ownerIds: [bo.id] });
    const history = must(core, 'history.list', { entity: 'goal', id: goal.id });
    expect(history.slice(0, 2).map((c) => [c.field, c.value])).toEqual([
      ['ownerIds', [bo.id]],
      ['state', 'paused'],
    ]);
    expect(history.at(-1)!.field).toBe('title');
    expect(new Date(history[0]!.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('marking a milestone done before what it depends on', () => {
  it('asks for confirmation, and accepts it when confirmed', async () => {
    const core = await tempCore();
    const { cache } = seed(core);
    const design = must(core, 'milestones.create', { initiativeId: cache.id, title: 'Design' });
    const build = must(core, 'milestones.create', {
      initiativeId: cache.id,
      title: 'Build',
      dependsOnIds: [design.id],
    });
    const error = refused(core, 'milestones.update', { id: build.id, state: 'done' });
    expect(error).toMatchObject({ code: 'needs_confirmation', field: 'state' });
    expect(error.message).toContain('“Design”');
    expect(must(core, 'milestones.update', { id: build.id, state: 'done', confirm: true }).state).toBe(
      'done',
    );
    must(core, 'milestones.update', { id: design.id, state: 'done' });
  });
});
