/**
 * Reading a snapshot for a newcomer (`snapshot.ts` says what one is): the newest complete one of
 * the candidates, in chunks of `SNAPSHOT_CHUNK` changes, each chunk's changes checked as every
 * incoming change is (`validate.ts`).
 *
 * The reading runs in a thread of its own when it can (`snapshot-reading-thread.ts`), ahead of
 * the loading: while one chunk is applied, the next ones are decompressed, parsed and checked.
 * The loading asks for the parts in order and waits for each; it never sees which thread read it.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { SnapshotFile } from './segment-files.ts';
import { decodeText, parseLines, readIfThere, type Problem, type SnapshotCover } from './segment.ts';
import { checkChanges, type CheckedChanges } from './validate.ts';

/**
 * Changes of a snapshot a newcomer applies in one transaction: about 0.2 s of the write lock on
 * a modest machine (reads go on meanwhile), and few enough commits for a quick catch-up.
 */
export const SNAPSHOT_CHUNK = 10_000;

/** What a reading gives, in order: the snapshot found, then each of its chunks. */
export type SnapshotPart =
  | {
      kind: 'found';
      path: string;
      /** Names it among the loads under way: `<writer>/<segments>`. */
      key: string;
      writer: string;
      cover: SnapshotCover;
      chunks: number;
    }
  /**
   * A chunk: its changes checked (`invalid` by index among them; `lines[i]` is the line of the
   * i-th), and its lines that aren't changes.
   */
  | { kind: 'chunk'; checked: CheckedChanges; lines: number[]; problems: Problem[] };

/**
 * The newest complete snapshot of `workspace` among `candidates` (newest first), then its chunks.
 * One not complete yet (still being copied), damaged, or not this workspace's is passed over for
 * an older one. Nothing when there is none.
 */
export function* readNewestSnapshot(
  candidates: readonly SnapshotFile[],
  workspace: string,
  now: Date,
): Generator<SnapshotPart> {
  for (const file of candidates) {
    const content = readIfThere(file.path);
    if (content === null) continue;
    const text = decodeText(content);
    if (text.kind !== 'text') continue;
    const { header, lines } = text;
    if (!header.snapshot || header.replica !== file.writer || header.workspace !== workspace) continue;
    const last = lines.length - 1;
    yield {
      kind: 'found',
      path: file.path,
      key: `${file.writer}/${file.segments}`,
      writer: file.writer,
      cover: header.snapshot,
      chunks: Math.ceil((last - 1) / SNAPSHOT_CHUNK),
    };
    for (let from = 1; from < last; from += SNAPSHOT_CHUNK) {
      const parsed = parseLines(lines, from, Math.min(from + SNAPSHOT_CHUNK, last));
      yield {
        kind: 'chunk',
        checked: checkChanges(parsed.changes, now),
        lines: parsed.lines,
        problems: parsed.problems,
      };
    }
    return;
  }
}

/** A reading under way: its next part (null once there are no more), and how to end it early. */
export interface SnapshotReading {
  next(): SnapshotPart | null;
  close(): void;
}

/** What the reading thread is given. */
export interface ReadingSetup {
  candidates: SnapshotFile[];
  workspace: string;
  now: number;
  port: MessagePort;
  /** One counter, added to and notified after each message, so the loading can wait for it. */
  signal: SharedArrayBuffer;
}

/** What the reading thread sends: each part, then the end, or why it failed. */
export type ReadingMessage = SnapshotPart | { kind: 'end' } | { kind: 'failed'; message: string };

/** Waiting longer than this for a part means the reading thread is gone. */
const STALLED_MS = 60_000;

/**
 * The reading thread's file: beside this one in the sources; set by the core's worker when it
 * runs bundled (`core-worker.ts`). Null: the reading runs in the loading's own thread.
 */
let threadFile: URL | null = import.meta.url.endsWith('.ts')
  ? new URL('./snapshot-reading-thread.ts', import.meta.url)
  : null;

/** Where the reading thread's file is (a bundled build's), or null to read in the loading's thread. */
export function readSnapshotsWith(file: URL | null): void {
  threadFile = file;
}

/** Starts reading the newest snapshot of `candidates` ahead, in its own thread when it can. */
export function readSnapshotAhead(
  candidates: readonly SnapshotFile[],
  workspace: string,
  now: Date,
): SnapshotReading {
  if (threadFile === null || candidates.length === 0) {
    const parts = readNewestSnapshot(candidates, workspace, now);
    return { next: () => parts.next().value ?? null, close: () => void parts.return(undefined) };
  }
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const counter = new Int32Array(signal);
  const setup: ReadingSetup = {
    candidates: [...candidates],
    workspace,
    now: now.getTime(),
    port: port2,
    signal,
  };
  const worker = new Worker(threadFile, {
    workerData: setup,
    transferList: [port2],
    name: 'fortnight-snapshot-reading',
  });
  worker.unref();
  let ended = false;
  // A thread that fails outside its reading (its code not loading) must not take the core's
  // thread down with it: its error is the reading's, said by the next part asked for.
  let failure: string | null = null;
  worker.on('error', (error) => (failure = error.message));
  return {
    next() {
      while (!ended) {
        if (failure !== null) throw new Error(`Reading the snapshot failed: ${failure}`);
        const seen = Atomics.load(counter, 0);
        const received = receiveMessageOnPort(port1);
        if (received) {
          const message = received.message as ReadingMessage;
          if (message.kind === 'end') break;
          if (message.kind === 'failed') throw new Error(`Reading the snapshot failed: ${message.message}`);
          return message;
        }
        if (Atomics.wait(counter, 0, seen, STALLED_MS) === 'timed-out') {
          throw new Error(`Reading the snapshot stopped: nothing came for ${STALLED_MS / 1000} s`);
        }
      }
      ended = true;
      return null;
    },
    close() {
      ended = true;
      port1.close();
      void worker.terminate();
    },
  };
}
