/** Timing, the rows of the results table, the performance targets, and printing them. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export type Unit = 'ms' | 'MB' | '×' | 's' | 'B';

/**
 * What a calibrated target is a multiple of, measured in the same run: the blank page's load in
 * the same Chromium, a bare HTTP round trip from the same client, (for a read over HTTP) twice
 * the same read in-process plus that round trip, or (for a catch-up) the same changes inserted
 * into an empty change log with bare better-sqlite3.
 */
export type Baseline = 'blank page' | 'round trip' | '2 × in-process + round trip' | 'bare log insert';

export interface Target {
  /** Which figure the target is about. */
  stat: 'median' | 'p95';
  /** The budget in the row's unit; for a calibrated target, what `times` came to on the reference machine. */
  max: number;
  /** A calibrated target: met when the figure is at most `times` × the baseline's median. */
  times?: number;
  of?: Baseline;
}

export interface Row {
  group: string;
  name: string;
  unit: Unit;
  median: number | null;
  p95: number | null;
  /** Median CPU time of this process per sample (in-process timings only): wall minus waiting. */
  cpu?: number | null;
  /** Samples taken (0 when skipped). */
  n: number;
  target?: Target;
  /** null: no target, or nothing measured. */
  pass: boolean | null;
  /** A calibrated row: its figure ÷ the baseline, and the budget that made in ms this run. */
  ratio?: number | null;
  limit?: number | null;
  note?: string;
}

export interface Stats {
  median: number;
  p95: number;
  n: number;
}

/** Nearest-rank percentile of a sample (q in 0..1). */
export function percentile(samples: readonly number[], q: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export function stats(samples: readonly number[]): Stats {
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95), n: samples.length };
}

export interface Budget {
  iterations: number;
  warmup: number;
  /** Stop sampling after this long (ms), once at least 3 samples are in. */
  maxMs: number;
}

