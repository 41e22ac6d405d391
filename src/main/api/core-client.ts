/**
 * The core off the caller's thread, as every door uses it: a writer worker owns the workspace
 * (migrations, every write, one at a time) and a reader worker answers reads on a read-only
 * connection beside it, so a long write (a roadmap import) never holds up a read, nor the
 * door's own thread (the desktop app's window, browser mode's HTTP server).
 *
 * A read asked while a write is still running sees the workspace as it was before that write
 * (the write hasn't answered yet); a read asked after a write answered sees it.
 */
import { Worker } from 'node:worker_threads';
import { contract, isMethodName, type MethodName, type Output } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';
import type { WorkerMessage, WorkerSetup, WorkerStarted } from './core-worker.ts';

export interface CoreClient {
  call<M extends MethodName>(method: M, input: unknown): Promise<Result<Output<M>>>;
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /**
   * The workspace's version as a read asked now would see it (`changeLogVersion`): answered
   * after the reads asked before it, before those asked after it.
   */
  version(): Promise<number>;
  /** Waits for the calls under way, then closes the workspace. */
  close(): Promise<void>;
}

/**
 * The worker's script. From the sources (Node's type stripping, vitest) it is the `.ts` file
 * beside this one; a bundle (the desktop app's `out/main`) passes its own built file.
 */
const SOURCE_WORKER = new URL('./core-worker.ts', import.meta.url);

export async function startCore(file: string, workerFile: string | URL = SOURCE_WORKER): Promise<CoreClient> {
  const writer = await startWorker(workerFile, { file, role: 'writer' });
  // An in-memory workspace lives in its writer's connection only: it answers reads too.
  const reader =
    file === ':memory:'
      ? writer
      : await startWorker(workerFile, { file, role: 'reader' }).catch(async (error: unknown) => {
          await writer.close();
          throw error;
        });
  const call = (method: string, input: unknown) => {
    const reads = isMethodName(method) && !contract[method].writes;
    return (reads ? reader : writer).call(method, input);
  };
  return {
    call: call as CoreClient['call'],
    version: async () => {
      const answer = await reader.ask({ version: true });
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value as number;
    },
    close: async () => {
      await Promise.all(reader === writer ? [writer.close()] : [reader.close(), writer.close()]);
    },
  };
}

interface WorkerCore {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  ask(question: { version: true }): Promise<Result<unknown>>;
  close(): Promise<void>;
}

function startWorker(workerFile: string | URL, setup: WorkerSetup): Promise<WorkerCore> {
  const worker = new Worker(workerFile, { workerData: setup, name: `fortnight-core-${setup.role}` });
  const waiting = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 0;
  let ended: Promise<void> | null = null;
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));

  // A worker that dies answers what it still owed with an error instead of leaving it hanging.
  const failAll = (message: string) => {
    for (const answer of waiting.values()) answer({ ok: false, error: { code: 'internal', message } });
    waiting.clear();
  };
  worker.on('error', (error) => failAll(`The core stopped: ${error.message}`));
  worker.on('exit', () => failAll('The core has stopped'));

  const send = (
    message: { method: string; input: unknown } | { version: true },
  ): Promise<Result<unknown>> => {
    if (ended) {
      return Promise.resolve({ ok: false, error: { code: 'internal', message: 'The core is closed' } });
    }
    const id = nextId++;
    return new Promise((answer) => {
      waiting.set(id, answer);
      worker.postMessage({ id, ...message } satisfies WorkerMessage);
    });
  };
  const core: WorkerCore = {
    call: (method, input) => send({ method, input }),
    ask: (question) => send(question),
    close: () =>
      (ended ??= (async () => {
        worker.postMessage({ close: true } satisfies WorkerMessage);
        await exited;
      })()),
  };

  return new Promise((done, fail) => {
    worker.once('error', fail);
    worker.once('message', (started: WorkerStarted) => {
      worker.off('error', fail);
      if (!started.started) return fail(new Error(started.message));
      worker.on('message', ({ id, result }: { id: number; result: Result<unknown> }) => {
        waiting.get(id)?.(result);
        waiting.delete(id);
      });
      done(core);
    });
  });
}
