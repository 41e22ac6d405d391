/** The polish step's read: the tally rule, and the open issues, tally and chart through the API. */
import { describe, expect, it } from 'vitest';
import { tallyPolish } from '../../src/main/services/polish-tally.ts';
import { must, refused, seed, tempCore } from './helpers.ts';

describe('the polish tally rule', () => {
  const people = [
    { id: 'a', name: 'Ada', goalOwner: true },
    { id: 'b', name: 'bo', goalOwner: true },
    { id: 'c', name: 'Cy', goalOwner: false },
    { id: 'd', name: 'Di', goalOwner: false },
  ];

  it('lists every goal owner, with 0 made explicit, and others only when they did polish', () => {
    expect(tallyPolish({ c: 2, a: 1 }, people)).toEqual([
      { personId: 'c', count: 2, goalOwner: false },
      { personId: 'a', count: 1, goalOwner: true },
      { personId: 'b', count: 0, goalOwner: true },
    ]);
    expect(tallyPolish({}, people).map((t) => [t.personId, t.count])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
  });
});

describe('polish.view', () => {
  async function polishWorld() {
    const core = await tempCore();
    const { ada, bo, goal, sprint: one } = seed(core);
    const cy = must(core, 'people.create', { name: 'Cy', roles: ['stakeholder'] });
    const done = (assigneeId: string | null) =>
      must(core, 'polish.create', { title: 'Done', assigneeId, status: 'done' });
    done(ada.id);
    done(ada.id);
    done(cy.id);
    done(null);
    must(core, 'sprints.closeActive', {});
    const two = must(core, 'sprints.list', {})[1]!;
    done(bo.id);
    const open = must(core, 'polish.create', { title: 'Open', goalId: goal.id });
    const working = must(core, 'polish.create', {
      title: 'Working',
      assigneeId: bo.id,
      status: 'in progress',
    });
    must(core, 'polish.create', { title: 'Not worth it', status: "won't fix" });
    return { core, ada, bo, cy, one, two, open, working };
  }

  it("tallies the sprint's polish per person, with the goal owner who did none at 0", async () => {
    const { core, ada, bo, cy, one } = await polishWorld();
    const view = must(core, 'polish.view', { sprintId: one.id });
    expect(view.tally).toEqual([
      { personId: ada.id, count: 2, goalOwner: true },
      { personId: cy.id, count: 1, goalOwner: false },
      { personId: bo.id, count: 0, goalOwner: true },
    ]);
    expect(view.unassigned).toBe(1);
  });

  it('lists open and in-progress polish only, oldest first', async () => {
    const { core, two, open, working } = await polishWorld();
    expect(must(core, 'polish.view', { sprintId: two.id }).issues.map((i) => i.id)).toEqual([
      open.id,
      working.id,
    ]);
  });

  it('charts polish done per sprint, stacked by person, over the last sprints up to this one', async () => {
    const { core, ada, bo, cy, one, two } = await polishWorld();
    must(core, 'sprints.createNext', {}); // a later sprint: never in the chart of an earlier one
    const chart = must(core, 'polish.view', { sprintId: two.id }).chart;
    expect(chart).toEqual([
      { sprintId: one.id, sprintNumber: 1, byPerson: { [ada.id]: 2, [cy.id]: 1 }, unassigned: 1 },
      { sprintId: two.id, sprintNumber: 2, byPerson: { [bo.id]: 1 }, unassigned: 0 },
    ]);
    expect(
      must(core, 'polish.view', { sprintId: two.id, lastSprints: 1 }).chart.map((b) => b.sprintNumber),
    ).toEqual([2]);
    expect(refused(core, 'polish.view', { sprintId: two.id, lastSprints: 53 })).toMatchObject({
      field: 'lastSprints',
    });
    expect(refused(core, 'polish.view', { sprintId: two.id, lastSprints: 0 })).toMatchObject({
      field: 'lastSprints',
    });
  });

  it('charts a sprint with no polish as an empty bar', async () => {
    const core = await tempCore();
    const { sprint } = seed(core);
    expect(must(core, 'polish.view', { sprintId: sprint.id }).chart).toEqual([
      { sprintId: sprint.id, sprintNumber: 1, byPerson: {}, unassigned: 0 },
    ]);
  });
});
