/**
 * What the meeting's step stores share: the step's view and the error of its last load, the
 * loads where the latest wins, and the redraw from a view an answer carried (a write's, an
 * undo's, the meeting's opening read). The view can start loading before the step is on screen
 * (as the Meeting screen opens), or arrive with the meeting's opening read, and the step takes
 * that load, or that view, when it mounts.
 */
import type { ApiError } from '../../../shared/result.ts';
import { LatestLoad } from './in-order.ts';
import type { MeetingSession } from './meeting.svelte.ts';

export abstract class StepView<V> {
  protected readonly session: MeetingSession;
  view = $state.raw<V | null>(null);
  error = $state.raw<ApiError | null>(null);
  protected readonly loads = new LatestLoad();
  #preloaded: Promise<void> | null = null;

  constructor(session: MeetingSession) {
    this.session = session;
  }

  /** Reads the step's view again. */
  abstract load(): Promise<void>;

  /** Shows the view an answer carried; loads on their way would show an older one. */
  redraw(view: V): void {
    this.loads.invalidate();
    this.view = view;
    this.error = null;
  }

  /** Starts loading the view before the step is on screen. */
  preload(): void {
    this.#preloaded = this.load();
  }

  /**
   * The view came with another answer (the meeting's read) and is shown: the step takes it as it
   * mounts, without reading it again.
   */
  arrived(): void {
    this.#preloaded = Promise.resolve();
  }

  /** Loads the view as the step comes on screen, or takes the load already started for it. */
  show(): Promise<void> {
    const preloaded = this.#preloaded;
    this.#preloaded = null;
    return preloaded ?? this.load();
  }
}
