import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ handle: vi.fn() }));
vi.mock('electron', () => ({ protocol: { handle: electron.handle, registerSchemesAsPrivileged: vi.fn() } }));

const { CONTENT_SECURITY_POLICY, rendererResponse, serveRenderer } = await import('../../../../src/main/electron/protocol');

// out/renderer, with a secret beside it that must stay out of reach.
const root = mkdtempSync(join(tmpdir(), 'deckhand-protocol-'));
const rendererDir = join(root, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Deckhand</title>');
writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(join(root, 'secret.txt'), 'keys');
mkdirSync(join(root, 'renderer-old'));
writeFileSync(join(root, 'renderer-old', 'index.html'), 'old');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => rendererResponse({ url, method }, rendererDir);

describe('app:// responses', () => {
  it('serve the built files with their type, and the CSP on every one', async () => {
    for (const [url, type, body] of [
      ['app://deckhand/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Deckhand</title>'],
      ['app://deckhand/', 'text/html; charset=utf-8', '<!doctype html><title>Deckhand</title>'],
      ['app://deckhand/assets/index-abc.js?v=1#x', 'text/javascript; charset=utf-8', 'console.log(1)'],
      ['app://deckhand/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ]) {
      const response = await get(url!);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe(body);
    }
  });

  it.each([
    'app://deckhand/missing.js',
    'app://deckhand/..%2fsecret.txt',
    'app://deckhand/%2e%2e/secret.txt',
    'app://deckhand/assets/..%2f..%2fsecret.txt',
    'app://deckhand/..%2frenderer-old/index.html',
    'app://deckhand/assets%5c..%5c..%5csecret.txt',
    'app://deckhand/index.html%00.js',
    'app://deckhand/%E0%A4%A',
    'app://elsewhere/index.html',
    'app://deckhand/assets',
  ])('answer 404 for %s, still with the CSP', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('keys');
  });

  it('answer HEAD without a body and refuse other methods', async () => {
    const head = await get('app://deckhand/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://deckhand/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('are what the app:// handler answers', async () => {
    serveRenderer(rendererDir);
    const [scheme, handler] = electron.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://deckhand/index.html'));
    expect(await response.text()).toContain('Deckhand');
  });
});
