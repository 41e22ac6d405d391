/** Browser mode's host over real HTTP, against a real workspace file. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../src/main/api/core.ts';
import { startCore, type CoreClient } from '../../src/main/api/core-client.ts';
import { ROADMAP_IMPORT_MAX_JSON_BYTES } from '../../src/shared/contract.ts';
import { bodyLimit, MAX_BODY_BYTES, startHost, type Host } from '../../src/main/web/host.ts';
import { dump } from './helpers.ts';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let dir: string;
let dbFile: string;
let core: Core;
let client: CoreClient;
let host: Host;
let port: number;
let cookie: string;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Node's client, because fetch won't send a forged Host header. */
function request(
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: OutgoingHttpHeaders; body?: string | Buffer } = {},
): Promise<Reply> {
  // An undefined header is one the request leaves out.
  const sent = Object.fromEntries(
    Object.entries({ Host: `127.0.0.1:${port}`, ...headers }).filter(([, value]) => value !== undefined),
  );
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, agent: false, headers: sent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        done({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', fail);
    req.end(body);
  });
}

/**
 * POSTs `chunks` chunks of `chunk` bytes to `path` as a browser does: it writes the whole body
 * at its own pace (each write waits until the last one left) and fails with a network error if
 * the connection breaks before the body is sent, whatever answer arrived meanwhile.
 */
function postInChunks(
  path: string,
  headers: OutgoingHttpHeaders,
  chunk: Buffer,
  chunks: number,
): Promise<Reply> {
  return new Promise((done, fail) => {
    let reply: Reply | null = null;
    let sent = false;
    const finish = () => {
      if (reply && sent) done(reply);
    };
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent: false,
        headers: { Host: `127.0.0.1:${port}`, ...headers },
      },
      (res) => {
        const body: Buffer[] = [];
        res.on('data', (data: Buffer) => body.push(data));
        res.on('end', () => {
          reply = {
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(body).toString('utf8'),
          };
          finish();
        });
      },
    );
    req.on('error', (error) => {
      if (!sent) fail(new Error(`the body could not be sent: ${error.message}`));
    });
    const write = async () => {
      for (let i = 0; i < chunks && !req.destroyed; i++)
        if (!req.write(chunk)) await new Promise((resume) => req.once('drain', resume));
      req.end(() => {
        sent = true;
        finish();
      });
    };
    write().catch(fail);
  });
}

