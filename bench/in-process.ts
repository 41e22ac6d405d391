/**
 * The reads in-process, through the core (schema + handler), each main list read beside the bare
 * better-sqlite3 query that fetches the same rows, and the meeting's typical writes.
 */
import { type Core } from '../src/main/api/core.ts';
import { isMethodName } from '../src/shared/contract.ts';
import { BARE, itemCount } from './bare.ts';
import {
  TARGETS,
  percentile,
  row,
  single,
  skipped,
  stats,
  timeSync,
  type Budget,
  type Row,
  type Target,
} from './measure.ts';
import {
  chooseInput,
  describeValue,
  unmeasuredReads,
  type Context as ReadContext,
  type ReadSpec,
} from './reads.ts';
import { writeSpecs } from './writes.ts';

export const label = (spec: ReadSpec) => (spec.label ? `${spec.method} (${spec.label})` : spec.method);

export const targetOf = (spec: ReadSpec, inProcess: boolean): Target =>
  spec.kind === 'summary'
    ? TARGETS.summaryExport
    : spec.kind === 'update'
      ? TARGETS.monthlyUpdate
      : spec.kind === 'export'
        ? TARGETS.roadmapExport
        : inProcess
          ? TARGETS.readInProcess
          : TARGETS.readHttp;

export function mustCall(core: Core, method: string, input: unknown): unknown {
  const result = core.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

export interface ReadResults {
  rows: Row[];
  /** The input chosen for each read that was measured. */
  chosen: Map<ReadSpec, unknown>;
}

export function measureReads(
  core: Core,
  specs: ReadSpec[],
  context: ReadContext,
  budgets: { read: Budget; export: Budget },
  log: (line: string) => void,
): ReadResults {
  const rows: Row[] = [];
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
    let value: unknown;
    try {
      value = mustCall(core, spec.method, choice.input);
    } catch (error) {
      rows.push(skipped(group, label(spec), `failed: ${(error as Error).message}`, targetOf(spec, true)));
      continue;
    }
    chosen.set(spec, choice.input);
    const samples = timeSync(
      () => void core.call(spec.method, choice.input),
      spec.kind ? budgets.export : budgets.read,
    );
    rows.push(row(group, label(spec), samples, targetOf(spec, true), { note: describeValue(value) }));
    if (spec.bare) {
      const input = choice.input;
      serviceCalls.set(spec.bare, { call: () => core.call(spec.method, input), count: itemCount(value) });
    }
  }
  for (const method of unmeasuredReads(specs))
    log(`  note: read ${method} is in the contract but not measured here (add it to bench/reads.ts)`);
  rows.push(...measureBare(core, context, serviceCalls, budgets.read));
  return { rows, chosen };
}

/**
 * Each service read and its bare twin alternate, so both see the same machine; the ratio is of
 * CPU times (the process's own work), which a busy shared machine disturbs far less.
 */
function measureBare(
  core: Core,
  context: ReadContext,
  serviceCalls: Map<string, { call: () => unknown; count: number }>,
  budget: Budget,
): Row[] {
  const rows: Row[] = [];
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
      ...budget,
      iterations: budget.iterations * 2,
      maxMs: budget.maxMs * 2,
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
  return rows;
}

/** The meeting's typical writes, on the copy `work` of the workspace. */
export function measureWrites(work: Core, context: ReadContext, budget: Budget): Row[] {
  const rows: Row[] = [];
  for (const spec of writeSpecs(work, context)) {
    const name = `${spec.method} (${spec.label})`;
    if (!isMethodName(spec.method)) {
      rows.push(skipped('Write (in-process)', name, 'not in the contract', TARGETS.write));
      continue;
    }
    try {
      const samples = timeSync((i) => void mustCall(work, spec.method, spec.input(i)), budget);
      // Wall-clock spikes with no CPU behind them are the machine (or the disk), not the write.
      const note = `CPU p95 ${percentile(samples.cpu, 0.95).toFixed(2)} ms`;
      rows.push(row('Write (in-process)', name, samples, TARGETS.write, { note }));
    } catch (error) {
      rows.push(skipped('Write (in-process)', name, `failed: ${(error as Error).message}`, TARGETS.write));
    }
  }
  return rows;
}
