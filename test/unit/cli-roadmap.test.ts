/**
 * `fortnight export roadmap`, `import roadmap` and `export ics`, run as users run them: a Node
 * process on real workspace files in a temp folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fortnight, dumpFile, tempDir } from './helpers.ts';

const HANDWRITTEN = resolve(import.meta.dirname, '../fixtures/roadmap/handwritten');

/** A database path in a fresh temp folder, and the CLI bound to it. */
function workspace(dir = tempDir(), name = 'workspace.db') {
  const db = join(dir, name);
  return { dir, db, run: (...args: string[]) => fortnight('--db', db, ...args) };
}

/** Every file under a folder: relative path (with `/`) → content. */
function readTree(root: string): Map<string, string> {
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  return new Map(
    files
      .map((file) => [relative(root, file).split(sep).join('/'), readFileSync(file, 'utf8')] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

describe('fortnight export roadmap and import roadmap', { timeout: 180_000 }, () => {
  it('exports a folder, imports it into a fresh workspace (a dry run changes nothing), and re-exports identical files', () => {
    const source = workspace();
    expect(source.run('example').code).toBe(0);
    const folder = join(source.dir, 'book', 'src');
    const exported = source.run('export', 'roadmap', '--out', folder);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`Wrote the roadmap to ${folder}`);
    const files = readTree(folder);
    expect(files.get('roadmap.md')).toMatch(/^\| 🔻 \[Async functions everywhere\] \| 🦀 \|/m);
    expect([...files.keys()].filter((path) => path.startsWith('roadmap/')).length).toBeGreaterThan(10);

    const target = workspace();
    expect(target.run('init').code).toBe(0);
    const before = dumpFile(target.db);

    const dry = target.run('import', 'roadmap', folder, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`Read ${files.size} files from ${folder}.`);
    expect(dry.stdout).toMatch(/^To create \(\d+\):$/m);
    expect(dry.stdout).toMatch(/^ {2}goal {7}Async functions everywhere$/m);
    expect(dry.stdout).toMatch(/^ {2}initiative Async closures {2}\(in Async functions everywhere\)$/m);
    expect(dry.stdout).toContain('Nothing to update.');
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(dumpFile(target.db)).toBe(before);

    const imported = target.run('import', 'roadmap', folder);
    expect(imported.code, imported.stderr).toBe(0);
    const created = /^Imported: (\d+) created, 0 updated, 0 removed\.$/m.exec(imported.stdout);
    expect(created, imported.stdout).not.toBeNull();
    expect(Number(created![1])).toBe(Number(/^To create \((\d+)\):$/m.exec(dry.stdout)![1]));
    expect(dumpFile(target.db)).not.toBe(before);

    const again = join(target.dir, 'again');
    expect(target.run('export', 'roadmap', '--out', again).code).toBe(0);
    expect(readTree(again)).toEqual(files);

    // Importing the same folder once more finds everything in place: no duplicates, no updates.
    const twice = target.run('import', 'roadmap', folder);
    expect(twice.code).toBe(0);
    expect(twice.stdout).toContain('Nothing to create.');
    expect(twice.stdout).toContain('Imported: 0 created, 0 updated, 0 removed.');
  });

  it('writes one file for an --out path ending in .md, and prints it without --out', () => {
    const { dir, run } = workspace();
    expect(run('example').code).toBe(0);
    const printed = run('export', 'roadmap');
    expect(printed.code).toBe(0);
    expect(printed.stdout.startsWith('# Roadmap\n')).toBe(true);
    expect(printed.stdout).toContain('| 🔻 [Async functions everywhere] |');

    const file = join(dir, 'docs', 'roadmap.md');
    const written = run('export', 'roadmap', '--out', file);
    expect(written.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
    expect(readdirSync(join(dir, 'docs'))).toEqual(['roadmap.md']);

    // The single file imports on its own into an empty workspace and comes back the same.
    const other = workspace();
    expect(other.run('import', 'roadmap', file).code).toBe(0);
    expect(other.run('export', 'roadmap').stdout).toBe(printed.stdout);
  });

  it('reads a hand-written folder and names each problem by file and line', () => {
    const { run } = workspace();
    const dry = run('import', 'roadmap', HANDWRITTEN, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^ {2}goal {7}Async fn everywhere$/m);
    expect(dry.stdout).toMatch(/^Problems, by file and line \(\d+\):$/m);
    expect(dry.stdout).toMatch(/^ {2}roadmap\.md:\d+: The state “🤷” of the goal “Testing”/m);
    expect(dry.stdout).toMatch(/^ {2}roadmap\/async_fn\/boxable\.md:\d+: /m);
    // In progress without an owner: a note, not a problem.
    expect(dry.stdout).toMatch(/^Notes, by file and line \(\d+\):$/m);
    expect(dry.stdout).toMatch(
      /^ {2}roadmap\.md:41: The goal “Documentation”: in progress, nobody owns it$/m,
    );
  });

  it('prints renames and moves apart from the rest', () => {
    const { dir, run } = workspace();
    const folder = (rows: string[]) => {
      const path = join(dir, `v${rows.length}`);
      mkdirSync(path, { recursive: true });
      const table = ['| Deliverable | State | Progress | Owner |', '| --- | --- | --- | --- |', ...rows];
      writeFileSync(join(path, 'roadmap.md'), `# Roadmap\n\n${table.join('\n')}\n`);
      return path;
    };
    expect(run('init').code).toBe(0);
    expect(run('import', 'roadmap', folder(['| 🔻 Builds | ✋ | | |', '| 🔻 Remote | ✋ | | |'])).code).toBe(
      0,
    );
    const dry = run(
      'import',
      'roadmap',
      folder(['| 🔻 BUILDS | ✋ | | |', '| ↳ Remote | ✋ | | |', '| 🔻 Docs | ✋ | | |']),
      '--dry-run',
    );
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^To rename \(1\):\n {2}goal {7}Builds → BUILDS$/m);
    expect(dry.stdout).toMatch(
      /^To move, deleted there and created here \(1\):\n {2}Remote: goal → initiative in BUILDS$/m,
    );
    expect(dry.stdout).toMatch(/^Nothing to remove\.$/m);
  });

  it('refuses a PATH that is missing, holds no Markdown or is not a roadmap, with exit 1, changing nothing', () => {
    const { dir, db, run } = workspace();
    const missing = join(dir, 'no-such-folder');
    const gone = run('import', 'roadmap', missing);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toBe(`fortnight: there is no file or folder at ${missing}\n`);
    expect(existsSync(db)).toBe(false);

    const empty = join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.txt'), 'not markdown');
    const none = run('import', 'roadmap', empty);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`there are no .md files in ${empty}`);

    expect(run('example').code).toBe(0);
    const before = dumpFile(db);
    const notes = join(dir, 'notes.md');
    writeFileSync(notes, '# Notes\n\nNo table here.\n');
    const bad = run('import', 'roadmap', notes);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^fortnight: notes\.md, line \d+: There is no overview table/);
    expect(bad.stdout).toBe('');
    expect(dumpFile(db)).toBe(before);
  });

  it('refuses wrong arguments with the usage (exit 2)', () => {
    const { db, run } = workspace();
    for (const args of [
      ['import'],
      ['import', 'roadmap'],
      ['import', 'sprint', '.'],
      ['import', 'roadmap', '.', 'extra'],
      ['export', 'roadmap', 'extra'],
      ['export', 'ics', '2'],
      ['export', 'roadmap', '--dry-run'],
      ['import', 'roadmap', '.', '--out', 'x.md'],
    ]) {
      const result = run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain('Usage: fortnight');
    }
    expect(existsSync(db)).toBe(false);
    const help = fortnight('help').stdout;
    expect(help).toContain('  export roadmap [--out DIR|FILE]');
    expect(help).toContain('  import roadmap PATH [--dry-run] [--keep-missing]');
    expect(help).toContain('  export ics [--out FILE]');
  });
});

