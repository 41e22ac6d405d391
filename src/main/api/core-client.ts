/**
 * The core off the caller's thread, as every door uses it: a writer worker owns the workspace
 * (migrations, every write, one at a time) and a reader worker answers reads on a read-only
 * connection beside it, so a long write (a roadmap import) never holds up a read, nor the
 * door's own thread (the desktop app's window, browser mode's HTTP server).
 *
 * A read asked while a write is still running sees the workspace as it was before that write
 * (the write hasn't answered yet); a read asked after a write answered sees it.
 *
 * A method that replaces the workspace's file (a restore) runs alone: the reader lets go of the
 * file first (after the reads under way), the writer closes its connection, swaps the file and
 * reopens it, then the reader opens the new file; calls asked meanwhile wait for it. No
 * connection to the old file is left open.
 *
 * A worker that dies (an uncaught error, out of memory) answers the calls it still owed with why;
 * the next call starts a new one on the same file, so a door keeps working. A write cut short by
 * the death was never committed. A worker that can't start again is tried again on the first call
 * RETRY_AFTER_MS later; the calls meanwhile are answered at once with why, without starting a
 * worker each. An in-memory workspace dies with its writer: it isn't started again, and every
 * later call says why.
 */
import { Worker } from 'node:worker_threads';
import { contract, isMethodName, type MethodName, type Output } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';
import { answerAsJson } from './answer-json.ts';
import type { WorkerMessage, WorkerSetup, WorkerStarted } from './core-worker.ts';

/** How long a worker that could not start again is left before the next try. */
const RETRY_AFTER_MS = 5_000;

export interface CoreClient {
  call<M extends MethodName>(method: M, input: unknown): Promise<Result<Output<M>>>;
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /**
   * The same answer as `call`, as the UTF-8 bytes of its JSON, encoded in the worker that answered:
   * for a door that sends the answer on as it is (browser mode's HTTP host). The answer crosses
   * to the caller's thread as one transferred buffer instead of a copied object graph, and the
   * caller's thread does no JSON work: a 200 KB list costs it no garbage to collect.
   */
  callAsJson(method: string, input: unknown): Promise<Uint8Array>;
  /**
   * The workspace's version as a read asked now would see it: `<file>.<change>`, the number of
   * file swaps (restores) this client has made, then the change log's last sequence number
   * (`changeLogVersion`). A restored file has a change log of its own, whose numbers may come
   * back to where the replaced one's were: the swap count keeps its versions apart. Answered
   * after the reads asked before it, before those asked after it.
   */
  version(): Promise<string>;
  /**
   * Waits for the calls under way, then closes the workspace. With `within`, waits at most that
   * long, then stops the workers: a write cut short is a transaction never committed.
   */
  close(options?: { within?: number }): Promise<void>;
}

/**
 * The worker's script. From the sources (Node's type stripping, vitest) it is the `.ts` file
 * beside this one; a bundle (the desktop app's `out/main`) passes its own built file.
 */
const SOURCE_WORKER = new URL('./core-worker.ts', import.meta.url);

/** A core that could not start; `damaged` when SQLite can't read the workspace file. */
export class CoreStartError extends Error {
  readonly damaged: boolean;
  constructor(message: string, damaged: boolean) {
    super(message);
    this.damaged = damaged;
  }
}

export async function startCore(file: string, workerFile: string | URL = SOURCE_WORKER): Promise<CoreClient> {
  const writing = startWorker(workerFile, { file, role: 'writer' });
  // An in-memory workspace lives in its writer's connection only: it answers reads too. Else the
  // reader loads its code meanwhile, and opens the file once the writer has migrated it.
  const reading = file === ':memory:' ? null : startWorker(workerFile, { file, role: 'reader' }, writing);
  // Should the writer fail, its error is the one thrown; the reader's, if any, says nothing more.
  reading?.catch(() => undefined);
  let writer = await writing;
  let reader =
    reading === null
      ? writer
      : await reading.catch(async (error: unknown) => {
          await writer.close();
          throw error;
        });
  /** The file swap under way, which every call waits for. */
  let swapping: Promise<unknown> | null = null;
  /** How many times the workspace's file was swapped: part of its version. */
  let swapCount = 0;
  /** Set by `close`: no worker is started again after it. */
  let closed = false;
  /** The start of a worker in place of one that died, which every call waits for. */
  let reviving: Promise<void> | null = null;
  /** When a worker last could not start again: calls until RETRY_AFTER_MS later are answered at once. */
  let failedAt = -Infinity;

  /** A worker that died and is to be started again: not an in-memory one, nor while waiting to retry. */
  const dead = (core: WorkerCore) =>
    !closed && file !== ':memory:' && core.gone() !== null && Date.now() - failedAt >= RETRY_AFTER_MS;
  /** A worker started in place of one that died; the dead one (and why) if it can't start. */
  const again = async (core: WorkerCore, role: WorkerSetup['role']) => {
    await core.close(1000);
    try {
      const started = await startWorker(workerFile, { file, role });
      console.error(`Fortnight's core (${role}) started again; it had stopped: ${core.gone()}`);
      return started;
    } catch (error) {
      console.error(`Fortnight's core (${role}) could not start again:`, error);
      failedAt = Date.now();
      return core;
    }
  };
  const revive = async () => {
    const separate = reader !== writer;
    if (dead(writer)) writer = await again(writer, 'writer');
    if (separate && dead(reader)) reader = await again(reader, 'reader');
    else if (!separate) reader = writer;
  };
  /**
   * A file swap under way, or a worker that died: a call waits for `settle`. Else it is posted at
   * once, without a turn of the event loop, so calls are posted in the order they were made.
   */
  const unsettled = () => swapping !== null || reviving !== null || dead(writer) || dead(reader);
  /** Waits for a file swap under way, and for a worker that died to be started again. */
  const settle = async () => {
    while (swapping) await swapping;
    if (dead(writer) || dead(reader)) reviving ??= revive().finally(() => (reviving = null));
    while (reviving) await reviving;
  };

  const swapFile = async (method: string, input: unknown) => {
    const separate = reader !== writer;
    if (separate) await reader.connection('release');
    try {
      return await writer.call(method, input);
    } finally {
      swapCount++;
      // Should the new file not open for reading, the writer answers the reads: slower, not wrong.
      if (separate && !(await reader.connection('reopen')).ok) {
        await reader.close();
        reader = writer;
      }
    }
  };
  const swapsFile = (method: string) => isMethodName(method) && 'swapsFile' in contract[method];
  const workerFor = (method: string) => (isMethodName(method) && !contract[method].writes ? reader : writer);
  const call = async (method: string, input: unknown): Promise<Result<unknown>> => {
    if (unsettled()) await settle();
    if (swapsFile(method)) {
      const swap = swapFile(method, input);
      swapping = swap.finally(() => (swapping = null));
      return swap;
    }
    return workerFor(method).call(method, input);
  };
  return {
    call: call as CoreClient['call'],
    callAsJson: async (method, input) => {
      if (swapsFile(method)) return answerAsJson(await call(method, input));
      if (unsettled()) await settle();
      return workerFor(method).callAsJson(method, input);
    },
    version: async () => {
      if (unsettled()) await settle();
      // Counted before asking: a swap meanwhile can make the tag older than the answer, never newer.
      const file = swapCount;
      const answer = await reader.ask({ version: true });
      if (!answer.ok) throw new Error(answer.error.message);
      return `${file}.${answer.value as number}`;
    },
    close: async ({ within } = {}) => {
      closed = true;
      while (swapping) await swapping;
      while (reviving) await reviving;
      await Promise.all(
        reader === writer ? [writer.close(within)] : [reader.close(within), writer.close(within)],
      );
    },
  };
}

