/**
 * A real workspace behind the renderer under test: `window.fortnight` (the desktop app's bridge)
 * answers from a Core on a SQLite file in a temp folder. A test can hold a method's answers back
 * and let them go in the order it chooses, to see what the stores make of answers that cross.
 */
import type { Core } from '../../../src/main/api/core.ts';
import type { SprintGoal } from '../../../src/shared/domain.ts';
import { seed, tempCore } from '../helpers.ts';

interface Held {
  method: string;
  /** Lets the answer through, and waits until the caller has it. */
  release(): Promise<void>;
}

export interface Bridge {
  core: Core;
  /** The methods called through the bridge, in the order they were called. */
  calls: string[];
  /** Holds back the answer of the next call of `method` (the call itself runs at once). */
  hold(method: string): Promise<Held>;
}

/** Lets every pending promise callback run (a resolved answer reaching its caller, and its `then`s). */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

export async function bridge(): Promise<Bridge> {
  const core = await tempCore();
  const calls: string[] = [];
  const waiting = new Map<string, ((held: Held) => void)[]>();
  window.fortnight = {
    async invoke(method, input) {
      calls.push(method);
      const result = await core.call(method as never, input as never);
      const holder = waiting.get(method)?.shift();
      if (!holder) return result;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      holder({
        method,
        release: async () => {
          release();
          await settle();
        },
      });
      await gate;
      return result;
    },
    on: () => () => undefined,
  };
  return {
    core,
    calls,
    hold: (method) =>
      new Promise<Held>((resolve) => waiting.set(method, [...(waiting.get(method) ?? []), resolve])),
  };
}

/** A seeded workspace whose active sprint has a meeting under way and two sprint goals. */
export async function meetingWorkspace() {
  const b = await bridge();
  const world = seed(b.core);
  const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const meeting = must(await b.core.call('meeting.start', { sprintId: world.sprint.id }));
  // Added as the meeting's actions, before the session under test opened.
  const addGoal = async (title: string, ownerId: string) =>
    must(
      await b.core.call('meeting.act', {
        id: meeting.id,
        method: 'sprintGoals.create',
        input: { sprintId: world.sprint.id, title, ownerId },
      }),
    ).value as SprintGoal;
  const cache = await addGoal('Ship the cache', world.ada.id);
  const docs = await addGoal('Write the docs', world.bo.id);
  return { ...b, world, meeting, goals: { cache, docs }, must };
}
