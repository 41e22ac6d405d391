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

describe('the owner rule: nothing without an owner is in progress', () => {
  it('applies to goals on create and update', async () => {
    const core = await tempCore();
    const { goal } = seed(core);
    expect(refused(core, 'goals.create', { title: 'Orphan', state: 'in progress' })).toMatchObject({
      code: 'rule_violation',
      field: 'state',
    });
    expect(refused(core, 'goals.update', { id: goal.id, ownerIds: [] })).toMatchObject({ field: 'ownerIds' });
    must(core, 'goals.update', { id: goal.id, ownerIds: [], state: 'help wanted' });
  });

  it('defaults a new item to in progress with owners and to help wanted without', async () => {
    const core = await tempCore();
    const { cache, remote } = seed(core);
    expect(cache.state).toBe('in progress');
    expect(remote.state).toBe('help wanted');
  });

  it('applies to initiatives and to milestones (their key participants)', async () => {
    const core = await tempCore();
    const { remote, cache } = seed(core);
    expect(refused(core, 'initiatives.update', { id: remote.id, state: 'in progress' }).field).toBe('state');
    expect(
      refused(core, 'milestones.create', { initiativeId: cache.id, title: 'M', state: 'in progress' })
        .message,
    ).toMatch(/key participant/);
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

describe('blocked work', () => {
  it('flags an in-progress item waiting on a paused or help-wanted one, and clears it when that moves', async () => {
    const core = await tempCore();
    const { cache, remote, ada } = seed(core);
    must(core, 'initiatives.update', { id: cache.id, dependsOnIds: [remote.id] });
    expect(must(core, 'roadmap.view', {}).blocked).toEqual([
      {
        kind: 'initiative',
        id: cache.id,
        waitingOn: [{ id: remote.id, title: 'Remote execution', state: 'help wanted' }],
      },
    ]);
    must(core, 'initiatives.update', { id: remote.id, ownerIds: [ada.id], state: 'in progress' });
    expect(must(core, 'roadmap.view', {}).blocked).toEqual([]);
  });

  it('flags milestones too, and not items that are themselves paused', async () => {
    const core = await tempCore();
    const { cache, ada } = seed(core);
    const first = must(core, 'milestones.create', {
      initiativeId: cache.id,
      title: 'Design',
      state: 'paused',
    });
    const second = must(core, 'milestones.create', {
      initiativeId: cache.id,
      title: 'Build',
      participantIds: [ada.id],
      dependsOnIds: [first.id],
    });
    must(core, 'milestones.create', {
      initiativeId: cache.id,
      title: 'Later',
      state: 'paused',
      dependsOnIds: [first.id],
    });
    expect(must(core, 'roadmap.view', {}).blocked.map((b) => [b.kind, b.id])).toEqual([
      ['milestone', second.id],
    ]);
  });
});

describe('the roadmap view', () => {
  /** A done initiative with two done milestones (one Bo takes part in, one nobody), and an open one. */
  async function withHistory() {
    const core = await tempCore();
    const { ada, bo, goal, cache } = seed(core);
    const old = must(core, 'initiatives.create', { goalId: goal.id, title: 'Old build', ownerIds: [ada.id] });
    const shipped = must(core, 'milestones.create', {
      initiativeId: old.id,
      title: 'Shipped',
      state: 'done',
      participantIds: [bo.id],
    });
    const measured = must(core, 'milestones.create', {
      initiativeId: old.id,
      title: 'Measured',
      state: 'done',
    });
    must(core, 'initiatives.update', { id: old.id, state: 'done' });
    const design = must(core, 'milestones.create', {
      initiativeId: cache.id,
      title: 'Design',
      state: 'done',
    });
    return { core, ada, bo, cache, old, shipped, measured, design };
  }
  const titles = (view: { milestones: { title: string }[] }) => view.milestones.map((m) => m.title);

  it('sends the milestones of initiatives not done, and counts every initiative’s by state', async () => {
    const { core, cache, old } = await withHistory();
    const view = must(core, 'roadmap.view', {});
    expect(titles(view)).toEqual(['Design']);
    expect(view.milestoneCounts).toEqual({
      [cache.id]: { done: 1, 'in progress': 0, 'help wanted': 0, paused: 0 },
      [old.id]: { done: 2, 'in progress': 0, 'help wanted': 0, paused: 0 },
    });
  });

  it('sends the milestones of a done initiative when asked for, in order', async () => {
    const { core, old } = await withHistory();
    const view = must(core, 'roadmap.view', { initiativeIds: [old.id] });
    expect(titles(view).sort()).toEqual(['Design', 'Measured', 'Shipped']);
    expect(view.milestones.filter((m) => m.initiativeId === old.id).map((m) => m.title)).toEqual([
      'Shipped',
      'Measured',
    ]);
    expect(must(core, 'milestones.list', { initiativeId: old.id }).map((m) => m.title)).toEqual([
      'Shipped',
      'Measured',
    ]);
  });

  it('sends a participant’s milestones, or those nobody takes part in, for the owner filter', async () => {
    const { core, bo } = await withHistory();
    expect(titles(must(core, 'roadmap.view', { participantId: bo.id }))).toEqual(['Design', 'Shipped']);
    expect(titles(must(core, 'roadmap.view', { participantId: null })).sort()).toEqual([
      'Design',
      'Measured',
    ]);
  });

  it('sends a done initiative’s milestones that are not done, and those shown ones depend on', async () => {
    const { core, ada, cache, old, shipped, measured } = await withHistory();
    must(core, 'milestones.update', { id: measured.id, state: 'paused' });
    must(core, 'milestones.create', {
      initiativeId: cache.id,
      title: 'Build',
      participantIds: [ada.id],
      dependsOnIds: [shipped.id],
    });
    const view = must(core, 'roadmap.view', {});
    expect(titles(view).sort()).toEqual(['Build', 'Design', 'Measured', 'Shipped']);
    expect(view.milestoneCounts[old.id]).toMatchObject({ done: 1, paused: 1 });
  });

  it('sends initiatives without their Markdown texts, which initiatives.get and .list still have', async () => {
    const core = await tempCore();
    const { cache } = seed(core);
    must(core, 'initiatives.update', {
      id: cache.id,
      impact: '- Builds **reuse** what is done',
      features: '- A content-addressed store',
    });
    const [sent] = must(core, 'roadmap.view', {}).initiatives.filter((i) => i.id === cache.id);
    expect(sent).toMatchObject({ id: cache.id, title: 'Incremental cache', state: 'in progress' });
    expect(sent).not.toHaveProperty('impact');
    expect(sent).not.toHaveProperty('features');
    expect(sent).not.toHaveProperty('about');
    const texts = { impact: '- Builds **reuse** what is done', features: '- A content-addressed store' };
    expect(must(core, 'initiatives.get', { id: cache.id })).toMatchObject(texts);
    expect(must(core, 'initiatives.list', {}).find((i) => i.id === cache.id)).toMatchObject(texts);
  });

  it('says in a line what a help-wanted initiative is about: its impact, else its features', async () => {
    const core = await tempCore();
    const { goal, remote } = seed(core);
    must(core, 'initiatives.update', {
      id: remote.id,
      impact: '- Builds run on **many** machines\n- [Caches](https://x.org) are shared',
      features: '- Workers',
    });
    const featuresOnly = must(core, 'initiatives.create', {
      goalId: goal.id,
      title: 'Build farm',
      features: '## A farm\n- Racks',
    });
    const silent = must(core, 'initiatives.create', { goalId: goal.id, title: 'Nothing said' });
    const about = (id: string) => must(core, 'roadmap.view', {}).initiatives.find((i) => i.id === id)?.about;
    expect(about(remote.id)).toBe('Builds run on many machines · Caches are shared');
    expect(about(featuresOnly.id)).toBe('A farm · Racks');
    expect(about(silent.id)).toBe('');
  });

  it('refuses initiative ids that aren’t ids, naming the field', async () => {
    const core = await tempCore();
    expect(refused(core, 'roadmap.view', { initiativeIds: ['nope'] }).field).toBe('initiativeIds.0');
    expect(refused(core, 'roadmap.view', { participantId: 7 }).field).toBe('participantId');
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

describe('quick-open search', () => {
  it('finds goals, initiatives, milestones, people and polish by title, prefix matches first', async () => {
    const core = await tempCore();
    const { cache } = seed(core);
    must(core, 'milestones.create', { initiativeId: cache.id, title: 'Cache eviction' });
    must(core, 'polish.create', { title: 'Cache warning is confusing', link: 'acme/build#12' });
    const hits = must(core, 'search.quick', { query: 'cache' });
    expect(hits.map((h) => [h.kind, h.title, h.context])).toEqual([
      ['milestone', 'Cache eviction', 'Incremental cache'],
      ['polishIssue', 'Cache warning is confusing', 'acme/build#12'],
      ['initiative', 'Incremental cache', 'Faster builds'],
    ]);
    expect(must(core, 'search.quick', { query: 'ADA' })).toMatchObject([{ kind: 'person', title: 'Ada' }]);
    expect(must(core, 'search.quick', { query: '100%_' })).toEqual([]);
    expect(refused(core, 'search.quick', { query: '  ' }).field).toBe('query');
  });

  it('finds polish while open or in progress, not once it is history', async () => {
    const core = await tempCore();
    const { ada } = seed(core);
    const open = must(core, 'polish.create', { title: 'Flaky cache test' });
    const started = must(core, 'polish.create', { title: 'Cache key too long', assigneeId: ada.id });
    must(core, 'polish.update', { id: started.id, status: 'in progress' });
    const done = must(core, 'polish.create', { title: 'Cache docs typo' });
    must(core, 'polish.update', { id: done.id, status: 'done' });
    const hits = must(core, 'search.quick', { query: 'cache' }).filter((h) => h.kind === 'polishIssue');
    expect(hits.map((h) => h.id).sort()).toEqual([open.id, started.id].sort());
  });
});

describe('a person', () => {
  it('shows what they own, take part in, committed to and polished', async () => {
    const core = await tempCore();
    const { ada, goal, cache, sprint } = seed(core);
    must(core, 'milestones.create', { initiativeId: cache.id, title: 'M', participantIds: [ada.id] });
    must(core, 'sprintGoals.create', { sprintId: sprint.id, title: 'Ship it', ownerId: ada.id });
    const issue = must(core, 'polish.create', { title: 'Typo', assigneeId: ada.id });
    must(core, 'polish.update', { id: issue.id, status: 'done' });
    const view = must(core, 'people.view', { id: ada.id });
    expect(view.goals.map((g) => g.id)).toEqual([goal.id]);
    expect(view.initiatives.map((i) => i.id)).toEqual([cache.id]);
    expect(view.milestones.map((m) => [m.title, m.initiativeTitle])).toEqual([['M', 'Incremental cache']]);
    expect(view.sprintGoals.map((g) => [g.title, g.sprintNumber])).toEqual([['Ship it', 1]]);
    expect(view.polishDone).toBe(1);
    expect(view.polishDoneBySprint).toEqual([{ sprintNumber: 1, count: 1 }]);
  });

  it('leaves out what others own', async () => {
    const core = await tempCore();
    const { bo, goal } = seed(core);
    const mine = must(core, 'initiatives.create', { goalId: goal.id, title: 'Mine', ownerIds: [bo.id] });
    const view = must(core, 'people.view', { id: bo.id });
    expect(view.goals).toEqual([]);
    expect(view.initiatives).toEqual([must(core, 'initiatives.get', { id: mine.id })]);
    expect(view.milestones).toEqual([]);
  });

  it('counts what each person owns, for the People list', async () => {
    const core = await tempCore();
    const { ada, bo, goal } = seed(core);
    must(core, 'initiatives.create', { goalId: goal.id, title: 'Mine', ownerIds: [bo.id, ada.id] });
    expect(
      must(core, 'people.ownership', {}).sort((a, b) => a.goals - b.goals || a.initiatives - b.initiatives),
    ).toEqual([
      { personId: bo.id, goals: 0, initiatives: 1 },
      { personId: ada.id, goals: 1, initiatives: 2 },
    ]);
  });

  it('names who made a change once the installation says whose it is', async () => {
    const core = await tempCore();
    const { ada, goal } = seed(core);
    expect(must(core, 'workspace.setMe', { personId: ada.id }).mePersonId).toBe(ada.id);
    must(core, 'goals.update', { id: goal.id, state: 'paused' });
    expect(must(core, 'history.list', { entity: 'goal', id: goal.id })[0]).toMatchObject({
      field: 'state',
      personId: ada.id,
    });
    expect(refused(core, 'people.delete', { id: ada.id }).message).toMatch(/installation/);
  });
});
