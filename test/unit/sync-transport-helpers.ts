/** Helpers of the transport tests: what "the same workspace" means, the CLI as a child process. */
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import type { Core } from '../../src/main/api/core.ts';
import type { SyncSummary } from '../../src/shared/contract.ts';
import type { DB } from '../../src/main/db/open.ts';
import { CLI, must } from './helpers.ts';

/** A CLI process costs seconds on a loaded machine: generous, never tight. */
export const CLI_TIMEOUT_MS = 120_000;

/** Tables that stay on each installation: the log and its bookkeeping, undo, whose installation it is. */
const LOCAL = /^(sqlite_|sync_)|^(meta|changes|actions|replicas)$/;

/** Every row of every synced table, in a stable order: equal dumps mean the replicas converged. */
export function syncedDump(db: DB): Record<string, unknown[]> {
  const tables = (
    db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as {
      name: string;
    }[]
  )
    .map((row) => row.name)
    .filter((name) => !LOCAL.test(name));
  return Object.fromEntries(
    tables.map((name) => {
      // Every column in turn (the first three at most): a table may have fewer than three.
      const columns = Math.min(3, db.prepare(`SELECT * FROM "${name}" LIMIT 0`).columns().length);
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
      return [name, db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all()];
    }),
  );
}

/** The synced content of a workspace file no process holds open. */
export function contentOf(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return syncedDump(db);
  } finally {
    db.close();
  }
}

/** A little of everything: people, a goal with an initiative and a milestone, a sprint with a goal. */
export function someWork(core: Core, tag: string) {
  const person = must(core, 'people.create', { name: `Person ${tag}`, timeZone: 'UTC' });
  const goal = must(core, 'goals.create', { title: `Goal ${tag}`, ownerIds: [person.id] });
  const initiative = must(core, 'initiatives.create', { goalId: goal.id, title: `Initiative ${tag}` });
  must(core, 'milestones.create', { initiativeId: initiative.id, title: `Milestone ${tag}` });
  return { person, goal, initiative };
}

/** Calls a sync method that must succeed, and returns its summary. */
export function synced(core: Core, method: 'sync.folder' | 'sync.git' | 'sync.importChanges', input: object) {
  const result = core.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as SyncSummary;
}

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The CLI, to the end. */
export function fortnight(args: string[], env: NodeJS.ProcessEnv = process.env): Ran {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: CLI_TIMEOUT_MS, env });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

/** The CLI in the background: its end, and a way to kill it. */
export function fortnightAsync(args: string[]): { done: Promise<Ran>; kill: () => void } {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Ran>((settle) =>
    child.on('close', (code, signal) => settle({ code, signal, stdout, stderr })),
  );
  const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT_MS);
  void done.finally(() => clearTimeout(timer));
  return { done, kill: () => child.kill('SIGKILL') };
}

/** The one summary line a sync prints. */
export const SUMMARY_LINE =
  /^Sent [\d,]+ changes?; received [\d,]+ changes?( from [\d,]+ installations?)?; [\d,]+ conflicts? recorded\.$/m;
