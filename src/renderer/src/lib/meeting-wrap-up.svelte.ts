/**
 * The wrap-up step: the sprint summary as it will read, read afresh each time the step opens (or
 * carried by the meeting's opening read, or by an undo).
 */
import type { SprintSummary } from '../../../shared/meeting-views.ts';
import { call } from './api.ts';
import { StepView } from './step-view.svelte.ts';

export class WrapUpStore extends StepView<SprintSummary> {
  async load(): Promise<void> {
    const sprintId = this.session.sprint?.id;
    if (!sprintId) return;
    this.view = null; // an earlier visit's: the summary changes with every edit
    await this.loads.show(this, () => call('sprints.summary', { sprintId }));
  }
}
