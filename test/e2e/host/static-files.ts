// The HTTP side of the e2e host: the built renderer from out/renderer, with one classic script
// tag for the bridge put in front of the renderer's module script (same origin, so the page's CSP
// `script-src 'self'` allows it). Files only: no directory listings, nothing outside the root.
// Every answer carries the app's CSP header, as app:// answers do in the app.
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/electron/csp';

export const BRIDGE_PATH = '/deckhand-bridge.js';
export const AXE_PATH = '/__e2e/axe.min.js';

const contentTypes: Record<string, string> = {
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
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

export function contentTypeOf(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** index.html with the bridge script before the first module script; throws when there is none. */
export function injectBridge(html: string): string {
  const at = html.search(/<script\b[^>]*\btype=["']?module\b/i);
  if (at < 0) throw new Error('out/renderer/index.html has no module script: is it the renderer built by electron-vite?');
  return `${html.slice(0, at)}<script src="${BRIDGE_PATH}"></script>\n    ${html.slice(at)}`;
}

export interface StaticOptions {
  /** out/renderer, resolved to its real path. */
  root: string;
  bridgeScript: string;
  /** Served at AXE_PATH only when given (tests that want axe as a same-origin script). */
  axeScript?: string | null;
}

/**
 * The file under `root` a URL path names, or null when it names nothing servable (outside the
 * root, a directory, a malformed escape, a NUL byte).
 */
export async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const candidate = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  try {
    // A symlink inside the root must not lead out of it either.
    const real = await realpath(candidate);
    if (!real.startsWith(root + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean): void {
  response.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    // Always the build on disk now: the renderer is rebuilt between runs.
    'cache-control': 'no-store',
  });
  response.end(head ? undefined : body);
}

export function createStaticHandler(options: StaticOptions): (request: IncomingMessage, response: ServerResponse) => void {
  // Read on every request, not once: the app may be rebuilt while this serves (npm run start:web),
  // and the old index.html names assets the new build no longer has.
  const index = async () => injectBridge(await readFile(resolve(options.root, 'index.html'), 'utf8'));

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = request.method ?? 'GET';
    const head = method === 'HEAD';
    if (method !== 'GET' && !head) {
      response.setHeader('allow', 'GET, HEAD');
      return send(response, 405, 'text/plain; charset=utf-8', 'Method Not Allowed', head);
    }
    const pathname = new URL(request.url ?? '/', 'http://host.invalid').pathname;
    if (pathname === BRIDGE_PATH) return send(response, 200, contentTypeOf(pathname), options.bridgeScript, head);
    if (pathname === AXE_PATH && options.axeScript) return send(response, 200, contentTypeOf(pathname), options.axeScript, head);
    if (pathname === '/' || pathname === '/index.html') return send(response, 200, contentTypeOf('index.html'), await index(), head);
    // Browsers ask for it on their own (Electron does not): answer without a console error.
    if (pathname === '/favicon.ico') return void response.writeHead(204).end();
    const file = await resolveFile(options.root, pathname);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not Found', head);
    return send(response, 200, contentTypeOf(file), await readFile(file), head);
  };

  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', String(error), false);
      else response.destroy();
    });
  };
}
