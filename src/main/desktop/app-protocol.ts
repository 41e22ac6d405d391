/**
 * The desktop app's renderer is served from `app://fortnight/…`, a scheme of our own, rather than
 * `file://`: a file URL can reach any file on the disk and has no real origin, so CSP and the
 * IPC sender check would rest on a path. Here every answer carries our security headers and
 * only files inside the built renderer are ever read. No Electron import: the answer is a
 * standard `Response`, which `protocol.handle` accepts and a unit test can read.
 */
import { readFile, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SECURITY_HEADERS } from '../web/security.ts';
import { contentType, isRegularFileInside, resolveInside } from '../web/static.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'fortnight';
/** The page the window loads. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Whether a URL is one of ours: the scheme and host the renderer is served from. */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

function refusal(status: 404 | 405, text: string): Response {
  return new Response(`${text}\n`, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Answers one request of the `app:` scheme from the built renderer in `rendererDir`. */
export async function answerAppRequest(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed');
  if (!isAppUrl(request.url)) return refusal(404, 'Not found');
  const root = resolve(rendererDir);
  // The app routes itself with the address's hash: its only page is index.html.
  const { pathname } = new URL(request.url);
  const file = resolveInside(root, pathname === '/' ? '/index.html' : pathname);
  const realRoot = await realpath(root).catch(() => root);
  if (file === null || !(await isRegularFileInside(file, realRoot))) return refusal(404, 'Not found');
  const body = await readFile(file);
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': contentType(file),
      'Content-Length': String(body.length),
    },
  });
}
