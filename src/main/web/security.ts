/**
 * Browser mode's defences. The host listens on 127.0.0.1 only, yet any web page the user
 * visits can reach that address: a per-launch token (carried by an HttpOnly, SameSite=Strict
 * cookie) keeps other pages and local users out, the Host allow-list defeats DNS rebinding,
 * and the Origin check refuses cross-site writes.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode, Result } from '../../shared/result.ts';

/** One cookie name per port: cookies ignore ports, so two instances must not overwrite each other's. */
export const tokenCookieName = (port: number): string => `fortnight_token_${port}`;

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Every response carries the token's authority or the user's data: nothing is stored, except
  // the build's content-named scripts and styles (see `cachePolicy` in static.ts).
  'Cache-Control': 'no-store',
};

export const newToken = (): string => randomBytes(32).toString('base64url');

/** Compares in constant time, so response timing doesn't reveal how much of a guess was right. */
export function sameSecret(candidate: string, token: string): boolean {
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  return header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${name}=`))
    .map((part) => part.slice(name.length + 1));
}

export const hasTokenCookie = (req: IncomingMessage, name: string, token: string): boolean =>
  cookieValues(req.headers.cookie, name).some((value) => sameSecret(value, token));

export const tokenCookie = (name: string, token: string): string =>
  `${name}=${token}; HttpOnly; SameSite=Strict; Path=/`;

/** The names this host answers to: anything else in `Host` is a rebound DNS name. */
export const allowedHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

export const allowedOrigins = (port: number): string[] => allowedHosts(port).map((host) => `http://${host}`);

function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  sendJsonBytes(res, status, Buffer.from(JSON.stringify(value)), headers);
}

/** Ends a response with JSON already encoded as UTF-8. */
export function sendJsonBytes(
  res: ServerResponse,
  status: number,
  body: Uint8Array,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.byteLength,
  });
  res.end(body);
}

/**
 * Refuses a request before it reaches the API (no token, a foreign Host or Origin, the wrong
 * method, a body too large) in the API's own shape, so a client reads every refusal the same way.
 */
export function sendRefusal(
  res: ServerResponse,
  status: 400 | 401 | 403 | 405 | 413 | 500,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  const refusal: Result<never> = { ok: false, error: { code, message } };
  sendJson(res, status, refusal, headers);
}

/** Ends a response with a short plain-text message. */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}
