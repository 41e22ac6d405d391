/**
 * `npm run bench:generate -- --years 10 --out FILE [--seed N] [--force]`: a workspace with years
 * of history (`bench/history.ts`), written through the services (so every rule holds and the
 * change log is the one real use would leave), sprint by sprint in the order things happen, each
 * sprint in one transaction. As in `src/main/example.ts`, every input passes the contract's schema first, and
 * the services' clock (`ws.now`, which the change log's clock reads too) is moved to when each
 * event happened, so the history spreads over the years and never passes the real now.
 *
 * Ten years: 260 sprints, 40 people, 60 goals, 400 initiatives, 3,000 milestones, ~5,000 sprint
 * goals with outcomes (carry-overs included), 20,000 polish issues, 50,000 retro notes with votes,
 * 5,000 action items; other lengths scale linearly. The same seed gives the same content (ids
 * are uuid v7, drawn by the write path from the real clock, so they differ from run to run).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openWorkspace } from '../src/main/db/open.ts';
import { workspaceInfo } from '../src/main/services/workspace.ts';
import { writeHistory } from './history.ts';
import { planFor, type Plan } from './plan.ts';
import { Random } from './random.ts';

export interface GenerateOptions {
  years: number;
  out: string;
  seed?: number;
  /** Replace an existing file at `out`. */
  force?: boolean;
  log?: (line: string) => void;
}

export interface GenerateResult {
  file: string;
  plan: Plan;
  counts: Record<string, number>;
  changes: number;
  seconds: number;
  /** CPU time of this process: the generator's own cost, whatever else the machine runs. */
  cpuSeconds: number;
  bytes: number;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? 1;
  const out = resolve(options.out);
  if (existsSync(out) && !options.force) throw new Error(`${out} exists; pass --force to replace it`);
  const partial = `${out}.partial`;
  for (const file of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(file, { force: true });
  const plan = planFor(options.years);
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  log(
    `Generating ${options.years} year(s) (seed ${seed}): ${plan.sprints} sprints, ${plan.people} people, ` +
      `${plan.goals} goals, ${plan.initiatives} initiatives, ${plan.milestones} milestones, ` +
      `~${plan.sprintGoals} sprint goals, ${plan.polish} polish issues, ${plan.retroNotes} retro notes, ` +
      `${plan.actionItems} action items`,
  );

  const ws = await openWorkspace(partial);
  const realNow = ws.now();
  let simulated = realNow;
  ws.now = () => simulated;
  ws.action = null;
  try {
    writeHistory(
      ws,
      new Random(seed),
      plan,
      realNow,
      (at) => (simulated = at < realNow ? at : realNow),
      log,
      started,
    );
    ws.now = () => new Date();
    const counts = workspaceInfo(ws).counts;
    const changes = (ws.db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.db.close();
    for (const file of [out, `${out}-wal`, `${out}-shm`]) rmSync(file, { force: true });
    renameSync(partial, out);
    const { size } = await import('node:fs').then((fs) => fs.statSync(out));
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    log(
      `Done in ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s): ${out} (${(size / 1e6).toFixed(0)} MB), ${changes.toLocaleString('en')} changes; ` +
        Object.entries(counts)
          .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
          .join(', '),
    );
    return { file: out, plan, counts, changes, seconds, cpuSeconds, bytes: size };
  } catch (error) {
    if (ws.db.open) ws.db.close();
    throw error;
  }
}

const USAGE = `Usage: npm run bench:generate -- --years N --out FILE [--seed N] [--force]`;

async function main(): Promise<void> {
  let values;
  try {
    values = parseArgs({
      options: {
        years: { type: 'string', default: '10' },
        out: { type: 'string' },
        seed: { type: 'string', default: '1' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const years = Number(values.years);
  const seed = Number(values.seed);
  if (!values.out || !(years > 0 && years <= 50) || !Number.isInteger(seed)) {
    console.error(USAGE);
    process.exit(2);
  }
  // npm runs scripts from the package root; a relative --out means where the user typed it.
  const out = resolve(process.env.INIT_CWD ?? '.', values.out);
  await generate({ years, out, seed, force: values.force, log: (line) => console.log(line) });
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
