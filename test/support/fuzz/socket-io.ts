// Malformed requests to socket.io's endpoint for the fuzz, from a seeded generator: engine.io's
// query (EIO, transport, sid) broken in turn, other methods, polling bodies of valid and broken
// packets, and WebSocket upgrades written by hand with broken handshake headers. Sessions that a
// handshake opened are learnt from its answer, so requests also reach into live sessions.
import { Random } from '../../../src/server/demo/random';
import type { FuzzRequest } from './inputs';

const eio = ['4', '4', '4', '3', '5', '', '04', 'x', '4.0'];
const transports = ['polling', 'polling', 'websocket', 'webtransport', 'flashsocket', '', 'POLLING', 'x'.repeat(300)];
const odd = ['', '%', '%zz', '%00', '🙂', '__proto__', 'constructor', 'x'.repeat(2000), '../..', '"'];
const methods = ['GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND'];
const contentTypes = ['text/plain;charset=UTF-8', 'text/plain;charset=UTF-8', 'application/octet-stream', 'application/json', 'multipart/form-data'];
const webSocketKey = 'dGhlIHNhbXBsZSBub25jZQ==';

export class SocketIoInputs {
  private readonly r: Random;
  /** The newest sessions a handshake opened: some live, some closed since. */
  private readonly sids: string[] = [];

  constructor(
    seed: number,
    private readonly keys: string[],
  ) {
    this.r = new Random(seed ^ 0x50c7);
  }

  /** Keeps the session a handshake's answer opened (`0{"sid":...}`). */
  learn(status: number, body: string): void {
    if (status !== 200 || !body.startsWith('0{')) return;
    const { sid } = JSON.parse(body.slice(1)) as { sid?: string };
    if (sid) this.sids.push(sid);
    if (this.sids.length > 20) this.sids.shift();
  }

  /** An HTTP request, or (as a string) a WebSocket upgrade written by hand. */
  next(): FuzzRequest | string {
    return this.r.chance(0.25) ? this.upgrade() : this.request();
  }

  private request(): FuzzRequest {
    const r = this.r;
    const sid = this.sid();
    // A handshake is a GET; a session mostly gets its data by POST and polls by GET.
    const method = r.chance(0.85) ? (sid === undefined ? 'GET' : r.pick(['POST', 'POST', 'GET'])) : r.pick(methods);
    let query = this.query(sid, 'polling');
    // A valid poll of a live session waits for the server's next packet (up to its ping interval):
    // no refusal to see there, so the fuzz breaks its query instead.
    const params = Object.fromEntries(new URLSearchParams(query));
    if (method === 'GET' && params.sid && this.sids.includes(params.sid) && params.EIO === '4' && params.transport === 'polling') {
      query += r.pick(['&transport=websocket', '&EIO=3', '&transport=x']);
    }
    const path = `/socket.io/${r.chance(0.05) ? r.pick(['x', '/', 'socket.io/', '%zz', '..%2f']) : ''}${query}`;
    const body = method === 'GET' || method === 'HEAD' ? undefined : this.body();
    const headers: Record<string, string> = {};
    if (body !== undefined && r.chance(0.9)) headers['content-type'] = r.pick(contentTypes);
    if (r.chance(0.1)) headers.origin = r.pick(['http://evil.example', 'null', 'http://127.0.0.1']);
    if (r.chance(0.05)) headers.upgrade = 'websocket';
    return { method, path, headers, ...(body !== undefined && { body }) };
  }

