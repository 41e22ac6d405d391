/**
 * The meeting after changes arrived from elsewhere (a sync): `session.refresh()` shows them, the
 * step follows the meeting's saved step and says so, and a write on its way is never crossed.
 * The other installation's edits are written straight into the same workspace, as a sync does.
 */
import { describe, expect, it } from 'vitest';
import { MeetingSession } from '../../../src/renderer/src/lib/meeting.svelte.ts';
import { meetingWorkspace, settle } from './workspace.ts';

async function opened() {
  const workspace = await meetingWorkspace();
  const session = new MeetingSession();
  await session.load();
  await session.retro.load();
  const elsewhere = async (method: string, input: Record<string, unknown>) =>
    workspace.must(await workspace.core.call(method as never, input as never));
  return { ...workspace, session, elsewhere };
}

describe('the meeting when changes arrive', () => {
  it('redraws the step with them, and stays on the step when it is the same', async () => {
    const { session, goals, elsewhere } = await opened();
    await elsewhere('sprintGoals.update', { id: goals.docs.id, outcome: 'partial' });
    await session.refresh();
    const docs = session.retro.view?.goalsByOwner.flatMap((o) => o.goals).find((g) => g.id === goals.docs.id);
    expect(docs?.outcome).toBe('partial');
    expect(session.step).toBe('retrospective');
    expect(session.status).toBe('');
  });

  it("follows the facilitator's step and says so, with that step's view in the same read", async () => {
    const { session, meeting, elsewhere, calls, core, must } = await opened();
    await elsewhere('meeting.goTo', { id: meeting.id, step: 'polish' });
    await session.refresh();
    expect(session.step).toBe('polish');
    expect(session.status).toBe('The facilitator moved to Polish.');
    const read = calls.length;
    await session.polish.show(); // the step coming on screen
    expect(calls.length).toBe(read);
    expect(session.polish.view).toEqual(must(await core.call('polish.view', { sprintId: meeting.sprintId })));
  });

  it("opens on the step's view in the meeting's one read", async () => {
    const { session, calls, core, must, meeting } = await opened();
    const fresh = new MeetingSession();
    const before = calls.length;
    await fresh.load();
    await fresh.retro.show(); // the step coming on screen
    expect(calls.slice(before).filter((c) => c !== 'workspace.info')).toEqual(['meeting.current']);
    expect(fresh.retro.view).toEqual(session.retro.view);
    expect(fresh.retro.view).toEqual(
      must(await core.call('retrospective.view', { sprintId: meeting.sprintId })),
    );
  });

  it('waits for a write on its way, so the write and the read never cross', async () => {
    const { session, goals, calls, hold } = await opened();
    const held = hold('meeting.act');
    const written = session.retro.setOutcome(goals.cache, 'done');
    const answer = await held;
    const refreshed = session.refresh();
    await settle();
    expect(calls.at(-1)).toBe('meeting.act'); // the read waits
    await answer.release();
    await written;
    await refreshed;
    expect(calls.slice(-2)).toEqual(['meeting.act', 'meeting.current']); // the view came with it
    const cache = session.retro.view?.goalsByOwner
      .flatMap((o) => o.goals)
      .find((g) => g.id === goals.cache.id);
    expect(cache?.outcome).toBe('done');
  });

  it("doesn't undo a step move of this window that a read asked for before it", async () => {
    const { session, meeting, hold, elsewhere } = await opened();
    await elsewhere('meeting.goTo', { id: meeting.id, step: 'plan' });
    const held = hold('meeting.current');
    const refreshed = session.refresh();
    const answer = await held; // the read has the meeting at 'plan'…
    await session.goTo('wrap-up'); // …and this window moves on before it arrives
    await answer.release();
    await refreshed;
    expect(session.step).toBe('wrap-up');
    expect(session.status).not.toMatch(/moved to Plan/); // the stale read was dropped, not shown
  });
});
