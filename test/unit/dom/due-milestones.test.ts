/**
 * The plan step's milestones due, mounted in jsdom: an overdue one says so in words (not only in
 * colour), with the sprint it was due in; one due in the sprint being planned says that.
 */
import { describe, expect, it } from 'vitest';
import DueMilestones from '../../../src/renderer/src/screens/meeting/plan/DueMilestones.svelte';
import type { DueMilestone } from '../../../src/shared/meeting-views.ts';
import { show } from './shown.ts';

const milestone = (title: string, targetSprintNumber: number): DueMilestone => ({
  id: title,
  title,
  state: 'in progress',
  participantIds: [],
  initiativeId: 'i',
  initiativeTitle: 'Incremental cache',
  goalId: 'g',
  goalTitle: 'Faster builds',
  targetSprintId: `s${targetSprintNumber}`,
  targetSprintNumber,
});

describe('milestones due', () => {
  it('says which are overdue, and since which sprint, in words', () => {
    show(DueMilestones, {
      milestones: [milestone('Local cache', 94), milestone('Remote cache', 261)],
      sprintNumber: 261,
    });
    const rows = [...document.querySelectorAll('li')].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Local cache');
    expect(rows[0]).toContain('overdue: due in sprint 94');
    expect(rows[1]).toContain('Remote cache');
    expect(rows[1]).toContain('due this sprint');
    expect(rows[1]).not.toContain('overdue');
  });
});
