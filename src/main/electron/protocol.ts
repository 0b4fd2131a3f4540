// The built renderer is served from app://deckhand/ instead of file://, so that every page and
// asset the app loads carries the CSP header from here (file:// responses have no headers, and a
// file:// page would get file:// privileges; the grantFileProtocolExtraPrivileges fuse is off).
// Only files inside out/renderer are served; anything else is a 404.
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative } from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';

export { CONTENT_SECURITY_POLICY };

export const APP_SCHEME = 'app';
export const APP_HOST = 'deckhand';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The headers every app:// response carries, the error pages too. */
const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

const notFound = (): Response => new Response('Not found', { status: 404, headers: { ...securityHeaders, 'Content-Type': 'text/plain' } });

/** The file under rendererDir an app:// URL names, or null when it names none (or tries to escape). */
export function rendererFile(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const file = join(rendererDir, path === '/' ? 'index.html' : path);
  const inside = relative(rendererDir, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

/** The response to one app:// request. */
export async function rendererResponse(request: Pick<Request, 'url' | 'method'>, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: { ...securityHeaders, Allow: 'GET, HEAD' } });
  }
  const file = rendererFile(request.url, rendererDir);
  if (!file) return notFound();
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return notFound();
  }
  const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { headers: { ...securityHeaders, 'Content-Type': type } });
}

/** Before 'ready': app:// behaves like https (secure context, same-origin rules, fetch, module scripts). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
}

/** After 'ready': serve out/renderer on app:// for the default session (the window's). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(request, rendererDir));
}
