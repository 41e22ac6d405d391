import { describe, expect, it, vi } from 'vitest';
import type { SprintGoal } from '../../../src/shared/domain.ts';
import { MeetingSession } from '../../../src/renderer/src/lib/meeting.svelte.ts';
import { people } from '../../../src/renderer/src/lib/people.svelte.ts';
import { meetingWorkspace, settle } from './workspace.ts';

/** A session opened on the meeting, its retrospective read. */
async function opened() {
  const workspace = await meetingWorkspace();
  const session = new MeetingSession();
  await session.load();
  await session.retro.load();
  const outcomeShown = (goal: SprintGoal) =>
    session.retro.view?.goalsByOwner.flatMap((o) => o.goals).find((g) => g.id === goal.id)?.outcome;
  const outcomeStored = async (goal: SprintGoal) =>
    workspace
      .must(await workspace.core.call('sprintGoals.list', { sprintId: goal.sprintId }))
      .find((g) => g.id === goal.id)?.outcome;
  /** The calls an action made, in order. */
  const callsOf = async (action: () => Promise<unknown>) => {
    const before = workspace.calls.length;
    await action();
    return workspace.calls.slice(before);
  };
  return { ...workspace, session, outcomeShown, outcomeStored, callsOf };
}

describe('the meeting stores', () => {
  it('write meeting actions one at a time, in the order they were asked for', async () => {
    const { session, goals, calls, hold, outcomeShown, outcomeStored } = await opened();
    const held = hold('meeting.act');
    const first = session.retro.setOutcome(goals.cache, 'done');
    const answer = await held;
    const second = session.retro.setOutcome(goals.cache, 'missed');
    await settle();
    // The second write waits for the first one's answer before it is even sent.
    expect(calls.filter((m) => m === 'meeting.act')).toHaveLength(1);
    expect(session.pending).toBe(1);
    await answer.release();
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(await outcomeStored(goals.cache)).toBe('missed');
    expect(outcomeShown(goals.cache)).toBe('missed');
    expect(session.pending).toBe(0);
    expect(session.status).toBe('Saved: “Ship the cache” is missed.');
  });

  it('keep writing after a refused action, and keep the refusal for the alert', async () => {
    const { session, goals, outcomeStored } = await opened();
    const refused = session.retro.setOutcome({ ...goals.cache, id: 'no-such-goal' }, 'done');
    const next = session.retro.setOutcome(goals.docs, 'partial');
    expect(await refused).toBe(false);
    expect(await next).toBe(true);
    expect(await outcomeStored(goals.docs)).toBe('partial');
    expect(session.failure).toBeNull();
  });

  it('undo takes back the last action, says which, and shows the step as it is now', async () => {
    const { session, goals, outcomeShown, outcomeStored } = await opened();
    await session.retro.setOutcome(goals.cache, 'done');
    await session.retro.setOutcome(goals.docs, 'dropped');
    await session.undo();
    expect(session.status).toBe('Undone: “Write the docs” is dropped.');
    expect(session.statusKind).toBe('undone');
    expect(await outcomeStored(goals.docs)).toBeNull();
    expect(outcomeShown(goals.docs)).toBeNull();
    expect(outcomeShown(goals.cache)).toBe('done');
    await session.undo();
    expect(await outcomeStored(goals.cache)).toBeNull();
    // An action from before this window opened is named by what it was.
    await session.undo();
    expect(session.status).toBe('Undone: the new sprint goal.');
    await session.undo();
    await session.undo();
    expect(session.status).toBe('Nothing left to undo.');
  });

  it('undo waits for the writes asked for before it', async () => {
    const { session, goals, hold, outcomeStored } = await opened();
    const held = hold('meeting.act');
    const write = session.retro.setOutcome(goals.cache, 'done');
    const answer = await held;
    const undo = session.undo();
    await answer.release();
    await write;
    await undo;
    expect(await outcomeStored(goals.cache)).toBeNull();
    expect(session.status).toBe('Undone: “Ship the cache” is done.');
  });

  it('show the latest load when an older answer arrives after a newer one', async () => {
    const { session, goals, core, must, hold, outcomeShown } = await opened();
    const held = hold('retrospective.view');
    const older = session.retro.load();
    const answer = await held; // read before the change below
    must(await core.call('sprintGoals.update', { id: goals.cache.id, outcome: 'partial' }));
    await session.retro.load();
    expect(outcomeShown(goals.cache)).toBe('partial');
    await answer.release();
    await older;
    expect(outcomeShown(goals.cache)).toBe('partial');
  });

  it('take one call per meeting action: the step redraws from what the write answered', async () => {
    const { session, goals, callsOf, world } = await opened();
    await people.load();
    await session.polish.load();
    const retro = session.retro;
    const polish = session.polish;
    const one = ['meeting.act'];
    const notes = () => retro.view!.notes['went well'];
    const items = () => retro.view!.actionItems;
    const issues = () => polish.view!.issues;

    expect(await callsOf(() => retro.setOutcome(goals.cache, 'done'))).toEqual(one);
    expect(await callsOf(() => retro.setOutcomeNote(goals.cache, 'All of it'))).toEqual(one);
    expect(await callsOf(() => retro.addNote('went well', 'Pairing'))).toEqual(one);
    expect(notes().map((n) => n.text)).toEqual(['Pairing']);
    expect(await callsOf(() => retro.editNote(notes()[0]!, 'Pairing, daily'))).toEqual(one);
    expect(await callsOf(() => retro.vote(notes()[0]!, 1))).toEqual(one);
    expect(notes()[0]).toMatchObject({ text: 'Pairing, daily', votes: 1 });
    expect(await callsOf(() => retro.deleteNote(notes()[0]!))).toEqual(one);
    expect(notes()).toEqual([]);
    expect(await callsOf(() => retro.addActionItem('Book review time', world.bo.id))).toEqual(one);
    expect(await callsOf(() => retro.setActionStatus(items()[0]!, 'done'))).toEqual(one);
    expect(items()[0]).toMatchObject({ text: 'Book review time', status: 'done' });
    expect(await callsOf(() => retro.deleteActionItem(items()[0]!))).toEqual(one);
    expect(items()).toEqual([]);
    // What the redraws showed is what a fresh read shows.
    const shownRetro = retro.view;
    await retro.load();
    expect(retro.view).toEqual(shownRetro);

    expect(await callsOf(() => polish.add({ title: 'Flaky test', assigneeId: world.ada.id }))).toEqual(one);
    expect(issues().map((i) => i.title)).toEqual(['Flaky test']);
    expect(await callsOf(() => polish.reassign(issues()[0]!, world.bo.id, 'Bo'))).toEqual(one);
    expect(issues()[0]!.assigneeId).toBe(world.bo.id);
    expect(await callsOf(() => polish.markDone(issues()[0]!))).toEqual(one);
    expect(issues()).toEqual([]);
    expect(polish.view!.tally.find((t) => t.personId === world.bo.id)?.count).toBe(1);
    const shownPolish = polish.view;
    await polish.load();
    expect(polish.view).toEqual(shownPolish);
  });

  it('take one call per plan action and per undo: each answer carries the view to redraw', async () => {
    const { session, goals, callsOf, world, core, must } = await opened();
    const plan = session.plan;
    const one = ['meeting.act'];
    await session.retro.setOutcome(goals.cache, 'partial');
    await session.goTo('plan');
    await plan.show();
    await vi.waitFor(() => expect(plan.roadmap).not.toBeNull(), { timeout: 15_000 });
    const owner = (id: string) => plan.view!.owners.find((o) => o.personId === id);
    /** What a fresh read of the step shows equals what the answers drew. */
    const freshPlan = async () => {
      const shown = plan.view;
      expect(shown).not.toBeNull();
      await plan.load();
      expect(plan.view).toEqual(shown);
    };

    expect(await callsOf(() => plan.carryOver(goals.cache))).toEqual(one);
    expect(plan.view!.carryOverCandidates).toEqual([]);
    expect(plan.view!.sprintGoals.map((g) => g.title)).toEqual(['Ship the cache']);
    expect(
      await callsOf(() => plan.addGoal({ title: 'Docs site', ownerId: world.bo.id, estimate: 3 })),
    ).toEqual(one);
    expect(await callsOf(() => plan.setCapacity(world.bo.id, 2, 'Bo'))).toEqual(one);
    expect(owner(world.bo.id)).toMatchObject({ capacity: 2, totalEstimate: 3, overCapacity: true });
    expect(await callsOf(() => plan.setCapacity(world.bo.id, 4, 'Bo'))).toEqual(one);
    expect(owner(world.bo.id)).toMatchObject({ capacity: 4, overCapacity: false });
    await freshPlan();
    const added = plan.view!.sprintGoals.find((g) => g.title === 'Docs site')!;
    expect(await callsOf(() => plan.removeGoal(added))).toEqual(one);
    expect(plan.view!.sprintGoals.map((g) => g.title)).toEqual(['Ship the cache']);
    expect(owner(world.bo.id)).toMatchObject({ totalEstimate: 0, sprintGoalIds: [] });
    await freshPlan();
    // A refused write changes nothing on screen, and is still one call.
    const before = plan.view;
    expect(await callsOf(() => plan.removeGoal({ ...added, id: 'no-such-goal' }))).toEqual(one);
    expect(plan.view).toBe(before);

    // Undo: one call; its answer redraws the step on screen and the meeting.
    expect(await callsOf(() => session.undo())).toEqual(['meeting.undo']);
    expect(session.status).toBe('Undone: removing sprint goal “Docs site”.');
    expect(plan.view!.sprintGoals.map((g) => g.title)).toEqual(['Ship the cache', 'Docs site']);
    await freshPlan();
    expect(await callsOf(() => session.undo())).toEqual(['meeting.undo']);
    expect(owner(world.bo.id)?.capacity).toBe(2);
    await freshPlan();
    expect(session.meeting).toEqual(must(await core.call('meeting.get', { sprintId: world.sprint.id })));

    await session.goTo('retrospective');
    await session.retro.show();
    expect(await callsOf(() => session.undo())).toEqual(['meeting.undo']);
    const shownRetro = session.retro.view;
    await session.retro.load();
    expect(session.retro.view).toEqual(shownRetro);

    // The wrap-up's summary comes with the undo too.
    await session.goTo('wrap-up');
    expect(await callsOf(() => session.undo())).toEqual(['meeting.undo']);
    expect(session.status).toBe('Undone: sprint goal “Docs site”.');
    expect(session.wrapUp.view).toEqual(
      must(await core.call('sprints.summary', { sprintId: world.sprint.id })),
    );
  });
});
