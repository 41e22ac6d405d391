/**
 * A worker thread running the core: the writer (the one connection that migrates and writes)
 * or a reader (a read-only connection beside it). `core-client.ts` starts them and talks to
 * them; each answers its calls one at a time, in the order they came.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openReader, openWorkspace } from '../db/open.ts';
import { changeLogVersion } from '../store/version.ts';
import { createCore, type Core } from './core.ts';

export interface WorkerSetup {
  file: string;
  role: 'writer' | 'reader';
}

/** What a worker says once: opened, or why not. */
export type WorkerStarted = { started: true } | { started: false; message: string };
/** A call to answer, the workspace's version to tell, or the order to close the database and end. */
export type WorkerMessage =
  { id: number; method: string; input: unknown } | { id: number; version: true } | { close: true };

const port = parentPort!;
const { file, role } = workerData as WorkerSetup;

let core: Core;
try {
  core = createCore(role === 'writer' ? await openWorkspace(file) : openReader(file));
  port.postMessage({ started: true } satisfies WorkerStarted);
} catch (error) {
  port.postMessage({
    started: false,
    message: error instanceof Error ? error.message : String(error),
  } satisfies WorkerStarted);
  process.exit(1);
}

port.on('message', (message: WorkerMessage) => {
  if ('close' in message) {
    core.close();
    port.close(); // nothing is left to keep the thread alive: it ends
    return;
  }
  if ('version' in message) {
    port.postMessage({ id: message.id, result: { ok: true, value: changeLogVersion(core.workspace.db) } });
    return;
  }
  port.postMessage({ id: message.id, result: core.call(message.method, message.input) });
});