  private upgrade(): string {
    const r = this.r;
    const method = r.chance(0.85) ? 'GET' : r.pick(methods);
    const headers: Record<string, string | undefined> = {
      Host: 'x',
      Upgrade: r.chance(0.9) ? 'websocket' : r.pick(['WebSocket', 'h2c', '']),
      Connection: 'Upgrade',
      'Sec-WebSocket-Key': r.chance(0.8) ? webSocketKey : r.pick([undefined, 'short', `${webSocketKey}x`, '🙂', '']),
      'Sec-WebSocket-Version': r.chance(0.8) ? '13' : r.pick([undefined, '8', '99', 'x', '']),
    };
    if (r.chance(0.2)) headers['Sec-WebSocket-Protocol'] = r.pick(['chat', 'a,,b', 'a, a', ' ', 'a b']);
    if (r.chance(0.2)) headers['Sec-WebSocket-Extensions'] = r.pick(['permessage-deflate', 'permessage-deflate; client_max_window_bits', ';;', 'x=']);
    const lines = Object.entries(headers)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    const query = this.query(this.sid(), 'websocket');
    return `${method} /socket.io/${query} HTTP/1.1\r\n${lines}\r\n`;
  }

  /** A live or closed session's id, a made-up one, or none (a handshake). */
  private sid(): string | undefined {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.4) return undefined;
    if (roll < 0.85 && this.sids.length > 0) return r.pick(this.sids);
    return r.pick(['AAAAAAAAAAAAAAAAAAAA', ...odd]);
  }

  /** A valid query for the transport, with none to three things broken in it. */
  private query(sid: string | undefined, transport: 'polling' | 'websocket'): string {
    const r = this.r;
    const pairs: [string, string][] = [['EIO', '4'], ['transport', transport]];
    if (sid !== undefined) pairs.push(['sid', sid]);
    if (r.chance(0.3)) pairs.push(['t', r.digits('#######')]);
    const breaks = r.weighted([0, 1, 2, 3], (n) => [5, 3, 2, 1][n]!);
    for (let i = 0; i < breaks; i++) {
      const at = r.int(0, pairs.length - 1);
      switch (r.int(0, 4)) {
        case 0: pairs.splice(at, 1); break;
        case 1: pairs.push(['EIO', r.pick(eio)]); break;
        case 2: pairs.push(['transport', r.pick(transports)]); break;
        case 3: pairs[at] = [pairs[at]?.[0] ?? 'x', r.pick(odd)]; break;
        default: pairs.push(r.pick<[string, string]>([['b64', '1'], ['j', '0'], ['sid', ''], ['__proto__[x]', '1'], ['x', 'y'.repeat(20_000)]]));
      }
    }
    // Most values travel encoded; some raw, as a careless client sends them.
    const text = pairs.map(([key, value]) => `${key}=${r.chance(0.9) ? encodeURIComponent(value) : value}`).join('&');
    return text ? `?${text}` : r.pick(['', '?', '?&&=']);
  }

  /** Polling packets: a socket.io connect with a key or without, events, pings, garbage, too much. */
  private body(): string {
    const r = this.r;
    const connect = (key: string) => `40${JSON.stringify({ key, chatbotId: r.pick(['bot_shop', 'bot_service', 'bot_elsewhere']) })}`;
    switch (r.int(0, 9)) {
      case 0: return connect(r.pick(this.keys));
      case 1: return connect(`cc_${r.digits('############')}`);
      case 2: return r.pick(['2', '3', '6', '1', '2probe', '5']);
      case 3: return r.pick(['42["message.created",{}]', '40/elsewhere,', '41', '4', '49', '4{}', '40{"key":1}', '40[]']);
      case 4: return `${connect(r.pick(this.keys))}\u001e2\u001e42["x"]`;
      case 5: return r.pick(['', '\u001e', '\u001e\u001e', 'b', `b${'A'.repeat(100)}`, 'bnot base64!', '\u0000']);
      case 6: return r.pick(odd);
      case 7: return `4${'x'.repeat(r.pick([999_999, 1_000_001, 1_200_000]))}`;
      case 8: return `${r.int(0, 9)}${JSON.stringify({ nested: 'x'.repeat(r.int(0, 5000)) })}`;
      default: return `42${JSON.stringify(['x', 'y'.repeat(r.int(0, 100))])}`;
    }
  }
}
