// A child process for the throughput benchmark: the local API server with the demo workspace,
// and beside it a plain Fastify server that answers each list's JSON from memory (the baseline).
// Its own process, so the load tool in the parent does not share an event loop with them.
// Prints one JSON line: {urls of the lists, the same paths on the plain server, the headers}.
import Fastify from 'fastify';
import { startServer } from '../../src/server/app';

const server = await startServer({ demo: true, rateLimit: { max: 100_000_000, windowMs: 60_000 } });
const chatcaptain = { 'x-chatcaptain-key': server.workspace.keys.agent };
const botpress = { authorization: `Bearer ${server.botpress.tokens.agent}`, 'x-bot-id': server.botpress.botId };
const lists = [
  { id: 'conversations', name: 'ChatCaptain conversations list', path: '/v1/chatbots/bot_shop/conversations', headers: chatcaptain },
  { id: 'organizations', name: 'ChatCaptain organizations list', path: '/v1/chatbots/bot_shop/organizations', headers: chatcaptain },
  { id: 'botpress', name: 'Botpress conversations list', path: '/v1/chat/conversations?channel=hitl', headers: botpress },
];

const plain = Fastify();
for (const list of lists) {
  const response = await fetch(server.url + list.path, { headers: list.headers });
  if (response.status !== 200) throw new Error(`${list.path} answered ${response.status}`);
  const body: unknown = await response.json();
  plain.get(list.path.split('?')[0]!, async () => body);
}
await plain.listen({ host: '127.0.0.1', port: 0 });
const address = plain.server.address();
const plainUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
console.log(JSON.stringify({ url: server.url, plainUrl, lists }));
process.on('SIGTERM', () => void Promise.all([server.close(), plain.close()]).then(() => process.exit(0)));
