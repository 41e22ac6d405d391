/**
 * Runs `then` once the browser has painted what the page holds now: in the task after the next
 * frame (a frame's callbacks run before its painting), or after `fallbackMs` when no frame comes
 * (a hidden window draws none). Gives a function that cancels it.
 */
export function afterPaint(then: () => void, fallbackMs = 100): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    cancel();
    then();
  };
  const frame = requestAnimationFrame(() => {
    clearTimeout(timer);
    timer = setTimeout(run, 0);
  });
  timer = setTimeout(run, fallbackMs);
  function cancel() {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  }
  return cancel;
}