describe('fortnight export ics', { timeout: 120_000 }, () => {
  it('prints the meeting series, writes it to --out FILE, and refuses a workspace without meetings', () => {
    const { dir, run } = workspace();
    expect(run('init').code).toBe(0);
    const none = run('export', 'ics');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('fortnight: There are no sprints yet');

    expect(run('example').code).toBe(0);
    const printed = run('export', 'ics');
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('BEGIN:VCALENDAR');
    expect(printed.stdout).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2');

    const calendar = new ICAL.Component(ICAL.parse(printed.stdout));
    const events = calendar.getAllSubcomponents('vevent');
    const series = events.find((e) => e.hasProperty('rrule') && !e.hasProperty('recurrence-id'))!;
    expect(series.getFirstPropertyValue('summary')).toBe('Sprint meeting');
    expect(events.some((e) => /^Sprint \d+ meeting$/.test(String(e.getFirstPropertyValue('summary'))))).toBe(
      true,
    );

    const file = join(dir, 'calendar', 'sprint-meetings.ics');
    const written = run('export', 'ics', '--out', file);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(file);
    // The same calendar; only the moment it was written (DTSTAMP) may differ.
    const unstamped = (ics: string) => ics.replace(/^DTSTAMP:.*$/gm, 'DTSTAMP');
    expect(unstamped(readFileSync(file, 'utf8'))).toBe(unstamped(printed.stdout));
  });
});
