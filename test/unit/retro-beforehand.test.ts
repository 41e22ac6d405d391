/**
 * The retrospective marks the outcomes, outcome notes and notes entered before the meeting — on
 * another installation, or here before it started — with whose installation entered them, and
 * those entered at the meeting on another installation as such: two real workspace files exchange
 * their changes, as two owners' machines do through a sync.
 */
import { describe, expect, it } from 'vitest';
import { adopt, workspaceId } from '../../src/main/sync/log.ts';
import { withNote, withSprintGoal } from '../../src/shared/retro-patch.ts';
import { must, seed } from './helpers.ts';
import { replica, send, syncAll } from './sync-helpers.ts';

describe('what was entered before the meeting', () => {
  it("is marked with the owner who entered it, and a value written at the meeting isn't", async () => {
    // Ada prepares on her machine; the facilitator (Bo) runs the meeting on his, hours later.
    const owner = await replica('owner', '2026-11-20T09:00:00.000Z');
    const facilitator = await replica('facilitator', '2026-11-20T15:00:00.000Z');
    const { ada, bo, sprint } = seed(owner.core);
    const cacheHits = must(owner.core, 'sprintGoals.create', {
      sprintId: sprint.id,
      title: 'Cache hits',
      ownerId: ada.id,
    });
    const docs = must(owner.core, 'sprintGoals.create', {
      sprintId: sprint.id,
      title: 'Docs',
      ownerId: ada.id,
    });
    const other = must(owner.core, 'sprintGoals.create', {
      sprintId: sprint.id,
      title: 'CI',
      ownerId: bo.id,
    });
    adopt(facilitator.core.workspace, workspaceId(owner.core.workspace));
    send(owner, facilitator);
    must(owner.core, 'workspace.setMe', { personId: ada.id });
    must(facilitator.core, 'workspace.setMe', { personId: bo.id });

    owner.tick(60_000);
    must(owner.core, 'sprintGoals.update', { id: cacheHits.id, outcome: 'done', outcomeNote: '90% hits' });
    must(owner.core, 'sprintGoals.update', { id: docs.id, outcome: 'partial' });
    const note = must(owner.core, 'retroNotes.create', { sprintId: sprint.id, column: 'kudos', text: 'Bo' });
    // The facilitator writes a note of his own before the meeting starts.
    const own = must(facilitator.core, 'retroNotes.create', {
      sprintId: sprint.id,
      column: 'ideas',
      text: 'Shorter standups',
    });
    syncAll([owner, facilitator]);

    facilitator.tick(60_000);
    must(facilitator.core, 'meeting.start', { sprintId: sprint.id });
    facilitator.tick(1000);
    const read = () => must(facilitator.core, 'retrospective.view', { sprintId: sprint.id });
    const view = read();
    const ownerReplica = owner.core.workspace.replicaId;
    const byAda = (field: string) => ({
      field,
      personId: ada.id,
      replicaId: ownerReplica,
      atTheMeeting: false,
    });
    expect(view.beforehand[cacheHits.id]).toMatchObject([byAda('outcome'), byAda('outcomeNote')]);
    expect(view.beforehand[docs.id]).toMatchObject([byAda('outcome')]);
    expect(view.beforehand[note.id]).toMatchObject([byAda('text')]);
    expect(view.beforehand[own.id]).toMatchObject([
      { field: 'text', personId: bo.id, replicaId: facilitator.core.workspace.replicaId },
    ]);
    expect(view.beforehand[other.id]).toBeUndefined(); // no outcome entered
    expect(view.beforehand[cacheHits.id]![0]!.at).toBe('2026-11-20T09:01:00.000Z');

    // At the meeting, the facilitator changes Docs' outcome and edits Ada's note: those values
    // are the meeting's now. The patched view is the view read again.
    let patched = withSprintGoal(
      view,
      must(facilitator.core, 'sprintGoals.update', { id: docs.id, outcome: 'done' }),
    );
    patched = withNote(patched, must(facilitator.core, 'retroNotes.update', { id: note.id, text: 'Bo!' }));
    patched = withNote(patched, must(facilitator.core, 'retroNotes.vote', { id: own.id, delta: 1 }));
    const after = read();
    expect(after.beforehand[docs.id]).toBeUndefined();
    expect(after.beforehand[note.id]).toBeUndefined();
    expect(after.beforehand[own.id]).toHaveLength(1); // a vote isn't a new text
    expect(patched).toEqual(after);

    // The owner's machine sees the same marks once the meeting's edits reach it.
    syncAll([owner, facilitator]);
    const there = must(owner.core, 'retrospective.view', { sprintId: sprint.id });
    expect(there.beforehand[cacheHits.id]).toMatchObject([byAda('outcome'), byAda('outcomeNote')]);
    // Docs' outcome is marked there as the facilitator's, entered at the meeting rather than before it.
    expect(there.beforehand[docs.id]).toMatchObject([
      { field: 'outcome', replicaId: facilitator.core.workspace.replicaId, atTheMeeting: true },
    ]);
  });
});
