/** The command line, run as users run it: a Node process on a real workspace file. */
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/main/db/migrations/index.ts';
import { fortnight, tempDir } from './helpers.ts';

/** A fresh database path in a temp folder, and the CLI bound to it. */
function workspace() {
  const dir = tempDir();
  const db = join(dir, 'workspace.db');
  return { dir, db, run: (...args: string[]) => fortnight('--db', db, ...args) };
}

describe('fortnight', { timeout: 60_000 }, () => {
  it('init creates the database and prints its path and schema version', () => {
    const { db, run } = workspace();
    const result = run('init');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(db);
    expect(result.stdout).toContain(`Schema version: ${SCHEMA_VERSION}`);
    expect(existsSync(db)).toBe(true);
  });

  it('call runs a method and prints its result as JSON', () => {
    const { run } = workspace();
    const created = run('call', 'people.create', '{"name": "Ada", "handle": "ada"}');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ ok: true, value: { name: 'Ada', handle: 'ada' } });

    const listed = run('call', 'people.list');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({ ok: true, value: [{ name: 'Ada' }] });
  });

  it('call exits 1 with the error JSON when the method refuses', () => {
    const { run } = workspace();
    const result = run('call', 'people.create', '{"name": ""}');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'name' },
    });

    const unknown = run('call', 'people.explode');
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('call exits 2 naming malformed JSON, without touching the database', () => {
    const { db, run } = workspace();
    const result = run('call', 'people.create', '{"name": ');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not valid JSON');
    expect(existsSync(db)).toBe(false);
  });

  it('exits 2 with the usage on an unknown command or a missing argument', () => {
    const { run } = workspace();
    for (const args of [['frobnicate'], ['call'], ['backup'], [], ['--colour']]) {
      const result = run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain('Usage: fortnight');
    }
  });

  it('help lists every command', () => {
    const result = fortnight('help');
    expect(result.code).toBe(0);
    for (const command of ['init', 'example', 'call METHOD [JSON]', 'check', 'backup FILE', 'help']) {
      expect(result.stdout).toContain(`  ${command}`);
    }
    expect(fortnight('--help').stdout).toBe(result.stdout);
  });

  it('check says ok for a sound database', () => {
    const { run } = workspace();
    run('call', 'people.create', '{"name": "Ada"}');
    const result = run('check');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('ok');
  });

  it('check and backup refuse a database that does not exist, rather than create it', () => {
    const { db, dir, run } = workspace();
    expect(run('check').code).toBe(1);
    expect(run('backup', join(dir, 'copy.db')).stderr).toContain('no database');
    expect(existsSync(db)).toBe(false);
  });

  it('backup writes a readable copy and refuses to overwrite a file', () => {
    const { dir, run } = workspace();
    run('call', 'people.create', '{"name": "Ada"}');
    const copy = join(dir, 'copy.db');
    const result = run('backup', copy);
    expect(result.code).toBe(0);

    const copied = fortnight('--db', copy, 'call', 'people.list');
    expect(JSON.parse(copied.stdout)).toMatchObject({ ok: true, value: [{ name: 'Ada' }] });

    const before = readFileSync(copy);
    run('call', 'people.create', '{"name": "Bo"}');
    const again = run('backup', copy);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(copy).equals(before)).toBe(true);
  });

  it('example loads the example workspace, and refuses to load it a second time', () => {
    const { run } = workspace();
    const first = run('example');
    expect(first.code).toBe(0);
    expect(JSON.parse(run('call', 'workspace.info').stdout)).toMatchObject({
      ok: true,
      value: { isEmpty: false },
    });

    const second = run('example');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('empty workspace');
  });

  it('refuses a database written by a newer Fortnight, saying so', () => {
    const { db, run } = workspace();
    run('init');
    const raw = new Database(db);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const result = run('call', 'people.list');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('newer Fortnight');
  });
});
