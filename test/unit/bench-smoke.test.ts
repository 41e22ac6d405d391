/**
 * The benchmark still runs: `bench:generate` on a tiny workspace (a tenth of a year), then
 * `bench --quick` (in-process only, few samples) on it, as `npm run bench` runs them. Timings
 * aren't checked (they are noisy on shared machines); that every row is there, is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUND_TRIP, measureHttp, sameBytesOf, startBaselineServer } from '../../bench/http.ts';
import { startHost } from '../../src/main/web/host.ts';
import { seed, tempCore, tempDir, workerCore } from './helpers.ts';

const BENCH = resolve(import.meta.dirname, '../../bench');

function node(script: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(BENCH, script), ...args], {
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, INIT_CWD: process.cwd() },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Row {
  group: string;
  name: string;
  median: number | null;
  p95: number | null;
  n: number;
  note?: string;
}

const SCREEN_READS = [
  'workspace.info',
  'roadmap.view',
  'goals.list',
  'initiatives.list',
  'initiatives.get',
  'milestones.list',
  'people.list',
  'people.view',
  'sprints.list',
  'sprintGoals.list',
  'polish.list',
  'polish.get',
  'retroNotes.list',
  'actionItems.list',
  'capacities.list',
  'search.quick',
  'history.list',
];
/** The reads the screens and exports make at once, grouped as exports for the last three. */
const VIEW_READS = [
  'retrospective.view',
  'polish.view',
  'planning.view',
  'sprints.overview',
  'sprints.summary',
  'roadmap.export',
];
const WRITES = [
  'sprintGoals.update',
  'retroNotes.create',
  'retroNotes.vote',
  'polish.update',
  'polish.create',
  'sprintGoals.create',
  'actionItems.create',
  'capacities.set',
];

describe('npm run bench', { timeout: 500_000 }, () => {
  it('generates a tiny workspace and measures it in-process, with every row in the table and the JSON', () => {
    const dir = tempDir();
    const db = join(dir, 'tiny.db');
    const results = join(dir, 'results.json');

    const generated = node('generate.ts', '--years', '0.1', '--out', db, '--seed', '7');
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(/Generating 0\.1 year\(s\) \(seed 7\): 3 sprints/);
    expect(generated.stdout).toMatch(/sprint 3\/3 \(100%\)/);
    expect(existsSync(db)).toBe(true);
    // Refuses to overwrite a workspace unless asked to.
    expect(node('generate.ts', '--years', '0.1', '--out', db).code).not.toBe(0);

    const run = node('run.ts', '--quick', '--db', db, '--results', results);
    expect(run.code, run.stderr).toBe(0);
    const { rows } = JSON.parse(readFileSync(results, 'utf8')) as { rows: Row[] };
    const find = (group: string, method: string) =>
      rows.filter((r) => r.group === group && (r.name === method || r.name.startsWith(`${method} `)));
    const measured = (r: Row) =>
      r.n > 0 && Number.isFinite(r.median) && (r.p95 === null || Number.isFinite(r.p95));

    expect(rows.find((r) => r.group === 'Open')).toSatisfy(measured);
    for (const method of SCREEN_READS) {
      const found = find('Read (in-process)', method);
      expect(found.length, method).toBeGreaterThan(0);
      for (const r of found) expect(r, `${r.name}: ${r.note}`).toSatisfy(measured);
      expect(find('Read (HTTP)', method).length, method).toBeGreaterThan(0);
    }
    for (const method of VIEW_READS) {
      const found = [...find('Read (in-process)', method), ...find('Export', method)];
      expect(found.length, method).toBeGreaterThan(0);
      for (const r of found) expect(r, `${r.name}: ${r.note}`).toSatisfy(measured);
    }
    for (const method of WRITES) {
      const [r] = find('Write (in-process)', method);
      expect(r, method).toBeDefined();
      expect(r, `${method}: ${r?.note}`).toSatisfy(measured);
    }
    const ratios = rows.filter((r) => r.group === 'Layers ÷ bare SQL');
    expect(ratios.length).toBeGreaterThanOrEqual(10);
    for (const r of ratios) expect(r, r.name).toSatisfy(measured);
    // The door answers through the worker client while the import writes.
    expect(find('Import', 'workspace.info answered while roadmap.import runs')[0]).toSatisfy(measured);
    expect(rows.filter((r) => r.group === 'Chromium').length).toBeGreaterThanOrEqual(8);
    // Every row was measured — a number — except those --quick leaves out, which are exactly the
    // baselines, browser mode and launch (and they are there, saying so).
    const quickSkipped = rows.filter((r) => r.note === 'skipped (--quick)');
    expect([...new Set(quickSkipped.map((r) => r.group))].sort()).toEqual([
      'Baseline',
      'Chromium',
      'Launch',
      'Read (HTTP)',
    ]);
    for (const r of rows.filter((r) => !quickSkipped.includes(r)))
      expect(r, `${r.group} · ${r.name}: ${r.note}`).toSatisfy(measured);
    for (const r of quickSkipped) expect(r.n, r.name).toBe(0);

    // The printed table has a line per row, and the verdict.
    const tableLines = run.stdout.split('\n').filter((line) => line.startsWith('| '));
    expect(tableLines.length).toBe(rows.length + 2); // the header, the rule, the rows
    expect(run.stdout).toMatch(/\d+\/\d+ targets met/);
    expect(run.stdout).toContain(`Results written to ${results}`);
  });
});