/** POSTs an API call as the app's own page would, unless `headers` says otherwise. */
function api(method: string, input: unknown, headers: OutgoingHttpHeaders = {}): Promise<Reply> {
  return request(`/api/${method}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: host.origin, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
}

function snapshot() {
  return {
    changes: (core.workspace.db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n,
    people: core.call('people.list', {}),
    everything: dump(core.workspace.db),
  };
}

/** A refusal in the API's own shape, `{ ok: false, error: { code, message } }`. */
function expectRefusal(reply: Reply, code: string, message: RegExp) {
  expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } };
  expect(body).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } });
}

/** Runs refused requests and checks that the workspace is exactly as before. */
async function expectNothingChanged(refusals: () => Promise<void>) {
  const before = snapshot();
  await refusals();
  expect(snapshot()).toEqual(before);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fortnight-web-'));
  dbFile = join(dir, 'workspace.db');
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Fortnight</title><div id="app"></div>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body { margin: 0 }');
  // A build's file, named after its content.
  writeFileSync(join(rendererDir, 'assets', 'index-C8f8cX_A.js'), 'console.log("built");');
  writeFileSync(join(rendererDir, 'favicon-C8f8cX_A.svg'), '<svg/>');
  // What a path traversal would reach: the folder above the renderer's.
  writeFileSync(join(dir, 'package.json'), '{ "secret": "outside the renderer" }');

  core = await openCore(dbFile);
  client = await startCore(dbFile);
  host = await startHost({ core: client, rendererDir });
  port = Number(new URL(host.origin).port);
  const login = await request(`/?token=${host.token}`);
  cookie = String(login.headers['set-cookie']?.[0]).split(';')[0]!;
}, 60_000); // two worker threads start: slow on a loaded machine

afterAll(async () => {
  await host.close();
  await client.close();
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the token', () => {
  it('is offered in a 127.0.0.1 address with a random port', () => {
    expect(host.url).toBe(`http://127.0.0.1:${port}/?token=${host.token}`);
    expect(host.origin).toBe(`http://127.0.0.1:${port}`);
    expect(port).toBeGreaterThan(0);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('in the address is traded for an HttpOnly, SameSite=Strict cookie and a redirect without it', async () => {
    const reply = await request(`/?token=${host.token}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(reply.headers['set-cookie']).toEqual([
      `fortnight_token_${port}=${host.token}; HttpOnly; SameSite=Strict; Path=/`,
    ]);

    const deep = await request(`/sprints/3?view=plan&token=${host.token}`);
    expect(deep.status).toBe(303);
    expect(deep.headers.location).toBe('/sprints/3?view=plan');
  });

  it('never redirects to another host', async () => {
    const reply = await request(`//evil.example/?token=${host.token}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
  });

  it('in the cookie opens the app and the API', async () => {
    const page = await request('/', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Fortnight</title>');
    const reply = await api('people.list', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: expect.any(Array) });
  });

  it('is required: without it, pages and the API answer 401', async () => {
    await expectNothingChanged(async () => {
      for (const path of ['/', '/index.html', '/assets/app.js']) {
        const reply = await request(path);
        expect(reply.status).toBe(401);
        expectRefusal(reply, 'unauthorised', /^Not authorised: open Fortnight with the address/);
      }
      const write = await api('people.create', { name: 'Mallory' }, { Cookie: '' });
      expect(write.status).toBe(401);
      expectRefusal(write, 'unauthorised', /^Not authorised/);
    });
  });

  it('must be the right one: a wrong token in the address or the cookie answers 401', async () => {
    await expectNothingChanged(async () => {
      const wrongAddress = await request('/?token=not-the-token');
      expect(wrongAddress.status).toBe(401);
      expect(wrongAddress.headers['set-cookie']).toBeUndefined();
      const wrongCookie = await request('/', {
        headers: { Cookie: `fortnight_token_${port}=not-the-token` },
      });
      expect(wrongCookie.status).toBe(401);
      const wrongWrite = await api(
        'people.create',
        { name: 'Mallory' },
        { Cookie: `fortnight_token_${port}=${'x'.repeat(43)}` },
      );
      expect(wrongWrite.status).toBe(401);
    });
  });
});

describe('the Host and Origin checks', () => {
  it('refuse a foreign Host header (DNS rebinding), even with the token', async () => {
    await expectNothingChanged(async () => {
      const evil = { Host: `evil.example:${port}`, Cookie: cookie };
      const refused = await request('/', { headers: evil });
      expect(refused.status).toBe(403);
      expectRefusal(refused, 'forbidden', /^Forbidden: unexpected Host header$/);
      expect(
        (await request(`/?token=${host.token}`, { headers: { Host: `evil.example:${port}` } })).status,
      ).toBe(403);
      expect((await api('people.create', { name: 'Mallory' }, { Host: `evil.example:${port}` })).status).toBe(
        403,
      );
      expect((await request('/', { headers: { Host: '127.0.0.1:1', Cookie: cookie } })).status).toBe(403);
    });
  });

  it('refuse a write from another origin', async () => {
    await expectNothingChanged(async () => {
      const reply = await api('people.create', { name: 'Mallory' }, { Origin: 'http://evil.example' });
      expect(reply.status).toBe(403);
      expectRefusal(reply, 'forbidden', /did not come from Fortnight/);
      const nullOrigin = await api('people.create', { name: 'Mallory' }, { Origin: 'null' });
      expect(nullOrigin.status).toBe(403);
    });
  });

  it('refuse a write without an Origin header', async () => {
    await expectNothingChanged(async () => {
      const reply = await api('people.create', { name: 'Mallory' }, { Origin: undefined });
      expect(reply.status).toBe(403);
    });
  });

  it('refuse a read from another origin, and allow one that names none', async () => {
    expect((await api('people.list', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('people.list', {}, { Origin: undefined })).status).toBe(200);
  });
});

describe('the API', () => {
  it('runs a same-origin write and keeps it in the SQLite file', async () => {
    const reply = await api('people.create', { name: 'Grace', timeZone: 'Europe/Paris' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['content-security-policy']).toBe(CSP);
    const result = JSON.parse(reply.body);
    expect(result).toMatchObject({ ok: true, value: { name: 'Grace', timeZone: 'Europe/Paris' } });

    const reopened = await openCore(dbFile);
    try {
      const people = reopened.call('people.list', {});
      expect(people.ok && people.value).toContainEqual(result.value);
    } finally {
      reopened.close();
    }
  });

  it('answers to localhost as well as 127.0.0.1', async () => {
    const reply = await api(
      'people.create',
      { name: 'Lin' },
      { Host: `localhost:${port}`, Origin: `http://localhost:${port}` },
    );
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { name: 'Lin' } });
  });

  it("returns the core's refusal, naming the field, as a 200 Result", async () => {
    await expectNothingChanged(async () => {
      const reply = await api('people.create', { name: '' });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'name' },
      });
    });
  });

  it('answers an unknown method with the core unknown_method result, its name cut short', async () => {
    const reply = await api('people.explode', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'There is no method people.explode' },
    });
    const long = await api('x'.repeat(5000), {});
    expect(JSON.parse(long.body)).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: `There is no method ${'x'.repeat(60)}…` },
    });
  });

  it('answers a body that is not JSON with 400 and invalid_input', async () => {
    await expectNothingChanged(async () => {
      const reply = await request('/api/people.create', {
        method: 'POST',
        headers: { Cookie: cookie, Origin: host.origin },
        body: '{"name": "Unclosed',
      });
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: 'body: must be JSON' },
      });
    });
  });

  it('refuses a body over 1 MB with 413, declared or streamed, and the client reads why', async () => {
    await expectNothingChanged(async () => {
      // Several megabytes: the client is still writing when the host knows the answer, so
      // the host must read the rest before answering, or the client sees a reset connection.
      const big = JSON.stringify({ name: 'x'.repeat(8 * 1024 * 1024) });
      const declared = await api('people.create', JSON.parse(big));
      expect(declared.status).toBe(413);
      expectRefusal(declared, 'too_large', /^body: must be at most 1048576 bytes/);
      const streamed = await request('/api/people.create', {
        method: 'POST',
        headers: { Cookie: cookie, Origin: host.origin, 'Transfer-Encoding': 'chunked' },
        body: big,
      });
      expect(streamed.status).toBe(413);
      expectRefusal(streamed, 'too_large', /^body: must be at most/);
    });
  });

  it('reads a several-megabyte body sent in chunks to its end, so the client gets the 413 message', async () => {
    await expectNothingChanged(async () => {
      // 16 MB in 64 KB chunks, without a declared length: the host knows the answer after the
      // first megabyte, long before the client has finished writing.
      const reply = await postInChunks(
        '/api/people.create',
        { Cookie: cookie, Origin: host.origin, 'Content-Type': 'application/json' },
        Buffer.alloc(64 * 1024, 'x'),
        256,
      );
      expect(reply.status).toBe(413);
      expectRefusal(reply, 'too_large', /^body: must be at most 1048576 bytes/);
    });
  });

  it('imports a roadmap larger than 1 MiB: the limit for an import is what the contract allows', async () => {
    // 120 goals, each with a page whose Impact is 12,000 characters: about 1.5 MB of JSON.
    const titles = Array.from({ length: 120 }, (_, i) => `Large goal ${i + 1}`);
    const slug = (title: string) => title.toLowerCase().replaceAll(' ', '_');
    const files = [
      {
        path: 'roadmap.md',
        content: [
          '# Roadmap',
          '',
          '| Deliverable | State | Progress | Owner |',
          '| --- | --- | --- | --- |',
          ...titles.map((t) => `| 🔻 [${t}](./roadmap/${slug(t)}.md) | 💤 | ▰▱▱▱▱▱ | |`),
          '',
        ].join('\n'),
      },
      ...titles.map((t) => ({
        path: `roadmap/${slug(t)}.md`,
        content: `# ${t}\n\n## Impact\n\n${'Everyone gains. '.repeat(750)}\n`,
      })),
    ];
    expect(JSON.stringify({ files }).length).toBeGreaterThan(1024 * 1024);

    const preview = await api('roadmap.previewImport', { files, keepMissing: true });
    expect(preview.status).toBe(200);
    const planned = JSON.parse(preview.body) as { ok: true; value: { create: { kind: string }[] } };
    expect(planned.value.create.filter((item) => item.kind === 'goal')).toHaveLength(120);

    const imported = await api('roadmap.import', { files, keepMissing: true });
    expect(imported.status).toBe(200);
    expect(JSON.parse(imported.body)).toMatchObject({ ok: true, value: { created: 120 } });
    const goals = core.call('goals.list', {});
    if (!goals.ok) throw new Error(goals.error.message);
    const large = goals.value.filter((g) => g.title.startsWith('Large goal '));
    expect(large).toHaveLength(120);
    expect(large[0]!.impact.length).toBeGreaterThan(11_000);
    // Whatever the contract admits fits; every other method keeps the 1 MiB limit.
    expect(bodyLimit('roadmap.import')).toBeGreaterThanOrEqual(ROADMAP_IMPORT_MAX_JSON_BYTES);
    expect(bodyLimit('people.create')).toBe(MAX_BODY_BYTES);
  });

  it('answers GET with 405', async () => {
    const reply = await request('/api/people.list', { headers: { Cookie: cookie } });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
    expectRefusal(reply, 'method_not_allowed', /answers POST/);
  });
});

