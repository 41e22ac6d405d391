/**
 * What the meeting's step stores share: the step's view can start loading before the step is on
 * screen (as the Meeting screen opens), or arrive with the meeting's opening read, and the step
 * takes that load, or that view, when it mounts.
 */
export abstract class StepView {
  #preloaded: Promise<void> | null = null;

  /** Reads the step's view again. */
  abstract load(): Promise<void>;

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
