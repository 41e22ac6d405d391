/**
 * The sprint meeting as the renderer drives it: the sprint being reviewed, its meeting (step,
 * attendees, timeboxes — all saved in the database, so a reload resumes), the next sprint, and
 * the one way every meeting action is written (`act`): in order, one at a time, with what it did
 * said in a polite status line and a refusal kept as an alert. Undo takes back the last action
 * and redraws the step on screen from its answer: one call, as every action.
 */
import type { Input, MeetingAction, Output } from '../../../shared/contract.ts';
import type { Attendee, Meeting, MeetingStep, Sprint } from '../../../shared/domain.ts';
import type { StepRedraw } from '../../../shared/meeting-views.ts';
import type { ApiError } from '../../../shared/result.ts';
import { call } from './api.ts';
import { WriteQueue } from './in-order.ts';
import { lock } from './lock.svelte.ts';
import { PlanStore } from './meeting-plan.svelte.ts';
import { PolishStore } from './meeting-polish.svelte.ts';
import { RetroStore } from './meeting-retro.svelte.ts';
import { STEP_LABELS, describeUndone } from './meeting-words.svelte.ts';
import { WrapUpStore } from './meeting-wrap-up.svelte.ts';
import { workspace } from './workspace.svelte.ts';

export type Timeboxes = Record<MeetingStep, number | null>;

export const DEFAULT_TIMEBOXES: Timeboxes = { retrospective: 20, polish: 10, plan: 20, 'wrap-up': 5 };

/**
 * A refusal of a meeting action's own input, named as the action's forms name their fields
 * (`title`, where `meeting.act` says `input.title`).
 */
function ownFields(error: ApiError): ApiError {
  if (!error.field?.startsWith('input.')) return error;
  return {
    ...error,
    field: error.field.slice('input.'.length),
    message: error.message.replace(/^input\./, ''),
  };
}

export class MeetingSession {
  /** The sprint under review: the active sprint (or, just after closing, the one closed). */
  sprint = $state.raw<Sprint | null>(null);
  meeting = $state.raw<Meeting | null>(null);
  /** The sprint being planned (number + 1), once it exists. */
  nextSprint = $state.raw<Sprint | null>(null);
  /** The meeting of the sprint before, when it was held: its record and its timeboxes. */
  previous = $state.raw<{ sprint: Sprint; meeting: Meeting } | null>(null);
  loaded = $state(false);
  loadError = $state.raw<ApiError | null>(null);
  /** What the last action did, or what was undone (a polite live region shows it). */
  status = $state('');
  /** What kind of news the status is: a save, an undo, or anything else. */
  statusKind = $state<'saved' | 'undone' | 'info'>('info');
  /** The last refusal of a meeting action (an alert shows it). */
  failure = $state.raw<ApiError | null>(null);
  /** Set while the session writes, so the screen can say "Saving…". */
  pending = $state(0);

  readonly retro: RetroStore = new RetroStore(this);
  readonly polish: PolishStore = new PolishStore(this);
  readonly plan: PlanStore = new PlanStore(this);
  readonly wrapUp: WrapUpStore = new WrapUpStore(this);

  readonly step: MeetingStep = $derived(this.meeting?.step ?? 'retrospective');

  /** Labels of this window's actions, newest last, to say precisely what an undo took back. */
  #done: { method: string; label: string }[] = [];
  /** Writes run one after the other, in the order they were asked for. */
  readonly #writes = new WriteQueue();
  #ensuring: Promise<Sprint | null> | null = null;
  /** Counts this window's step moves, so a read asked before one doesn't undo it. */
  #moves = 0;
  #opening: Promise<void> | null = null;

  async load(): Promise<void> {
    const [, current] = await Promise.all([workspace.refresh(), call('meeting.current', {})]);
    if (!current.ok) {
      this.loadError = current.error;
      this.loaded = true;
      return;
    }
    const { sprint, meeting, nextSprint, previous, step } = current.value;
    this.loadError = null;
    this.sprint = sprint;
    this.nextSprint = nextSprint;
    this.meeting = meeting;
    this.previous = previous;
    this.loaded = true;
    // The step's view came with the meeting (else it is asked for now, not once the step's part
    // of the screen is on it).
    if (step) this.#arrive(step);
    else if (meeting && !meeting.endedAt) this.#store(meeting.step).preload();
  }

