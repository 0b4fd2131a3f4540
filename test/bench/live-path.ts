// The live path: a customer writes (the channel posts to the server), and the benchmark times
// when the conversation's row shows the words in the inbox's DOM, against when a bare socket.io
// client beside the app got the server's event for it: the raw hop. Both clocks start as the
// customer's message is posted. At a steady rate, on the demo and on an inbox of 50,000; and where
// the app polls (a ChatCaptain server without socket.io, and the demo's Botpress bot, which has
// no socket at all), each change must show within one poll interval (+100 ms). The renderer's
// heap with 50,000 conversations is taken on the way.
import { io } from 'socket.io-client';
import { defaultPollTiming } from '../../src/main/services/sync/poll-timing';
import type { Conversation } from '../../src/server/wire';
import { handover } from '../support/botpress';
import { copyOf, openBenchApp, pageClockOffset, preparedBacklog, preparedDemo, rendererHeapMb, until, type BenchApp } from './app';
import { seenInList, watchList } from './dom-watch';
import type { Result } from './report';
import { epochNow, percentile, sleep } from './stats';

interface Run {
  /** Customer message → row text in the DOM, per event (ms); Infinity for one never shown. */
  dom: number[];
  /** Customer message → the raw socket.io client's event (ms); empty without socket.io. */
  raw: number[];
}

/** The demo's waiting conversations in the shop, where the customers write. */
async function waitingConversations(bench: BenchApp): Promise<Conversation[]> {
  const response = await bench.host.demo.request('GET', '/v1/chatbots/bot_shop/conversations');
  const all = (response.body as { conversations: Conversation[] }).conversations;
  const waiting = all.filter((c) => c.status === 'waiting' && !c.archived);
  if (waiting.length === 0) throw new Error('the demo has no waiting conversation in bot_shop');
  return waiting;
}

/** A ChatCaptain customer posting on a channel, into one of the waiting conversations in turn. */
async function chatcaptainCustomers(bench: BenchApp): Promise<(i: number, text: string) => Promise<unknown>> {
  const server = bench.host.demo.server;
  const targets = await waitingConversations(bench);
  return async (i, text) => {
    const target = targets[i % targets.length]!;
    const response = await fetch(`${server.url}/v1/chatbots/bot_shop/conversations/handle`, {
      method: 'POST',
      headers: { 'x-chatcaptain-key': server.workspace.keys.channel, 'content-type': 'application/json' },
      body: JSON.stringify({ chatbotId: 'bot_shop', channelId: target.channelId, channelName: target.channelName, providerId: target.providerId, text }),
    });
    if (response.status !== 200) console.error(`  handle answered ${response.status}`);
  };
}

/**
 * Posts `count` customer messages `everyMs` apart (through `write`, ChatCaptain's by default) and
 * times each to the DOM, and to a raw socket.io client when `withSocket`.
 */
async function drive(
  bench: BenchApp,
  tag: string,
  count: number,
  everyMs: number,
  withSocket: boolean,
  write?: (i: number, text: string) => Promise<unknown>,
): Promise<Run> {
  const { page, host } = bench;
  const server = host.demo.server;
  const customerWrites = write ?? (await chatcaptainCustomers(bench));
  // "All", newest activity first: the conversation written in comes to the top, in sight. (The
  // Waiting view keeps its queue's order by wait, so a row there may be out of sight below.)
  await page.getByRole('tab', { name: /^Alle/ }).click();
  await page.locator('main [role="listbox"][aria-label$="Alle"]').waitFor();
  const offset = await pageClockOffset(page);
  await watchList(page, `\\[${tag}-\\d+\\]`);
  const rawAt = new Map<string, number>();
  const socket = withSocket
    ? io(server.url, { auth: { key: server.workspace.keys.agent, chatbotId: 'bot_shop' }, transports: ['websocket'], forceNew: true })
    : null;
  if (socket) {
    socket.on('conversation.upserted', (data: { conversation: Conversation }) => {
      const content = data.conversation.lastMessage;
      const text = content && 'text' in content.payload ? String(content.payload.text) : '';
      const word = new RegExp(`\\[${tag}-\\d+\\]`).exec(text)?.[0];
      if (word && !rawAt.has(word)) rawAt.set(word, epochNow());
    });
    await until(() => socket.connected, 'the raw socket');
  }
  const sentAt = new Map<string, number>();
  const started = epochNow();
  for (let i = 0; i < count; i++) {
    // A steady rate: each message at its slot, however long the one before took.
    const wait = started + i * everyMs - epochNow();
    if (wait > 0) await sleep(wait);
    // Bracketed: in the row, the unread count follows the words, and must not run into the number.
    const word = `[${tag}-${i}]`;
    sentAt.set(word, epochNow());
    void customerWrites(i, `Noch eine Frage ${word}`);
  }
  const end = Date.now() + 10_000;
  let seen = await seenInList(page);
  while (Object.keys(seen).length < count && Date.now() < end) {
    await sleep(200);
    seen = await seenInList(page);
  }
  socket?.close();
  const dom: number[] = [];
  const raw: number[] = [];
  for (const [word, at] of sentAt) {
    dom.push(seen[word] === undefined ? Infinity : seen[word]! - offset - at);
    const hop = rawAt.get(word);
    if (hop !== undefined) raw.push(hop - at);
  }
  return { dom, raw };
}

