// A batch of live events (a socket read, a burst) applied together: each conversation stored once
// with its wait worked out from the messages that came with it, a message announced with its
// conversation as the events before it left it, and a removal in the batch final. On a real
// SQLite cache in memory.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalCache } from '../../../../src/main/services/cache/local-cache';
import { MessageCache } from '../../../../src/main/services/cache/message-cache';
import { MainDb } from '../../../../src/main/services/cache/sqlite';
import type { LiveEvent } from '../../../../src/main/services/platforms/platform';
import { ChangeApplier, type ConversationsChange, type MessagesAdded } from '../../../../src/main/services/sync/change-applier';
import { WaitingTimes } from '../../../../src/main/services/sync/waiting-times';
import { at, conversation, message } from '../cache/fixtures';

const chatbot = { id: 'bot_a', name: 'Bot A' };
let db: MainDb;
let cache: LocalCache;
let applier: ChangeApplier;
let changes: ConversationsChange[];
let added: MessagesAdded[];

beforeEach(() => {
  db = new MainDb(':memory:');
  cache = new LocalCache(db);
  const messages = new MessageCache(db);
  const platform = { messages: () => Promise.reject(new Error('not read in these tests')) };
  const waits = new WaitingTimes({ accountId: 'acc1', chatbotId: chatbot.id, platform, cache, messages, stopped: () => false });
  applier = new ChangeApplier({ accountId: 'acc1', chatbot, cache, messages, waits });
  applier.applyConversations([conversation('c1', 10, { status: 'assigned', assignedAgentId: 'me', lastMessage: { ...message('m0', 'c1', 10), sender: 'agent' } })], true);
  changes = [];
  added = [];
  applier.onDidChangeConversations((change) => changes.push(change));
  applier.onDidAddMessages((news) => added.push(news));
});

afterEach(() => {
  applier.dispose();
  db.close();
});

describe('a batch of live events', () => {
  it('stores a conversation once for a message and its change, its wait from that message', () => {
    const m1 = message('m1', 'c1', 20);
    const events: LiveEvent[] = [
      { type: 'message', message: m1 },
      { type: 'conversation', conversation: conversation('c1', 20, { status: 'assigned', assignedAgentId: 'me', lastMessage: m1, unreadCount: 1 }) },
    ];
    applier.applyEvents(events);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.changed.map((c) => [c.id, c.unreadCount, c.waitingSince])).toEqual([['c1', 1, at(20)]]);
    expect(added.map((a) => a.messages.map((m) => m.id))).toEqual([['m1']]);
  });

  it('announces a message with its conversation as the events before it left it, and works its wait out again', () => {
    const m2 = message('m2', 'c1', 30);
    applier.applyEvents([
      { type: 'conversation', conversation: conversation('c1', 25, { status: 'waiting', assignedAgentId: null, lastMessage: { ...message('m0', 'c1', 10), sender: 'agent' } }) },
      { type: 'message', message: m2 },
    ]);
    expect(added).toHaveLength(1);
    expect(added[0]!.conversation.status).toBe('waiting');
    expect(cache.conversation({ accountId: 'acc1', chatbotId: chatbot.id, conversationId: 'c1' })!.waitingSince).toBe(at(30));
  });

  it('keeps a conversation removed later in the batch removed, and a new one announced with the messages that came first', () => {
    const first = message('n1', 'c9', 40);
    applier.applyEvents([
      { type: 'conversation', conversation: conversation('c1', 35, { unreadCount: 3 }) },
      { type: 'removed', conversationId: 'c1' },
      { type: 'message', message: first },
      { type: 'conversation', conversation: conversation('c9', 40, { lastMessage: first }) },
    ]);
    expect(cache.conversation({ accountId: 'acc1', chatbotId: chatbot.id, conversationId: 'c1' })).toBeNull();
    expect(cache.conversation({ accountId: 'acc1', chatbotId: chatbot.id, conversationId: 'c9' })?.waitingSince).toBe(at(40));
    expect(added.map((a) => [a.conversation.id, a.messages.map((m) => m.id)])).toEqual([['c9', ['n1']]]);
  });
});
