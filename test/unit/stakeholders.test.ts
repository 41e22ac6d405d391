/** Stakeholders: people with the stakeholder role, what they follow, and the group's flags about them. */
import { describe, expect, it } from 'vitest';
import { updateDue } from '../../src/shared/stakeholder-views.ts';
import { must, refused, tempCore } from './helpers.ts';

describe('stakeholders', () => {
  it('have a team, a link and the goals and initiatives they follow, kept in the change log', async () => {
    const core = await tempCore();
    const goal = must(core, 'goals.create', { title: 'Faster builds' });
    const initiative = must(core, 'initiatives.create', { goalId: goal.id, title: 'Remote cache' });
    const sofia = must(core, 'people.create', {
      name: 'Sofia',
      roles: ['stakeholder'],
      team: '  Platform\n team ',
      link: 'https://example.org/sofia',
      followsGoalIds: [goal.id],
      followsInitiativeIds: [initiative.id],
    });
    expect(sofia).toMatchObject({ team: 'Platform team', followsGoalIds: [goal.id] });
    expect(refused(core, 'people.update', { id: sofia.id, link: 'javascript:alert(1)' })).toMatchObject({
      field: 'link',
    });
    expect(
      refused(core, 'people.update', { id: sofia.id, followsGoalIds: [crypto.randomUUID()] }),
    ).toMatchObject({ code: 'not_found', field: 'followsGoalIds.0' });
    // Deleting what a stakeholder follows unfollows it, logged on the stakeholder.
    must(core, 'initiatives.delete', { id: initiative.id });
    expect(must(core, 'people.get', { id: sofia.id }).followsInitiativeIds).toEqual([]);
    const history = must(core, 'history.list', { entity: 'person', id: sofia.id });
    // Newest first.
    expect(history.filter((c) => c.field === 'followsInitiativeIds').map((c) => c.value)).toEqual([
      [],
      [initiative.id],
    ]);
  });

  it('are counted against five to ten, and open initiatives nobody follows are listed', async () => {
    const core = await tempCore();
    const goal = must(core, 'goals.create', { title: 'Faster builds' });
    const other = must(core, 'goals.create', { title: 'Docs' });
    const cache = must(core, 'initiatives.create', { goalId: goal.id, title: 'Remote cache' });
    const guide = must(core, 'initiatives.create', { goalId: other.id, title: 'A guide' });
    must(core, 'initiatives.create', { goalId: other.id, title: 'Done already', state: 'done' });
    expect(must(core, 'stakeholders.overview', {})).toMatchObject({
      stakeholders: [],
      identify: 'Identify 5–10 stakeholders: the group has none yet.',
    });
    must(core, 'people.create', { name: 'Member' }); // a goal owner is not a stakeholder
    for (let i = 1; i <= 5; i++)
      must(core, 'people.create', {
        name: `Stakeholder ${i}`,
        roles: ['stakeholder'],
        ...(i === 1 ? { followsGoalIds: [goal.id] } : {}),
      });
    const five = must(core, 'stakeholders.overview', {});
    expect(five.identify).toBeNull();
    expect(five.stakeholders).toHaveLength(5);
    // The cache is followed through its goal; the guide by nobody; done work is not listed.
    expect(five.unfollowed.map((i) => i.id)).toEqual([guide.id]);
    expect(five.unfollowed.map((i) => i.id)).not.toContain(cache.id);
    for (let i = 6; i <= 11; i++)
      must(core, 'people.create', { name: `Stakeholder ${i}`, roles: ['stakeholder'] });
    expect(must(core, 'stakeholders.overview', {}).identify).toBe(
      'Identify 5–10 stakeholders: the group has 11, more than it can keep up with.',
    );
  });
});

describe('when the monthly update is due', () => {
  it('is the last meeting before the month ends: the one whose next meeting is in another month', () => {
    expect(updateDue('2026-03-17')).toEqual({ month: '2026-03', dueNow: false, dueOn: '2026-03-31' });
    expect(updateDue('2026-03-31')).toEqual({ month: '2026-03', dueNow: true, dueOn: '2026-03-31' });
    expect(updateDue('2026-02-03')).toEqual({ month: '2026-02', dueNow: false, dueOn: '2026-02-17' });
    expect(updateDue('2026-02-17').dueNow).toBe(true);
  });
});
