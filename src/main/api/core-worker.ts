/**
 * A worker thread running the core: the writer (the one connection that migrates and writes)
 * or a reader (a read-only connection beside it). `core-client.ts` starts them and talks to
 * them; each answers its calls one at a time, in the order they came.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DamagedWorkspaceError, openReader, openWorkspace } from '../db/open.ts';
import type { Result } from '../../shared/result.ts';
import { changeLogVersion } from '../store/version.ts';
import { readSnapshotsWith } from '../sync/snapshot-reading.ts';
import { answerAsJson } from './answer-json.ts';
import { createCore, type Core } from './core.ts';

export interface WorkerSetup {
  file: string;
  role: 'writer' | 'reader';
}

/** What a worker says once: opened, or why not (`damaged`: SQLite can't read the file). */
export type WorkerStarted = { started: true } | { started: false; message: string; damaged: boolean };
/**
 * A reader's first message, the order to open the file (once the writer has migrated it); a call
 * to answer (`asJson`: in the bytes of its answer's JSON, transferred); the order to close the
 * database and end; or (a reader, around a restore) the order to let go of the file, or to open
 * it again, answered once done.
 */
export type WorkerMessage =
  | { open: true }
  | { id: number; method: string; input: unknown; asJson?: true }
  | { close: true }
  | { id: number; connection: 'release' | 'reopen' }
  | { id: number; version: true };

const port = parentPort!;
const { file, role } = workerData as WorkerSetup;
// Bundled, the snapshot's reading thread is its own file beside this one (electron.vite.config.ts).
if (import.meta.url.endsWith('.js'))
  readSnapshotsWith(new URL('./snapshot-reading-thread.js', import.meta.url));

let core: Core;

/** Opens the workspace, says whether it could, then answers the messages that follow. */
function start(): void {
  try {
    core = createCore(role === 'writer' ? openWorkspace(file) : openReader(file));
    port.postMessage({ started: true } satisfies WorkerStarted);
  } catch (error) {
    port.postMessage({
      started: false,
      message: error instanceof Error ? error.message : String(error),
      damaged: error instanceof DamagedWorkspaceError,
    } satisfies WorkerStarted);
    process.exit(1);
  }
  port.on('message', answer);
}

// The writer opens at once; a reader when told (its code loaded meanwhile, beside the writer's start).
if (role === 'writer') start();
else port.once('message', start);

/** Answers a message; anything it throws is the answer's error, never the end of the thread. */
function answer(message: WorkerMessage): void {
  try {
    answerOrThrow(message);
  } catch (error) {
    if ('id' in message) port.postMessage({ id: message.id, result: unexpected(error) });
  }
}

const unexpected = (error: unknown): Result<never> => ({
  ok: false,
  error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
});

function answerOrThrow(message: WorkerMessage): void {
  if ('open' in message) return;
  if ('close' in message) {
    try {
      core.close();
    } finally {
      port.close(); // nothing is left to keep the thread alive: it ends
    }
    return;
  }
  if ('version' in message) {
    port.postMessage({ id: message.id, result: { ok: true, value: changeLogVersion(core.workspace.db) } });
    return;
  }
  if ('connection' in message) {
    port.postMessage({ id: message.id, result: switchConnection(message.connection) });
    return;
  }
  const result = core.call(message.method, message.input);
  if (!message.asJson) return port.postMessage({ id: message.id, result });
  const bytes = answerAsJson(result);
  port.postMessage({ id: message.id, result: bytes }, [bytes.buffer]);
}

function switchConnection(to: 'release' | 'reopen'): Result<null> {
  try {
    if (to === 'release') core.close();
    else core = createCore(openReader(file));
    return { ok: true, value: null };
  } catch (error) {
    return unexpected(error);
  }
}
