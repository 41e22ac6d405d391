/**
 * An answer as the UTF-8 bytes of its JSON, as browser mode's HTTP host sends it: made in the
 * worker that answered (`callAsJson`), or beside the core when no worker made it.
 */
import type { Result } from '../../shared/result.ts';

const encoder = new TextEncoder();

/**
 * The bytes of `result`'s JSON, in a buffer of their own (a worker transfers it). An answer JSON
 * can't carry becomes an internal error, never a thrown exception (in a worker: a dead worker).
 */
export function answerAsJson(result: Result<unknown>): Uint8Array<ArrayBuffer> {
  try {
    return encoder.encode(JSON.stringify(result));
  } catch (error) {
    const message = `The answer could not be sent: ${error instanceof Error ? error.message : String(error)}`;
    return encoder.encode(
      JSON.stringify({ ok: false, error: { code: 'internal', message } } satisfies Result<unknown>),
    );
  }
}
