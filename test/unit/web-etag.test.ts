/**
 * Browser mode's versioned reads over real HTTP: roadmap.view comes with an ETag, and the same
 * call sent back with it answers 304 and no body until something is written, from the page or
 * from another program on the same file (the CLI), or the file is restored from a backup. So do
 * the other reads a screen asks for each time it is shown (the meeting, goals, people, sprints,
 * polish).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Core } from '../../src/main/api/core.ts';
import { changeLogVersion as versionOf } from '../../src/main/store/version.ts';
import { VERSIONED_READS, startHost, type Host } from '../../src/main/web/host.ts';
import { must, seed, tempCore, tempDir, workerCore } from './helpers.ts';

let core: Core;
let host: Host;
let cookie: string;

// A new workspace and host for each test (the helpers close their cores after each).
beforeEach(async () => {
  core = await tempCore();
  seed(core);
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fortnight</title>');
  host = await startHost({ core: await workerCore(core.workspace.file), rendererDir });
  const login = await fetch(host.url, { redirect: 'manual' });
  cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
}, 60_000); // two worker threads start for each test: slow on a loaded machine

afterEach(() => host.close());

/** The change log's last number in the workspace file, read beside the host's core. */
function changeLogVersion(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return versionOf(db);
  } finally {
    db.close();
  }
}

function api(method: string, input: unknown, tag?: string) {
  return fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: {
      cookie,
      origin: host.origin,
      'content-type': 'application/json',
      ...(tag ? { 'if-none-match': tag } : {}),
    },
    body: JSON.stringify(input),
  });
}

async function tagOf(method: string, input: unknown): Promise<string> {
  const reply = await api(method, input);
  expect(reply.status).toBe(200);
  expect(((await reply.json()) as { ok: boolean }).ok).toBe(true);
  const tag = reply.headers.get('etag');
  expect(tag).toMatch(/^"[\w.-]+"$/);
  return tag!;
}

describe('roadmap.view over HTTP', () => {
  it('answers 304 with no body to its own ETag while nothing changed', async () => {
    const tag = await tagOf('roadmap.view', {});
    const again = await api('roadmap.view', {}, tag);
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(tag);
    expect(await again.text()).toBe('');
  });

  it('answers in full to another input, or a tag it never gave', async () => {
    const tag = await tagOf('roadmap.view', {});
    const other = await api('roadmap.view', { participantId: null }, tag);
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(tag);
    expect((await api('roadmap.view', {}, '"an.old.tag"')).status).toBe(200);
  });

  it('answers in full once the page writes', async () => {
    const tag = await tagOf('roadmap.view', {});
    expect((await api('goals.create', { title: 'Smaller installers' })).status).toBe(200);
    const after = await api('roadmap.view', {}, tag);
    expect(after.status).toBe(200);
    const body = (await after.json()) as { value: { goals: { title: string }[] } };
    expect(body.value.goals.map((g) => g.title)).toContain('Smaller installers');
    expect(after.headers.get('etag')).not.toBe(tag);
  });

  it('answers in full once another program writes to the same file', async () => {
    const tag = await tagOf('roadmap.view', {});
    must(core, 'goals.create', { title: 'Written by the CLI' });
    const after = await api('roadmap.view', {}, tag);
    expect(after.status).toBe(200);
    const body = (await after.json()) as { value: { goals: { title: string }[] } };
    expect(body.value.goals.map((g) => g.title)).toContain('Written by the CLI');
  });

  it('answers in full after a restore, even once the restored change log is back at the same number', async () => {
    const file = core.workspace.file;
    core.close(); // only the host's core has the file open, as in browser mode
    // An import backs the workspace up first: restoring that backup brings back its change log.
    const roadmap = '# Roadmap\n\n| Goal | State | Owner |\n|---|---|---|\n| Imported goal | :crab: | |\n';
    const files = [{ path: 'roadmap.md', content: roadmap }];
    expect((await api('roadmap.import', { files, keepMissing: true })).status).toBe(200);
    const tag = await tagOf('roadmap.view', {});
    const tagged = changeLogVersion(file);

    const list = (await (await api('backups.list', {})).json()) as {
      value: { name: string; reason: string }[];
    };
    const backup = list.value.find((b) => b.reason === 'import')!;
    expect((await api('backups.restore', { name: backup.name })).status).toBe(200);
    expect(changeLogVersion(file)).toBeLessThan(tagged);
    // Other writes bring the restored file's change log to the number the tag was given at.
    for (let n = 1; changeLogVersion(file) < tagged; n++) {
      expect((await api('goals.create', { title: `Written after the restore ${n}` })).status).toBe(200);
    }
    expect(changeLogVersion(file)).toBe(tagged);

    const after = await api('roadmap.view', {}, tag);
    expect(after.status).toBe(200);
    const body = (await after.json()) as { value: { goals: { title: string }[] } };
    const titles = body.value.goals.map((g) => g.title);
    expect(titles).toContain('Written after the restore 1');
    expect(titles).not.toContain('Imported goal');
  });
});

/** An input for each versioned read, as its screen asks. */
const INPUTS: Record<string, unknown> = {
  'roadmap.view': {},
  'meeting.current': {},
  'goals.list': {},
  'people.list': {},
  'people.ownership': {},
  'sprints.list': {},
  'sprints.overview': {},
  'polish.page': { status: ['open', 'in progress'], order: 'oldest first', limit: 1000 },
  'polish.counts': {},
  'stakeholders.overview': {},
};

describe('the versioned reads over HTTP', () => {
  it('are the reads a screen asks for each time it is shown', () => {
    expect([...VERSIONED_READS].sort()).toEqual(Object.keys(INPUTS).sort());
  });

  it('each answers 304 to its own ETag while nothing changed, and in full once something is written', async () => {
    const tags = new Map<string, string>();
    for (const [method, input] of Object.entries(INPUTS)) {
      const tag = await tagOf(method, input);
      tags.set(method, tag);
      const again = await api(method, input, tag);
      expect(again.status, method).toBe(304);
      expect(await again.text(), method).toBe('');
    }
    expect((await api('people.create', { name: 'Wen Li', timeZone: 'Asia/Shanghai' })).status).toBe(200);
    for (const [method, input] of Object.entries(INPUTS)) {
      const after = await api(method, input, tags.get(method));
      expect(after.status, method).toBe(200);
      expect(after.headers.get('etag'), method).not.toBe(tags.get(method));
    }
    const people = (await (await api('people.list', {}, tags.get('people.list'))).json()) as {
      value: { name: string }[];
    };
    expect(people.value.map((p) => p.name)).toContain('Wen Li');
  });

  it('leave untagged a read whose answer is not in the change log alone (the backups on disk)', async () => {
    const reply = await api('backups.list', {});
    expect(reply.status).toBe(200);
    expect(reply.headers.get('etag')).toBeNull();
  });
});
