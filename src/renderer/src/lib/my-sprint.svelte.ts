/**
 * The "My sprint" page's data: one read (`mySprint.view`) for everything it shows, and every edit
 * through the contract's ordinary methods, after which the page reads its view again. Works
 * offline by construction: it is the local workspace.
 */
import type { Input, MethodName } from '../../../shared/contract.ts';
import type { MySprintView } from '../../../shared/my-sprint.ts';
import type { ApiError } from '../../../shared/result.ts';
import { call } from './api.ts';
import { reasonAtField } from './form.svelte.ts';
import { LatestLoad, WriteQueue } from './in-order.ts';
import { lock } from './lock.svelte.ts';
import { workspace } from './workspace.svelte.ts';

/** The methods the page writes with. */
type MySprintWrite =
  | 'sprintGoals.update'
  | 'initiatives.update'
  | 'milestones.update'
  | 'polish.update'
  | 'retroNotes.create'
  | 'retroNotes.update'
  | 'workspace.setMe';

class MySprint {
  view = $state.raw<MySprintView | null>(null);
  error = $state.raw<ApiError | null>(null);
  /** The last refusal of an edit, with what it was about (`about`: the control's id). */
  failure = $state.raw<{ about: string; error: ApiError } | null>(null);
  /** What the last edit did (a polite status line says it). */
  status = $state('');
  readonly #loads = new LatestLoad();
  readonly #writes = new WriteQueue();

  async load(): Promise<void> {
    await this.#loads.show(this, () => call('mySprint.view', {}));
  }

  /** Reads the view again after changes arrived from elsewhere, after this page's own writes. */
  refresh(): Promise<void> {
    return this.#writes.run(() => this.load());
  }

  /**
   * Writes one edit (`about`: the id of the control it came from, where a refusal shows) and reads
   * the view again; true when it was saved.
   */
  write<M extends MySprintWrite & MethodName>(
    method: M,
    input: Input<M>,
    label: string,
    about: string,
  ): Promise<boolean> {
    if (!lock.allows()) return Promise.resolve(false);
    return this.#writes.run(async () => {
      const result = await call(method, input);
      if (!result.ok) {
        this.failure = { about, error: result.error };
        this.status = '';
        return false;
      }
      this.failure = null;
      this.status = `Saved: ${label}.`;
      if (method === 'workspace.setMe') await workspace.refresh();
      await this.load();
      return true;
    });
  }

  /** The refusal of the edit made with control `about`, if the last one was refused. */
  refusal(about: string): string | null {
    return this.failure?.about === about ? reasonAtField(this.failure.error) : null;
  }
}

export const mySprint = new MySprint();
