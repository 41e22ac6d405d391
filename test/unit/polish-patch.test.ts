/**
 * The polish step patched with what each write answers is the view a fresh read gives: the step
 * can redraw after one call.
 */
import { describe, expect, it } from 'vitest';
import type { PolishIssue } from '../../src/shared/domain.ts';
import type { PolishView } from '../../src/shared/meeting-views.ts';
import { withPolish } from '../../src/shared/polish-patch.ts';
import { must, seed, tempCore } from './helpers.ts';

describe('the polish step patched after a write', () => {
  it('equals the view read again, for every write of the step', async () => {
    const core = await tempCore();
    const { ada, bo, goal, sprint } = seed(core);
    must(core, 'people.update', { id: bo.id, roles: ['goal owner'] });
    const cy = must(core, 'people.create', { name: 'Cy', handle: 'cy', timeZone: 'UTC' });
    const next = must(core, 'sprints.createNext', {});
    const everyone = () =>
      must(core, 'people.list', {}).map((p) => ({
        id: p.id,
        name: p.name,
        goalOwner: p.roles.includes('goal owner'),
      }));
    const read = () => must(core, 'polish.view', { sprintId: sprint.id, lastSprints: 8 });
    let view: PolishView = read();
    const check = () => expect(view).toEqual(read());
    const add = (input: Parameters<typeof must<'polish.create'>>[2]) => {
      const issue = must(core, 'polish.create', input);
      view = withPolish(view, null, issue, everyone());
      return issue;
    };
    const change = (before: PolishIssue, patch: Omit<Parameters<typeof must<'polish.update'>>[2], 'id'>) => {
      const issue = must(core, 'polish.update', { id: before.id, ...patch });
      view = withPolish(view, before, issue, everyone());
      return issue;
    };

    const flaky = add({ title: 'Flaky test', goalId: goal.id, assigneeId: ada.id });
    const typo = add({ title: 'Typo in docs' });
    const slow = add({ title: 'Slow start', assigneeId: cy.id });
    add({ title: 'Done already', assigneeId: bo.id, status: 'done' });
    check();
    const flakyDone = change(flaky, { status: 'done' });
    check();
    change(typo, { assigneeId: cy.id });
    check();
    const slowTaken = change(slow, { plannedSprintId: next.id });
    check();
    change(slowTaken, { status: "won't fix" });
    check();
    // A done issue given to someone else moves in the tally; reopened, it leaves it.
    const moved = change(flakyDone, { assigneeId: cy.id });
    check();
    change(moved, { status: 'open' });
    check();
    expect(view.tally.map((t) => t.personId)).toContain(bo.id);
  });
});
