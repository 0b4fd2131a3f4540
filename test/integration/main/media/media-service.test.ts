// The media policy against a real HTTP server on 127.0.0.1 (test/support/media-web.ts). The
// account's own origin is that server under its address; other origins are the same server
// under names the test's DNS resolves, to public addresses (dialled on this machine) or to
// private ones (never dialled).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MediaService, trustOf } from '../../../../src/main/services/media/media-service';
import type { MediaKind } from '../../../../src/shared/media';
import { MediaWeb, PNG, testNetwork, type TestNetwork } from '../../../support/media-web';

const ref = { accountId: 'acc_1', chatbotId: 'bot_shop', conversationId: 'c_1' };
const PUBLIC = '93.184.216.34';
const MAX = 4096;

let web: MediaWeb;
let network: TestNetwork;
let service: MediaService;
let own = '';

beforeAll(async () => {
  web = await MediaWeb.start({
    '/pic.png': { type: 'image/png', body: PNG },
    '/pic.svg': { type: 'Image/SVG+XML; charset=utf-8', body: '<svg xmlns="http://www.w3.org/2000/svg"/>' },
    '/voice.wav': { type: 'audio/wav', body: Buffer.alloc(64, 1) },
    '/page.html': { type: 'text/html', body: '<p>not a picture</p>' },
    '/untyped': { body: PNG },
    '/big.png': { type: 'image/png', body: Buffer.alloc(MAX + 1) },
    '/endless.png': { type: 'image/png', body: Buffer.alloc(MAX * 3), chunked: true },
    '/exact.png': { type: 'image/png', body: Buffer.alloc(MAX, 7), chunked: true },
    '/here.png': { status: 302, headers: { location: '/pic.png' } },
    '/away.png': { status: 302, headers: { location: 'http://cdn.example.com/pic.png' } },
    '/gone.png': { status: 404, type: 'image/png', body: PNG },
  });
  own = `http://127.0.0.1:${web.port}`;
});

beforeEach(() => {
  web.requests.splice(0);
  network = testNetwork({
    'cdn.example.com': [PUBLIC],
    'files.example.com': [PUBLIC],
    'lan.example.com': ['192.168.1.20'],
    // A name that answers with a public and a private address: the private one decides.
    'both.example.com': [PUBLIC, '10.0.0.5'],
    'meta.example.com': ['169.254.169.254'],
    'v6lan.example.com': ['fd12:3456::1'],
    // DNS rebinding: public for the first query, the LAN for every later one.
    'flip.example.com': () => (network.lookups.filter((name) => name === 'flip.example.com').length > 1 ? ['192.168.1.1'] : [PUBLIC]),
  });
  service = new MediaService({
    network,
    maxBytes: MAX,
    trust: (accountId) => {
      expect(accountId).toBe('acc_1');
      return trustOf({ account: { baseUrl: `${own}/` }, platform: { mediaOrigins: [`http://files.example.com:${web.port}/ignored/path`] } });
    },
  });
});

afterAll(async () => {
  await web?.close();
});

const get = (url: string, kind: MediaKind = 'image', consent = false) => service.fetch({ ref, url: url.replace('PORT', String(web.port)), kind, consent });

describe('media from the account’s own origin', () => {
  it('loads by itself, loopback address and all, with its type and exact bytes', async () => {
    expect(await get(`${own}/pic.png`)).toEqual({ status: 'ready', contentType: 'image/png', data: PNG.toString('base64') });
    expect(await get(`${own}/voice.wav`, 'audio')).toMatchObject({ status: 'ready', contentType: 'audio/wav' });
    // The type's parameters go; what is left is lower case.
    expect(await get(`${own}/pic.svg`)).toMatchObject({ status: 'ready', contentType: 'image/svg+xml' });
  });

  it('sends no credentials, cookies or referrer with it', async () => {
    await get(`${own}/pic.png`);
    const [seen] = web.requests;
    expect(seen?.headers).toMatchObject({ accept: 'image/*' });
    for (const name of ['cookie', 'referer', 'authorization', 'x-chatcaptain-key', 'origin']) expect(seen?.headers).not.toHaveProperty(name);
  });

  it('follows a redirect within the origin', async () => {
    expect(await get(`${own}/here.png`)).toMatchObject({ status: 'ready', contentType: 'image/png' });
    expect(web.requests.map((r) => r.path)).toEqual(['/here.png', '/pic.png']);
  });

  it('refuses a redirect to another origin, which is never asked', async () => {
    expect(await get(`${own}/away.png`, 'image', true)).toEqual({ status: 'refused', reason: 'redirect' });
    expect(web.to('cdn.example.com')).toEqual([]);
    expect(network.lookups).not.toContain('cdn.example.com');
  });
});

