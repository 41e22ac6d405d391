/**
 * The desktop app's Electron-free parts: the `app:` protocol's answers from a real built-renderer
 * folder, the IPC gate over a real workspace, and what happens to a link the page opens.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerAppRequest, APP_PAGE_URL, isAppUrl } from '../../src/main/desktop/app-protocol.ts';
import { answeredOpen, howToOpen, linkQuestion } from '../../src/main/desktop/external-links.ts';
import { createIpcGate, isOwnPage } from '../../src/main/desktop/ipc-gate.ts';
import { SECURITY_HEADERS } from '../../src/main/web/security.ts';
import { APP_LINK_TARGET } from '../../src/shared/links.ts';
import { dump, tempCore, tempDir } from './helpers.ts';

function rendererFolder(): string {
  const dir = tempDir();
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Fortnight</title>');
  writeFileSync(join(root, 'assets', 'index-C8f8cXXA.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.txt'));
  return root;
}

const get = (root: string, url: string, method = 'GET') =>
  answerAppRequest(new Request(url, { method }), root);

describe('the app: protocol', () => {
  it('serves the page and its files with our security headers and their types', async () => {
    const root = rendererFolder();
    for (const url of [APP_PAGE_URL, 'app://fortnight/', 'app://fortnight/index.html#/roadmap']) {
      const page = await get(root, url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Fortnight</title>');
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(page.headers.get(name)).toBe(value);
    }
    const script = await get(root, 'app://fortnight/assets/index-C8f8cXXA.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    const style = await get(root, 'app://fortnight/assets/style.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(style.headers.get('content-security-policy')).toContain("script-src 'self'");
    const head = await get(root, APP_PAGE_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses paths out of the renderer, symbolic links out of it, unknown files and other hosts', async () => {
    const root = rendererFolder();
    for (const url of [
      'app://fortnight/../secret.txt',
      'app://fortnight/%2e%2e/secret.txt',
      'app://fortnight/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://fortnight/assets/..%2f..%2fsecret.txt',
      'app://fortnight/assets/link.txt',
      'app://fortnight/%00index.html',
      'app://fortnight/%E0%A4%A',
      'app://fortnight/missing.js',
      'app://fortnight/assets',
      'app://elsewhere/index.html',
    ]) {
      const answer = await get(root, url);
      expect(answer.status, url).toBe(404);
      expect(await answer.text(), url).not.toContain('outside the renderer');
      expect(answer.headers.get('content-security-policy'), url).toBe(
        SECURITY_HEADERS['Content-Security-Policy'],
      );
    }
    expect((await get(root, APP_PAGE_URL, 'POST')).status).toBe(405);
  });

  it('knows its own addresses', () => {
    expect(isAppUrl(APP_PAGE_URL)).toBe(true);
    expect(isAppUrl('app://fortnight/assets/x.js')).toBe(true);
    for (const url of [
      'app://other/index.html',
      'file:///index.html',
      'https://fortnight/',
      'nonsense',
      undefined,
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});

describe('the IPC gate', () => {
  it('answers our own page and the dev server only', () => {
    expect(isOwnPage('app://fortnight/index.html#/people')).toBe(true);
    expect(isOwnPage('http://localhost:5173/#/people', 'http://localhost:5173')).toBe(true);
    for (const url of [
      undefined,
      '',
      'file:///home/user/out/renderer/index.html',
      'https://evil.example/',
      'app://evil/index.html',
      'http://localhost:51730/',
      'http://localhost:5173.evil.example/',
    ]) {
      expect(isOwnPage(url, 'http://localhost:5173'), String(url)).toBe(false);
    }
    expect(isOwnPage('http://localhost:5173/')).toBe(false);
  });

  it('refuses a foreign sender and changes nothing; dispatches our page to the core or the desktop', async () => {
    const core = await tempCore();
    const saved: unknown[] = [];
    const gate = createIpcGate({
      core: () => core,
      desktop: {
        'files.saveAs': async (input: never) => {
          saved.push(input);
          return { path: '/chosen/file.md' };
        },
      },
    });
    const person = { name: 'Ada', handle: 'ada', timeZone: 'Europe/Berlin' };
    const before = dump(core.workspace.db);
    for (const sender of [undefined, 'file:///out/renderer/index.html', 'https://evil.example/']) {
      const refused = await gate(sender, 'people.create', person);
      expect(refused).toEqual({
        ok: false,
        error: { code: 'forbidden', message: expect.stringContaining('Refused') },
      });
    }
    expect(dump(core.workspace.db)).toBe(before);

    const created = await gate(APP_PAGE_URL, 'people.create', person);
    expect(created.ok).toBe(true);
    expect(await gate(APP_PAGE_URL, 'no.such', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });

    const file = { suggestedName: 'summary.md', content: '# Sprint' };
    expect(await gate(APP_PAGE_URL, 'files.saveAs', file)).toEqual({
      ok: true,
      value: { path: '/chosen/file.md' },
    });
    expect(saved).toEqual([file]);
    const bad = await gate(APP_PAGE_URL, 'files.saveAs', { suggestedName: '../x', content: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'suggestedName' } });
    expect(saved).toHaveLength(1);
  });

  it('refuses every call before the workspace is open', async () => {
    const gate = createIpcGate({ core: () => undefined, desktop: {} });
    expect(await gate(APP_PAGE_URL, 'people.list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('turns a failing native dialog into an error result', async () => {
    const core = await tempCore();
    const gate = createIpcGate({
      core: () => core,
      desktop: {
        'files.open': () => Promise.reject(new Error('EACCES: permission denied')),
      },
    });
    expect(await gate(APP_PAGE_URL, 'files.open', { folder: true, extensions: ['md'] })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'EACCES: permission denied' },
    });
  });
});

describe('links the page opens', () => {
  it("opens the app's own links, asks about links from content and refuses other schemes", () => {
    expect(howToOpen('https://github.com/ada', APP_LINK_TARGET)).toBe('open');
    expect(howToOpen('https://example.com/x', '_blank')).toBe('ask');
    expect(howToOpen('https://example.com/x', '')).toBe('ask');
    expect(howToOpen('mailto:ada@example.com', '_blank')).toBe('ask');
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://fortnight/index.html',
      'smb://host/share',
    ]) {
      expect(howToOpen(url, APP_LINK_TARGET), url).toBe('refuse');
      expect(howToOpen(url, '_blank'), url).toBe('refuse');
    }
  });

  it('asks with the full address, and Cancel is the default', () => {
    const url = `https://example.com/${'a'.repeat(500)}?next=https://elsewhere.example`;
    const question = linkQuestion(url);
    expect(question.detail).toBe(url);
    expect(question.buttons[question.defaultId]).toBe('Cancel');
    expect(answeredOpen(question.cancelId)).toBe(false);
    expect(answeredOpen(0)).toBe(true);
  });
});
