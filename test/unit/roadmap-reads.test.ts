/** The roadmap's reads: blocked work, the roadmap view, quick-open search, a person's page. */
import { describe, expect, it } from 'vitest';
import { must, refused, seed, tempCore } from './helpers.ts';

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

  it('puts what is done after what is not, and says it is done', async () => {
    const core = await tempCore();
    const { cache, remote } = seed(core);
    const old = must(core, 'milestones.create', { initiativeId: cache.id, title: 'Cache v1', state: 'done' });
    const next = must(core, 'milestones.create', { initiativeId: remote.id, title: 'Cache v2' });
    must(core, 'initiatives.update', { id: cache.id, state: 'done' });
    const hits = must(core, 'search.quick', { query: 'cache' });
    expect(hits.map((h) => [h.id, h.closed])).toEqual([
      [next.id, null],
      [old.id, 'done'],
      [cache.id, 'done'],
    ]);
  });

  it('finds polish open or in progress first, then its history: done, or won’t fix', async () => {
    const core = await tempCore();
    const { ada } = seed(core);
    const open = must(core, 'polish.create', { title: 'Flaky cache test' });
    const started = must(core, 'polish.create', { title: 'Cache key too long', assigneeId: ada.id });
    must(core, 'polish.update', { id: started.id, status: 'in progress' });
    const done = must(core, 'polish.create', { title: 'Cache docs typo' });
    must(core, 'polish.update', { id: done.id, status: 'done' });
    const dropped = must(core, 'polish.create', { title: 'Cache the cache', link: 'acme/web#9' });
    must(core, 'polish.update', { id: dropped.id, status: "won't fix" });
    const hits = must(core, 'search.quick', { query: 'cache' }).filter((h) => h.kind === 'polishIssue');
    // Titles starting with the query first; then what is not history; then the shorter title.
    expect(hits.map((h) => [h.id, h.closed])).toEqual([
      [started.id, null],
      [done.id, 'done'],
      [dropped.id, "won't fix"],
      [open.id, null],
    ]);
    expect(must(core, 'search.quick', { query: 'web#9' })).toMatchObject([
      { kind: 'polishIssue', id: dropped.id, context: 'acme/web#9', closed: "won't fix" },
    ]);
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

  it('counts what each person owns, for the People list: what is not done, then how much is done', async () => {
    const core = await tempCore();
    const { ada, bo, goal, cache } = seed(core);
    must(core, 'initiatives.create', { goalId: goal.id, title: 'Mine', ownerIds: [bo.id, ada.id] });
    const owned = () =>
      must(core, 'people.ownership', {}).sort((a, b) => a.goals - b.goals || a.initiatives - b.initiatives);
    expect(owned()).toEqual([
      { personId: bo.id, goals: 0, initiatives: 1, done: 0 },
      { personId: ada.id, goals: 1, initiatives: 2, done: 0 },
    ]);
    must(core, 'initiatives.update', { id: cache.id, state: 'done' });
    must(core, 'goals.update', { id: goal.id, state: 'done' });
    expect(owned()).toEqual([
      { personId: ada.id, goals: 0, initiatives: 1, done: 2 },
      { personId: bo.id, goals: 0, initiatives: 1, done: 0 },
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
