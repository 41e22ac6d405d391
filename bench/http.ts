/** The benchmark's side of browser mode: the server process, and a client that calls the API as the page does. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Budget } from './measure.ts';

export interface Server {
  url: string;
  origin: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `bench/serve.ts` on `dbFile` and waits for the address it prints. */
export const startServer = (dbFile: string): Promise<Server> =>
  startChild(['serve.ts', '--db', dbFile], /running in browser mode at (\S+)/);

/** Starts `bench/baseline-server.ts` (the blank page, the trivial API) and waits for its address. */
export const startBaselineServer = (): Promise<Server> =>
  startChild(['baseline-server.ts'], /baselines at (\S+)/);

/** A script of `bench/` in a process of its own, once it printed its address. */
function startChild([script, ...args]: string[], printed: RegExp): Promise<Server> {
  const child = spawn(process.execPath, [join(import.meta.dirname, script!), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      fail(new Error(`${script} did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = printed.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      const url = match[1]!;
      done({
        url,
        origin: new URL(url).origin,
        child,
        stop: () =>
          new Promise<void>((stopped) => {
            if (child.exitCode !== null) return stopped();
            child.once('exit', () => stopped());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${script} exited (${code}) before it started:\n${output}`));
    });
  });
}

export interface Client {
  /** Posts one API call and parses the answer, as the renderer's `call` does. */
  call(
    method: string,
    input: unknown,
  ): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;
  /** Posts one API call: its answer's JSON, unparsed. */
  callText(method: string, input: unknown): Promise<string>;
  /** Posts a call with `If-None-Match: tag`: the status and the ETag of the answer. */
  callTagged(method: string, input: unknown, tag: string): Promise<{ status: number; tag: string | null }>;
}

/** Trades the token in the address for the cookie, as the browser does on first load. */
export async function connect(server: Pick<Server, 'url' | 'origin'>): Promise<Client> {
  const first = await fetch(server.url, { redirect: 'manual' });
  await first.arrayBuffer();
  const cookie = first.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  if (!cookie) throw new Error(`browser mode gave no cookie (HTTP ${first.status})`);
  const post = (method: string, input: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.origin}/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: server.origin, ...headers },
      body: JSON.stringify(input ?? {}),
    });
  return {
    async call(method, input) {
      const response = await post(method, input);
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    async callText(method, input) {
      return (await post(method, input)).text();
    },
    async callTagged(method, input, tag) {
      const response = await post(method, input, tag ? { 'if-none-match': tag } : {});
      await response.arrayBuffer();
      return { status: response.status, tag: response.headers.get('etag') };
    },
  };
}

/** What `bench/http-client.ts` times: each read, by name, with its budget; and the bare round trip. */
export interface HttpJob {
  url: string;
  /**
   * `unchanged`: sent back with the ETag of its first answer, timed while the host answers 304.
   * `sameBytes`: its answer is then timed from the baseline server too (`sameBytesOf(name)`).
   */
  reads: {
    name: string;
    method: string;
    input: unknown;
    budget: Budget;
    unchanged?: boolean;
    sameBytes?: boolean;
  }[];
  /** The baseline server's origin: a POST to its trivial handler is timed as `ROUND_TRIP`. */
  roundTrip?: { origin: string; budget: Budget };
}

/** The bare round trip's name among the samples. */
export const ROUND_TRIP = 'bare round trip';

/** The samples of a read's answer, the same bytes, from the baseline server's trivial handler. */
export const sameBytesOf = (name: string) => `${name}: the same bytes from a handler that does nothing`;

/**
 * Runs `bench/http-client.ts` on the job, in a process of its own (asynchronously: the host may
 * answer in this one): the samples of each read, or why it failed.
 */
export async function measureHttp(job: HttpJob): Promise<Record<string, number[]> | { error: string }> {
  const client = spawn(process.execPath, [join(import.meta.dirname, 'http-client.ts')], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  client.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  client.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  client.stdin.end(JSON.stringify(job));
  const code = await new Promise<number | null>((done) => client.once('close', done));
  if (code !== 0) return { error: stderr.trim() || `exit code ${code}` };
  return JSON.parse(stdout) as Record<string, number[]> | { error: string };
}
