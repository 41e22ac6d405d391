/**
 * The reads over browser mode's HTTP, timed from a process of their own:
 * `node bench/http-client.ts < job.json` prints `{ "<name>": [ms, …], … }` (or `{ "error": … }`).
 *
 * Not from the benchmark's own process: its heap holds what the earlier measures left, and a
 * collection of a heap that size (tens of ms) would land in a sample as if the read were slow —
 * a page calling the API has a small heap, and so has this process. The server is warmed first:
 * a new server process compiles its hot paths during its first dozen calls of each read
 * (26–31 ms for roadmap.view, then ~9 ms), and a running app has long done that.
 */
import { text } from 'node:stream/consumers';
import { ROUND_TRIP, connect, sameBytesOf, type HttpJob } from './http.ts';
import { timeAsync } from './measure.ts';

/** Calls of each read before any is timed. */
const WARM_CALLS = 15;

async function run(job: HttpJob): Promise<Record<string, number[]>> {
  const client = await connect({ url: job.url, origin: new URL(job.url).origin });
  const call = async (method: string, input: unknown) => {
    const result = await client.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  };
  for (const { method, input, budget } of job.reads)
    for (let i = 0; i < Math.min(WARM_CALLS, budget.iterations); i++) await call(method, input);
  const samples: Record<string, number[]> = {};
  // The same fetch, headers and JSON.parse as a read, to a handler that does nothing but answer.
  const bare = async (origin: string, path: 'nothing' | 'keep' | 'kept', body = '{}') => {
    const response = await fetch(`${origin}/api/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body,
    });
    await response.json();
  };
  const baselines = job.roundTrip?.origin;
  if (job.roundTrip && baselines) {
    for (let i = 0; i < WARM_CALLS; i++) await bare(baselines, 'nothing');
    samples[ROUND_TRIP] = (await timeAsync(() => bare(baselines, 'nothing'), job.roundTrip.budget)).wall;
  }
  for (const { name, method, input, budget, unchanged, sameBytes } of job.reads) {
    if (!unchanged) {
      samples[name] = (await timeAsync(() => call(method, input), budget)).wall;
      if (!sameBytes || !baselines) continue;
      await bare(baselines, 'keep', await client.callText(method, input));
      for (let i = 0; i < WARM_CALLS; i++) await bare(baselines, 'kept');
      samples[sameBytesOf(name)] = (await timeAsync(() => bare(baselines, 'kept'), budget)).wall;
      continue;
    }
    const { tag } = await client.callTagged(method, input, '');
    if (!tag) throw new Error(`${method}: answered without an ETag`);
    const check = async () => {
      const { status } = await client.callTagged(method, input, tag);
      if (status !== 304) throw new Error(`${method}: answered ${status} to its own ETag, not 304`);
    };
    samples[name] = (await timeAsync(check, budget)).wall;
  }
  return samples;
}

const job = JSON.parse(await text(process.stdin)) as HttpJob;
try {
  console.log(JSON.stringify(await run(job)));
} catch (error) {
  console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
}
