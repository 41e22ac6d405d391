/**
 * The "My sprint" page's one read: the active sprint's part of the person this installation
 * belongs to, and nobody else's, from a real workspace file.
 */
import { describe, expect, it } from 'vitest';
import { clockedCore, must, seed, tempCore } from './helpers.ts';

describe('mySprint.view', () => {
  it('asks who you are before it shows anything', async () => {
    const core = await tempCore();
    seed(core);
    expect(must(core, 'mySprint.view', {})).toMatchObject({
      personId: null,
      sprintGoals: [],
      initiatives: [],
      milestones: [],
      polish: [],
      notes: [],
    });
  });

  it("shows the person's sprint goals, initiatives, milestones, polish and notes, and nobody else's", async () => {
    const core = await tempCore();
    const { ada, bo, goal, cache, remote, sprint } = seed(core);
    expect(must(core, 'sprints.get', { id: sprint.id }).status).toBe('active');
    const adas = must(core, 'sprintGoals.create', {
      sprintId: sprint.id,
      title: 'Cache hits',
      ownerId: ada.id,
    });
    must(core, 'sprintGoals.create', { sprintId: sprint.id, title: 'Docs', ownerId: bo.id });
    const adaMilestone = must(core, 'milestones.create', { initiativeId: cache.id, title: 'Local cache' });
    const helping = must(core, 'milestones.create', {
      initiativeId: remote.id,
      title: 'Workers',
      participantIds: [ada.id],
    });
    must(core, 'milestones.create', { initiativeId: remote.id, title: 'Scheduler', participantIds: [bo.id] });
    const open = must(core, 'polish.create', { title: 'Typo', assigneeId: ada.id });
    const done = must(core, 'polish.create', { title: 'Icon', assigneeId: ada.id, status: 'done' });
    must(core, 'polish.create', { title: 'Dropped', assigneeId: ada.id, status: "won't fix" });
    must(core, 'polish.create', { title: 'Not hers', assigneeId: bo.id });
    must(core, 'polish.create', { title: 'Nobody', goalId: goal.id });

    must(core, 'workspace.setMe', { personId: ada.id });
    const note = must(core, 'retroNotes.create', {
      sprintId: sprint.id,
      column: 'went well',
      text: 'Pairing',
    });

    const view = must(core, 'mySprint.view', {});
    expect(view.personId).toBe(ada.id);
    expect(view.sprint?.id).toBe(sprint.id);
    expect(view.sprintGoals.map((g) => g.id)).toEqual([adas.id]);
    expect(view.initiatives.map((i) => [i.title, i.progress])).toEqual([['Incremental cache', 0]]);
    expect(view.milestones.map((m) => [m.id, m.initiativeTitle])).toEqual([
      [adaMilestone.id, 'Incremental cache'],
      [helping.id, 'Remote execution'],
    ]);
    expect(view.polish.map((p) => p.id)).toEqual([open.id, done.id]);
    expect(view.notes.map((n) => n.id)).toEqual([note.id]);

    // Edits through the ordinary methods show on the next read.
    must(core, 'sprintGoals.update', { id: adas.id, outcome: 'done', outcomeNote: 'Hit rate 90%' });
    must(core, 'milestones.update', { id: adaMilestone.id, state: 'done' });
    const after = must(core, 'mySprint.view', {});
    expect(after.sprintGoals[0]).toMatchObject({ outcome: 'done', outcomeNote: 'Hit rate 90%' });
    expect(after.initiatives[0]!.progress).toBe(100);

    // The installation given to Bo shows Bo's part; a note belongs to whose installation wrote
    // it, so Ada's note written here now reads as Bo's.
    must(core, 'workspace.setMe', { personId: bo.id });
    const bos = must(core, 'mySprint.view', {});
    expect(bos.sprintGoals.map((g) => g.title)).toEqual(['Docs']);
    expect(bos.initiatives).toEqual([]);
    expect(bos.milestones.map((m) => m.title)).toEqual(['Scheduler']);
    expect(bos.polish.map((p) => p.title)).toEqual(['Not hers']);
    expect(bos.notes.map((n) => n.id)).toEqual([note.id]);
  });

  it('leaves out what was done before the sprint began, and counts it', async () => {
    const { core, at } = await clockedCore('2026-11-01T12:00:00Z');
    const { ada, goal, cache, remote, sprint } = seed(core);
    expect(sprint.startDate).toBe('2026-11-09');
    const old = must(core, 'initiatives.create', { goalId: goal.id, title: 'Old', ownerIds: [ada.id] });
    const oldLeftOver = must(core, 'milestones.create', { initiativeId: old.id, title: 'Left over' });
    const oldDone = must(core, 'milestones.create', { initiativeId: old.id, title: 'Shipped' });
    const early = must(core, 'milestones.create', { initiativeId: cache.id, title: 'Early' });
    const late = must(core, 'milestones.create', { initiativeId: cache.id, title: 'Late' });
    const helped = must(core, 'milestones.create', {
      initiativeId: remote.id,
      title: 'Helped',
      participantIds: [ada.id],
    });
    must(core, 'workspace.setMe', { personId: ada.id });

    at('2026-11-08T22:00:00Z'); // the day before the sprint's first (UTC, it has no meeting zone)
    must(core, 'milestones.update', { id: oldDone.id, state: 'done' });
    must(core, 'milestones.update', { id: early.id, state: 'done' });
    must(core, 'milestones.update', { id: helped.id, state: 'done' });
    must(core, 'initiatives.update', { id: old.id, state: 'done' });
    at('2026-11-09T00:00:01Z');
    must(core, 'milestones.update', { id: late.id, state: 'done' });

    const view = must(core, 'mySprint.view', {});
    // Done before: left out. Done since the sprint began, or not done (even of a done initiative): shown.
    expect(view.initiatives.map((i) => i.title)).toEqual(['Incremental cache']);
    expect(view.milestones.map((m) => m.title)).toEqual(['Late', 'Left over']);
    expect(view.milestones.find((m) => m.id === oldLeftOver.id)?.initiativeTitle).toBe('Old');
    expect(view.doneBefore).toEqual({ initiatives: 1, milestones: 3 });

    // Reopened, it shows again; marked done again now, it stays (done within the sprint).
    at('2026-11-10T09:00:00Z');
    must(core, 'milestones.update', { id: early.id, state: 'in progress' });
    expect(must(core, 'mySprint.view', {}).milestones.map((m) => m.title)).toEqual([
      'Early',
      'Late',
      'Left over',
    ]);
    must(core, 'milestones.update', { id: early.id, state: 'done' });
    const again = must(core, 'mySprint.view', {});
    expect(again.milestones.map((m) => m.title)).toEqual(['Early', 'Late', 'Left over']);
    expect(again.doneBefore).toEqual({ initiatives: 1, milestones: 2 });
  });

  it('with no sprint active, leaves out everything done', async () => {
    const { core } = await clockedCore();
    const ada = must(core, 'people.create', { name: 'Ada', handle: 'ada', timeZone: 'Europe/Berlin' });
    const goal = must(core, 'goals.create', { title: 'Faster builds', ownerIds: [ada.id] });
    const done = must(core, 'initiatives.create', { goalId: goal.id, title: 'Done', ownerIds: [ada.id] });
    must(core, 'initiatives.create', { goalId: goal.id, title: 'Going', ownerIds: [ada.id] });
    must(core, 'milestones.create', { initiativeId: done.id, title: 'Shipped', state: 'done' });
    must(core, 'initiatives.update', { id: done.id, state: 'done' });
    must(core, 'workspace.setMe', { personId: ada.id });

    const view = must(core, 'mySprint.view', {});
    expect(view.sprint).toBeNull();
    expect(view.initiatives.map((i) => i.title)).toEqual(['Going']);
    expect(view.milestones).toEqual([]);
    expect(view.doneBefore).toEqual({ initiatives: 1, milestones: 1 });
  });
});
