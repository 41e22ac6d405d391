/**
 * kill -9 over browser mode: a host in a child process takes writes over HTTP and is killed
 * (SIGKILL, no chance to clean up) at random points, again and again. Every write it
 * acknowledged must be in the file afterwards, and the file must stay sound.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/api/core.ts';
import { tempDir } from './helpers.ts';

const CYCLES = 12;
const WRITERS = 4;

const root = join(import.meta.dirname, '../..');
/** The host of browser mode, as `serveBrowserMode` starts it, printing its address. */
const HOST_SCRIPT = `
import { openCore } from ${JSON.stringify(join(root, 'src/main/api/core.ts'))};
import { startHost } from ${JSON.stringify(join(root, 'src/main/web/host.ts'))};
const [dbFile, rendererDir] = process.argv.slice(1);
const core = await openCore(dbFile);
const host = await startHost({ core, rendererDir });
console.log(host.url);
`;

function startChild(dbFile: string, rendererDir: string): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', HOST_SCRIPT, dbFile, rendererDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://'));
      if (line) done({ child, url: new URL(line.trim()) });
    });
    child.on('exit', (code) => fail(new Error(`the host exited with ${code} before it listened`)));
  });
}

function post(url: URL, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((done, fail) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: body === undefined ? 'GET' : 'POST',
        headers,
        agent: false,
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

describe('kill -9 during writes over HTTP', () => {
  it(`keeps every acknowledged write, over ${CYCLES} kills at random points`, async () => {
    const dir = tempDir();
    const dbFile = join(dir, 'workspace.db');
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fortnight</title>');

    const acknowledged: string[] = [];
    let refusedOrLost = 0;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const { child, url } = await startChild(dbFile, rendererDir);
      const login = await post(url, `${url.pathname}${url.search}`, { Host: url.host });
      const cookie = String((login.headers['set-cookie'] as string[])[0]).split(';')[0]!;
      const headers = {
        Host: url.host,
        Origin: url.origin,
        Cookie: cookie,
        'Content-Type': 'application/json',
      };
      let alive = true;
      const exited = new Promise((done) => child.on('exit', done));
      const writer = async (w: number) => {
        for (let i = 0; alive; i++) {
          const name = `c${cycle}-w${w}-${i}`;
          try {
            const reply = await post(url, '/api/people.create', headers, JSON.stringify({ name }));
            expect(reply.status).toBe(200);
            expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { name } });
            acknowledged.push(name);
          } catch (error) {
            if (alive) throw error;
            refusedOrLost++; // in flight when the host died: never acknowledged
          }
        }
      };
      const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
      // A random point: after a random number of acknowledged writes in this cycle (1–40).
      const target = acknowledged.length + 1 + Math.floor(Math.random() * 40);
      while (acknowledged.length < target) await new Promise((r) => setImmediate(r));
      alive = false;
      child.kill('SIGKILL');
      await exited;
      await Promise.all(writers);
    }

    const core = await openCore(dbFile);
    try {
      const people = core.call('people.list', {});
      expect(people.ok).toBe(true);
      const names = new Set((people.ok ? (people.value as { name: string }[]) : []).map((p) => p.name));
      const missing = acknowledged.filter((name) => !names.has(name));
      expect(missing).toEqual([]);
      expect(core.workspace.db.pragma('integrity_check', { simple: true })).toBe('ok');
      console.log(
        `kill -9 loop: ${CYCLES} kills, ${acknowledged.length} acknowledged writes all kept, ${refusedOrLost} in flight at a kill`,
      );
    } finally {
      core.close();
    }
  }, 120_000);
});