function socketResults(id: string, label: string, run: Run): Result[] {
  const lost = run.dom.filter((x) => x === Infinity).length;
  const details = { events: run.dom.length, lost, domP50: percentile(run.dom, 50), domP99: percentile(run.dom, 99), rawP50: percentile(run.raw, 50), rawP99: percentile(run.raw, 99) };
  return [
    { id: `live.${id}.p50`, name: `live path ${label}: p50`, value: details.domP50, unit: 'ms', baseline: details.rawP50, baselineName: 'raw socket.io hop p50', target: { on: 'ratio', max: 4 }, details },
    { id: `live.${id}.p99`, name: `live path ${label}: p99`, value: details.domP99, unit: 'ms', baseline: details.rawP99, baselineName: 'raw socket.io hop p99', target: { on: 'value', max: 50 }, details },
  ];
}

export async function livePath(quick: boolean): Promise<Result[]> {
  const count = quick ? 100 : 500;
  const everyMs = 100;
  const results: Result[] = [];

  let bench = await openBenchApp({ dataDir: copyOf(await preparedDemo()) });
  let demoHeap: number;
  try {
    results.push(...socketResults('demo', 'on the demo', await drive(bench, 'lpdemo', count, everyMs, true)));
    demoHeap = await rendererHeapMb(bench.page);
  } finally {
    await bench.close();
  }

  bench = await openBenchApp({ dataDir: copyOf(await preparedBacklog()) });
  try {
    results.push(...socketResults('50k', 'at 50,000 conversations', await drive(bench, 'lpbig', count, everyMs, true)));
    results.push({
      id: 'memory.renderer50k',
      name: 'renderer heap with 50,000 conversations',
      value: await rendererHeapMb(bench.page),
      unit: 'MB',
      baseline: demoHeap,
      baselineName: 'with the demo (~130)',
      target: { on: 'value', max: 100 },
    });
  } finally {
    await bench.close();
  }

  const pollMs = 1000;
  bench = await openBenchApp({ dataDir: copyOf(await preparedDemo()), pollMs, serverOptions: { realtime: false } });
  try {
    // Not a divisor of the interval, so the changes fall at every point of it.
    results.push(polled('live.polling.max', 'polling ChatCaptain', pollMs, await drive(bench, 'lppoll', quick ? 20 : 60, 370, false)));
  } finally {
    await bench.close();
  }

  // The demo's Botpress bot, polled as a focused window polls it (poll-timing.ts); customers write
  // in conversations handed over to the desk, and the bot relays it there. Five of them in turn,
  // so each writes less often than the poll reads: a row shows its conversation's newest message,
  // and one overtaken before the poll would never show there.
  bench = await openBenchApp({ dataDir: copyOf(await preparedDemo()) });
  try {
    const customers: Awaited<ReturnType<typeof handover>>[] = [];
    for (let i = 0; i < 5; i++) customers.push(await handover(bench.host.demo.server, `Bench Kundin ${i}`));
    const run = await drive(bench, 'lpbp', quick ? 10 : 30, 740, false, (i, text) => customers[i % customers.length]!.write(text));
    results.push(polled('live.botpress.max', 'polling Botpress', defaultPollTiming.focusedMs, run));
  } finally {
    await bench.close();
  }
  return results;
}

/** A polled platform's slowest change → DOM, which must come within one poll interval + 100 ms. */
function polled(id: string, label: string, pollMs: number, run: Run): Result {
  return {
    id,
    name: `${label}: change → DOM, slowest`,
    value: Math.max(...run.dom),
    unit: 'ms',
    baseline: pollMs,
    baselineName: 'poll interval',
    target: { on: 'value', max: pollMs + 100 },
    details: { events: run.dom.length, p50: percentile(run.dom, 50), p99: percentile(run.dom, 99) },
  };
}
