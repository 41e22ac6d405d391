/**
 * The benchmark's baselines in a process of their own, as browser mode's host is in its own:
 * `node bench/baseline-server.ts` serves a blank page (a heading, nothing else) at `/` and
 * answers any `POST /api/…` with the smallest Result, `{"ok":true,"value":null}` — the least a
 * page load and an API call can cost from the same Chromium and the same client. A `POST
 * /api/keep` keeps its body, which every later `POST /api/kept` answers with: what moving one
 * read's answer costs, its bytes prepared in advance. It prints `baselines at <origin>`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BLANK_HEADING } from './page-script.ts';

const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${BLANK_HEADING}</title><h1>${BLANK_HEADING}</h1></html>`;
const ANSWER = '{"ok":true,"value":null}';

let kept: Buffer = Buffer.from(ANSWER);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const api = req.method === 'POST' && req.url?.startsWith('/api/');
    if (api && req.url === '/api/keep') kept = Buffer.concat(chunks);
    const body = !api ? PAGE : req.url === '/api/kept' ? kept : ANSWER;
    res.writeHead(200, {
      'Content-Type': api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`baselines at http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