describe('media from any other origin', () => {
  it('asks first, naming the host, without sending anything anywhere (not even a DNS query)', async () => {
    expect(await get('http://cdn.example.com:PORT/pic.png')).toEqual({ status: 'ask', host: `cdn.example.com:${web.port}` });
    expect(await get('https://cdn.example.com/pic.png')).toEqual({ status: 'ask', host: 'cdn.example.com' });
    expect(network.lookups).toEqual([]);
    expect(web.requests).toEqual([]);
  });

  it('loads with the agent’s consent, connecting to the address it checked', async () => {
    expect(await get('http://cdn.example.com:PORT/pic.png', 'image', true)).toEqual({ status: 'ready', contentType: 'image/png', data: PNG.toString('base64') });
    expect(network.dialled).toEqual([{ address: PUBLIC, family: 4 }]);
    const [seen] = web.to('cdn.example.com');
    for (const name of ['cookie', 'referer', 'authorization', 'x-chatcaptain-key']) expect(seen?.headers).not.toHaveProperty(name);
  });

  it('checks every hop of a redirect again, and dials only the addresses it checked', async () => {
    expect(await get('http://cdn.example.com:PORT/here.png', 'image', true)).toMatchObject({ status: 'ready' });
    expect(network.lookups).toEqual(['cdn.example.com', 'cdn.example.com']);
    expect(await get('http://flip.example.com:PORT/here.png', 'image', true)).toEqual({ status: 'refused', reason: 'address' });
    expect(network.dialled.map((d) => d.address)).toEqual([PUBLIC, PUBLIC, PUBLIC]);
    expect(web.to('flip.example.com').map((r) => r.path)).toEqual(['/here.png']);
  });

  it('loads by itself from a media origin the platform declares', async () => {
    expect(await get('http://files.example.com:PORT/pic.png')).toMatchObject({ status: 'ready' });
    // The account's own host on another port is another origin.
    expect(await get(`http://127.0.0.1:${web.port + 1}/pic.png`)).toEqual({ status: 'refused', reason: 'address' });
  });

  it.each([
    ['localhost', 'http://localhost:PORT/pic.png'],
    ['a loopback address', 'http://127.0.0.2:PORT/pic.png'],
    ['IPv6 loopback', 'http://[::1]:PORT/pic.png'],
    ['a LAN address', 'http://192.168.1.20/pic.png'],
    ['IPv4 in IPv6', 'http://[::ffff:10.0.0.1]/pic.png'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data'],
    ['the unspecified address', 'http://0.0.0.0:PORT/pic.png'],
    ['a decimal-encoded loopback address', 'http://2130706434:PORT/pic.png'],
  ])('refuses %s even with consent, before asking, sending nothing', async (_name, url) => {
    expect(await get(url)).toEqual({ status: 'refused', reason: 'address' });
    expect(await get(url, 'image', true)).toEqual({ status: 'refused', reason: 'address' });
    expect(network.lookups).toEqual([]);
    expect(web.requests).toEqual([]);
  });

  it.each(['lan.example.com', 'both.example.com', 'meta.example.com', 'v6lan.example.com'])(
    'refuses %s with consent once its name resolves to a private address, and connects nowhere',
    async (host) => {
      expect(await get(`http://${host}:PORT/pic.png`)).toEqual({ status: 'ask', host: `${host}:${web.port}` });
      expect(await get(`http://${host}:PORT/pic.png`, 'image', true)).toEqual({ status: 'refused', reason: 'address' });
      expect(network.dialled).toEqual([]);
      expect(web.requests).toEqual([]);
    },
  );
});

describe('what comes back', () => {
  it('must be of the kind asked', async () => {
    expect(await get(`${own}/page.html`)).toEqual({ status: 'refused', reason: 'type' });
    expect(await get(`${own}/untyped`)).toEqual({ status: 'refused', reason: 'type' });
    expect(await get(`${own}/pic.png`, 'video')).toEqual({ status: 'refused', reason: 'type' });
    expect(await get(`${own}/voice.wav`, 'image')).toEqual({ status: 'refused', reason: 'type' });
  });

  it('may not be larger than the cap, by its length or by what arrives', async () => {
    expect(await get(`${own}/big.png`)).toEqual({ status: 'refused', reason: 'size' });
    expect(await get(`${own}/endless.png`)).toEqual({ status: 'refused', reason: 'size' });
    expect(await get(`${own}/exact.png`)).toEqual({ status: 'ready', contentType: 'image/png', data: Buffer.alloc(MAX, 7).toString('base64') });
  });

  it('is unavailable on an error status or when nothing answers', async () => {
    expect(await get(`${own}/gone.png`)).toEqual({ status: 'refused', reason: 'unavailable' });
    const closed = await MediaWeb.start({});
    const closedOrigin = `http://127.0.0.1:${closed.port}`;
    await closed.close();
    const lonely = new MediaService({ network, trust: () => ({ own: closedOrigin, declared: [] }) });
    expect(await lonely.fetch({ ref, url: `${closedOrigin}/pic.png`, kind: 'image', consent: false })).toEqual({ status: 'refused', reason: 'unavailable' });
  });

  it.each(['javascript:alert(1)', 'ftp://cdn.example.com/pic.png', 'data:image/png;base64,AAAA', 'http://user:pw@cdn.example.com/pic.png', '/pic.png', 'not a url'])(
    'refuses %s as no web address',
    async (url) => {
      expect(await get(url, 'image', true)).toEqual({ status: 'refused', reason: 'scheme' });
      expect(web.requests).toEqual([]);
    },
  );
});
