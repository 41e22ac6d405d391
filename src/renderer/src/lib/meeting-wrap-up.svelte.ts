/**
 * The wrap-up step: the sprint summary as it will read, read afresh each time the step opens (or
 * carried by the meeting's opening read, or by an undo).
 */
import type { SprintSummary } from '../../../shared/meeting-views.ts';
import type { ApiError } from '../../../shared/result.ts';
import { call } from './api.ts';
import { LatestLoad } from './in-order.ts';
import type { MeetingSession } from './meeting.svelte.ts';
import { StepView } from './step-view.ts';

export class WrapUpStore extends StepView {
  readonly #session: MeetingSession;
  view = $state.raw<SprintSummary | null>(null);
  error = $state.raw<ApiError | null>(null);
  readonly #loads = new LatestLoad();

  constructor(session: MeetingSession) {
    super();
    this.#session = session;
  }

  async load(): Promise<void> {
    const sprintId = this.#session.sprint?.id;
    if (!sprintId) return;
    this.view = null; // an earlier visit's: the summary changes with every edit
    await this.#loads.show(this, () => call('sprints.summary', { sprintId }));
  }

  /** Shows the summary as an answer carried it; loads on their way would show an older one. */
  redraw(view: SprintSummary): void {
    this.#loads.invalidate();
    this.view = view;
    this.error = null;
  }
}
