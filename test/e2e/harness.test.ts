// Proves the e2e harness itself: the host serves the built renderer with the bridge in front of
// it, window.deckhand in a real Chromium speaks the contract to the real services (validation,
// results, events), the bridge survives a dropped connection, the demo server can go down and
// come back, and the browser helpers (locale, colour scheme, screenshots, axe) do what they say.
import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from './host/host';
import { createStaticHandler } from './host/static-files';
import {
  axeViolations,
  bridgeConnected,
  bridgeConnections,
  callInPage,
  openApp,
  recordEvents,
  screenshot,
  useBrowser,
  type AppPage,
} from './support/browser';
import type { CallInput } from '../../src/shared/ipc';

const browser = useBrowser();
let host: Host;
let app: AppPage;

beforeAll(async () => {
  host = await startHost({ serveAxe: true });
  app = await openApp(browser.get(), host);
});

afterAll(async () => {
  await app?.close();
  await host?.close();
});

/** A request with the path sent exactly as written (fetch would normalise `..` away). */
function rawGet(path: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(host.url);
    get({ host: url.hostname, port: url.port, path }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], body }));
    }).on('error', reject);
  });
}

describe('the web host', () => {
  it('serves the built renderer with the bridge script in front of its module script', async () => {
    const index = await rawGet('/');
    expect(index.status).toBe(200);
    expect(index.type).toBe('text/html; charset=utf-8');
    const bridgeAt = index.body.indexOf('<script src="/deckhand-bridge.js"></script>');
    const moduleAt = index.body.indexOf('<script type="module"');
    expect(bridgeAt).toBeGreaterThan(0);
    expect(moduleAt).toBeGreaterThan(bridgeAt);

    const bridge = await rawGet('/deckhand-bridge.js');
    expect(bridge.status).toBe(200);
    expect(bridge.type).toBe('text/javascript; charset=utf-8');
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(index.body)?.[1];
    expect((await rawGet(`/${script}`)).type).toBe('text/javascript; charset=utf-8');
    const style = /href="\.\/(assets\/[^"]+\.css)"/.exec(index.body)?.[1];
    if (style) expect((await rawGet(`/${style}`)).type).toBe('text/css; charset=utf-8');
  });

  it('serves index.html as it is on disk now: a page reloaded after a rebuild loads the new build', async () => {
    // `npm run start:web` keeps running while the app is rebuilt (new asset names): a reload must not ask for the old ones.
    const root = await realpath(await mkdtemp(join(tmpdir(), 'deckhand-renderer-')));
    const page = (asset: string) => `<!doctype html><html><head><script type="module" src="./assets/${asset}"></script></head></html>`;
    await writeFile(join(root, 'index.html'), page('index-old.js'));
    const server = createServer(createStaticHandler({ root, bridgeScript: '' }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      expect(await (await fetch(url)).text()).toContain('index-old.js');
      await writeFile(join(root, 'index.html'), page('index-new.js'));
      const after = await (await fetch(url)).text();
      expect(after).toContain('index-new.js');
      expect(after).toContain('<script src="/deckhand-bridge.js"></script>');
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await rm(root, { recursive: true, force: true });
    }
  });

  it('serves files under out/renderer only: no listings, no way out, GET and HEAD only', async () => {
    for (const path of ['/assets', '/assets/', '/../package.json', '/..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/a%00b', '/%E0%A4%A', '/missing.js']) {
      const response = await rawGet(path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('"name"');
    }
    const post = await fetch(host.url, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('accepts bridge connections from its own origin only', async () => {
    const { WebSocket } = await import('ws');
    const status = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`${host.origin.replace('http', 'ws')}/deckhand-bridge`, { origin });
        socket.on('open', () => {
          socket.close();
          resolve('open');
        });
        socket.on('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
        socket.on('error', () => resolve('error'));
      });
    expect(await status(host.origin)).toBe('open');
    expect(await status('http://evil.example')).toBe('401');
  });
});

describe('window.deckhand over the bridge', () => {
  it('loads the page without errors; the CSP lets the bridge script and its WebSocket through', async () => {
    expect(await app.page.evaluate(() => typeof (globalThis as { deckhand?: unknown }).deckhand)).toBe('object');
    expect(host.bridge.connections()).toBeGreaterThan(0);
    expect(app.problems).toEqual([]);
  });

  it('round-trips session.state to the real services', async () => {
    expect(await callInPage(app.page, 'session.state', {})).toEqual({ ok: true, value: { accounts: [], unopened: [], vault: { encryption: 'os' } } });
  });

  it('answers invalid input with the contract error Invalid, as the IPC glue does', async () => {
    const result = await callInPage(app.page, 'session.state', { unexpected: 1 } as unknown as CallInput<'session.state'>);
    expect(result).toMatchObject({ ok: false, error: { code: 'Invalid' } });
    const reply = await callInPage(app.page, 'conversation.reply', {
      ref: { accountId: 'a', chatbotId: 'b', conversationId: 'c' },
      text: '   ',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'Invalid', message: expect.stringContaining('text') } });
  });

  it('turns a service failure into the contract error, not an exception', async () => {
    const result = await callInPage(app.page, 'conversation.markRead', { ref: { accountId: 'nobody', chatbotId: 'b', conversationId: 'c' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'NotFound' } });
  });

  it('opens the demo workspace and lists its conversations', async () => {
    const opened = await callInPage(app.page, 'session.openDemo', {});
    expect(opened).toMatchObject({ ok: true, value: { platform: 'chatcaptain', demo: true, baseUrl: host.demo.server.url } });
    await expect
      .poll(async () => {
        const list = await callInPage(app.page, 'inbox.list', {});
        return list.ok ? list.value.length : -1;
      }, { timeout: 15_000 })
      .toBeGreaterThan(10);
  });

  it('delivers events: a customer writing to the demo server shows up as inbox.changed in the page', async () => {
    const events = await recordEvents(app.page, ['inbox.changed']);
    const response = await host.demo.customerMessage({ text: 'Hallo, ist meine Bestellung schon unterwegs?', contactName: 'E2E Kundin' });
    const { conversation } = response.body as { conversation: { id: string } };
    const changed = await events.waitFor('inbox.changed', (p) => p.upserted.some((c) => c.id === conversation.id));
    expect(changed.upserted.find((c) => c.id === conversation.id)?.contactName).toBe('E2E Kundin');
  });

  it('reconnects after the connection drops and carries on', async () => {
    const before = await bridgeConnections(app.page);
    host.bridge.dropConnections();
    // Once the page has seen the drop (a call made before that would go out on the dying socket
    // and fail, as it should): made while the socket is down, it is queued and sent once it is back.
    await expect.poll(async () => !(await bridgeConnected(app.page)) || (await bridgeConnections(app.page)) > before).toBe(true);
    const result = callInPage(app.page, 'session.state', {});
    await expect.poll(() => bridgeConnections(app.page)).toBe(before + 1);
    expect(await result).toMatchObject({ ok: true });
  });

  it('fails a call in flight when the connection drops (the renderer sees a network error), then reconnects', async () => {
    let held = 0;
    let cut: (() => Promise<void>) | null = null;
    const tampered = await openApp(browser.get(), host, {
      // Between page and host: swallows the test's marked call, so it is surely in flight when the socket is cut.
      setup: (context) =>
        context.routeWebSocket(/\/deckhand-bridge$/, (page) => {
          const server = page.connectToServer();
          page.onMessage((message) => {
            if (String(message).includes('e2e-held')) held += 1;
            else server.send(message);
          });
          server.onMessage((message) => page.send(message));
          cut = () => page.close({ code: 1011, reason: 'cut by the test' });
        }),
    });
    try {
      const inFlight = tampered.page.evaluate(() => {
        const api = (globalThis as unknown as { deckhand: { 'organizations.get'(input: object): Promise<unknown> } }).deckhand;
        return api['organizations.get']({ accountId: 'e2e-held', chatbotId: 'b', organizationId: 'o' }).then(
          () => 'resolved',
          (error: Error) => `rejected: ${error.message}`,
        );
      });
      await expect.poll(() => held).toBe(1);
      await cut!();
      expect(await inFlight).toBe('rejected: The connection to the Deckhand host was lost.');
      await expect.poll(() => bridgeConnections(tampered.page)).toBe(2);
      expect(await callInPage(tampered.page, 'session.state', {})).toMatchObject({ ok: true });
    } finally {
      await tampered.close();
    }
  });

  it('takes the demo server down and brings it back on the same URL, and the app reconnects', async () => {
    const events = await recordEvents(app.page, ['connection.changed']);
    const url = host.demo.server.url;
    await host.demo.down();
    await expect(fetch(`${url}/v1/auth/me`)).rejects.toThrow();
    await events.waitFor('connection.changed', (p) => p.connection.state !== 'live', 15_000);
    const back = await recordEvents(app.page, ['connection.changed']);
    await host.demo.up();
    expect(host.demo.server.url).toBe(url);
    await back.waitFor('connection.changed', (p) => p.connection.state === 'live', 15_000);
    // ChatCaptain's socket is back; Botpress (no socket) polls again once its backoff or a reconnect says so.
    expect(await callInPage(app.page, 'session.reconnect', {})).toEqual({ ok: true, value: true });
    const accounts = [{ platform: 'chatcaptain', connection: { state: 'live' } }, { platform: 'botpress', connection: { state: 'polling' } }];
    expect(await callInPage(app.page, 'session.state', {})).toMatchObject({ ok: true, value: { accounts } });
  });
});

