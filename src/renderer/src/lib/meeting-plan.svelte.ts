/**
 * The plan step: the next sprint (created when it doesn't exist yet), carry-over of unfinished
 * sprint goals, new sprint goals, per-owner capacity and the checks on each owner's plan, and
 * the milestones due. Every change is one meeting action, one call: its answer carries the plan
 * as the write left it.
 */
import type { Input, MeetingAction } from '../../../shared/contract.ts';
import type { Roadmap, SprintGoal } from '../../../shared/domain.ts';
import type { PlanningView } from '../../../shared/meeting-views.ts';
import type { ApiError } from '../../../shared/result.ts';
import { call } from './api.ts';
import { quote } from './meeting-words.svelte.ts';
import { StepView } from './step-view.svelte.ts';

export class PlanStore extends StepView<PlanningView> {
  /** Goals, initiatives and milestones to link a new sprint goal to. */
  roadmap = $state.raw<Roadmap | null>(null);
  #pickers: Promise<void> | null = null;
  /** New sprint goals whose write is on its way: shown in their owner's plan, as saving, meanwhile. */
  adding = $state<{ key: number; text: string; ownerId: string | null }[]>([]);
  #addingKeys = 0;

  /** The sprint goals of the next sprint by id. */
  readonly goalsById: Readonly<Record<string, SprintGoal>> = $derived(
    Object.fromEntries((this.view?.sprintGoals ?? []).map((g) => [g.id, g])),
  );

  async load(): Promise<void> {
    const latest = this.loads.begin();
    const next = await this.session.ensureNextSprint();
    if (!next) {
      this.error = this.session.failure;
      return;
    }
    if (this.view && this.view.sprint.id !== next.id) this.view = null; // another sprint's
    this.#loadPickers();
    const view = await call('planning.view', { sprintId: next.id });
    if (!latest()) return;
    if (view.ok) {
      this.view = view.value;
      this.error = null;
    } else {
      this.error = view.error;
    }
  }

  /** Shows the plan as a write or an undo answered it; loads on their way would show an older one. */
  override redraw(view: PlanningView): void {
    super.redraw(view);
    this.#loadPickers();
  }

  /**
   * The roadmap only fills the new sprint goal's pickers: the step shows without waiting for it.
   * Read once; asked again while the read is on its way, joins it.
   */
  #loadPickers(): void {
    if (this.roadmap || this.#pickers) return;
    this.#pickers = call('roadmap.view', {}).then((roadmap) => {
      if (roadmap.ok) this.roadmap = roadmap.value;
      this.#pickers = null;
    });
  }

  /**
   * Writes one action of the plan step; its answer carries the plan as the write left it, so the
   * step redraws from it: one call. Null when the write was refused.
   */
  async #act<M extends MeetingAction>(method: M, input: Input<M>, label: string) {
    const done = await this.session.act(method, input, label, 'plan');
    if (done?.redraw?.step === 'plan') this.redraw(done.redraw.view);
    return done;
  }

  async carryOver(goal: SprintGoal): Promise<boolean> {
    const next = this.view?.sprint;
    if (!next) return false;
    const done = await this.#act(
      'sprintGoals.carryOver',
      { id: goal.id, toSprintId: next.id },
      `${quote(goal.title)} carried over to sprint ${next.number}`,
    );
    return done !== null;
  }

  async addGoal(input: Omit<Input<'sprintGoals.create'>, 'sprintId'>): Promise<ApiError | null> {
    const next = this.view?.sprint;
    if (!next) return null;
    const adding = { key: this.#addingKeys++, text: input.title, ownerId: input.ownerId ?? null };
    this.adding = [...this.adding, adding];
    try {
      const done = await this.#act(
        'sprintGoals.create',
        { ...input, sprintId: next.id },
        `sprint goal ${quote(input.title)}`,
      );
      return done ? null : this.session.failure;
    } finally {
      this.adding = this.adding.filter((goal) => goal.key !== adding.key);
    }
  }

  async removeGoal(goal: SprintGoal): Promise<boolean> {
    const done = await this.#act(
      'sprintGoals.delete',
      { id: goal.id },
      `removing sprint goal ${quote(goal.title)}`,
    );
    return done !== null;
  }

  async setCapacity(personId: string, days: number, name: string): Promise<boolean> {
    const next = this.view?.sprint;
    if (!next) return false;
    const done = await this.#act(
      'capacities.set',
      { sprintId: next.id, personId, days },
      `${name} has ${days} days in sprint ${next.number}`,
    );
    return done !== null;
  }
}
