/**
 * `npm run bench [-- --quick] [--db FILE] [--years N] [--seed N] [--results FILE] [--only sync]`
 *
 * Measures Fortnight on a workspace with years of history (generated with `bench/generate.ts`
 * when the file is missing) and prints a table of medians and 95th percentiles next to the
 * performance targets (`TARGETS` in bench/measure.ts), then writes it as JSON (`.bench/results.json` by default):
 *
 * - opening the database (pragmas, the migration check, the clock's resume);
 * - every read behind a screen, in-process through the core (schema + handler) and over browser
 *   mode's HTTP (a separate server process, the page's way of calling, timed from a client process
 *   of its own once the server is warm: `bench/http-client.ts`);
 * - each main list read against the bare better-sqlite3 query that fetches the same rows;
 * - the meeting's typical writes, on a copy of the workspace (`db.backup`), the file stays as generated;
 * - the sprint summary and roadmap exports, and importing that roadmap into an empty workspace;
 * - sync through a folder: the whole workspace's segments, a new installation's catch-up (reads
 *   meanwhile), one meeting's edits received, a sync with nothing new (`bench/sync.ts`);
 * - in Chromium: the blank page, each screen usable after a reload and after a switch inside the
 *   app, the meeting's steps and actions (note, outcome, polish done, sprint goal), the JS heap;
 * - launch: `npm run web` and `npm start` until they print their address.
 *
 * Every run measures its own baselines — a blank page in the same Chromium, a bare HTTP round
 * trip from the same client, the bare insert of the catch-up's changes into an empty change log —
 * and checks the Chromium, HTTP and catch-up rows as multiples of them
 * (`calibrate` in bench/measure.ts), so a slower machine doesn't read as a regression.
 *
 * `--quick` (the smoke test's mode) takes few samples and skips HTTP, Chromium and launch;
 * `--only sync` measures the sync rows alone.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../src/main/api/core.ts';
import { buildIsCurrent } from '../scripts/build-check.ts';
import { BLANK_ROW, BROWSER_ROWS, measureBrowser } from './browser.ts';
import { generate } from './generate.ts';
import { ROUND_TRIP, measureHttp, sameBytesOf, startBaselineServer, startServer } from './http.ts';
import { measureImport } from './import.ts';
import { label, measureReads, measureWrites, mustCall, targetOf } from './in-process.ts';
import { LAUNCH_ROWS, measureLaunch } from './launch.ts';
import {
  TARGETS,
  calibrate,
  row,
  single,
  skipped,
  stats,
  summary,
  table,
  timeAsync,
  type Budget,
  type Row,
} from './measure.ts';
import { readContext, readSpecs, type ReadSpec } from './reads.ts';
import { BARE_LOG_INSERT, measureSync } from './sync.ts';

const ROOT = resolve(import.meta.dirname, '..');

interface Options {
  db: string;
  years: number;
  seed: number;
  quick: boolean;
  results: string;
  browser: boolean;
  http: boolean;
  /** `sync`: the sync rows alone. */
  only?: 'sync';
}

const budgets = (quick: boolean) => {
  const b = (iterations: number, warmup: number, maxMs: number): Budget =>
    quick ? { iterations: 3, warmup: 1, maxMs: 2000 } : { iterations, warmup, maxMs };
  return {
    open: b(15, 2, 10_000),
    read: b(40, 3, 8_000),
    export: b(10, 1, 15_000),
    write: b(100, 5, 10_000),
    import: b(3, 0, 60_000),
    /** A catch-up of the whole workspace is seconds each. */
    catchUp: quick ? { iterations: 1, warmup: 0, maxMs: 0 } : { iterations: 3, warmup: 0, maxMs: 0 },
    /** Each sample first makes a meeting's edits on the other installation. */
    exchange: b(10, 0, 0),
    /** p95s from 200 samples: from 30, the second-slowest decided it. */
    http: b(200, 3, 8_000),
    browser: quick ? { iterations: 1, warmup: 0, maxMs: 0 } : { iterations: 5, warmup: 1, maxMs: 0 },
    /** Each launch is a new process tree (and a second or so). */
    launch: { iterations: 4, warmup: 1, maxMs: 0 },
  };
};

const log = (line: string) => console.log(line);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const cpuModel = () => cpus()[0]?.model.trim() ?? 'unknown CPU';

