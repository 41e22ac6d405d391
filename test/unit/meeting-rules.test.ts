import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dump, must, refused, seed, tempCore, tempDir } from './helpers.ts';

/** A workspace whose clock the test moves by hand. */
async function meetingCore(file?: string) {
  const core = await tempCore(file);
  let now = new Date('2026-11-17T15:00:00Z');
  core.workspace.now = () => now;
  const advance = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };
  return { core, advance, world: seed(core) };
}

describe('the meeting', () => {
  it('starts on the retrospective with goal owners pre-listed and those named present', async () => {
    const { core, world } = await meetingCore();
    const meeting = must(core, 'meeting.start', {
      sprintId: world.sprint.id,
      attendeeIds: [world.ada.id],
      timeboxes: { retrospective: 20 },
    });
    expect(meeting.step).toBe('retrospective');
    expect(meeting.attendees).toEqual([
      { personId: world.ada.id, present: true },
      { personId: world.bo.id, present: false },
    ]);
    expect(meeting.timeboxes).toEqual({ retrospective: 20, polish: null, plan: null, 'wrap-up': null });
  });

  it('resumes the same meeting at the same step after the app is reopened', async () => {
    const file = join(tempDir(), 'w.db');
    const { core, world } = await meetingCore(file);
    const meeting = must(core, 'meeting.start', { sprintId: world.sprint.id });
    must(core, 'meeting.goTo', { id: meeting.id, step: 'plan' });
    core.close();
    const reopened = await tempCore(file);
    expect(must(reopened, 'meeting.get', { sprintId: world.sprint.id })).toMatchObject({
      id: meeting.id,
      step: 'plan',
    });
    expect(must(reopened, 'meeting.start', { sprintId: world.sprint.id }).id).toBe(meeting.id);
  });

  it('adds up the time spent per step, going back and forth freely', async () => {
    const { core, advance, world } = await meetingCore();
    const { id } = must(core, 'meeting.start', { sprintId: world.sprint.id });
    advance(600);
    must(core, 'meeting.goTo', { id, step: 'polish' });
    advance(120);
    must(core, 'meeting.goTo', { id, step: 'retrospective' });
    advance(60);
    must(core, 'meeting.goTo', { id, step: 'plan' });
    advance(300);
    const ended = must(core, 'meeting.end', { id });
    expect(ended.secondsSpent).toEqual({ retrospective: 660, polish: 120, plan: 300, 'wrap-up': 0 });
    expect(ended.endedAt).toBe('2026-11-17T15:18:00.000Z');
  });

  it('closes the ending sprint when it ends, leaving exactly one active sprint', async () => {
    const { core, world } = await meetingCore();
    const { id } = must(core, 'meeting.start', { sprintId: world.sprint.id });
    must(core, 'meeting.end', { id });
    const sprints = must(core, 'sprints.list', {});
    expect(sprints.map((s) => [s.number, s.status])).toEqual([
      [1, 'closed'],
      [2, 'active'],
    ]);
    const before = dump(core.workspace.db);
    expect(refused(core, 'meeting.goTo', { id, step: 'polish' }).message).toMatch(/ended/);
    expect(refused(core, 'meeting.start', { sprintId: world.sprint.id }).message).toMatch(/ended/);
    expect(dump(core.workspace.db)).toBe(before);
  });

  it('starts only for the active sprint', async () => {
    const { core } = await meetingCore();
    const planned = must(core, 'sprints.createNext', {});
    expect(refused(core, 'meeting.start', { sprintId: planned.id })).toMatchObject({
      code: 'rule_violation',
      field: 'sprintId',
    });
  });

  it('updates attendance and timeboxes as they change', async () => {
    const { core, world } = await meetingCore();
    const { id } = must(core, 'meeting.start', { sprintId: world.sprint.id });
    const updated = must(core, 'meeting.update', {
      id,
      attendees: [{ personId: world.bo.id, present: true }],
      timeboxes: { polish: 10 },
    });
    expect(updated.attendees).toEqual([{ personId: world.bo.id, present: true }]);
    expect(updated.timeboxes.polish).toBe(10);
    expect(refused(core, 'meeting.update', { id, timeboxes: { polish: 0 } }).field).toBe('timeboxes.polish');
  });
});
