/** The core in its worker threads, as the desktop app and browser mode run it. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCore } from '../../src/main/api/core-client.ts';
import { SCHEMA_VERSION } from '../../src/main/db/migrations/index.ts';
import { must, tempCore, tempDir, workerCore } from './helpers.ts';

/** The core's worker, which dies when asked to (see the file). */
const CRASHING_WORKER = new URL('../fixtures/crashing-core-worker.ts', import.meta.url);

describe('the core in worker threads', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('answers a read while a roadmap import runs: the read arrives first', async () => {
    const source = await tempCore();
    must(source, 'workspace.loadExample', {});
    const { files } = must(source, 'roadmap.export', { variant: 'folder' });

    const core = await workerCore(join(tempDir(), 'workspace.db'));
    const arrived: string[] = [];
    const importing = core.call('roadmap.import', { files }).then((result) => {
      arrived.push('import');
      return result;
    });
    const reading = core.call('workspace.info', {}).then((result) => {
      arrived.push('read');
      return result;
    });
    const [imported, info] = await Promise.all([importing, reading]);

    expect(imported).toMatchObject({ ok: true, value: { problems: [] } });
    expect(arrived).toEqual(['read', 'import']);
    // The read saw the workspace as it was before the import: empty.
    expect(info).toMatchObject({ ok: true, value: { isEmpty: true } });
    // Once the import has answered, a read sees it.
    expect(await core.call('workspace.info', {})).toMatchObject({ ok: true, value: { isEmpty: false } });
  });

  it('answers as the in-process core does: results, refusals and unknown methods', async () => {
    const core = await workerCore(join(tempDir(), 'workspace.db'));
    const ada = await core.call('people.create', { name: 'Ada' });
    expect(ada).toMatchObject({ ok: true, value: { name: 'Ada' } });
    expect(await core.call('people.list', {})).toMatchObject({ ok: true, value: [{ name: 'Ada' }] });
    expect(await core.call('people.create', { name: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'name' },
    });
    expect(await core.call('people.launch', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
  });

  it('answers in the bytes of its JSON what it answers as an object: reads, writes, refusals, once closed', async () => {
    const file = join(tempDir(), 'workspace.db');
    const core = await startCore(file);
    const asJson = async (method: string, input: unknown) =>
      JSON.parse(new TextDecoder().decode(await core.callAsJson(method, input))) as unknown;

    const bo = await asJson('people.create', { name: 'Bo' });
    expect(bo).toMatchObject({ ok: true, value: { name: 'Bo' } });
    expect(await asJson('people.list', {})).toEqual(await core.call('people.list', {}));
    expect(await asJson('roadmap.view', {})).toEqual(await core.call('roadmap.view', {}));
    expect(await asJson('people.create', { name: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'name' },
    });
    expect(await asJson('people.launch', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });

    await core.close();
    expect(await asJson('people.list', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'The core is closed' },
    });
  });

  it('refuses to start on a workspace it cannot open, saying why', async () => {
    const file = join(tempDir(), 'future.db');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    await expect(startCore(file)).rejects.toThrow(/written by a newer Fortnight/);
  });

  it('answers the calls a worker owed when it died with why, and starts a new one for the next', async () => {
    const file = join(tempDir(), 'workspace.db');
    const core = await startCore(file, CRASHING_WORKER);
    expect(await core.call('people.create', { name: 'Bo' })).toMatchObject({ ok: true });
    // The writer dies while it owes the call (and one asked just after it): answered with why.
    const [crash, owed] = await Promise.all([
      core.call('crash', {}),
      core.call('people.create', { name: 'Cy' }),
    ]);
    expect(crash).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The core stopped: crashed on purpose' },
    });
    expect(owed).toMatchObject({ ok: false, error: { code: 'internal', message: /^The core stopped/ } });
    // The next call starts a writer anew on the same file, where it used to wait for ever (or,
    // once refused at once, be refused until a restart): what was written before is there.
    expect(await core.call('people.create', { name: 'Di' })).toMatchObject({ ok: true });
    expect(await core.call('people.list', {})).toMatchObject({
      ok: true,
      value: [{ name: 'Bo' }, { name: 'Di' }],
    });
    // The reader too: a read it owed is answered with why, the next one by a new reader.
    expect(await core.call('people.list', { crash: true })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The core stopped: crashed on purpose' },
    });
    expect(await core.version()).toMatch(/^0\.\d+$/);
    expect(await core.call('people.list', {})).toMatchObject({
      ok: true,
      value: [{ name: 'Bo' }, { name: 'Di' }],
    });
    await core.close({ within: 1000 });
    expect(await core.call('people.list', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The core is closed' },
    });
  });

  it('tries a worker that could not start again once more only after a while, answering the calls meanwhile at once', async () => {
    const file = join(tempDir(), 'workspace.db');
    const core = await startCore(file, CRASHING_WORKER);
    expect(await core.call('people.create', { name: 'Bo' })).toMatchObject({ ok: true });
    await core.call('crash', {});
    // Another program makes the file one the writer refuses to open.
    const other = new Database(file);
    other.pragma('user_version = 999');
    const tries = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.useFakeTimers({ toFake: ['Date'] });
    const stopped = {
      ok: false,
      error: { code: 'internal', message: 'The core stopped: crashed on purpose' },
    };
    expect(await core.call('people.create', { name: 'Cy' })).toEqual(stopped);
    expect(await core.call('people.create', { name: 'Di' })).toEqual(stopped);
    expect(await core.call('people.create', { name: 'Ed' })).toEqual(stopped);
    const failedTries = () =>
      tries.mock.calls.filter(([line]) => /could not start again/.test(String(line))).length;
    expect(failedTries()).toBe(1);
    // Once the file can be opened again, the first call after the wait starts a writer.
    other.pragma(`user_version = ${SCHEMA_VERSION}`);
    other.close();
    expect(await core.call('people.create', { name: 'Fay' })).toEqual(stopped);
    vi.setSystemTime(Date.now() + 5_000);
    expect(await core.call('people.create', { name: 'Fay' })).toMatchObject({ ok: true });
    expect(failedTries()).toBe(1);
    expect(await core.call('people.list', {})).toMatchObject({
      ok: true,
      value: [{ name: 'Bo' }, { name: 'Fay' }],
    });
    await core.close({ within: 1000 });
  });

  it('does not start an in-memory workspace anew: its data died with the worker', async () => {
    const core = await startCore(':memory:', CRASHING_WORKER);
    expect(await core.call('people.create', { name: 'Bo' })).toMatchObject({ ok: true });
    await core.call('crash', {});
    expect(await core.call('people.list', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'The core stopped: crashed on purpose' },
    });
    await core.close({ within: 1000 });
  });

  it('finishes the calls under way before it closes, then refuses new ones', async () => {
    const file = join(tempDir(), 'workspace.db');
    const core = await startCore(file);
    const created = core.call('people.create', { name: 'Bo' });
    await core.close();
    expect(await created).toMatchObject({ ok: true });
    expect(await core.call('people.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    const reopened = await workerCore(file);
    expect(await reopened.call('people.list', {})).toMatchObject({ ok: true, value: [{ name: 'Bo' }] });
  });
});
