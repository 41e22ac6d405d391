/**
 * `npm run bench [-- --quick] [--db FILE] [--years N] [--seed N] [--results FILE]`
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
 * - in Chromium: navigation → roadmap / meeting steps usable (painted), Enter → retro note painted,
 *   JS heap.
 *
 * `--quick` (the smoke test's mode) takes few samples and skips HTTP and Chromium.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCore, type Core } from '../src/main/api/core.ts';
import { startCore } from '../src/main/api/core-client.ts';
import { isMethodName } from '../src/shared/contract.ts';
import { BARE, itemCount } from './bare.ts';
import { BROWSER_ROWS, measureBrowser } from './browser.ts';
import { generate } from './generate.ts';
import { measureHttp, startServer } from './http.ts';
import {
  TARGETS,
  percentile,
  row,
  single,
  skipped,
  stats,
  summary,
  table,
  timeAsync,
  timeSync,
  type Budget,
  type Row,
  type Target,
} from './measure.ts';
import {
  chooseInput,
  describeValue,
  readContext,
  readSpecs,
  unmeasuredReads,
  type ReadSpec,
} from './reads.ts';
import { writeSpecs } from './writes.ts';

const ROOT = resolve(import.meta.dirname, '..');

interface Options {
  db: string;
  years: number;
  seed: number;
  quick: boolean;
  results: string;
  browser: boolean;
  http: boolean;
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
    http: b(30, 3, 8_000),
    browser: quick ? { iterations: 1, warmup: 0, maxMs: 0 } : { iterations: 5, warmup: 1, maxMs: 0 },
  };
};

const label = (spec: ReadSpec) => (spec.label ? `${spec.method} (${spec.label})` : spec.method);
const targetOf = (spec: ReadSpec, inProcess: boolean): Target =>
  spec.kind === 'summary'
    ? TARGETS.summaryExport
    : spec.kind === 'export'
      ? TARGETS.roadmapExport
      : inProcess
        ? TARGETS.readInProcess
        : TARGETS.readHttp;

function mustCall(core: Core, method: string, input: unknown): unknown {
  const result = core.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

const log = (line: string) => console.log(line);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

export async function runBench(options: Options): Promise<{ rows: Row[]; results: string }> {
  const b = budgets(options.quick);
  const rows: Row[] = [];
  const workDir = dirname(options.results);
  mkdirSync(workDir, { recursive: true });
  log(`Fortnight benchmark · Node ${process.version} · ${cpus().length} CPU(s) · load average ${load()}`);

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

  // ---- opening ---------------------------------------------------------------------------
  log('Opening the database…');
  rows.push(
    row(
      'Open',
      'openCore: pragmas, migration check, clock',
      await timeAsync(async () => (await openCore(options.db)).close(), b.open),
      TARGETS.open,
    ),
  );

  // ---- reads in-process, and the bare-SQL twins -------------------------------------------
  log('Reads in-process…');
  const core = await openCore(options.db);
  const context = readContext(core.workspace.db);
  const counts = mustCall(core, 'workspace.info', {}) as { counts: Record<string, number> };
  const specs = readSpecs(context);
  const chosen = new Map<ReadSpec, unknown>();
  const serviceCalls = new Map<string, { call: () => unknown; count: number }>();
  for (const spec of specs) {
    const group = spec.kind ? 'Export' : 'Read (in-process)';
    const choice = chooseInput(spec);
    if ('skip' in choice) {
      log(`  note: ${spec.method} skipped: ${choice.skip}`);
      rows.push(skipped(group, label(spec), `skipped: ${choice.skip}`, targetOf(spec, true)));
      continue;
    }
    chosen.set(spec, choice.input);
    let value: unknown;
    try {
      value = mustCall(core, spec.method, choice.input);
    } catch (error) {
      rows.push(skipped(group, label(spec), `failed: ${(error as Error).message}`, targetOf(spec, true)));
      chosen.delete(spec);
      continue;
    }
    const samples = timeSync(() => void core.call(spec.method, choice.input), spec.kind ? b.export : b.read);
    rows.push(row(group, label(spec), samples, targetOf(spec, true), { note: describeValue(value) }));
    if (spec.bare) {
      const input = choice.input;
      serviceCalls.set(spec.bare, { call: () => core.call(spec.method, input), count: itemCount(value) });
    }
  }
  for (const method of unmeasuredReads(specs))
    log(`  note: read ${method} is in the contract but not measured here (add it to bench/reads.ts)`);

  // Each service read and its bare twin alternate, so both see the same machine; the ratio is
  // of CPU times (the process's own work), which a busy shared machine disturbs far less.
  log('Bare SQL twins…');
  for (const [key, factory] of Object.entries(BARE)) {
    const service = serviceCalls.get(key);
    const name = `${key} ÷ bare SQL`;
    if (!service) {
      rows.push(skipped('Layers ÷ bare SQL', name, 'the service read was not measured', TARGETS.bareRatio));
      continue;
    }
    const bare = factory(core.workspace.db, context);
    const bareRows = bare();
    const pair = timeSync((i) => void (i % 2 === 0 ? service.call() : bare()), {
      ...b.read,
      iterations: b.read.iterations * 2,
      maxMs: b.read.maxMs * 2,
    });
    const half = (xs: number[], parity: number) => xs.filter((_, i) => i % 2 === parity);
    const [serviceCpu, bareCpu] = [0, 1].map((p) => stats(half(pair.cpu, p)).median) as [number, number];
    const [serviceWall, bareWall] = [0, 1].map((p) => stats(half(pair.wall, p)).median) as [number, number];
    const rowsNote =
      key === 'roadmap.view'
        ? ''
        : bareRows === service.count
          ? `, ${bareRows} rows`
          : `, rows differ: service ${service.count}, bare ${bareRows}`;
    rows.push(
      single(
        'Layers ÷ bare SQL',
        name,
        bareCpu > 0 ? serviceCpu / bareCpu : NaN,
        '×',
        TARGETS.bareRatio,
        `CPU ${serviceCpu.toFixed(2)} vs ${bareCpu.toFixed(2)} ms (wall ${serviceWall.toFixed(2)} vs ${bareWall.toFixed(2)})${rowsNote}`,
      ),
    );
  }
  core.close();

  // ---- writes, on a copy -------------------------------------------------------------------
  const workFile = join(workDir, 'work.db');
  for (const f of [workFile, `${workFile}-wal`, `${workFile}-shm`]) rmSync(f, { force: true });
  const source = new Database(options.db, { readonly: true });
  await source.backup(workFile);
  source.close();
  log('Writes (on a copy)…');
  const work = await openCore(workFile);
  for (const spec of writeSpecs(work, context)) {
    const name = `${spec.method} (${spec.label})`;
    if (!isMethodName(spec.method)) {
      rows.push(skipped('Write (in-process)', name, 'not in the contract', TARGETS.write));
      continue;
    }
    try {
      const samples = timeSync((i) => void mustCall(work, spec.method, spec.input(i)), b.write);
      // Wall-clock spikes with no CPU behind them are the machine (or the disk), not the write.
      const note = `CPU p95 ${percentile(samples.cpu, 0.95).toFixed(2)} ms`;
      rows.push(row('Write (in-process)', name, samples, TARGETS.write, { note }));
    } catch (error) {
      rows.push(skipped('Write (in-process)', name, `failed: ${(error as Error).message}`, TARGETS.write));
    }
  }

  // ---- the roadmap's import (its export is timed with the reads) -----------------------------
  log('Roadmap import…');
  if (isMethodName('roadmap.export') && isMethodName('roadmap.import')) {
    try {
      const { files } = mustCall(work, 'roadmap.export', { variant: 'folder' }) as { files: unknown[] };
      if (isMethodName('roadmap.previewImport')) {
        const samples = timeSync(() => void mustCall(work, 'roadmap.previewImport', { files }), b.import);
        rows.push(
          row(
            'Import',
            `roadmap.previewImport (${files.length} files, onto this workspace)`,
            samples,
            TARGETS.roadmapImport,
          ),
        );
      }
      const samples = await timeAsync(async () => {
        const file = join(workDir, 'import.db');
        for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
        const fresh = await openCore(file);
        try {
          mustCall(fresh, 'roadmap.import', { files });
        } finally {
          fresh.close();
          for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
        }
      }, b.import);
      rows.push(
        row(
          'Import',
          `roadmap.import (${files.length} files, into an empty workspace)`,
          samples,
          TARGETS.roadmapImport,
          { note: 'includes opening the empty workspace' },
        ),
      );
      rows.push(await readsDuringImport(workDir, files));
    } catch (error) {
      rows.push(
        skipped('Import', 'roadmap.import', `failed: ${(error as Error).message}`, TARGETS.roadmapImport),
      );
    }
  } else {
    rows.push(
      skipped(
        'Import',
        'roadmap.import',
        'roadmap.export / roadmap.import not in the contract yet',
        TARGETS.roadmapImport,
      ),
    );
  }
  // The meeting of the active sprint under way, as the meeting screen would find it mid-meeting.
  if (!work.call('meeting.get', { sprintId: context.activeSprintId }).ok) log('  note: meeting.get failed');
  const started = work.call('meeting.start', { sprintId: context.activeSprintId });
  if (!started.ok) log(`  note: meeting.start refused: ${started.error.message}`);
  work.close();

  // ---- browser mode: HTTP and Chromium -----------------------------------------------------
  if (options.quick || (!options.http && !options.browser)) {
    const why = options.quick ? 'skipped (--quick)' : 'skipped (--no-http --no-browser)';
    for (const spec of specs) rows.push(skipped('Read (HTTP)', label(spec), why, targetOf(spec, false)));
    for (const name of BROWSER_ROWS) rows.push(skipped('Chromium', name, why));
  } else {
    log('Browser mode…');
    ensureRenderer();
    const server = await startServer(workFile);
    try {
      if (options.http) {
        log('Reads over HTTP…');
        const measured = specs.filter((spec) => chosen.has(spec));
        const samples = await measureHttp({
          url: server.url,
          reads: measured.map((spec) => ({
            name: label(spec),
            method: spec.method,
            input: chosen.get(spec),
            budget: spec.kind ? b.export : b.http,
          })),
        });
        for (const spec of specs) {
          const name = label(spec);
          const target = targetOf(spec, false);
          const wall = 'error' in samples ? undefined : samples[name];
          rows.push(
            !chosen.has(spec)
              ? skipped('Read (HTTP)', name, 'not measured in-process', target)
              : wall
                ? row('Read (HTTP)', name, wall, target, { note: 'POST + JSON.parse, from a client process' })
                : skipped('Read (HTTP)', name, `failed: ${String(samples.error)}`, target),
          );
        }
      } else {
        for (const spec of specs)
          rows.push(skipped('Read (HTTP)', label(spec), 'skipped (--no-http)', targetOf(spec, false)));
      }
      if (options.browser) {
        log('Chromium…');
        rows.push(...(await measureBrowser({ origin: server.origin, url: server.url, budget: b.browser })));
      } else {
        for (const name of BROWSER_ROWS) rows.push(skipped('Chromium', name, 'skipped (--no-browser)'));
      }
    } finally {
      await server.stop();
    }
  }
  rmSync(`${workFile}-wal`, { force: true });
  rmSync(`${workFile}-shm`, { force: true });

  // ---- report ------------------------------------------------------------------------------
  console.log(`\n${table(rows)}\n\n${summary(rows)}\nload average at the end: ${load()}`);
  const results = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      loadAverage: loadavg(),
    },
    options: { ...options, db: options.db },
    workspace: { file: options.db, bytes: dbSize, counts: counts.counts },
    rows,
  };
  writeFileSync(options.results, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Results written to ${options.results}`);
  return { rows, results: options.results };
}

/** The built renderer: built when missing; a note when older than its sources. */
function ensureRenderer(): void {
  const index = join(ROOT, 'out', 'renderer', 'index.html');
  if (!existsSync(index)) {
    log('  the renderer is not built: running electron-vite build…');
    const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
    const build = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
}

const USAGE = `Usage: npm run bench -- [--quick] [--db FILE] [--years N] [--seed N] [--results FILE] [--no-http] [--no-browser]`;

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
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const years = Number(values.years);
  const seed = Number(values.seed);
  if (!(years > 0) || !Number.isInteger(seed)) {
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
  });
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}

/**
 * The door's side of an import, as the desktop app and browser mode run the core (worker
 * threads): while the import writes, a trivial read is asked for again and again, each timed
 * from the door's thread until its answer arrives.
 */
async function readsDuringImport(workDir: string, files: unknown[]): Promise<Row> {
  const file = join(workDir, 'import-door.db');
  const clean = () => {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  };
  clean();
  const client = await startCore(file);
  try {
    await client.call('workspace.info', {}); // both workers warm
    let importing = true;
    const imported = client.call('roadmap.import', { files }).finally(() => (importing = false));
    const samples: number[] = [];
    while (importing) {
      const t0 = performance.now();
      const answer = await client.call('workspace.info', {});
      if (!answer.ok) throw new Error(answer.error.message);
      samples.push(performance.now() - t0);
    }
    const result = await imported;
    if (!result.ok) throw new Error(result.error.message);
    return row(
      'Import',
      `workspace.info answered while roadmap.import runs (${files.length} files, worker threads)`,
      samples,
      TARGETS.readDuringImport,
      { note: `${samples.length} reads during the import` },
    );
  } finally {
    await client.close();
    clean();
  }
}