describe("the benchmark's HTTP client", { timeout: 60_000 }, () => {
  async function host() {
    const core = await tempCore();
    seed(core);
    const rendererDir = join(tempDir(), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fortnight</title>');
    return startHost({ core: await workerCore(core.workspace.file), rendererDir });
  }

  const budget = { iterations: 4, warmup: 1, maxMs: 5_000 };

  it('times each read over the real host from its own process, a sample per iteration', async () => {
    const server = await host();
    try {
      const samples = (await measureHttp({
        url: server.url,
        reads: [
          { name: 'workspace.info', method: 'workspace.info', input: {}, budget },
          { name: 'roadmap.view (on arrival)', method: 'roadmap.view', input: {}, budget },
        ],
      })) as Record<string, number[]>;
      expect(Object.keys(samples)).toEqual(['workspace.info', 'roadmap.view (on arrival)']);
      for (const xs of Object.values(samples)) {
        expect(xs).toHaveLength(4);
        for (const x of xs) expect(x).toBeGreaterThan(0);
      }
    } finally {
      await server.close();
    }
  });

  it("times a read's own answer from the baseline server's handler that does nothing, beside the read", async () => {
    const [server, baselines] = await Promise.all([host(), startBaselineServer()]);
    try {
      const samples = (await measureHttp({
        url: server.url,
        roundTrip: { origin: baselines.origin, budget },
        reads: [{ name: 'roadmap.view', method: 'roadmap.view', input: {}, budget, sameBytes: true }],
      })) as Record<string, number[]>;
      expect(Object.keys(samples)).toEqual([ROUND_TRIP, 'roadmap.view', sameBytesOf('roadmap.view')]);
      for (const xs of Object.values(samples)) expect(xs).toHaveLength(4);
      // What it timed: the baseline server answers with the very bytes it was last given to keep.
      const answer = JSON.stringify({ ok: true, value: { kept: 'ä'.repeat(70_000) } });
      const post = (path: string, body = '{}') =>
        fetch(`${baselines.origin}/api/${path}`, { method: 'POST', body });
      expect(await (await post('keep', answer)).text()).toBe('{"ok":true,"value":null}');
      expect(await (await post('kept')).text()).toBe(answer);
      expect(await (await post('nothing')).text()).toBe('{"ok":true,"value":null}');
    } finally {
      await Promise.all([server.close(), baselines.stop()]);
    }
  });

  it('says which read failed instead of timing a refusal', async () => {
    const server = await host();
    try {
      const answer = await measureHttp({
        url: server.url,
        reads: [{ name: 'sprints.get', method: 'sprints.get', input: { id: 42 }, budget }],
      });
      expect(answer).toEqual({ error: expect.stringMatching(/^sprints\.get: id: /) });
    } finally {
      await server.close();
    }
  });
});
