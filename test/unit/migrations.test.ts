import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCoreOrRecovery } from '../../src/main/api/recovery.ts';
import { DatabaseFromFutureError, migrate, openWorkspace } from '../../src/main/db/open.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/db/migrations/index.ts';
import { CLI, tempCore, tempDir } from './helpers.ts';

describe('opening a workspace', () => {
  it('creates a new file at the current schema version, in WAL mode with foreign keys on', async () => {
    const core = await tempCore();
    const { db } = core.workspace;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('makes every table STRICT', async () => {
    const core = await tempCore();
    const tables = core.workspace.db
      .prepare(
        `SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`,
      )
      .all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
  });

  it('keeps its replica id across reopenings, and gives another file another one', async () => {
    const file = join(tempDir(), 'a.db');
    const first = await openWorkspace(file);
    const id = first.replicaId;
    first.db.close();
    const again = await openWorkspace(file);
    expect(again.replicaId).toBe(id);
    again.db.close();
    const other = await tempCore();
    expect(other.workspace.replicaId).not.toBe(id);
  });

  it(
    'refuses a database from a newer Fortnight with a clear message and leaves it as it was',
    { timeout: 60_000 },
    async () => {
      const file = join(tempDir(), 'future.db');
      const raw = new Database(file);
      raw.exec('CREATE TABLE kept (x TEXT)');
      raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      raw.close();
      const before = readFileSync(file);
      expect(() => openWorkspace(file)).toThrow(DatabaseFromFutureError);
      expect(() => openWorkspace(file)).toThrow(
        new RegExp(`newer Fortnight .*schema version ${SCHEMA_VERSION + 1}`),
      );
      // The doors' paths: the worker core (desktop, browser mode) and the CLI refuse it the same way.
      await expect(openCoreOrRecovery(file)).rejects.toThrow(/newer Fortnight/);
      const cli = spawnSync(process.execPath, [CLI, '--db', file, 'call', 'goals.list'], {
        encoding: 'utf8',
      });
      expect(cli.status).toBe(1);
      expect(cli.stderr).toMatch(/newer Fortnight .*Update Fortnight to open it/);
      // Not a byte changed: not even the journal mode in the header (it would say WAL).
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(readdirSync(dirname(file))).toEqual(['future.db']);
      const check = new Database(file);
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
      expect(check.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'people'`).get()).toEqual({
        n: 0,
      });
      check.close();
    },
  );

  it('takes a consistent backup before migrating an existing file', async () => {
    const dir = tempDir();
    const file = join(dir, 'old.db');
    const raw = new Database(file);
    raw.exec(`CREATE TABLE notes_from_before (text TEXT); INSERT INTO notes_from_before VALUES ('keep me')`);
    raw.close();
    const ws = await openWorkspace(file, { backupFile: (from) => join(dir, `backup-v${from}.db`) });
    ws.db.close();
    const backup = new Database(join(dir, 'backup-v0.db'), { readonly: true });
    expect(backup.prepare('SELECT text FROM notes_from_before').all()).toEqual([{ text: 'keep me' }]);
    expect(backup.pragma('user_version', { simple: true })).toBe(0);
    backup.close();
  });

  it('brings a version 1 workspace to the current version, keeping its data and a v1 backup', async () => {
    const dir = tempDir();
    const file = join(dir, 'v1.db');
    const raw = new Database(file);
    migrate(raw, MIGRATIONS.slice(0, 1));
    raw.prepare(`INSERT INTO people (id, name, time_zone) VALUES ('p1', 'Ada', 'UTC')`).run();
    raw.close();
    const ws = await openWorkspace(file, { backupFile: (from) => join(dir, `backup-v${from}.db`) });
    expect(ws.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(ws.db.prepare('SELECT name FROM people').all()).toEqual([{ name: 'Ada' }]);
    const plan = ws.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT person_id FROM milestone_participants WHERE milestone_id = ? ORDER BY ord`,
      )
      .all('m') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX milestone_participants_in_order');
    ws.db.close();
    const backup = new Database(join(dir, 'backup-v1.db'), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
  });

  it('takes no backup of a brand-new file', async () => {
    const dir = tempDir();
    const ws = await openWorkspace(join(dir, 'new.db'));
    ws.db.close();
    expect(readdirSync(dir).filter((f) => f.includes('backup'))).toEqual([]);
  });
});

describe('migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('001 creates the whole domain, with length limits and checks enforced by SQLite', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    const names = (
      db.prepare(`SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')`).all() as { name: string }[]
    ).map((r) => r.name);
    for (const table of [
      'people',
      'goals',
      'goal_owners',
      'initiatives',
      'initiative_owners',
      'initiative_dependencies',
      'milestones',
      'milestone_participants',
      'milestone_dependencies',
      'sprints',
      'sprint_goals',
      'capacities',
      'polish_issues',
      'retro_notes',
      'action_items',
      'meetings',
      'changes',
      'meta',
      'initiative_progress',
      'goal_progress',
    ]) {
      expect(names).toContain(table);
    }
    const insertPerson = db.prepare(`INSERT INTO people (id, name, time_zone) VALUES (?, ?, 'UTC')`);
    expect(() => insertPerson.run('p1', 'x'.repeat(201))).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO goals (id, title, state, position) VALUES ('g', 't', 'bogus', 1)`).run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO goal_owners (goal_id, person_id, ord) VALUES ('nope', 'nope', 0)`).run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('003 derives progress and milestone counts per initiative from an index alone', () => {
    const db = new Database(':memory:');
    migrate(db);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ');
    expect(plan('SELECT * FROM initiative_progress')).toContain(
      'COVERING INDEX milestones_by_initiative_state',
    );
    expect(
      plan('SELECT initiative_id, state, count(*) FROM milestones GROUP BY state, initiative_id'),
    ).toMatch(/COVERING INDEX milestones_by_(initiative_state|state)/);
    db.close();
  });

  it('004 records with each action the meeting it was made in, keeping the actions already there', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 3));
    db.prepare(`INSERT INTO actions (method, at) VALUES ('goals.create', '2026-01-01T00:00:00Z')`).run();
    migrate(db);
    expect(db.prepare('SELECT method, meeting_id FROM actions').all()).toEqual([
      { method: 'goals.create', meeting_id: null },
    ]);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM actions WHERE meeting_id = ? ORDER BY id DESC`)
      .all('m') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('actions_by_meeting');
    db.close();
  });

  it('009 indexes only changes of own actions for undo, and finds an item field’s changes by timestamp', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 8));
    db.prepare(`INSERT INTO actions (method, at) VALUES ('goals.create', '2026-01-01T00:00:00Z')`).run();
    const log = db.prepare(
      `INSERT INTO changes (action, entity, entity_id, field, value, hlc, replica_id) VALUES (?, 'goal', 'g', 'title', '"A"', ?, 'r')`,
    );
    log.run(1, '1');
    log.run(null, '2');
    migrate(db);
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
        .map((p) => p.detail)
        .join(' ');
    expect(plan('SELECT seq FROM changes WHERE action = ? ORDER BY seq DESC', 1)).toContain(
      'INDEX changes_by_action',
    );
    expect(db.prepare('SELECT seq FROM changes WHERE action = ?').all(1)).toEqual([{ seq: 1 }]);
    expect(db.prepare(`SELECT count(*) AS n FROM pragma_index_info('changes_by_action')`).get()).toEqual({
      n: 1,
    });
    expect(
      db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'changes_by_item'`).get(),
    ).toEqual({ n: 0 });
    expect(
      plan(
        `SELECT value FROM changes WHERE entity_id = ? AND field = ? AND hlc < ? ORDER BY hlc DESC LIMIT 1`,
        'g',
        'title',
        '3',
      ),
    ).toContain('INDEX changes_by_field');
    db.close();
  });

  it('runs each migration in a transaction: a failing one leaves the version and the schema as they were', () => {
    const db = new Database(':memory:');
    migrate(db);
    const failing = [
      ...MIGRATIONS,
      {
        version: SCHEMA_VERSION + 1,
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE half_done (x TEXT)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, failing)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'`).get()).toEqual({
      n: 0,
    });
    db.close();
  });
});