describe('the renderer files', () => {
  it('are served with their content type and the security headers', async () => {
    const page = await request('/', { headers: { Cookie: cookie } });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CSP);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['cache-control']).toBe('no-store');

    const script = await request('/assets/app.js', { headers: { Cookie: cookie } });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe('console.log("app");');
    const style = await request('/assets/app.css', { headers: { Cookie: cookie } });
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('may be kept by the browser only when the build named them after their content', async () => {
    const built = await request('/assets/index-C8f8cX_A.js', { headers: { Cookie: cookie } });
    expect(built.status).toBe(200);
    expect(built.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(built.headers['content-security-policy']).toBe(CSP);
    // Also when a page further down asks for it relatively.
    const relative = await request('/people/assets/index-C8f8cX_A.js', { headers: { Cookie: cookie } });
    expect(relative.headers['cache-control']).toBe('private, max-age=31536000, immutable');

    for (const path of ['/', '/people/p1', '/index.html', '/assets/app.js', '/favicon-C8f8cX_A.svg']) {
      const reply = await request(path, { headers: { Cookie: cookie } });
      expect(reply.status, path).toBe(200);
      expect(reply.headers['cache-control'], path).toBe('no-store');
    }
    for (const path of ['/assets/index-C8f8cX_B.js', '/api/workspace.info']) {
      const reply = await request(path, { headers: { Cookie: cookie } });
      expect(reply.headers['cache-control'], path).toBe('no-store');
    }
    expect((await api('workspace.info', {})).headers['cache-control']).toBe('no-store');
    // Without the token, not even a built file is served (nor kept).
    const refused = await request('/assets/index-C8f8cX_A.js');
    expect(refused.status).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('fall back to index.html for the pages of the app, not for missing files', async () => {
    const page = await request('/meeting/retrospective', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Fortnight</title>');
    expect((await request('/assets/missing.js', { headers: { Cookie: cookie } })).status).toBe(404);
    // That page links ./assets/app.js, which from /meeting/retrospective is /meeting/assets/app.js.
    const relative = await request('/meeting/assets/app.js', { headers: { Cookie: cookie } });
    expect(relative.status).toBe(200);
    expect(relative.body).toBe('console.log("app");');
  });

  it('never include anything outside the renderer folder', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/..%5cpackage.json',
    ]) {
      const reply = await request(path, { headers: { Cookie: cookie } });
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toContain('secret');
    }
  });

  it('answer other methods than GET and HEAD with 405', async () => {
    expect((await request('/', { method: 'POST', headers: { Cookie: cookie } })).status).toBe(405);
    const head = await request('/', { method: 'HEAD', headers: { Cookie: cookie } });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});
