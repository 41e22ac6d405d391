/** Serves the built renderer: its files, and `index.html` for any other page (the app routes itself). */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { sendRefusal, sendText } from './security.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export const contentType = (file: string): string =>
  CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * How long a browser may keep a file. The build names its scripts and styles after their
 * content (`assets/index-C8f8cXXA.js`): such a name never changes meaning, so the browser keeps
 * the file and reuses its compiled code on the next load. The page itself (`index.html`, which
 * names the current files) and everything else are never stored.
 */
export const IMMUTABLE = 'private, max-age=31536000, immutable';

export function cachePolicy(root: string, file: string): string | null {
  const inAssets = relative(root, file).split(sep)[0] === 'assets';
  return inAssets && /-[\w-]{8}\.[a-z0-9]+$/i.test(basename(file)) ? IMMUTABLE : null;
}

/** The file under `root` a URL path names, or null when it would leave `root`. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(root, `.${sep}${decoded}`);
  return file === root || file.startsWith(root + sep) ? file : null;
}

/** Whether `file` is a regular file that is really inside `realRoot` (symbolic links resolved). */
export async function isRegularFileInside(file: string, realRoot: string): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    // A symbolic link inside the folder must not lead out of it either.
    return (await realpath(file)).startsWith(realRoot + sep);
  } catch {
    return false;
  }
}

/**
 * The renderer links its files relatively (`./assets/…`, as Electron loads it from file://), so
 * a page served at `/a/b` asks for `/a/assets/…`: look for the path's tail from the root.
 */
async function findByTail(root: string, realRoot: string, urlPath: string): Promise<string | null> {
  const segments = urlPath.split('/').filter(Boolean);
  for (let start = 1; start < segments.length; start++) {
    const file = resolveInside(root, `/${segments.slice(start).join('/')}`);
    if (file !== null && (await isRegularFileInside(file, realRoot))) return file;
  }
  return null;
}

/** Answers a GET or HEAD for a path that isn't the API. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendRefusal(res, 405, 'method_not_allowed', 'Method not allowed: pages answer GET and HEAD', {
      Allow: 'GET, HEAD',
    });
  }
  const root = resolve(rendererDir);
  const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
  const file = resolveInside(root, urlPath);
  if (file === null) return sendText(res, 404, 'Not found');

  const realRoot = await realpath(root).catch(() => root);
  let served: string | null = file;
  if (!(await isRegularFileInside(file, realRoot))) {
    // Any path without a file extension is a page of the app; a missing file is an error.
    served = extname(file) === '' ? join(root, 'index.html') : await findByTail(root, realRoot, urlPath);
    if (served === null) return sendText(res, 404, 'Not found');
  }
  let body: Buffer;
  try {
    body = await readFile(served);
  } catch {
    return sendText(res, 404, 'Not found (the renderer has not been built: run npm run build)');
  }
  const cache = cachePolicy(root, served);
  if (cache) res.setHeader('Cache-Control', cache);
  res.writeHead(200, { 'Content-Type': contentType(served), 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}
