#!/usr/bin/env node
/**
 * The command line: the same API methods as the app, plus database care (check, backup), for
 * scripting and for a terminal. `npm run cli -- <command>` or `fortnight <command>`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Core } from '../main/api/core.ts';
import { defaultDatabaseFile } from '../main/paths.ts';

/** An exit code: 0 done, 1 refused or failed, 2 the command line was wrong. */
type ExitCode = 0 | 1 | 2;

interface Command {
  /** Argument names; `[NAME]` is optional. */
  args: string[];
  summary: string;
  /** Refuse to create the database when the file doesn't exist yet. */
  needsDatabase?: boolean;
  run(core: Core, args: string[], dbFile: string, options: { out?: string }): Promise<ExitCode> | ExitCode;
}

class UsageError extends Error {}

/** A path as the user typed it: `npm run cli` runs from the package root, not from where they were. */
const userPath = (file: string) =>
  resolve(process.env.npm_lifecycle_event === 'cli' ? (process.env.INIT_CWD ?? '.') : '.', file);

const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The input of call is not valid JSON: ${(error as Error).message}`);
  }
}

/** The sprint number of `export sprint N`; anything else is a usage error. */
function exportedSprint([what = '', number = '']: string[]): number {
  if (what !== 'sprint') throw new UsageError(`export takes sprint N, not ${what}`);
  if (!/^\d{1,9}$/.test(number)) throw new UsageError(`export sprint takes a sprint number, not ${number}`);
  return Number(number);
}

const COMMANDS: Record<string, Command> = {
  init: {
    args: [],
    summary: 'create or migrate the database; print its path and schema version',
    run: (core, _args, dbFile) => {
      console.log(`Database: ${dbFile}`);
      console.log(`Schema version: ${String(core.workspace.db.pragma('user_version', { simple: true }))}`);
      return 0;
    },
  },
  example: {
    args: [],
    summary: 'load the example workspace (only into an empty one)',
    run: (core, _args, dbFile) => {
      const result = core.call('workspace.loadExample', {});
      if (!result.ok) {
        console.error(`fortnight: ${result.error.message}`);
        return 1;
      }
      console.log(`Loaded the example workspace into ${dbFile}.`);
      return 0;
    },
  },
  call: {
    args: ['METHOD', '[JSON]'],
    summary: 'call an API method with a JSON input (default {}) and print the result',
    run: (core, [method = '', json = '{}']) => {
      const result = core.call(method, parseJson(json));
      print(result);
      return result.ok ? 0 : 1;
    },
  },
  check: {
    args: [],
    summary: "check the database's integrity and foreign keys",
    needsDatabase: true,
    run: (core) => {
      const db = core.workspace.db;
      const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
        .map((row) => row.integrity_check)
        .filter((line) => line !== 'ok');
      const foreignKeys = (
        db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
      ).map((row) => `${row.table} row ${row.rowid}: refers to a missing row of ${row.parent}`);
      const problems = [...integrity, ...foreignKeys];
      console.log(problems.length === 0 ? 'ok' : problems.join('\n'));
      return problems.length === 0 ? 0 : 1;
    },
  },
  backup: {
    args: ['FILE'],
    summary: 'copy the database, consistently, into a new file',
    needsDatabase: true,
    run: async (core, [file = ''], dbFile) => {
      const target = userPath(file);
      if (existsSync(target)) {
        console.error(`fortnight: ${target} already exists; choose a new file name.`);
        return 1;
      }
      await core.workspace.db.backup(target);
      console.log(`Backed up ${dbFile} to ${target}.`);
      return 0;
    },
  },
  export: {
    args: ['sprint', 'N'],
    summary: 'print the summary of sprint N as Markdown (--out FILE writes it to FILE)',
    needsDatabase: true,
    run: (core, args, _dbFile, { out }) => {
      const number = exportedSprint(args);
      const sprints = core.call('sprints.list', {});
      const sprint = sprints.ok ? sprints.value.find((s) => s.number === number) : undefined;
      if (!sprint) {
        console.error(`fortnight: there is no sprint ${number} in this workspace.`);
        return 1;
      }
      const summary = core.call('sprints.summary', { sprintId: sprint.id });
      if (!summary.ok) {
        console.error(`fortnight: ${summary.error.message}`);
        return 1;
      }
      if (out === undefined) {
        process.stdout.write(summary.value.markdown);
        return 0;
      }
      const target = userPath(out);
      writeFileSync(target, summary.value.markdown);
      console.log(`Wrote the summary of sprint ${sprint.number} to ${target}.`);
      return 0;
    },
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(
    ([name, command]) => `  ${[name, ...command.args].join(' ').padEnd(22)}${command.summary}`,
  );
  return [
    'Usage: fortnight [--db FILE] <command> [arguments]',
    '',
    'Commands:',
    ...lines,
    `  ${'help'.padEnd(22)}show this text`,
    '',
    `--db FILE  the workspace database (default: ${defaultDatabaseFile()})`,
    '--out FILE where export writes (default: the standard output)',
  ].join('\n');
}

async function main(argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  const [name, ...args] = positionals;
  if (values.help || name === 'help') {
    console.log(usage());
    return 0;
  }
  if (name === undefined) throw new UsageError('Which command?');
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`Unknown command: ${name}`);
  if (values.out !== undefined && name !== 'export') throw new UsageError(`--out is for export only`);
  const required = command.args.filter((arg) => !arg.startsWith('[')).length;
  if (args.length < required || args.length > command.args.length) {
    throw new UsageError(`${name} takes ${command.args.join(' ') || 'no arguments'}`);
  }
  if (name === 'call') parseJson(args[1] ?? '{}'); // before the database is opened, or even created
  if (name === 'export') exportedSprint(args);

  const dbFile = userPath(values.db ?? defaultDatabaseFile());
  if (command.needsDatabase && !existsSync(dbFile)) {
    console.error(`fortnight: there is no database at ${dbFile} (create one with: fortnight init).`);
    return 1;
  }
  // Loaded here so that `help` and usage errors don't need the database driver.
  const { openCore } = await import('../main/api/core.ts');
  const core = await openCore(dbFile);
  try {
    return await command.run(core, args, dbFile, { out: values.out });
  } finally {
    core.close();
  }
}

const isUsageError = (error: unknown): error is Error =>
  error instanceof UsageError ||
  (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));

// exitCode rather than exit(): output to a pipe may still be flushing.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (isUsageError(error)) {
      console.error(`${error.message}\n\n${usage()}`);
      process.exitCode = 2;
      return;
    }
    // Includes a database written by a newer Fortnight: its message says what to do.
    console.error(`fortnight: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
