import { describe, expect, it } from 'vitest';
import type { SprintGoal } from '../../../src/shared/domain.ts';
import { MeetingSession } from '../../../src/renderer/src/lib/meeting.svelte.ts';
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
  return { ...workspace, session, outcomeShown, outcomeStored };
}

describe('the meeting stores', () => {
  it('write meeting actions one at a time, in the order they were asked for', async () => {
    const { session, goals, calls, hold, outcomeShown, outcomeStored } = await opened();
    const held = hold('sprintGoals.update');
    const first = session.retro.setOutcome(goals.cache, 'done');
    const answer = await held;
    const second = session.retro.setOutcome(goals.cache, 'missed');
    await settle();
    // The second write waits for the first one's answer before it is even sent.
    expect(calls.filter((m) => m === 'sprintGoals.update')).toHaveLength(1);
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
  });

  it('undo waits for the writes asked for before it', async () => {
    const { session, goals, hold, outcomeStored } = await opened();
    const held = hold('sprintGoals.update');
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
});
