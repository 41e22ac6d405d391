/**
 * Browser mode's HTTP host: the built renderer and the API (`POST /api/<method>`) on
 * 127.0.0.1, behind the defences in `security.ts`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contract, isMethodName } from '../../shared/contract.ts';
import { answerAsJson } from '../api/answer-json.ts';
import type { CoreClient } from '../api/core-client.ts';
import {
  SECURITY_HEADERS,
  allowedHosts,
  allowedOrigins,
  hasTokenCookie,
  newToken,
  sameSecret,
  sendJsonBytes,
  sendRefusal,
  tokenCookie,
  tokenCookieName,
} from './security.ts';
import { serveStatic } from './static.ts';

/** A request body's limit, unless its method's input can be larger (a roadmap import's can). */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * A body over its limit is still read (and thrown away) up to this much more, so the client gets
 * the 413's message rather than a reset connection; past it, the connection is cut.
 */
const MAX_DRAIN_BYTES = 64 * MAX_BODY_BYTES;

/** The body limit of a method: the contract's bound on its input's JSON, else MAX_BODY_BYTES. */
export const bodyLimit = (method: string): number =>
  (isMethodName(method) ? contract[method].maxBodyBytes : undefined) ?? MAX_BODY_BYTES;

const mebibytes = (bytes: number) => `${Math.round(bytes / MAX_BODY_BYTES)} MiB`;

/**
 * Reads whose answer depends on the stored data alone (not on the clock): answered with an
 * `ETag` naming the workspace's version and the input, and with 304 and no body when the page
 * sends that tag back (`If-None-Match`) and nothing was written since. They are what a screen
 * asks for each time it is shown, and had the last time, unchanged unless someone wrote: at ten
 * years, the roadmap is 295 KB of JSON, the open polish issues 227 KB, the meeting 74 KB.
 */
export const VERSIONED_READS: ReadonlySet<string> = new Set([
  'roadmap.view',
  'meeting.current',
  'goals.list',
  'people.list',
  'people.ownership',
  'sprints.list',
  'sprints.overview',
  'polish.page',
  'polish.counts',
  'stakeholders.overview',
]);

export interface HostOptions {
  /**
   * The core in its worker threads (`startCore`), whose answers come encoded (`callAsJson`);
   * without `version`, no read is versioned.
   */
  core: Pick<CoreClient, 'call'> & Partial<Pick<CoreClient, 'version' | 'callAsJson'>>;
  /** The built renderer: `out/renderer`. */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface Host {
  /** The address to open, with the token: `http://127.0.0.1:<port>/?token=…`. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

export async function startHost({ core, rendererDir, port = 0 }: HostOptions): Promise<Host> {
  const token = newToken();
  let hosts: string[] = [];
  let origins: string[] = [];
  let cookieName = '';
  // Tags from another run of the host (another workspace, perhaps) never match this one's.
  const run = randomUUID().slice(0, 8);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!hosts.includes(req.headers.host ?? ''))
      return sendRefusal(res, 403, 'forbidden', 'Forbidden: unexpected Host header');

    const url = new URL(req.url ?? '/', 'http://localhost');
    const urlToken = url.searchParams.get('token');
    if (urlToken !== null && (req.method === 'GET' || req.method === 'HEAD')) {
      if (!sameSecret(urlToken, token)) return refuseUnauthenticated(res);
      // Trade the token in the address for a cookie, so it leaves the address bar and history.
      // (`//x` would send the browser to host x, so leading slashes collapse to one.)
      url.searchParams.delete('token');
      const location = url.pathname.replace(/^\/+/, '/') + url.search;
      res.writeHead(303, { Location: location, 'Set-Cookie': tokenCookie(cookieName, token) });
      return void res.end();
    }
    if (!hasTokenCookie(req, cookieName, token)) return refuseUnauthenticated(res);

    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    return serveStatic(req, res, rendererDir);
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, method: string): Promise<void> => {
    if (req.method !== 'POST') {
      return sendRefusal(res, 405, 'method_not_allowed', 'Method not allowed: the API answers POST', {
        Allow: 'POST',
      });
    }
    // Browsers send Origin on every POST; a write must prove it comes from this app's own page.
    const origin = req.headers.origin;
    const writes = isMethodName(method) && contract[method].writes;
    if ((writes || origin !== undefined) && !origins.includes(origin ?? '')) {
      return sendRefusal(res, 403, 'forbidden', 'Forbidden: this request did not come from Fortnight');
    }
    const limit = bodyLimit(method);
    const body = await readBody(req, limit);
    if (body === null) {
      return sendRefusal(
        res,
        413,
        'too_large',
        `body: must be at most ${limit} bytes (${mebibytes(limit)})`,
        {
          Connection: 'close',
        },
      );
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendRefusal(res, 400, 'invalid_input', 'body: must be JSON');
    }
    const answer = async () =>
      core.callAsJson ? core.callAsJson(method, input) : answerAsJson(await core.call(method, input));
    if (!core.version || !VERSIONED_READS.has(method)) return sendJsonBytes(res, 200, await answer());
    const inputHash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
    const tagOf = (version: string) => `"${run}.${version}.${inputHash}"`;
    // The version is asked before the answer, so an answer is never tagged newer than it is. The
    // answer waits for it only when the page's tag may still hold (this run's, for this input):
    // else both are asked at once, and the tag costs the read no time.
    const version = core.version();
    const sent = req.headers['if-none-match'];
    if (sent?.startsWith(`"${run}.`) && sent.endsWith(`.${inputHash}"`) && sent === tagOf(await version)) {
      res.writeHead(304, { ETag: sent });
      return void res.end();
    }
    const bytes = answer();
    res.setHeader('ETag', tagOf(await version));
    sendJsonBytes(res, 200, await bytes);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendRefusal(res, 500, 'internal', 'Internal error');
      else res.destroy();
      console.error('Fortnight browser host:', error);
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
  });
  const actualPort = (server.address() as AddressInfo).port;
  hosts = allowedHosts(actualPort);
  origins = allowedOrigins(actualPort);
  cookieName = tokenCookieName(actualPort);
  const origin = `http://127.0.0.1:${actualPort}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}

function refuseUnauthenticated(res: ServerResponse): void {
  sendRefusal(
    res,
    401,
    'unauthorised',
    'Not authorised: open Fortnight with the address it printed when it started.',
  );
}

/**
 * The request body, or null once it exceeds `limit` bytes. Either way the body is read to its
 * end (what is over the limit is thrown away as it arrives), so the answer reaches the client.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit + MAX_DRAIN_BYTES) req.destroy();
      else if (size > limit || declared > limit) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on('end', () => done(size > limit || declared > limit ? null : Buffer.concat(chunks)));
    req.on('error', fail);
    // Cut off past the drain: there will be no 'end'.
    req.on('close', () => done(null));
  });
}
