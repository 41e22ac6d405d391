/**
 * The command line's commands: the same API methods as the app, plus database care (check,
 * backups), for scripting and for a terminal. Started by `fortnight.mjs`.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Core } from '../main/api/core.ts';
import type { Result } from '../shared/result.ts';
import { readRoadmapFolder } from '../main/markdown/roadmap-folder.ts';
import { defaultDatabaseFile } from '../main/paths.ts';
import { changesFileProblem, exportChangesCommand, importChangesCommand, syncCommand } from './sync.ts';

/** An exit code: 0 done, 1 refused or failed, 2 the command line was wrong. */
type ExitCode = 0 | 1 | 2;

interface Options {
  out?: string;
  slides?: boolean;
  dryRun?: boolean;
  keepMissing?: boolean;
  folder?: string;
  git?: string;
  since?: string;
}

interface Command {
  /** Argument names; `[NAME]` is optional. */
  args: string[];
  summary: string;
  /** The usage lines (form, summary) when the command has several forms. */
  forms?: [string, string][];
  /** Refuse to create the database when the file doesn't exist yet. */
  needsDatabase?: boolean;
  run?(core: Core, args: string[], dbFile: string, options: Options): Promise<ExitCode> | ExitCode;
  /** Instead of `run`: works on the file itself, without opening it (it may be damaged). */
  runOnFile?(args: string[], dbFile: string): Promise<ExitCode> | ExitCode;
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

/** What `export` writes: `sprint N`, `update YYYY-MM`, `roadmap`, `ics` or `changes`; anything else is a usage error. */
function exportTarget([what = '', number]: string[]):
  | { what: 'sprint'; number: number }
  | { what: 'update'; month: string }
  | { what: 'roadmap' | 'ics' | 'changes' } {
  if (what === 'update') {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(number ?? ''))
      throw new UsageError(`export update takes a month as YYYY-MM, not ${number ?? 'nothing'}`);
    return { what, month: number! };
  }
  if (what === 'roadmap' || what === 'ics' || what === 'changes') {
    if (number !== undefined) throw new UsageError(`export ${what} takes no argument (--out says where)`);
    return { what };
  }
  if (what !== 'sprint')
    throw new UsageError(`export takes sprint N, update YYYY-MM, roadmap, ics or changes, not ${what}`);
  if (!/^\d{1,9}$/.test(number ?? ''))
    throw new UsageError(`export sprint takes a sprint number, not ${number}`);
  return { what, number: Number(number) };
}

/** `import roadmap PATH` or `import changes FILE`: the PATH, once it is known to exist (checked before the database opens). */
function importSource([what = '', path = '']: string[]): string {
  if (what !== 'roadmap' && what !== 'changes') {
    throw new UsageError(`import takes roadmap PATH or changes FILE, not ${what}`);
  }
  const target = userPath(path);
  if (!existsSync(target)) throw new Error(`there is no file or folder at ${target}`);
  return target;
}

/** The `.md` files of a roadmap folder (paths relative to it, with `/`), or the one file given. */
async function roadmapFiles(target: string): Promise<{ path: string; content: string }[]> {
  const files = await readRoadmapFolder(target, ['md']);
  if (files.length === 0) throw new Error(`there are no .md files in ${target}`);
  return files;
}