export async function runBench(options: Options): Promise<{ rows: Row[]; results: string }> {
  const b = budgets(options.quick);
  let rows: Row[] = [];
  const workDir = dirname(options.results);
  mkdirSync(workDir, { recursive: true });
  const loadBefore = loadavg();
  log(
    `Fortnight benchmark · Node ${process.version} · ${cpus().length} × ${cpuModel()} · load average ${load()}`,
  );

  if (!existsSync(options.db)) {
    log(`${options.db} is missing: generating it.`);
    const generated = await generate({ years: options.years, out: options.db, seed: options.seed, log });
    rows.push({
      ...single(
        'Generate',
        `${options.years} year(s), seed ${options.seed}`,
        generated.seconds,
        's',
        { stat: 'median', max: 60 },
        `${generated.changes.toLocaleString('en')} changes, ${(generated.bytes / 1e6).toFixed(0)} MB`,
      ),
      cpu: Math.round(generated.cpuSeconds * 10) / 10,
    });
  }
  const dbSize = statSync(options.db).size;

  // `--only sync`: the sync rows alone (they copy the workspace themselves).
  const all = options.only !== 'sync';
  let counts: Record<string, number> = {};
  let specs: ReadSpec[] = [];
  let reads: ReturnType<typeof measureReads> | undefined;
  const workFile = join(workDir, 'work.db');
  if (all) {
    log('Opening the database…');
    rows.push(
      row(
        'Open',
        'openCore: pragmas, migration check, clock',
        await timeAsync(async () => (await openCore(options.db)).close(), b.open),
        TARGETS.open,
      ),
    );

    // Reads, writes, the import and browser mode work on a copy: the file stays as generated.
    for (const f of [workFile, `${workFile}-wal`, `${workFile}-shm`]) rmSync(f, { force: true });
    const source = new Database(options.db, { readonly: true });
    await source.backup(workFile);
    source.close();
    const work = await openCore(workFile);
    const context = readContext(work.workspace.db);
    // The meeting of the active sprint under way, as the Meeting screen finds it mid-meeting, in
    // process as over HTTP.
    const started = work.call('meeting.start', { sprintId: context.activeSprintId });
    if (!started.ok) log(`  note: meeting.start refused: ${started.error.message}`);

    log('Reads in-process, and their bare SQL twins…');
    counts = (mustCall(work, 'workspace.info', {}) as { counts: Record<string, number> }).counts;
    specs = readSpecs(context);
    reads = measureReads(work, specs, context, b, log);
    rows.push(...reads.rows);

    log('Writes…');
    rows.push(...measureWrites(work, context, b.write));
    log('Roadmap import…');
    rows.push(...(await measureImport(work, workDir, b.import)));
    work.close();
  }
  log('Sync through a folder (on a copy)…');
  rows.push(
    ...(await measureSync(
      options.db,
      workDir,
      { catchUp: b.catchUp, exchange: b.exchange, idle: b.read },
      log,
    )),
  );

  const browserRows = !reads || options.quick || (!options.http && !options.browser);
  if (browserRows) {
    const why = !reads
      ? 'skipped (--only sync)'
      : options.quick
        ? 'skipped (--quick)'
        : 'skipped (--no-http --no-browser)';
    rows.push(skipped('Baseline', ROUND_TRIP, why, TARGETS.roundTrip));
    for (const spec of specs) rows.push(skipped('Read (HTTP)', label(spec), why, targetOf(spec, false)));
    for (const name of BROWSER_ROWS) rows.push(skipped('Chromium', name, why));
    for (const name of LAUNCH_ROWS) rows.push(skipped('Launch', name, why, TARGETS.launch));
  } else {
    rows.push(...(await measureBrowserMode(options, specs, reads!.chosen, workFile, b)));
  }
  rmSync(`${workFile}-wal`, { force: true });
  rmSync(`${workFile}-shm`, { force: true });

  // Each Chromium, HTTP and catch-up row against this run's baselines.
  const baseline = (name: string) => {
    const r = rows.find((x) => x.name === name);
    return r?.median != null && r.p95 != null ? { median: r.median, p95: r.p95 } : null;
  };
  const inProcess = new Map(rows.filter((r) => r.group === 'Read (in-process)').map((r) => [r.name, r]));
  rows = calibrate(
    rows,
    {
      blankPage: baseline(BLANK_ROW),
      roundTrip: baseline(ROUND_TRIP),
      bareLogInsert: baseline(BARE_LOG_INSERT),
    },
    (r) => inProcess.get(r.name),
  );

  const loadAfter = loadavg();
  const machine = `${cpus().length} × ${cpuModel()}, Node ${process.version}, load ${fmtLoad(loadBefore)} before and ${fmtLoad(loadAfter)} after`;
  console.log(`\n${table(rows)}\n\n${summary(rows)}\n${machine}`);
  const results = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpu: cpuModel(),
      loadBefore,
      loadAfter,
    },
    options: { ...options, db: options.db },
    workspace: { file: options.db, bytes: dbSize, counts },
    rows,
  };
  writeFileSync(options.results, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Results written to ${options.results}`);
  return { rows, results: options.results };
}

const fmtLoad = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' ');

/**
 * What an HTTP row says beside its figures: how it was timed, and how long the same answer took
 * from the baseline server's handler that does nothing but send it (its bytes made in advance).
 */
function httpNote(sameBytes: number[] | undefined): string {
  const how = 'POST + JSON.parse, from a client process';
  if (!sameBytes) return how;
  const { median, p95 } = stats(sameBytes);
  return `${how}; the same bytes from a handler that does nothing: ${median.toFixed(2)} / ${p95.toFixed(2)} ms`;
}

/** Browser mode's host and the baseline server, each in a process of its own: HTTP, Chromium, launch. */
async function measureBrowserMode(
  options: Options,
  specs: ReadSpec[],
  chosen: Map<ReadSpec, unknown>,
  workFile: string,
  b: ReturnType<typeof budgets>,
): Promise<Row[]> {
  log('Browser mode…');
  ensureBuild();
  const rows: Row[] = [];
  const baselines = await startBaselineServer();
  const server = await startServer(workFile);
  try {
    if (options.http) {
      log('Reads over HTTP, and the bare round trip…');
      const measured = specs.filter((spec) => chosen.has(spec));
      const roadmap = measured.find((spec) => spec.method === 'roadmap.view');
      const UNCHANGED = 'roadmap.view (unchanged since the page had it: ETag → 304)';
      const samples = await measureHttp({
        url: server.url,
        roundTrip: { origin: baselines.origin, budget: b.http },
        reads: [
          ...measured.map((spec) => ({
            name: label(spec),
            method: spec.method,
            input: chosen.get(spec),
            budget: spec.kind ? b.export : b.http,
            sameBytes: !spec.kind,
          })),
          ...(roadmap
            ? [
                {
                  name: UNCHANGED,
                  method: 'roadmap.view',
                  input: chosen.get(roadmap),
                  budget: b.http,
                  unchanged: true,
                },
              ]
            : []),
        ],
      });
      const failed = 'error' in samples ? `failed: ${String(samples.error)}` : '';
      const get = (name: string) => ('error' in samples ? undefined : samples[name]);
      const trip = get(ROUND_TRIP);
      rows.push(
        trip
          ? row('Baseline', ROUND_TRIP, trip, TARGETS.roundTrip, {
              note: 'POST + JSON.parse to a handler that does nothing, same client',
            })
          : skipped('Baseline', ROUND_TRIP, failed || 'not measured', TARGETS.roundTrip),
      );
      for (const spec of specs) {
        const name = label(spec);
        const target = targetOf(spec, false);
        const wall = get(name);
        rows.push(
          !chosen.has(spec)
            ? skipped('Read (HTTP)', name, 'not measured in-process', target)
            : wall
              ? row('Read (HTTP)', name, wall, target, { note: httpNote(get(sameBytesOf(name))) })
              : skipped('Read (HTTP)', name, failed || 'not measured', target),
        );
      }
      const unchanged = get(UNCHANGED);
      if (unchanged)
        rows.push(
          row('Read (HTTP)', UNCHANGED, unchanged, TARGETS.readUnchanged, {
            note: 'no body: the page keeps its copy',
          }),
        );
    } else {
      rows.push(skipped('Baseline', ROUND_TRIP, 'skipped (--no-http)', TARGETS.roundTrip));
      for (const spec of specs)
        rows.push(skipped('Read (HTTP)', label(spec), 'skipped (--no-http)', targetOf(spec, false)));
    }
    if (options.browser) {
      log('Chromium…');
      rows.push(
        ...(await measureBrowser({
          origin: server.origin,
          url: server.url,
          blankOrigin: baselines.origin,
          budget: b.browser,
        })),
      );
    } else {
      for (const name of BROWSER_ROWS) rows.push(skipped('Chromium', name, 'skipped (--no-browser)'));
    }
  } finally {
    await server.stop();
    await baselines.stop();
  }
  log('Launch…');
  rows.push(...(await measureLaunch(workFile, b.launch)));
  return rows;
}

/** The build browser mode serves (and launch runs): built when it is not current. */
function ensureBuild(): void {
  if (buildIsCurrent(ROOT)) return;
  log('  the build is not current: running electron-vite build…');
  const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
}

const USAGE = `Usage: npm run bench -- [--quick] [--db FILE] [--years N] [--seed N] [--results FILE] [--no-http] [--no-browser] [--only sync]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      years: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      quick: { type: 'boolean', default: false },
      results: { type: 'string' },
      'no-http': { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const years = Number(values.years);
  const seed = Number(values.seed);
  if (!(years > 0) || !Number.isInteger(seed) || (values.only !== undefined && values.only !== 'sync')) {
    console.error(USAGE);
    process.exit(2);
  }
  // npm runs scripts from the package root; relative paths mean where the user typed them.
  const base = process.env.INIT_CWD ?? '.';
  const db = values.db ? resolve(base, values.db) : join(ROOT, '.bench', '10y.db');
  const results = values.results ? resolve(base, values.results) : join(ROOT, '.bench', 'results.json');
  await runBench({
    db,
    years,
    seed,
    quick: values.quick,
    results,
    http: !values['no-http'],
    browser: !values['no-browser'],
    ...(values.only === 'sync' ? { only: 'sync' as const } : {}),
  });
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
