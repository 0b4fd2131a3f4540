// Malformed requests for the fuzz, from a seeded generator: the same seed gives the same requests.
// Most start from a plausible request (a real route, a working key, a body of known field names)
// and break one to three things in it, so validation is reached deep inside, not only at the door.
import { messageTypes } from '../../../src/shared/domain';
import { Random } from '../../../src/server/demo/random';

export interface FuzzRequest {
  method: string;
  /** Path and query, as they go on the request line: some are deliberately not valid. */
  path: string;
  headers: Record<string, string | string[]>;
  body?: string;
}

/** Values a plausible request uses: real ids, keys and media names, taken from the server. */
export interface Pools {
  ids: string[];
  mediaNames: string[];
  keys: { valid: string[]; preferred: string };
}

const methods = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'SEARCH', 'PROPFIND'];

const oddStrings = [
  '', ' ', '\u0000', '\u202e\u202d', '🙂🙃', 'Müller ß', '\ud800', '\udfff\ud800', '\ufeff', '../../package.json', '<script>alert(1)</script>',
  "' OR 1=1 --", '%00', '__proto__', 'constructor', 'toString', 'null', 'NaN', '-1', '1e309', '0x10', '\t\n\r', '\\', '"', '{}',
];
const rawSegments = ['%', '%E0%A4%A', '%ED%A0%80', '%zz', '%00', '%2F', '%2e%2e%2f', '%C0%AF', '%F0%9F', '..', '.', '%u0041', '+'];
const dates = [
  '9999-12-31T23:59:59-23:59', '0000-01-01T00:00:00+01:00', '2024-02-30T10:00:00Z', '2024-09-29T07:08:00', '2024-09-29T24:00:00Z',
  '2024-09-29T07:08:00.123456789123456789Z', '+275760-09-13T00:00:00Z', '1970-01-01T00:00:00Z', '2024-09-29', 'yesterday',
];
const queryKeys = ['limit', 'before', 'updatedSince', 'pageToken', 'query', 'page', 'pageSize', 'hiddenHits', 'channelId', 'providerId', 'contactId', '__proto__', 'constructor[prototype]'];
const badJson = [
  '{', '}', '{"a":', '[1,', '{"a" 1}', 'nul', '"\\x"', '{"a":1}}', "{'a':1}", '\ufeff{}', '{"a":1e309}', '{"a":-}', 'NaN', '{"a":01}',
  '{"__proto__":{"polluted":true}}', '{"a":"\\ud800"}', '{"a":"\u0000"}', '\u0000', '🙂', '{"a":1,"a":2}',
];
const contentTypes = ['text/plain', 'application/json; charset=utf-16', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'APPLICATION/JSON', 'application/json;;', '*/*'];

export class FuzzInputs {
  private readonly r: Random;

  constructor(
    seed: number,
    private readonly pools: Pools,
  ) {
    this.r = new Random(seed);
  }

  /** A request to `route` with one or more things wrong (sometimes nothing, to keep state moving). */
  request(route: { method: string; url: string }): FuzzRequest {
    const r = this.r;
    const method = r.chance(0.85) ? route.method : r.pick(methods);
    const path = route.url.replace(/:(\w+)/g, (_match, name: string) => this.param(name));
    const query = r.chance(0.4) ? this.query() : '';
    const body = method === 'GET' || method === 'HEAD' ? (r.chance(0.05) ? this.body() : undefined) : this.body();
    return { method, path: path + query, headers: this.headers(body !== undefined), ...(body !== undefined && { body }) };
  }

  /** Something odd: a long string, another type, a huge list, deep nesting, many keys. */
  oddValue(depth = 0): unknown {
    const r = this.r;
    switch (r.int(0, 9)) {
      case 0: return r.pick(oddStrings);
      case 1: return 'x'.repeat(r.pick([101, 201, 2049, 10_001, r.int(20_000, 300_000)]));
      case 2: return r.pick([0, -1, 1.5, -0, 2 ** 53 + 1, 1e308, -1e308, 1e-320]);
      case 3: return r.pick([true, false, null]);
      case 4: return Array.from({ length: r.pick([0, 1, 101, 1000, r.int(10_000, 100_000)]) }, () => (r.chance(0.5) ? {} : 1));
      case 5: return nest(r.int(10, 2000));
      case 6: return Object.fromEntries(Array.from({ length: r.int(1, 20_000) }, (_, i) => [`k${i}`, i]));
      case 7: return depth < 2 ? { [r.pick(oddStrings)]: this.oddValue(depth + 1) } : {};
      case 8: return depth < 2 ? [this.oddValue(depth + 1)] : [];
      default: return r.pick(dates);
    }
  }

