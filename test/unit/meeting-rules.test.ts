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

  it("opens on the active sprint, its meeting, the next sprint, the meeting before and the step's view, in one read", async () => {
    const empty = await tempCore();
    expect(must(empty, 'meeting.current', {})).toEqual({
      sprint: null,
      meeting: null,
      nextSprint: null,
      previous: null,
      step: null,
    });
    expect(refused(empty, 'meeting.current', { sprintId: 'x' }).message).toMatch(/sprintId/);

    const { core, world } = await meetingCore();
    expect(must(core, 'meeting.current', {})).toEqual({
      sprint: world.sprint,
      meeting: null,
      nextSprint: null,
      previous: null,
      step: null,
    });
    const meeting = must(core, 'meeting.start', { sprintId: world.sprint.id });
    expect(must(core, 'meeting.current', {}).step).toEqual({
      step: 'retrospective',
      view: must(core, 'retrospective.view', { sprintId: world.sprint.id }),
    });
    must(core, 'meeting.goTo', { id: meeting.id, step: 'plan' });
    expect(must(core, 'meeting.current', {}).step).toBeNull(); // no next sprint to plan yet
    const next = must(core, 'sprints.createNext', {});
    must(core, 'meeting.goTo', { id: meeting.id, step: 'plan' });
    const during = must(core, 'meeting.current', {});
    expect(during.sprint?.id).toBe(world.sprint.id);
    expect(during.meeting).toEqual(must(core, 'meeting.get', { sprintId: world.sprint.id }));
    expect(during.meeting?.step).toBe('plan');
    expect(during.nextSprint).toEqual(next);
    expect(during.previous).toBeNull();
    expect(during.step).toEqual({ step: 'plan', view: must(core, 'planning.view', { sprintId: next.id }) });

    const ended = must(core, 'meeting.end', { id: meeting.id });
    const after = must(core, 'meeting.current', {});
    expect(after.sprint?.id).toBe(next.id);
    expect(after.meeting).toBeNull();
    expect(after.nextSprint).toBeNull();
    expect(after.previous).toEqual({
      sprint: must(core, 'sprints.get', { id: world.sprint.id }),
      meeting: ended,
    });
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

describe('undo in the meeting', () => {
  it('takes back the last action, then the one before, skipping step moves', async () => {
    const { core, world } = await meetingCore();
    const { id } = must(core, 'meeting.start', { sprintId: world.sprint.id });
    const note = must(core, 'meeting.act', {
      id,
      method: 'retroNotes.create',
      input: { sprintId: world.sprint.id, column: 'went well', text: 'Cache landed' },
    }).value as { id: string };
    must(core, 'meeting.act', { id, method: 'retroNotes.vote', input: { id: note.id, delta: 1 } });
    must(core, 'meeting.goTo', { id, step: 'polish' });
    // The answer carries what the step on screen redraws from: the meeting and the polish view.
    const undone = must(core, 'meeting.undo', { id });
    expect(undone).toEqual({
      undone: 'retroNotes.vote',
      meeting: must(core, 'meeting.get', { sprintId: world.sprint.id }),
      redraw: { step: 'polish', view: must(core, 'polish.view', { sprintId: world.sprint.id }) },
    });
    expect(must(core, 'retroNotes.list', { sprintId: world.sprint.id })[0]!.votes).toBe(0);
    expect(must(core, 'meeting.get', { sprintId: world.sprint.id })!.step).toBe('polish');
    expect(must(core, 'meeting.undo', { id })).toMatchObject({ undone: 'retroNotes.create' });
    expect(must(core, 'retroNotes.list', { sprintId: world.sprint.id })).toEqual([]);
    expect(must(core, 'meeting.undo', { id })).toMatchObject({ undone: null });
  });

  it('restores an outcome and its note as they were', async () => {
    const { core, world } = await meetingCore();
    const goal = must(core, 'sprintGoals.create', {
      sprintId: world.sprint.id,
      title: 'Ship',
      outcome: 'partial',
      outcomeNote: 'half',
    });
    const { id } = must(core, 'meeting.start', { sprintId: world.sprint.id });
    must(core, 'meeting.act', {
      id,
      method: 'sprintGoals.update',
      input: { id: goal.id, outcome: 'done', outcomeNote: 'all of it' },
    });
    must(core, 'meeting.undo', { id });
    expect(must(core, 'sprintGoals.list', { sprintId: world.sprint.id })[0]).toMatchObject({
      outcome: 'partial',
      outcomeNote: 'half',
    });
  });

  it('brings back a deleted item with its links, and logs the undo as ordinary changes', async () => {
    const { core, world } = await meetingCore();
    const item = must(core, 'actionItems.create', {
      sprintId: world.sprint.id,
      text: 'Write the guide',
      ownerId: world.ada.id,
    });
    const { id } = must(core, 'meeting.start', { sprintId: world.sprint.id });
    must(core, 'meeting.act', { id, method: 'actionItems.delete', input: { id: item.id } });
    const seqBefore = (core.workspace.db.prepare('SELECT max(seq) AS s FROM changes').get() as { s: number })
      .s;
    must(core, 'meeting.undo', { id });
    expect(must(core, 'actionItems.list', {})).toEqual([item]);
    const logged = core.workspace.db
      .prepare('SELECT entity, field FROM changes WHERE seq > ?')
      .all(seqBefore);
    expect(logged).toContainEqual({ entity: 'actionItem', field: 'text' });
  });

  it('takes back a carry-over and polish marked done', async () => {
    const { core, world } = await meetingCore();
    const next = must(core, 'sprints.createNext', {});
    const goal = must(core, 'sprintGoals.create', {
      sprintId: world.sprint.id,
      title: 'Ship',
      outcome: 'missed',
    });
    const issue = must(core, 'polish.create', { title: 'Typo' });
    const { id } = must(core, 'meeting.start', { sprintId: world.sprint.id });
    must(core, 'meeting.act', {
      id,
      method: 'sprintGoals.carryOver',
      input: { id: goal.id, toSprintId: next.id },
    });
    must(core, 'meeting.act', { id, method: 'polish.update', input: { id: issue.id, status: 'done' } });
    must(core, 'meeting.undo', { id });
    expect(must(core, 'polish.list', {})[0]).toMatchObject({ status: 'open', doneSprintId: null });
    must(core, 'meeting.undo', { id });
    expect(must(core, 'sprintGoals.list', { sprintId: next.id })).toEqual([]);
  });

  it('does not reach back before the meeting started', async () => {
    const { core, world, advance } = await meetingCore();
    must(core, 'retroNotes.create', {
      sprintId: world.sprint.id,
      column: 'ideas',
      text: 'Before the meeting',
    });
    advance(60);
    const { id } = must(core, 'meeting.start', { sprintId: world.sprint.id });
    expect(must(core, 'meeting.undo', { id })).toMatchObject({ undone: null });
    expect(must(core, 'retroNotes.list', { sprintId: world.sprint.id })).toHaveLength(1);
  });

  it("never takes back an edit made elsewhere during the meeting: another screen's or the CLI's", async () => {
    const file = join(tempDir(), 'w.db');
    const { core, world } = await meetingCore(file);
    const { id } = must(core, 'meeting.start', { sprintId: world.sprint.id });
    must(core, 'meeting.act', {
      id,
      method: 'retroNotes.create',
      input: { sprintId: world.sprint.id, column: 'ideas', text: 'In the meeting' },
    });
    // The roadmap screen renames a goal; the CLI, on the same file, adds a polish issue.
    must(core, 'goals.update', { id: world.goal.id, title: 'Faster builds, everywhere' });
    const cli = await tempCore(file);
    must(cli, 'polish.create', { title: 'From the terminal' });
    expect(must(core, 'meeting.undo', { id })).toMatchObject({ undone: 'retroNotes.create' });
    expect(must(core, 'retroNotes.list', { sprintId: world.sprint.id })).toEqual([]);
    expect(must(core, 'goals.get', { id: world.goal.id }).title).toBe('Faster builds, everywhere');
    expect(must(core, 'polish.list', {}).map((p) => p.title)).toEqual(['From the terminal']);
    expect(must(core, 'meeting.undo', { id })).toMatchObject({ undone: null });
  });

  it("keeps each meeting's undo to its own actions", async () => {
    const { core, world } = await meetingCore();
    const first = must(core, 'meeting.start', { sprintId: world.sprint.id });
    must(core, 'meeting.act', {
      id: first.id,
      method: 'retroNotes.create',
      input: { sprintId: world.sprint.id, column: 'ideas', text: 'Sprint one' },
    });
    must(core, 'sprints.createNext', {});
    must(core, 'meeting.end', { id: first.id });
    const active = must(core, 'meeting.current', {}).sprint!;
    const second = must(core, 'meeting.start', { sprintId: active.id });
    expect(must(core, 'meeting.undo', { id: second.id })).toMatchObject({ undone: null, redraw: null });
    expect(must(core, 'retroNotes.list', { sprintId: world.sprint.id })).toHaveLength(1);
  });

  it('refuses an action of an ended meeting, or with bad input, naming the field and changing nothing', async () => {
    const { core, world } = await meetingCore();
    const { id } = must(core, 'meeting.start', { sprintId: world.sprint.id });
    const before = dump(core.workspace.db);
    expect(
      refused(core, 'meeting.act', { id, method: 'retroNotes.create', input: { sprintId: world.sprint.id } }),
    ).toMatchObject({ code: 'invalid_input', field: 'input.column' });
    expect(
      refused(core, 'meeting.act', { id, method: 'goals.delete', input: { id: world.goal.id } }),
    ).toMatchObject({ code: 'invalid_input', field: 'method' });
    expect(dump(core.workspace.db)).toBe(before);
    must(core, 'sprints.createNext', {});
    must(core, 'meeting.end', { id });
    expect(
      refused(core, 'meeting.act', {
        id,
        method: 'retroNotes.create',
        input: { sprintId: world.sprint.id, column: 'ideas', text: 'Late' },
      }),
    ).toMatchObject({ code: 'rule_violation', message: 'This meeting has ended' });
  });
});
