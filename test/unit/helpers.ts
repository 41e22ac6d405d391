/** Test helpers: real workspaces in temp folders, and a content dump to prove "nothing changed". */
import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import { openCore, type Core } from '../../src/main/api/core.ts';
import { startCore, type CoreClient } from '../../src/main/api/core-client.ts';
import type { Input, MethodName, Output } from '../../src/shared/contract.ts';
import type { DB } from '../../src/main/db/open.ts';

/** The command line as users start it: `node src/cli/fortnight.mjs …`. */
export const CLI = resolve(import.meta.dirname, '../../src/cli/fortnight.mjs');

/** Runs the command line to its end: its exit code and what it printed. */
export function fortnight(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dirs: string[] = [];
const cores: Core[] = [];
const clients: CoreClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  for (const core of cores.splice(0)) core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fortnight-test-'));
  dirs.push(dir);
  return dir;
}

export async function tempCore(file = join(tempDir(), 'workspace.db')): Promise<Core> {
  const core = await openCore(file);
  cores.push(core);
  return core;
}

/** The core in its worker threads, as the doors run it, on a workspace file (closed after the test). */
export async function workerCore(file: string): Promise<CoreClient> {
  const client = await startCore(file);
  clients.push(client);
  return client;
}

/** Calls a method that must succeed, and returns its value. */
export function must<M extends MethodName>(core: Core, method: M, input: Input<M>): Output<M> {
  const result = core.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as Output<M>;
}

/** Calls a method that must be refused, and returns its error. */
export function refused<M extends MethodName>(core: Core, method: M, input: unknown) {
  const result = core.call(method, input);
  if (result.ok) throw new Error(`${method} succeeded but should have been refused`);
  return result.error;
}

/** Every row of every table, in a stable order: equal dumps mean equal content. */
export function dump(db: DB): string {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  return JSON.stringify(
    tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]),
  );
}

/** Every row of every table of a workspace file, read as it is on disk (opened read-only). */
export function dumpFile(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return dump(db);
  } finally {
    db.close();
  }
}

/** A small roadmap: two people, a goal with two initiatives, and an active sprint. */
export function seed(core: Core) {
  const ada = must(core, 'people.create', { name: 'Ada', handle: 'ada', timeZone: 'Europe/Berlin' });
  const bo = must(core, 'people.create', { name: 'Bo', handle: 'bo', timeZone: 'America/New_York' });
  const goal = must(core, 'goals.create', { title: 'Faster builds', ownerIds: [ada.id] });
  const cache = must(core, 'initiatives.create', {
    goalId: goal.id,
    title: 'Incremental cache',
    ownerIds: [ada.id],
  });
  const remote = must(core, 'initiatives.create', { goalId: goal.id, title: 'Remote execution' });
  const sprint = must(core, 'sprints.createNext', { startDate: '2026-11-09' });
  return { ada, bo, goal, cache, remote, sprint };
}

/** A workspace whose clock the test sets. */
export async function clockedCore(start = '2026-11-01T12:00:00Z') {
  const core = await tempCore();
  let now = new Date(start);
  core.workspace.now = () => now;
  const at = (iso: string) => {
    now = new Date(iso);
  };
  return { core, at };
}

const isRoot = process.getuid?.() === 0;

/** Makes `path` unwritable for this process; returns how to undo it, or null when it can't. */
export function lockAgainstWrites(path: string, folder: boolean): (() => void) | null {
  if (!isRoot) {
    chmodSync(path, folder ? 0o555 : 0o444);
    return () => chmodSync(path, folder ? 0o755 : 0o644);
  }
  try {
    execFileSync('chattr', ['+i', path], { stdio: 'pipe' });
    return () => execFileSync('chattr', ['-i', path]);
  } catch (error) {
    console.log(`Skipped: as root, only chattr +i makes ${path} read-only, and it failed: ${String(error)}`);
    return null;
  }
}