interface WorkerCore {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  callAsJson(method: string, input: unknown): Promise<Uint8Array>;
  /** Lets go of the workspace file, or opens it again (a reader, around a restore). */
  connection(to: 'release' | 'reopen'): Promise<Result<unknown>>;
  ask(question: { version: true }): Promise<Result<unknown>>;
  close(within?: number): Promise<void>;
  /** Why the worker stopped, once it has; null while it runs. */
  gone(): string | null;
}

/**
 * Starts a worker; a reader opens the file once `after` (the writer's start) succeeded, and ends
 * unopened if it failed.
 */
function startWorker(
  workerFile: string | URL,
  setup: WorkerSetup,
  after: Promise<unknown> = Promise.resolve(),
): Promise<WorkerCore> {
  const worker = new Worker(workerFile, { workerData: setup, name: `fortnight-core-${setup.role}` });
  if (setup.role === 'reader') {
    after.then(
      () => worker.postMessage({ open: true } satisfies WorkerMessage),
      () => void worker.terminate(),
    );
  }
  /** Answers owed, by call id: a `Result`, or its JSON's bytes for a call `asJson`. */
  const waiting = new Map<number, (result: Result<unknown> | Uint8Array) => void>();
  let nextId = 0;
  let ended: Promise<void> | null = null;
  /** Why the worker is gone, once it is: every call after that is answered with it at once. */
  let gone: string | null = null;
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));

  // A worker that dies answers what it still owed, and every later call, with an error instead of
  // leaving them hanging; the door's log says why.
  const failAll = (message: string) => {
    gone ??= message;
    for (const answer of waiting.values()) answer({ ok: false, error: { code: 'internal', message } });
    waiting.clear();
  };
  worker.on('error', (error) => {
    console.error(`Fortnight's core (${setup.role}) stopped:`, error);
    failAll(`The core stopped: ${error.message}`);
  });
  worker.on('exit', () => failAll(ended ? 'The core is closed' : 'The core has stopped'));

  const send = (message: (id: number) => WorkerMessage): Promise<Result<unknown> | Uint8Array> => {
    const refusal = gone ?? (ended ? 'The core is closed' : null);
    if (refusal) return Promise.resolve({ ok: false, error: { code: 'internal', message: refusal } });
    const id = nextId++;
    return new Promise((answer) => {
      waiting.set(id, answer);
      worker.postMessage(message(id));
    });
  };
  // Only a call `asJson` is answered in bytes; an error made here (a stopped core) is a `Result`.
  const result = (answer: Result<unknown> | Uint8Array) => answer as Result<unknown>;
  const core: WorkerCore = {
    call: (method, input) => send((id) => ({ id, method, input })).then(result),
    callAsJson: (method, input) =>
      send((id) => ({ id, method, input, asJson: true })).then((answer) =>
        answer instanceof Uint8Array ? answer : answerAsJson(answer),
      ),
    connection: (to) => send((id) => ({ id, connection: to })).then(result),
    ask: (question) => send((id) => ({ id, ...question })).then(result),
    close: (within) =>
      (ended ??= (async () => {
        worker.postMessage({ close: true } satisfies WorkerMessage);
        const stop = within === undefined ? undefined : setTimeout(() => void worker.terminate(), within);
        await exited;
        clearTimeout(stop);
      })()),
    gone: () => gone,
  };

  return new Promise((done, fail) => {
    worker.once('error', fail);
    worker.once('message', (started: WorkerStarted) => {
      worker.off('error', fail);
      if (!started.started) return fail(new CoreStartError(started.message, started.damaged));
      worker.on('message', ({ id, result }: { id: number; result: Result<unknown> | Uint8Array }) => {
        waiting.get(id)?.(result);
        waiting.delete(id);
      });
      done(core);
    });
  });
}
