/**
 * The thread that reads a snapshot ahead of its loading (`snapshot-reading.ts`): it sends each
 * part as it is ready, then the end — or why it failed — and says so on the shared counter the
 * loading waits on.
 */
import { workerData } from 'node:worker_threads';
import { readNewestSnapshot, type ReadingMessage, type ReadingSetup } from './snapshot-reading.ts';

const { candidates, workspace, now, port, signal } = workerData as ReadingSetup;
const counter = new Int32Array(signal);

function send(message: ReadingMessage): void {
  port.postMessage(message);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

try {
  for (const part of readNewestSnapshot(candidates, workspace, new Date(now))) send(part);
  send({ kind: 'end' });
} catch (error) {
  send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