describe('browser helpers', () => {
  it('opens pages in the asked locale and colour scheme, and saves screenshots', async () => {
    const english = await openApp(browser.get(), host, { locale: 'en-US', colorScheme: 'dark' });
    try {
      const seen = await english.page.evaluate(() => {
        const g = globalThis as unknown as { navigator: { language: string }; matchMedia(q: string): { matches: boolean } };
        return { language: g.navigator.language, dark: g.matchMedia('(prefers-color-scheme: dark)').matches };
      });
      expect(seen).toEqual({ language: 'en-US', dark: true });
      const path = await screenshot(english.page, 'harness-en-dark');
      expect((await readFile(path)).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await english.close();
    }
  });

  it('runs axe in the page despite its CSP and reports serious findings', async () => {
    expect(Array.isArray(await axeViolations(app.page))).toBe(true);
    // A control with no accessible name must be found, or the helper proves nothing.
    await app.page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { createElement(t: string): { id: string }; body: { append(n: unknown): void } } }).document;
      const button = doc.createElement('button');
      button.id = 'e2e-unnamed';
      doc.body.append(button);
    });
    const findings = await axeViolations(app.page);
    expect(findings.find((f) => f.id === 'button-name')?.nodes.map((n) => n.target)).toContain('#e2e-unnamed');
  });

  it('can load axe as a same-origin script from a host started with serveAxe', async () => {
    const fresh = await openApp(browser.get(), host);
    try {
      expect(Array.isArray(await axeViolations(fresh.page, { fromHost: true }))).toBe(true);
      expect(await fresh.page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe)).toBe('object');
      expect(fresh.problems).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
