// The Botpress platform when the network misbehaves, against the real local server behind a
// proxy: a reply whose answer is cut off is retried and found again (never posted twice), a hitl
// event is never repeated, and the change feed misses nothing that changes while it pages.
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../../src/shared/domain';
import { botpressClient, deskFor, handover } from '../../../support/botpress';
import { startProxy, type Proxy, type ProxiedRequest } from '../../../support/http-proxy';
import { useServer } from '../../../support/server';

const server = useServer({ demo: true });
const proxies: Proxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

async function proxy(hooks: Parameters<typeof startProxy>[1]): Promise<Proxy> {
  const started = await startProxy(server.get().port, hooks);
  proxies.push(started);
  return started;
}

const isPath = (request: ProxiedRequest, method: string, path: string) => request.method === method && request.url.split('?')[0] === path;

describe('a connection killed after the server answered', () => {
  it('a reply is retried through getOrCreateMessage and stored once, with the answer of the first attempt', async () => {
    const s = server.get();
    const fresh = await handover(s, 'Jan Vogel');
    const cut: string[] = [];
    const through = await proxy({
      drop: (request, answer) => {
        if (!isPath(request, 'POST', '/v1/chat/messages/get-or-create') || cut.length >= 2) return false;
        cut.push(JSON.parse(answer.body).message.id as string);
        return true;
      },
    });
    const desk = deskFor(s, { apiUrl: through.url });
    const reply = await desk.reply(s.botpress.botId, { conversationId: fresh.desk, text: 'Bin gleich da.', clientMessageId: 'cm-cut' });
    // Two answers were lost; the third attempt found the message the first one created.
    expect(cut).toEqual([reply.id, reply.id]);
    const stored = (await botpressClient(s).listMessages({ conversationId: fresh.desk, tags: { clientMessageId: 'cm-cut' } })).messages;
    expect(stored.map((m) => m.id)).toEqual([reply.id]);
    const relayed = (await botpressClient(s).listMessages({ conversationId: fresh.conversation.id })).messages.filter((m) => m.payload.text === 'Bin gleich da.');
    expect(relayed).toHaveLength(1);
  });

  it('a hitl event is not repeated: the agent learns it may not have arrived, the bot saw it once', async () => {
    const s = server.get();
    const fresh = await handover(s, 'Ute Kraft');
    let posted = 0;
    const through = await proxy({
      drop: (request) => {
        if (!isPath(request, 'POST', '/v1/chat/events')) return false;
        posted++;
        return true;
      },
    });
    const desk = deskFor(s, { apiUrl: through.url });
    const agent = (await desk.identity([s.botpress.botId])).agent;
    await expect(desk.assignment.assign(s.botpress.botId, fresh.desk, agent.id)).rejects.toMatchObject({ code: 'Network' });
    expect(posted).toBe(1);
    expect((await botpressClient(s).listEvents({ type: 'hitlAssigned' })).events.filter((e) => e.payload.conversationId === fresh.desk)).toHaveLength(1);
  });
});

describe('the change feed while it pages', () => {
  it('sees every change made between its pages, in the same walk or the next poll', async () => {
    const s = server.get();
    const bp = botpressClient(s);
    const extra = await Promise.all(['Anna Eins', 'Bernd Zwei', 'Clara Drei', 'Dirk Vier', 'Elke Fünf', 'Finn Sechs'].map((name) => handover(s, name)));
    const desk = deskFor(s, { pageSize: 2 });
    const { botId } = s.botpress;
    const known = new Map<string, Conversation>();
    const take = (conversations: Conversation[]) => conversations.forEach((c) => known.set(c.id, c));

    let first = await desk.changes(botId, null);
    take(first.conversations);
    // While the next walk pages, customers write, a new handover starts and one is taken.
    const changes = [
      () => extra[0]!.write('Noch da?'),
      () => handover(s, 'Greta Sieben'),
      async () => {
        const [agent] = (await bp.listUsers({ tags: { deckhandRole: 'agent' } })).users;
        await bp.createEvent({ type: 'hitlAssigned', payload: { conversationId: extra[1]!.desk, userId: agent!.id } });
      },
      () => extra[2]!.write('Hallo?'),
    ];
    const paged = await proxy({
      before: async (request) => {
        if (isPath(request, 'GET', '/v1/chat/conversations') && request.url.includes('nextToken')) await changes.shift()?.();
      },
    });
    const pagingDesk = deskFor(s, { apiUrl: paged.url, pageSize: 2 });
    // Enough happens before the walk for it to take several pages.
    for (const customer of extra) await customer.write('Eine Frage noch');
    await handover(s, 'Hans Acht');
    const walk = await pagingDesk.changes(botId, first.cursor);
    take(walk.conversations);
    expect(changes).toHaveLength(0); // every change was made mid-walk
    first = await pagingDesk.changes(botId, walk.cursor);
    take(first.conversations);

    // Whatever was reported last for each is what the server holds now.
    const onServer = await bp.list.conversations({ channel: 'hitl' }).collect();
    expect([...known.keys()].sort()).toEqual(onServer.map((c) => c.id).sort());
    for (const c of onServer) expect(known.get(c.id)?.updatedAt, c.id).toBe(c.updatedAt);
    expect(known.get(extra[1]!.desk)?.status).toBe('assigned');
    expect(known.get(extra[2]!.desk)?.lastMessage).toMatchObject({ payload: { text: 'Hallo?' } });
    expect(await desk.changes(botId, first.cursor)).toMatchObject({ conversations: [] });
  });
});
