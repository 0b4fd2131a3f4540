// Runs the fuzz against a running local server: every route in Fastify's own table, in turn,
// with malformed input (inputs.ts), plus requests Node's HTTP parser refuses, written by hand, and
// requests and WebSocket upgrades to socket.io's endpoint, which is in no route table (socket-io.ts).
// Counts what came back and lists every answer that breaks the rules: a 5xx, no answer at all,
// or an error outside its route family's documented shape (families.ts).
import { Agent, request as httpRequest } from 'node:http';
import type { RunningServer } from '../../../src/server/app';
import { Random } from '../../../src/server/demo/random';
import { rawRequest } from '../raw-http';
import { familyOf, unownedRoutes, type Answer } from './families';
import { FuzzInputs, type FuzzRequest, type Pools } from './inputs';
import { SocketIoInputs } from './socket-io';

export interface FuzzOptions {
  count: number;
  seed: number;
  concurrency?: number;
  /** Called every so often with how many requests are done, for long runs. */
  progress?: (done: number) => void;
}

export interface FuzzReport {
  requests: number;
  routes: number;
  byStatus: Record<number, number>;
  /** The answers of socket.io's endpoint, a part of `byStatus`. */
  socketIoByStatus: Record<number, number>;
  violations: string[];
}

export async function fuzz(server: RunningServer, options: FuzzOptions): Promise<FuzzReport> {
  const unowned = unownedRoutes(server.routes);
  if (unowned.length > 0) throw new Error(`No fuzz family (or more than one) owns ${unowned.join(', ')}: add it in test/support/fuzz/families.ts`);
  const inputs = new FuzzInputs(options.seed, await pools(server));
  const socketIo = new SocketIoInputs(options.seed, Object.values(server.workspace.keys));
  const pick = new Random(options.seed ^ 0x5eed);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency ?? 8 });
  const report: FuzzReport = { requests: 0, routes: server.routes.length, byStatus: {}, socketIoByStatus: {}, violations: [] };

  const one = async (i: number) => {
    const route = server.routes[i % server.routes.length]!;
    // One in twenty is HTTP that Node's parser refuses, about one in seven goes to socket.io; the
    // rest go to a route of the table, in turn.
    const roll = pick.next();
    const toSocketIo = roll >= 0.05 && roll < 0.2;
    const sent = roll < 0.05 ? rawHttp(pick, route.url.replace(/:\w+/g, 'x'), server.workspace.keys.admin) : toSocketIo ? socketIo.next() : inputs.request(route);
    const label = typeof sent === 'string' ? `raw ${JSON.stringify(sent.slice(0, 80))}` : `${sent.method} ${sent.path.slice(0, 120)}`;
    let answer: Answer;
    try {
      answer = typeof sent === 'string' ? await rawRequest(server.url, sent, 10_000) : await send(server.url, sent, agent);
    } catch (error) {
      report.violations.push(`${label}: no answer (${(error as Error).message})`);
      return;
    }
    report.requests++;
    report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
    if (toSocketIo) {
      report.socketIoByStatus[answer.status] = (report.socketIoByStatus[answer.status] ?? 0) + 1;
      if (typeof sent !== 'string') socketIo.learn(answer.status, answer.body);
    }
    if (answer.status >= 500) report.violations.push(`${label}: ${answer.status} ${answer.body.slice(0, 200)}`);
    const isHead = typeof sent !== 'string' && sent.method === 'HEAD';
    if (answer.status >= 400 && !isHead) {
      const path = typeof sent !== 'string' ? sent.path : toSocketIo ? '/socket.io/' : route.url;
      const problem = familyOf(path).checkError(answer);
      if (problem) report.violations.push(`${label}: ${problem}`);
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < options.count) {
      const i = next++;
      await one(i);
      if (options.progress && i % 500 === 0) options.progress(i);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  } finally {
    agent.destroy();
  }
  // Whatever it went through, the server still answers a plain request.
  const after = await send(server.url, { method: 'GET', path: '/v1/auth/me', headers: { 'x-chatcaptain-key': server.workspace.keys.admin } }, undefined);
  if (after.status !== 200) report.violations.push(`after the fuzz, GET /v1/auth/me answered ${after.status}`);
  return report;
}

function send(base: string, sent: FuzzRequest, agent: Agent | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // Framed by Content-Length whatever the method: Node would send a GET's body unframed, which is
    // the client's mistake, not the server's, and would spoil the connection for the next request.
    const headers = sent.body === undefined ? sent.headers : { ...sent.headers, 'content-length': String(Buffer.byteLength(sent.body)) };
    const request = httpRequest(`${base}${sent.path}`, { method: sent.method, headers, agent, timeout: 10_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', reject);
    request.end(sent.body);
  });
}

/** Real ids, keys and media names, so that most requests get past "not found" to the checks behind it. */
async function pools(server: RunningServer): Promise<Pools> {
  const admin = server.workspace.keys.admin;
  const ids = new Set(['missing_id', 'bot_shop', 'agent_sam']);
  const mediaNames = new Set(['missing.png']);
  const lists = server.routes.filter((r) => r.method === 'GET' && /^[^:]*:chatbotId[^:]*$/.test(r.url));
  for (const route of lists) {
    const answer = await send(server.url, { method: 'GET', path: route.url.replace(':chatbotId', 'bot_shop'), headers: { 'x-chatcaptain-key': admin } }, undefined);
    JSON.stringify(JSON.parse(answer.body || 'null'), (key, value: unknown) => {
      if ((key === 'id' || key.endsWith('Id')) && typeof value === 'string') ids.add(value);
      if (typeof value === 'string' && value.includes('/media/demo/')) mediaNames.add(value.slice(value.lastIndexOf('/') + 1));
      return value;
    });
  }
  return { ids: [...ids], mediaNames: [...mediaNames], keys: { valid: Object.values(server.workspace.keys), preferred: admin } };
}

function rawHttp(r: Random, path: string, key: string): string {
  const keyed = `Host: x\r\nx-chatcaptain-key: ${key}\r\n`;
  return r.pick([
    `GET ${path} HTTP/1.1\r\n${keyed}this is no header\r\n\r\n`,
    `FROBNICATE ${path} HTTP/1.1\r\n${keyed}\r\n`,
    `GET ${path} HTTP/1.1\r\n${keyed}x-pad: ${'a'.repeat(20_000)}\r\n\r\n`,
    `POST ${path} HTTP/1.1\r\n${keyed}Content-Type: application/json\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab`,
    `GET ${path} HTTP/9.9\r\n${keyed}\r\n`,
    `GET ${path}\r\n\r\n`,
    `POST ${path} HTTP/1.1\r\n${keyed}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
    `POST ${path} HTTP/1.1\r\n${keyed}Content-Type: application/json\r\nContent-Length: -1\r\n\r\n`,
    `POST ${path} HTTP/1.1\r\n${keyed}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n{}`,
    `GET ${path}\u0000 HTTP/1.1\r\n${keyed}\r\n`,
    `GET ${path} HTTP/1.1\n${keyed.replace(/\r\n/g, '\n')}\n`,
    `GET http://evil.example${path} HTTP/1.1\r\n${keyed}\r\n`,
    `GET ${path} HTTP/1.1\r\n${keyed}Bad\u00ffName: 1\r\n\r\n`,
  ]);
}
