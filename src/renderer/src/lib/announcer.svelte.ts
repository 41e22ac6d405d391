/**
 * Polite announcements for screen readers (a row moved, an item was added), spoken through the
 * one live region <Announcer /> renders. The same text twice in a row is still announced.
 */
class Announcer {
  message = $state('');
  #timer: ReturnType<typeof setTimeout> | undefined;

  say(text: string): void {
    clearTimeout(this.#timer);
    this.message = '';
    // A changed text node is what a live region announces: clear, then set on the next task.
    this.#timer = setTimeout(() => (this.message = text), 30);
  }
}

export const announcer = new Announcer();
