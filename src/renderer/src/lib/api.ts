/**
 * The renderer's one typed API client. In the desktop app it goes through the preload's
 * `window.fortnight` bridge; in browser mode it posts to `/api/<method>` on the same origin.
 * It never throws: a transport failure comes back as an `internal` error Result.
 */
import type { Input, MethodName, Output } from '../../../shared/contract.ts';
import type { ApiError, Result } from '../../../shared/result.ts';

function failure(message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code: 'internal', message } };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
  );
}

/**
 * The last answer to each method the host tagged (an `ETag`: the workspace's version and the
 * input), with the input it answered. Asked again with the same input, the host says 304 when
 * nothing changed since, and this answer is used again instead of fetching it whole.
 */
const tagged = new Map<string, { request: string; tag: string; result: Result<unknown> }>();

async function overHttp(method: string, input: unknown): Promise<Result<unknown>> {
  const request = JSON.stringify(input ?? {});
  const kept = tagged.get(method);
  const known = kept?.request === request ? kept : undefined;
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(known ? { 'if-none-match': known.tag } : {}) },
      body: request,
      credentials: 'same-origin',
    });
  } catch (error) {
    return failure(`Fortnight could not be reached (${describe(error)}). Is it still running?`);
  }
  if (response.status === 304 && known) return known.result;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure(`Fortnight answered ${method} with HTTP ${response.status} and no result.`);
  }
  if (!isResult(body)) {
    return failure(`Fortnight answered ${method} with HTTP ${response.status} and an unexpected body.`);
  }
  const tag = response.headers.get('etag');
  if (tag && body.ok) tagged.set(method, { request, tag, result: body });
  return body;
}

async function overBridge(method: string, input: unknown): Promise<Result<unknown>> {
  try {
    const result: unknown = await window.fortnight!.invoke(method, input ?? {});
    return isResult(result)
      ? result
      : failure(`The desktop app answered ${method} with an unexpected value.`);
  } catch (error) {
    return failure(`The desktop app could not run ${method}: ${describe(error)}`);
  }
}

const send = (method: string, input: unknown): Promise<Result<unknown>> =>
  window.fortnight ? overBridge(method, input) : overHttp(method, input);

/**
 * Calls on their way that a screen or a user waits for (every `call` and `callAhead`), each with
 * when it was sent, and how the polls learn that none holds them: the navigation's polls go after
 * a screen's reads, never holding one back, but not after a long call (a sync, an import).
 */
const onTheirWay = new Set<{ sent: number }>();
/** Wakes the polls waiting for the calls on their way. */
let wake: (() => void)[] = [];
/** How long a call holds the polls: one on its way for longer is a long one, and they go. */
const QUIET_WAIT_MS = 1000;

/** When the calls on their way stop holding the polls: now, or once the youngest is a second old. */
function quietAt(): number {
  let youngest = -Infinity;
  for (const { sent } of onTheirWay) youngest = Math.max(youngest, sent);
  return youngest + QUIET_WAIT_MS;
}

function awaited(answer: Promise<Result<unknown>>): Promise<Result<unknown>> {
  const entry = { sent: Date.now() };
  onTheirWay.add(entry);
  return answer.finally(() => {
    onTheirWay.delete(entry);
    if (quietAt() > Date.now()) return;
    const waiting = wake;
    wake = [];
    for (const go of waiting) go();
  });
}

/**
 * Reads asked for before the code that needs them has loaded (a screen's data on its first
 * showing, while its files load and compile), by method. The next call of that method takes the
 * answer if it asks for the same input, and drops it either way: an early answer is used once,
 * straight away, or never.
 */
const ahead = new Map<string, { request: string; answer: Promise<Result<unknown>> }>();

/** Starts a read now, for the next `call` of its method. */
export function callAhead<M extends MethodName>(method: M, input: Input<M>): void {
  if (!ahead.has(method))
    ahead.set(method, { request: JSON.stringify(input ?? {}), answer: awaited(send(method, input)) });
}

/** Calls a contract method; always resolves, to the method's result or to an error. */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
  const early = ahead.get(method);
  ahead.delete(method);
  const answer = early?.request === JSON.stringify(input ?? {}) ? early.answer : awaited(send(method, input));
  return (await answer) as Result<Output<M>>;
}

/**
 * A poll's read (the navigation's version, sync status and review count): sent once the calls on
 * their way have answered, so a screen's own reads never wait behind it; a call on its way for
 * more than a second (a sync, an import) holds it no longer, so the status goes on showing.
 */
export async function callWhenQuiet<M extends MethodName>(
  method: M,
  input: Input<M>,
): Promise<Result<Output<M>>> {
  const wait = quietAt() - Date.now();
  if (wait > 0)
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, wait);
      wake.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  return (await send(method, input)) as Result<Output<M>>;
}