  /**
   * Opens the Meeting screen: called as it is navigated to, so its data loads while its file does;
   * a second call while that load is on its way joins it.
   */
  open(): Promise<void> {
    return (this.#opening ??= this.leaveEnded().finally(() => (this.#opening = null)));
  }

  /**
   * Reads the meeting and its step's view again after changes arrived from elsewhere (a sync):
   * the step follows the meeting's saved step — the facilitator's — and says so in the status
   * line; a meeting closed elsewhere shows as closed. It waits for this window's writes on their
   * way, so a write's answer and a read never cross.
   */
  refresh(): Promise<void> {
    return this.#writes.run(async () => {
      const before = this.meeting;
      if (!this.loaded || before?.endedAt) return;
      const moves = this.#moves;
      const current = await call('meeting.current', {});
      if (!current.ok || moves !== this.#moves) return;
      const { sprint, meeting, nextSprint, previous, step } = current.value;
      if (before && meeting?.id !== before.id) {
        await this.#endedElsewhere(before);
        return;
      }
      this.sprint = sprint;
      this.nextSprint = nextSprint;
      this.previous = previous;
      this.meeting = meeting;
      if (!meeting) return;
      if (before && meeting.step !== before.step) {
        // Said in the meeting's status line (a polite live region); the step's part of the
        // screen shows the view that came with the meeting as it comes on screen.
        this.say(`The facilitator moved to ${STEP_LABELS[meeting.step]}.`);
        if (step) this.#arrive(step);
        return;
      }
      if (step) this.#draw(step);
    });
  }

