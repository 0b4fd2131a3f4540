// Paging as the doc and the client expect it (newest first, 20 a page, meta.nextToken until
// the end), cursors that stay put while items are added, and the desks' change feed: walking
// conversations by updatedAt ascending sees every change made while it pages, and a poll from
// the last updatedAt seen returns exactly what changed since.
import { describe, expect, it } from 'vitest';
import { useServer } from '../../../support/server';
import { botpressClient } from '../../../support/botpress';

describe('Botpress paging', () => {
  const server = useServer({ rateLimit: { max: 10_000, windowMs: 60_000 } });

  it('pages users 20 at a time, newest first, and collect() reads every page', async () => {
    const bp = botpressClient(server.get());
    const made: string[] = [];
    for (let i = 0; i < 45; i++) made.push((await bp.createUser({ tags: { batch: 'a', n: String(i) } })).user.id);
    const first = await bp.listUsers({ tags: { batch: 'a' } });
    expect(first.users).toHaveLength(20);
    expect(first.users.map((u) => u.id)).toEqual(made.slice(-20).reverse());
    expect(first.meta.nextToken).toEqual(expect.any(String));
    const second = await bp.listUsers({ tags: { batch: 'a' }, nextToken: first.meta.nextToken });
    const third = await bp.listUsers({ tags: { batch: 'a' }, nextToken: second.meta.nextToken });
    expect([second.users.length, third.users.length, third.meta.nextToken]).toEqual([20, 5, undefined]);
    expect(await bp.list.users({ tags: { batch: 'a' } }).collect()).toHaveLength(45);
    expect((await bp.list.users({ tags: { batch: 'a' } }).collect()).map((u) => u.id)).toEqual([...made].reverse());
  });

  it('keeps a cursor in place while items are added: no repeats, no gaps', async () => {
    const bp = botpressClient(server.get());
    const { conversation } = await bp.createConversation({ channel: 'channel', integrationName: 'webchat', tags: {} });
    const { user } = await bp.createUser({ tags: {} });
    const texts: string[] = [];
    for (let i = 0; i < 30; i++) {
      texts.push(`m${i}`);
      await bp.createMessage({ conversationId: conversation.id, userId: user.id, type: 'text', payload: { text: `m${i}` }, tags: { mine: 'yes' } });
    }
    const seen: string[] = [];
    let page = await bp.listMessages({ conversationId: conversation.id, tags: { mine: 'yes' }, pageSize: 7 });
    seen.push(...page.messages.map((m) => m.payload.text as string));
    for (let i = 30; i < 40; i++) {
      await bp.createMessage({ conversationId: conversation.id, userId: user.id, type: 'text', payload: { text: `late${i}` }, tags: { mine: 'yes' } });
    }
    while (page.meta.nextToken) {
      page = await bp.listMessages({ conversationId: conversation.id, tags: { mine: 'yes' }, pageSize: 7, nextToken: page.meta.nextToken });
      seen.push(...page.messages.map((m) => m.payload.text as string));
    }
    expect(seen).toEqual([...texts].reverse());
  });

  it('walks conversations by updatedAt ascending and sees every change made while it pages', async () => {
    const bp = botpressClient(server.get());
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await bp.createConversation({ channel: 'channel', integrationName: 'telegram', tags: { feed: 'x' } })).conversation.id);
    const query = { tags: { feed: 'x' }, sortField: 'updatedAt', sortDirection: 'asc', pageSize: 10 } as const;

    const served: { id: string; updatedAt: string }[] = [];
    let page = await bp.listConversations(query);
    served.push(...page.conversations);
    const [alreadyServed, notYetServed] = [ids[3]!, ids[25]!];
    await bp.updateConversation({ id: alreadyServed, tags: { note: 'changed after it was served' } });
    await bp.updateConversation({ id: notYetServed, tags: { note: 'changed before it was served' } });
    const created = (await bp.createConversation({ channel: 'channel', integrationName: 'telegram', tags: { feed: 'x' } })).conversation.id;
    while (page.meta.nextToken) {
      page = await bp.listConversations({ ...query, nextToken: page.meta.nextToken });
      served.push(...page.conversations);
    }

    const order = served.map((c) => c.id);
    expect(new Set(order)).toEqual(new Set([...ids, created]));
    // The changed ones come (again) after everything unchanged, in the order they changed.
    expect(order.slice(-3)).toEqual([alreadyServed, notYetServed, created]);
    expect(order.filter((id) => id === notYetServed)).toHaveLength(1);
    const times = served.map((c) => c.updatedAt);
    expect([...times].sort()).toEqual(times);

    // The next poll starts after the last change seen: nothing, until something changes.
    const last = times[times.length - 1]!;
    expect((await bp.listConversations({ ...query, afterDate: last })).conversations).toEqual([]);
    const { user } = await bp.createUser({ tags: {} });
    await bp.createMessage({ conversationId: ids[10]!, userId: user.id, type: 'text', payload: { text: 'neu' }, tags: {} });
    const changed = await bp.listConversations({ ...query, afterDate: last });
    expect(changed.conversations.map((c) => c.id)).toEqual([ids[10]]);
    expect(changed.conversations[0]!.messageCount).toBe(2); // the customer's and the bot's answer
  });

  it('refuses a nextToken it did not give out, or one from another sort order', async () => {
    const bp = botpressClient(server.get());
    await expect(bp.listConversations({ nextToken: 'not-a-token' })).rejects.toMatchObject({ type: 'InvalidQuery', code: 400 });
    const page = await bp.listConversations({ sortField: 'createdAt', pageSize: 1 });
    await expect(bp.listConversations({ sortField: 'updatedAt', nextToken: page.meta.nextToken })).rejects.toMatchObject({ type: 'InvalidQuery' });
    await expect(bp.listUsers({ pageSize: 0 })).rejects.toMatchObject({ type: 'InvalidQuery' });
    await expect(bp.listUsers({ pageSize: 101 })).rejects.toMatchObject({ type: 'InvalidQuery' });
  });
});