/** Writes a file, creating its folder. */
function writeCreatingFolders(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** `export roadmap`: a path ending in .md gets the single file, any other a folder; none, the standard output. */
function exportRoadmap(core: Core, out: string | undefined): ExitCode {
  const single = out === undefined || /\.md$/i.test(out);
  const result = core.call('roadmap.export', { variant: single ? 'single' : 'folder' });
  if (!result.ok) {
    console.error(`fortnight: ${result.error.message}`);
    return 1;
  }
  const { files } = result.value;
  if (out === undefined) {
    process.stdout.write(files[0]?.content ?? '');
    return 0;
  }
  const target = userPath(out);
  if (single) {
    writeCreatingFolders(target, files[0]?.content ?? '');
    console.log(`Wrote the roadmap to ${target}.`);
    return 0;
  }
  if (existsSync(target) && !statSync(target).isDirectory()) {
    console.error(`fortnight: ${target} is a file; give a folder, or a path ending in .md for one file.`);
    return 1;
  }
  for (const file of files) {
    const path = resolve(target, file.path);
    if (relative(target, path).startsWith('..'))
      throw new Error(`refused to write ${file.path} outside ${target}`);
    writeCreatingFolders(path, file.content);
  }
  console.log(`Wrote the roadmap to ${target}: ${files.length} files.`);
  return 0;
}

/** An exported file's content: to the standard output, or to `out` saying what was written. */
function printOrWrite(result: Result<{ content: string }>, out: string | undefined, what: string): ExitCode {
  if (!result.ok) {
    console.error(`fortnight: ${result.error.message}`);
    return 1;
  }
  if (out === undefined) {
    process.stdout.write(result.value.content);
    return 0;
  }
  const target = userPath(out);
  writeCreatingFolders(target, result.value.content);
  console.log(`Wrote ${what} to ${target}.`);
  return 0;
}

/** `export update YYYY-MM`: the month's update (or its draft) as a blog post, or `--slides` a deck. */
function exportUpdate(core: Core, month: string, slides: boolean, out: string | undefined): ExitCode {
  const what = `the ${slides ? 'slides' : 'post'} of the ${month} update`;
  return printOrWrite(core.call('updates.export', { month, slides }), out, what);
}

/** `export ics`: the meeting series as iCalendar. */
function exportCalendar(core: Core, out: string | undefined): ExitCode {
  return printOrWrite(core.call('calendar.export', {}), out, 'the meeting calendar');
}

/**
 * `import roadmap PATH [--dry-run] [--keep-missing]`: prints what will change, then (unless a dry
 * run) imports it, so the roadmap matches the files (`--keep-missing`: keeps what they lack).
 */
async function importRoadmap(
  core: Core,
  target: string,
  dryRun: boolean,
  keepMissing: boolean,
): Promise<ExitCode> {
  const files = await roadmapFiles(target);
  const preview = core.call('roadmap.previewImport', { files, keepMissing });
  if (!preview.ok) {
    console.error(`fortnight: ${preview.error.message}`);
    return 1;
  }
  const { create, update, rename, move, remove, problems, notes } = preview.value;
  const where = (within: string | null) => (within ? `  (in ${within})` : '');
  const place = (kind: string, within: string | null) => `${kind}${within ? ` in ${within}` : ''}`;
  console.log(`Read ${files.length} file${files.length === 1 ? '' : 's'} from ${target}.`);
  console.log(create.length ? `To create (${create.length}):` : 'Nothing to create.');
  for (const item of create) console.log(`  ${item.kind.padEnd(11)}${item.title}${where(item.within)}`);
  console.log(update.length ? `To update (${update.length}):` : 'Nothing to update.');
  for (const item of update) {
    console.log(`  ${item.kind.padEnd(11)}${item.title}${where(item.within)}: ${item.fields.join(', ')}`);
  }
  if (rename.length) console.log(`To rename (${rename.length}):`);
  for (const item of rename) {
    console.log(`  ${item.kind.padEnd(11)}${item.was ?? ''} → ${item.title}${where(item.within)}`);
  }
  if (move.length) console.log(`To move, deleted there and created here (${move.length}):`);
  for (const item of move) {
    const from = item.from ? place(item.from.kind, item.from.within) : '';
    console.log(`  ${item.title}: ${from} → ${place(item.kind, item.within)}`);
  }
  console.log(remove.length ? `To remove, no longer in the files (${remove.length}):` : 'Nothing to remove.');
  for (const item of remove) console.log(`  ${item.kind.padEnd(11)}${item.title}${where(item.within)}`);
  const byPlace = (list: typeof problems) =>
    [...list].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  if (notes.length) console.log(`Notes, by file and line (${notes.length}):`);
  for (const note of byPlace(notes)) console.log(`  ${note.file}:${note.line}: ${note.message}`);
  if (problems.length) console.log(`Problems, by file and line (${problems.length}):`);
  for (const problem of byPlace(problems))
    console.log(`  ${problem.file}:${problem.line}: ${problem.message}`);
  if (dryRun) {
    console.log('Dry run: nothing was written.');
    return 0;
  }
  const result = core.call('roadmap.import', { files, keepMissing });
  if (!result.ok) {
    console.error(`fortnight: ${result.error.message}`);
    return 1;
  }
  const { created, updated, removed } = result.value;
  console.log(`Imported: ${created} created, ${updated} updated, ${removed} removed.`);
  return 0;
}

const COMMANDS: Record<string, Command> = {
  init: {
    args: [],
    summary: 'create or migrate the database; print its path and schema version',
    run: (core, _args, dbFile) => {
      console.log(`Database: ${dbFile}`);
      console.log(`Schema version: ${String(core.workspace.db.pragma('user_version', { simple: true }))}`);
      if (core.workspace.readOnly) console.log(core.workspace.readOnly);
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
  backups: {
    args: [],
    summary: 'list the automatic backups in the backups folder next to the database',
    needsDatabase: true,
    run: (core, _args, dbFile) => {
      const result = core.call('backups.list', {});
      if (!result.ok) {
        console.error(`fortnight: ${result.error.message}`);
        return 1;
      }
      if (result.value.length === 0) console.log(`There are no backups of ${dbFile} yet.`);
      for (const backup of result.value) {
        const held = backup.readable ? `${backup.goals} goals, ${backup.sprints} sprints` : 'unreadable';
        const size = `${Math.ceil(backup.bytes / 1024)} KB`;
        console.log(
          [backup.takenAt, backup.reason.padEnd(7), size.padStart(9), held, backup.path].join('  '),
        );
      }
      return 0;
    },
  },
  restore: {
    args: ['FILE'],
    summary: 'replace the database by a backup, after backing up its current state',
    runOnFile: async (args, dbFile) => {
      const source = userPath(args[0] ?? '');
      if (!existsSync(source)) {
        console.error(`fortnight: there is no backup at ${source}.`);
        return 1;
      }
      const { replaceWithBackup, BackupRefusedError } = await import('../main/db/backups.ts');
      const { openWorkspace, readOnlyReason } = await import('../main/db/open.ts');
      const readOnly = readOnlyReason(dbFile);
      if (readOnly) {
        console.error(`fortnight: ${readOnly}`);
        return 1;
      }
      try {
        const { undo, setAside } = replaceWithBackup(dbFile, source, () => {});
        (await openWorkspace(dbFile)).db.close(); // brings an older backup up to this version
        console.log(`Restored ${dbFile} from ${source}.`);
        if (undo)
          console.log(`The state before is backed up; to undo, run: fortnight restore "${undo.path}"`);
        if (setAside) console.log(`The file that could not be read was moved to ${setAside}.`);
        return 0;
      } catch (error) {
        if (!(error instanceof BackupRefusedError)) throw error;
        console.error(`fortnight: ${error.message}`);
        return 1;
      }
    },
  },
  export: {
    args: ['WHAT', '[N]'],
    summary: 'print or write sprint N, a monthly update, the roadmap or the meeting calendar',
    forms: [
      ['export sprint N [--out FILE]', 'the summary of sprint N as Markdown'],
      [
        'export update YYYY-MM [--slides] [--out FILE]',
        "the month's update (or its draft) as a blog post; --slides: a slide deck",
      ],
      ['export roadmap [--out DIR|FILE]', 'the roadmap: a folder, or one file when FILE ends in .md'],
      ['export ics [--out FILE]', 'the sprint meetings as an iCalendar file'],
      [
        'export changes --out FILE [--since TIME]',
        'every change (or those since TIME) in one file, to import elsewhere',
      ],
    ],
    needsDatabase: true,
    run: (core, args, _dbFile, { out, slides, since }) => {
      const what = exportTarget(args);
      if (what.what === 'update') return exportUpdate(core, what.month, slides === true, out);
      if (what.what === 'changes') return exportChangesCommand(core, userPath(out!), since);
      if (what.what !== 'sprint')
        return what.what === 'roadmap' ? exportRoadmap(core, out) : exportCalendar(core, out);
      const number = what.number;
      const found = core.call('sprints.byNumber', { number });
      const sprint = found.ok ? found.value : null;
      if (!sprint) {
        console.error(`fortnight: there is no sprint ${number} in this workspace.`);
        return 1;
      }
      const summary = core.call('sprints.summary', { sprintId: sprint.id });
      const content = summary.ok
        ? { ok: true as const, value: { content: summary.value.markdown } }
        : summary;
      return printOrWrite(content, out, `the summary of sprint ${sprint.number}`);
    },
  },
  import: {
    args: ['WHAT', 'PATH'],
    summary: 'import a roadmap folder or roadmap.md, or a file of changes',
    forms: [
      [
        'import roadmap PATH [--dry-run] [--keep-missing]',
        'a roadmap folder or roadmap.md, showing what changes (--dry-run: only that)',
      ],
      ['import changes FILE', 'merge the changes of a file another installation exported'],
    ],
    run: (core, args, _dbFile, { dryRun, keepMissing }) =>
      args[0] === 'changes'
        ? importChangesCommand(core, importSource(args))
        : importRoadmap(core, importSource(args), dryRun === true, keepMissing === true),
  },
  sync: {
    args: [],
    summary: 'exchange changes with the other installations of this workspace',
    forms: [
      ['sync --folder DIR', 'through a folder every installation reaches (a synced folder)'],
      ['sync --git REMOTE', 'through a git remote (your own git and credentials)'],
    ],
    run: (core, _args, _dbFile, { folder, git }) => syncCommand(core, { folder, git }),
  },
};

function usage(): string {
  const forms = Object.entries(COMMANDS).flatMap(
    ([name, command]): [string, string][] =>
      command.forms ?? [[[name, ...command.args].join(' '), command.summary]],
  );
  const width = Math.max(...forms.map(([form]) => form.length)) + 2;
  return [
    'Usage: fortnight [--db FILE] <command> [arguments]',
    '',
    'Commands:',
    ...forms.map(([form, summary]) => `  ${form.padEnd(width)}${summary}`),
    `  ${'help'.padEnd(width)}show this text`,
    '',
    `--db FILE  the workspace database (default: ${defaultDatabaseFile()})`,
    '--out      where export writes (default: the standard output)',
    '--slides   export update writes a slide deck (HackMD, reveal.js)',
    '--dry-run  import only prints what would change',
    '--keep-missing  import keeps what the files no longer have',
    '--since    export changes: only those made at this time (ISO 8601) or later',
  ].join('\n');
}

async function main(argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      out: { type: 'string' },
      slides: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      'keep-missing': { type: 'boolean' },
      folder: { type: 'string' },
      git: { type: 'string' },
      since: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
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
  if (values.slides !== undefined && !(name === 'export' && args[0] === 'update'))
    throw new UsageError(`--slides is for export update only`);
  if (values['dry-run'] !== undefined && name !== 'import')
    throw new UsageError(`--dry-run is for import only`);
  if (values['keep-missing'] !== undefined && name !== 'import')
    throw new UsageError(`--keep-missing is for import only`);
  const where = syncPlace(name, values.folder, values.git);
  if (values.since !== undefined && !(name === 'export' && args[0] === 'changes'))
    throw new UsageError('--since is for export changes only');
  if (name === 'export' && args[0] === 'changes') {
    const problem = changesFileProblem(values.out);
    if (problem) throw new UsageError(problem);
  }
  const required = command.args.filter((arg) => !arg.startsWith('[')).length;
  if (args.length < required || args.length > command.args.length) {
    throw new UsageError(`${name} takes ${command.args.join(' ') || 'no arguments'}`);
  }
  if (name === 'call') parseJson(args[1] ?? '{}'); // before the database is opened, or even created
  if (name === 'export') exportTarget(args);
  if (name === 'import') importSource(args); // a missing PATH opens (or creates) no database

  const dbFile = userPath(values.db ?? defaultDatabaseFile());
  if (command.needsDatabase && !existsSync(dbFile)) {
    console.error(`fortnight: there is no database at ${dbFile} (create one with: fortnight init).`);
    return 1;
  }
  if (command.runOnFile) return command.runOnFile(args, dbFile);
  // Loaded here so that `help` and usage errors don't need the database driver.
  const { openCore } = await import('../main/api/core.ts');
  const core = await openCore(dbFile);
  try {
    return await command.run!(core, args, dbFile, {
      out: values.out,
      slides: values.slides,
      dryRun: values['dry-run'],
      keepMissing: values['keep-missing'],
      since: values.since,
      ...where,
    });
  } finally {
    core.close();
  }
}

/** `sync` takes exactly one of --folder DIR and --git REMOTE (a local repository's path made absolute). */
function syncPlace(command: string, folder: string | undefined, git: string | undefined) {
  if (command !== 'sync') {
    if (folder !== undefined || git !== undefined)
      throw new UsageError('--folder and --git are for sync only');
    return {};
  }
  if ((folder === undefined) === (git === undefined))
    throw new UsageError('sync takes --folder DIR or --git REMOTE');
  if (folder !== undefined) return { folder: userPath(folder) };
  return { git: existsSync(userPath(git!)) ? userPath(git!) : git };
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
