/**
 * How open screens learn that the workspace changed elsewhere — a sync (this app's, or another
 * process's on the same file), the command line: one mechanism, the same in the desktop app and
 * in browser mode. While the window is visible the renderer asks the workspace's version (one
 * tiny read) every few seconds; when it has moved, each open screen that listens reads its view
 * again. A user who is typing is left alone: the news waits for the next idle moment (no text
 * field focused, or no key pressed for a few seconds).
 */
import { callWhenQuiet } from './api.ts';
import { isTextField } from './typing.ts';

const EVERY_MS = 2000;
const IDLE_AFTER_MS = 3000;

type Listener = () => unknown;

const listeners = new Set<Listener>();
let known: number | null = null;
/** A change seen and not yet told (the user was typing). */
let untold = false;
let lastKey = 0;

/** Calls `listener` each time changes have arrived; returns how to stop. */
export function onArrival(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const idle = (): boolean => !isTextField(document.activeElement) || Date.now() - lastKey >= IDLE_AFTER_MS;

async function check(): Promise<void> {
  if (document.visibilityState !== 'hidden') {
    const result = await callWhenQuiet('workspace.version', {});
    if (result.ok) {
      if (known !== null && result.value.version !== known) untold = true;
      known = result.value.version;
    }
  }
  if (untold && idle()) {
    untold = false;
    await Promise.all([...listeners].map((listener) => listener()));
  }
}

/** Starts watching (once, as the app opens); returns how to stop. */
export function watchWorkspace(): () => void {
  let checking = false;
  const tick = () => {
    if (checking) return;
    checking = true;
    void check().finally(() => (checking = false));
  };
  // The first read at once: the version the screens' first reads see is the one later ones compare with.
  tick();
  const timer = setInterval(tick, EVERY_MS);
  const onkeydown = () => (lastKey = Date.now());
  window.addEventListener('keydown', onkeydown, true);
  return () => {
    clearInterval(timer);
    window.removeEventListener('keydown', onkeydown, true);
  };
}