/** Wall-clock samples, with the process's CPU time for each (synchronous code only). */
export interface Samples {
  wall: number[];
  cpu: number[];
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * A full garbage collection now. Each measure starts with one, so that none pays for the garbage
 * an earlier one left (the import leaves hundreds of MB, and collecting a heap that size takes
 * tens of milliseconds, which would land in some later sample: over HTTP, in this process's
 * client, which stands in for a page's small heap).
 */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/**
 * Times `fn` (ms per call) after a garbage collection and `warmup` untimed calls; `fn(i)` gets
 * the iteration number. The CPU time beside each sample tells real cost from waiting on a busy
 * machine.
 */
export function timeSync(fn: (i: number) => void, budget: Budget): Samples {
  collectGarbage();
  for (let i = 0; i < budget.warmup; i++) fn(-1 - i);
  const samples: Samples = { wall: [], cpu: [] };
  const start = performance.now();
  for (let i = 0; i < budget.iterations; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    fn(i);
    samples.wall.push(performance.now() - t0);
    samples.cpu.push(cpuMs() - c0);
    if (samples.wall.length >= 3 && performance.now() - start > budget.maxMs) break;
  }
  return samples;
}

export async function timeAsync(fn: (i: number) => Promise<void>, budget: Budget): Promise<Samples> {
  collectGarbage();
  for (let i = 0; i < budget.warmup; i++) await fn(-1 - i);
  const samples: Samples = { wall: [], cpu: [] };
  const start = performance.now();
  for (let i = 0; i < budget.iterations; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    await fn(i);
    samples.wall.push(performance.now() - t0);
    samples.cpu.push(cpuMs() - c0);
    if (samples.wall.length >= 3 && performance.now() - start > budget.maxMs) break;
  }
  return samples;
}

/** A measured row; the target is checked against the figure it names. */
export function row(
  group: string,
  name: string,
  samples: readonly number[] | Samples | Stats,
  target?: Target,
  options: { unit?: Unit; note?: string } = {},
): Row {
  const s = Array.isArray(samples)
    ? stats(samples)
    : 'wall' in samples
      ? stats(samples.wall)
      : (samples as Stats);
  const cpu = 'cpu' in samples && !Array.isArray(samples) ? round(percentile(samples.cpu, 0.5)) : undefined;
  const figure = target ? (target.stat === 'median' ? s.median : s.p95) : NaN;
  return {
    group,
    name,
    unit: options.unit ?? 'ms',
    median: round(s.median),
    p95: round(s.p95),
    ...(cpu !== undefined ? { cpu } : {}),
    n: s.n,
    ...(target ? { target } : {}),
    pass: target && Number.isFinite(figure) ? figure <= target.max : null,
    ...(options.note ? { note: options.note } : {}),
  };
}

/** A single figure (a heap size, a ratio): median and p95 are the same number. */
export function single(
  group: string,
  name: string,
  value: number,
  unit: Unit,
  target?: Target,
  note?: string,
): Row {
  return row(group, name, { median: value, p95: value, n: 1 }, target, { unit, ...(note ? { note } : {}) });
}

/** A row that could not be measured, with the reason. */
export function skipped(group: string, name: string, note: string, target?: Target): Row {
  return {
    group,
    name,
    unit: 'ms',
    median: null,
    p95: null,
    n: 0,
    ...(target ? { target } : {}),
    pass: null,
    note,
  };
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);

// ---- the performance targets (medians on this machine kind, except where p95 is named) -----

export const TARGETS = {
  open: { stat: 'median', max: 150 },
  readInProcess: { stat: 'p95', max: 10 },
  readHttp: { stat: 'p95', max: 20, times: 1, of: '2 × in-process + round trip' },
  write: { stat: 'p95', max: 5 },
  blankPage: { stat: 'median', max: 50 },
  roundTrip: { stat: 'median', max: 1 },
  /** A returning user's reload: each screen usable. */
  screenUsable: { stat: 'median', max: 300, times: 6, of: 'blank page' },
  /** Inside the running app, no reload: Ctrl+1…6, the navigation, a meeting step's click. */
  screenSwitch: { stat: 'p95', max: 100, times: 2, of: 'blank page' },
  /** A meeting action shows: note after Enter, outcome after D, polish done, sprint goal added. */
  actionShown: { stat: 'p95', max: 50, times: 1, of: 'blank page' },
  /** roadmap.view that the page already has, nothing changed: a 304 with no body. */
  readUnchanged: { stat: 'p95', max: 2, times: 2, of: 'round trip' },
  /** `npm start` / `npm run web` with nothing to rebuild, until it prints its address. */
  launch: { stat: 'median', max: 1000 },
  heap: { stat: 'median', max: 150 },
  summaryExport: { stat: 'median', max: 50 },
  /** The monthly update's draft (and its exports) for a month of the workspace. */
  monthlyUpdate: { stat: 'median', max: 100 },
  roadmapExport: { stat: 'median', max: 500 },
  roadmapImport: { stat: 'median', max: 3000 },
  readDuringImport: { stat: 'p95', max: 50 },
  /**
   * A new installation catches the whole workspace up from a folder: 10 s where the bare insert
   * of the same changes into the log takes 4.4 s.
   */
  syncCatchUp: { stat: 'median', max: 10_000, times: 2.25, of: 'bare log insert' },
  /** A read through the worker threads while a catch-up writes. */
  readDuringSync: { stat: 'p95', max: 100 },
  /** One meeting's edits (about 500 changes) received into the workspace. */
  syncExchange: { stat: 'median', max: 100 },
  /** A sync that finds nothing new, 40 installations' folders present. */
  syncIdle: { stat: 'median', max: 20 },
  bareRatio: { stat: 'median', max: 3 },
} as const satisfies Record<string, Target>;

// ---- calibration ----------------------------------------------------------------------------

/** A baseline's figures (ms), or null where it could not be measured. */
export type BaselineFigures = { median: number; p95: number } | null;

/** The same run's baselines. */
export interface Baselines {
  blankPage: BaselineFigures;
  roundTrip: BaselineFigures;
  bareLogInsert: BaselineFigures;
}

/**
 * Checks each calibrated row against its baseline: the ratio and this run's budget, met when the
 * ratio is. A median is compared with the baseline's median, a p95 with its p95 (both sampled
 * on the same machine at the same time). `inProcess` finds the in-process twin of a read over
 * HTTP. Without its baseline a row keeps the reference machine's budget in ms, and says so.
 */
export function calibrate(
  rows: Row[],
  baselines: Baselines,
  inProcess: (row: Row) => Row | undefined,
): Row[] {
  return rows.map((r) => {
    const t = r.target;
    if (!t?.times || !t.of || r.n === 0) return r;
    const stat = (x: { median: number | null; p95: number | null } | null | undefined) =>
      (t.stat === 'median' ? x?.median : x?.p95) ?? null;
    const figure = stat(r);
    const twin = t.of === '2 × in-process + round trip' ? stat(inProcess(r)) : null;
    const trip = stat(baselines.roundTrip);
    const base =
      t.of === 'blank page'
        ? stat(baselines.blankPage)
        : t.of === 'bare log insert'
          ? stat(baselines.bareLogInsert)
          : t.of === 'round trip'
            ? trip
            : twin !== null && trip !== null
              ? 2 * twin + trip
              : null;
    if (base === null || figure === null || !(base > 0)) {
      const note = `${t.of} not measured: checked against ${t.max} ${r.unit}`;
      return { ...r, ratio: null, limit: null, note: r.note ? `${r.note}; ${note}` : note };
    }
    const ratio = figure / base;
    return { ...r, ratio: round(ratio), limit: round(t.times * base), pass: ratio <= t.times };
  });
}

// ---- printing -------------------------------------------------------------------------------

const fmt = (x: number | null, unit: Unit) =>
  x === null ? '–' : unit === '×' ? `${x.toFixed(2)}×` : x >= 100 ? x.toFixed(0) : x.toFixed(2);

const targetText = (r: Row) => {
  const t = r.target;
  if (!t) return '';
  const stat = t.stat === 'p95' ? 'p95' : 'med';
  if (t.times && t.of && r.limit != null) {
    const times = t.of.startsWith('2 ×') ? '' : `${t.times}× `;
    return `${stat} ≤ ${times}${t.of} (${fmt(r.limit, r.unit)} ${r.unit})`;
  }
  return `${stat} ≤ ${t.max}${r.unit === '×' ? '×' : ` ${r.unit}`}`;
};

const mark = (r: Row) => (r.pass === null ? (r.target && r.n === 0 ? 'skip' : '') : r.pass ? '✓' : '✗');

/**
 * The table as Markdown (it reads as plain text too). `readme`: without the CPU, sample count and
 * note columns, as the README shows it.
 */
export function table(
  rows: readonly Row[],
  { columns = 'all' }: { columns?: 'all' | 'readme' } = {},
): string {
  const all = ['Group', 'Measure', 'Median', 'p95', 'CPU', 'n', '÷ base', 'Target', 'Met', 'Note'];
  const shown = columns === 'all' ? all : ['Group', 'Measure', 'Median', 'p95', '÷ base', 'Target', 'Met'];
  const cells = (r: Row): Record<string, string> => ({
    Group: r.group,
    Measure: r.name,
    Median: r.median === null ? '–' : `${fmt(r.median, r.unit)}${r.unit === '×' ? '' : ` ${r.unit}`}`,
    p95: r.p95 === null || r.unit === '×' || r.unit === 'MB' ? '–' : `${fmt(r.p95, r.unit)} ${r.unit}`,
    CPU: r.cpu == null ? '' : `${fmt(r.cpu, r.unit)} ${r.unit}`,
    n: String(r.n),
    '÷ base': r.ratio == null ? '' : `${r.ratio.toFixed(2)}×`,
    Target: targetText(r),
    Met: mark(r),
    Note: (r.note ?? '').replace(/\|/g, '\\|'),
  });
  const lines = rows.map((r) => {
    const c = cells(r);
    return shown.map((h) => c[h]!);
  });
  const widths = shown.map((h, i) => Math.max(h.length, ...lines.map((l) => [...l[i]!].length)));
  const line = (cs: string[]) =>
    `| ${cs.map((c, i) => c + ' '.repeat(Math.max(0, widths[i]! - [...c].length))).join(' | ')} |`;
  return [line(shown), line(widths.map((w) => '-'.repeat(w))), ...lines.map(line)].join('\n');
}

export function summary(rows: readonly Row[]): string {
  const failed = rows.filter((r) => r.pass === false);
  const checked = rows.filter((r) => r.pass !== null);
  const skippedRows = rows.filter((r) => r.n === 0);
  return [
    `${checked.length - failed.length}/${checked.length} targets met` +
      (skippedRows.length ? `, ${skippedRows.length} row(s) skipped` : ''),
    ...failed.map(
      (r) =>
        `  ✗ ${r.group} · ${r.name}: ${fmt(r.target?.stat === 'p95' ? r.p95 : r.median, r.unit)} (${targetText(r)})`,
    ),
  ].join('\n');
}