  private param(name: string): string {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.55) {
      if (name === 'chatbotId') return r.pick(['bot_shop', 'bot_service']);
      if (name === 'name') return encode(r.pick(this.pools.mediaNames));
      return encode(r.pick(this.pools.ids));
    }
    if (roll < 0.75) return encode(r.pick(oddStrings)) || 'x';
    if (roll < 0.88) return r.pick(rawSegments);
    return 'x'.repeat(r.pick([99, 100, 101, 1000, 8000]));
  }

  private query(): string {
    const r = this.r;
    if (r.chance(0.1)) return r.pick(['?', '?&&=&', '?a=%', '?=', '?limit=1&limit=2', '?%zz=1', `?query=${'q'.repeat(20_000)}`]);
    const pairs = Array.from({ length: r.int(1, 4) }, () => {
      const key = r.pick(queryKeys);
      const value = r.chance(0.4) ? r.pick(dates) : r.chance(0.5) ? String(this.scalar()) : r.pick(['1', '50', '250', '251', '0', '-5', '2.5', 'abc', 'bot_shop']);
      return `${encode(key)}=${encode(value)}`;
    });
    return `?${pairs.join('&')}`;
  }

  private scalar(): string | number | boolean | null {
    const value = this.oddValue(2);
    return typeof value === 'object' && value !== null ? JSON.stringify(value).slice(0, 5000) : (value as string | number | boolean | null);
  }

  private headers(withBody: boolean): Record<string, string | string[]> {
    const r = this.r;
    const headers: Record<string, string | string[]> = {};
    const roll = r.next();
    if (roll < 0.7) headers['x-chatcaptain-key'] = this.pools.keys.preferred;
    else if (roll < 0.85) headers['x-chatcaptain-key'] = r.pick(this.pools.keys.valid);
    else if (roll < 0.9) headers['x-chatcaptain-key'] = `cc_${r.digits('################')}`;
    else if (roll < 0.95) headers['x-chatcaptain-key'] = r.pick(['', ' ', 'x'.repeat(5000), 'null']);
    else if (roll < 0.97) headers['x-chatcaptain-key'] = [this.pools.keys.preferred, 'cc_second'];
    if (withBody) {
      // Mostly JSON; else another type, or none at all.
      const type = r.next();
      if (type < 0.8) headers['content-type'] = 'application/json';
      else if (type < 0.96) headers['content-type'] = r.pick(contentTypes);
    }
    if (r.chance(0.15)) {
      const [name, values] = r.pick([
        ['range', ['bytes=0-10', 'bytes=99999999-', 'bytes=-5', 'bytes=a-b', 'bytes=5-1', 'bytes=0-1,2-3']],
        ['if-none-match', ['*', '"x"', 'W/"1"']],
        ['accept', ['text/html', '*/*', 'application/xml']],
        ['content-encoding', ['gzip', 'br', 'identity']],
        ['x-forwarded-for', ['1.2.3.4', 'garbage']],
        ['origin', ['http://evil.example', 'null']],
      ] as const);
      headers[name] = r.pick(values);
    }
    return headers;
  }

  private body(): string | undefined {
    const r = this.r;
    switch (r.weighted([0, 1, 2, 3, 4, 5, 6], (k) => [1, 1, 3, 1, 10, 1, 1][k]!)) {
      case 0: return undefined;
      case 1: return '';
      case 2: return r.pick(badJson);
      case 3: return JSON.stringify(r.pick([[], 'text', 42, null, true, [{}], {}]));
      case 4: return JSON.stringify(this.fields());
      case 5: return JSON.stringify({ ...this.fields(), [r.pick(Object.keys(this.plausible()))]: 'x'.repeat(r.int(500_000, 1_100_000)) });
      default: return nestText(r.int(1000, 200_000));
    }
  }

  /** A subset of every field name the API knows, with plausible values, one to three of them broken. */
  private fields(): Record<string, unknown> {
    const r = this.r;
    const all = Object.entries(this.plausible());
    const chosen = Object.fromEntries(all.filter(() => r.chance(0.5)));
    const broken = r.int(0, 3);
    for (let i = 0; i < broken; i++) chosen[r.chance(0.9) ? r.pick(all)[0] : r.pick(oddStrings)] = this.oddValue();
    return chosen;
  }

  private plausible(): Record<string, unknown> {
    const r = this.r;
    const id = () => r.pick(this.pools.ids);
    const type = r.pick(messageTypes);
    const payloads: Record<string, unknown> = {
      text: { text: 'Hallo' }, image: { imageUrl: '/media/demo/x.png' }, choice: { text: 'Welche?', options: [{ label: 'A', value: 'a' }] },
      dropdown: { text: 'Welche?', options: [{ label: 'A', value: 'a' }] }, card: { title: 'T', actions: [{ action: 'url', label: 'L', value: 'https://a.de' }] },
      carousel: { items: [{ title: 'T', actions: [] }] }, file: { fileUrl: 'https://a.de/x.pdf' }, audio: { audioUrl: 'https://a.de/a.ogg' },
      video: { videoUrl: 'https://a.de/v.webm' }, location: { latitude: 52.5, longitude: 13.4 },
    };
    return {
      chatbotId: r.pick(['bot_shop', 'bot_service']), channelId: r.pick(['whatsapp', 'web']), channelName: 'WhatsApp Business',
      providerId: `fuzz-${r.int(1, 40)}`, contactName: 'Fuzz Kunde', text: 'Hallo', type, payload: payloads[type], event: 'user_seen',
      conversationId: id(), contactId: id(), flowId: 'flow', stepId: 'step', eventPayload: '{"orderId":"1"}', async: false, isDebug: false,
      name: 'Fuzz GmbH', email: 'info@fuzz.de', website: 'https://fuzz.de', size: 12, industry: 'Handel', phoneNumber: '+49 30 1234567',
      status: r.pick(['bot', 'waiting', 'assigned', 'closed']), assignedAgentId: r.pick(['agent_sam', 'agent_lena', null]), archived: r.chance(0.5),
      unreadCount: r.int(0, 3), online: r.chance(0.5), clientTimestamp: String(r.int(1, 2_000_000_000_000)), pushToken: r.pick(['fuzz-token', null]),
      environment: r.pick(['dev', 'test', 'prod']), description: 'Fuzz', clientMessageId: `fuzz-${r.int(1, 500)}`,
    };
  }
}

// A URL carries bytes: a lone surrogate cannot be encoded (encodeURIComponent throws), so it is
// replaced here; rawSegments sends the bytes one would have ('%ED%A0%80').
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const encode = (text: string) => encodeURIComponent(text.replace(loneSurrogate, '\ufffd'));

function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const nestText = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
