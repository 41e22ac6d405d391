/**
 * The retrospective patched with what each write answers is the view a fresh read gives: the
 * step can redraw after one call.
 */
import { describe, expect, it } from 'vitest';
import type { RetrospectiveView } from '../../src/shared/meeting-views.ts';
import {
  withActionItem,
  withNote,
  withSprintGoal,
  withoutActionItem,
  withoutNote,
} from '../../src/shared/retro-patch.ts';
import { must, seed, tempCore } from './helpers.ts';

describe('the retrospective patched after a write', () => {
  it('equals the view read again, for every write of the step', async () => {
    const core = await tempCore();
    const { ada, bo, goal, sprint } = seed(core);
    const build = must(core, 'sprintGoals.create', {
      sprintId: sprint.id,
      title: 'Cache hits',
      ownerId: ada.id,
    });
    must(core, 'sprintGoals.create', { sprintId: sprint.id, title: 'Docs', ownerId: bo.id, goalId: goal.id });
    const read = () => must(core, 'retrospective.view', { sprintId: sprint.id });
    let view: RetrospectiveView = read();
    const check = () => expect(view).toEqual(read());

    view = withSprintGoal(view, must(core, 'sprintGoals.update', { id: build.id, outcome: 'done' }));
    check();
    view = withSprintGoal(view, must(core, 'sprintGoals.update', { id: build.id, outcomeNote: 'All green' }));
    check();

    const first = must(core, 'retroNotes.create', {
      sprintId: sprint.id,
      column: 'went well',
      text: 'Fast CI',
    });
    view = withNote(view, first);
    const second = must(core, 'retroNotes.create', {
      sprintId: sprint.id,
      column: 'went well',
      text: 'Pairing',
    });
    view = withNote(view, second);
    view = withNote(
      view,
      must(core, 'retroNotes.create', { sprintId: sprint.id, column: 'kudos', text: 'Bo' }),
    );
    check();
    view = withNote(view, must(core, 'retroNotes.vote', { id: second.id, delta: 1 }));
    view = withNote(view, must(core, 'retroNotes.update', { id: first.id, text: 'Faster CI' }));
    check();
    must(core, 'retroNotes.delete', { id: first.id });
    view = withoutNote(view, first.id);
    check();

    const item = must(core, 'actionItems.create', {
      sprintId: sprint.id,
      text: 'Fix flaky test',
      ownerId: bo.id,
    });
    view = withActionItem(view, item);
    view = withActionItem(
      view,
      must(core, 'actionItems.create', { sprintId: sprint.id, text: 'Write docs' }),
    );
    check();
    view = withActionItem(view, must(core, 'actionItems.update', { id: item.id, status: 'done' }));
    check();
    must(core, 'actionItems.delete', { id: item.id });
    view = withoutActionItem(view, item.id);
    check();
  });

  it("keeps an earlier retrospective's action item in its place when it is marked done", async () => {
    const core = await tempCore();
    const { sprint } = seed(core);
    const earlier = must(core, 'actionItems.create', { sprintId: sprint.id, text: 'Rotate keys' });
    const next = must(core, 'sprints.createNext', {});
    must(core, 'sprints.closeActive', {});
    expect(must(core, 'workspace.info', {}).activeSprintId).toBe(next.id);
    const read = () => must(core, 'retrospective.view', { sprintId: next.id });
    let view = read();
    expect(view.earlierActionItems.map((i) => i.id)).toEqual([earlier.id]);
    view = withActionItem(view, must(core, 'actionItems.update', { id: earlier.id, status: 'done' }));
    expect(view).toEqual(read());
  });
});