  #store(step: MeetingStep): RetroStore | PolishStore | PlanStore | WrapUpStore {
    if (step === 'retrospective') return this.retro;
    if (step === 'polish') return this.polish;
    if (step === 'plan') return this.plan;
    return this.wrapUp;
  }

  /** A step's view that came with the meeting: shown, and taken by the step as it mounts. */
  #arrive(step: StepRedraw): void {
    this.#draw(step);
    this.#store(step.step).arrived();
  }

  /** Shows a step's view as an answer carried it (the meeting's read, an undo). */
  #draw(redraw: StepRedraw): void {
    if (redraw.step === 'retrospective') this.retro.redraw(redraw.view);
    else if (redraw.step === 'polish') this.polish.redraw(redraw.view);
    else if (redraw.step === 'plan') this.plan.redraw(redraw.view);
    else this.wrapUp.redraw(redraw.view);
  }

  /** Forgets a closed meeting so the screen offers the next sprint's. */
  async leaveEnded(): Promise<void> {
    if (this.meeting?.endedAt) {
      this.meeting = null;
      this.wrapUp.view = null;
      this.#done = [];
      this.status = '';
    }
    await this.load();
  }

  say(message: string, kind: 'saved' | 'undone' | 'info' = 'info'): void {
    this.status = message;
    this.statusKind = kind;
  }

  /**
   * Writes one meeting action, recorded with the meeting so that its undo can take it back. On
   * success remembers `label` for undo and says it, and answers the method's result (and the
   * view of step `redraw`, when named); on a refusal keeps the error for the alert and returns null.
   */
  act<M extends MeetingAction>(
    method: M,
    input: Input<M>,
    label: string,
    redraw?: MeetingStep,
  ): Promise<{ value: Output<M>; redraw: StepRedraw | null } | null> {
    return this.#writes.run(async () => {
      const meeting = this.meeting;
      if (!meeting) return null;
      this.pending++;
      try {
        const result = await call('meeting.act', {
          id: meeting.id,
          method,
          input: input as Record<string, unknown>,
          ...(redraw ? { redraw } : {}),
        });
        if (!result.ok) {
          this.failure = ownFields(result.error);
          this.status = '';
          return null;
        }
        this.failure = null;
        this.#done.push({ method, label });
        if (this.#done.length > 200) this.#done.shift();
        this.say(`Saved: ${label}.`, 'saved');
        return { value: result.value.value as Output<M>, redraw: result.value.redraw };
      } finally {
        this.pending--;
      }
    });
  }

  /** Creates the next sprint when it doesn't exist yet (its dates follow from this one). */
  ensureNextSprint(): Promise<Sprint | null> {
    if (this.nextSprint) return Promise.resolve(this.nextSprint);
    // One at a time: two steps asking at once must not create two sprints.
    this.#ensuring ??= this.#createNextSprint().finally(() => (this.#ensuring = null));
    return this.#ensuring;
  }

  async #createNextSprint(): Promise<Sprint | null> {
    const sprint = this.sprint;
    if (!sprint) return null;
    const found = await call('sprints.byNumber', { number: sprint.number + 1 });
    if (found.ok && found.value) return (this.nextSprint = found.value);
    if (lock.reason) {
      this.failure = { code: 'read_only', message: lock.reason };
      return null;
    }
    const created = await call('sprints.createNext', {});
    if (!created.ok) {
      this.failure = created.error;
      return null;
    }
    return (this.nextSprint = created.value);
  }

  /** Starts the meeting of the active sprint; the next sprint is created first, outside undo's reach. */
  async start(attendeeIds: string[], timeboxes: Timeboxes): Promise<ApiError | null> {
    if (!this.sprint) return null;
    if (!(await this.ensureNextSprint()) && this.failure) return this.failure;
    const result = await call('meeting.start', { sprintId: this.sprint.id, attendeeIds, timeboxes });
    if (!result.ok) return result.error;
    this.meeting = result.value;
    this.#done = [];
    this.failure = null;
    this.say(`The meeting of sprint ${this.sprint.number} has started.`);
    return null;
  }

  async goTo(step: MeetingStep): Promise<void> {
    const meeting = this.meeting;
    if (!meeting || meeting.endedAt || step === meeting.step) return;
    this.#moves++;
    // Move at once; the saved step follows (a refusal puts it back).
    const now = Date.now();
    const elapsed = Math.max(0, (now - Date.parse(meeting.stepStartedAt)) / 1000);
    this.meeting = {
      ...meeting,
      step,
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, not state
      stepStartedAt: new Date(now).toISOString(),
      secondsSpent: { ...meeting.secondsSpent, [meeting.step]: meeting.secondsSpent[meeting.step] + elapsed },
    };
    // A read-only workspace can't save the step: the steps are still there to be read.
    if (lock.locked) return;
    const result = await call('meeting.goTo', { id: meeting.id, step });
    if (result.ok) {
      this.meeting = result.value;
    } else {
      this.meeting = meeting;
      this.failure = result.error;
    }
  }

  async setAttendees(attendees: Attendee[], label: string): Promise<void> {
    if (!this.meeting) return;
    const updated = await this.act('meeting.update', { id: this.meeting.id, attendees }, label);
    if (updated) this.meeting = updated.value;
  }

  async setTimebox(step: MeetingStep, minutes: number | null): Promise<void> {
    if (!this.meeting) return;
    const label = minutes
      ? `${STEP_LABELS[step]} timebox ${minutes} min`
      : `no timebox for ${STEP_LABELS[step]}`;
    const updated = await this.act(
      'meeting.update',
      { id: this.meeting.id, timeboxes: { [step]: minutes } },
      label,
    );
    if (updated) this.meeting = updated.value;
  }

  /** Takes back the meeting's last action and shows the step as the undo's answer has it. */
  async undo(): Promise<void> {
    const meeting = this.meeting;
    if (!meeting || meeting.endedAt) return;
    const result = await this.#writes.run(() => call('meeting.undo', { id: meeting.id }));
    if (!result.ok) {
      this.failure = result.error;
      return;
    }
    this.failure = null;
    const { undone: method, meeting: now, redraw } = result.value;
    if (!method) {
      this.say('Nothing left to undo.');
      return;
    }
    const index = this.#done.findLastIndex((a) => a.method === method);
    const label = index >= 0 ? this.#done.splice(index, 1)[0]!.label : describeUndone(method);
    this.say(`Undone: ${label}.`, 'undone');
    this.meeting = now;
    if (redraw) this.#draw(redraw);
  }

  /** Ends the meeting: the sprint closes and the next becomes active. */
  async end(): Promise<ApiError | null> {
    const meeting = this.meeting;
    if (!meeting) return null;
    const result = await this.#writes.run(() => call('meeting.end', { id: meeting.id }));
    if (!result.ok) return (await this.#endedElsewhere(meeting)) ? null : result.error;
    this.meeting = result.value;
    this.say(`The meeting has ended: sprint ${this.sprint?.number} is closed.`);
    await workspace.refresh();
    return null;
  }

  /**
   * Whether `meeting` was closed from elsewhere (another window, another computer's synced
   * close); if so, this window shows its record, as if closed here, and says so.
   */
  async #endedElsewhere(meeting: Meeting): Promise<boolean> {
    const now = await call('meeting.get', { sprintId: meeting.sprintId });
    if (!now.ok || !now.value?.endedAt) return false;
    this.meeting = now.value;
    this.say(`The meeting was closed elsewhere: sprint ${this.sprint?.number} is closed.`);
    await workspace.refresh();
    return true;
  }
}

export const session = new MeetingSession();
