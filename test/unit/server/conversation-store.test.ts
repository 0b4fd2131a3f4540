// Rules of ConversationStore that only the seed and the simulator reach (no endpoint writes
// an agent message except the reply, which has its own test).
import { describe, expect, it } from 'vitest';
import { Db } from '../../../src/server/db/database';
import type { EventSink } from '../../../src/server/realtime/hub';
import { ConversationStore } from '../../../src/server/store/conversations';
import { ensureWorkspace } from '../../../src/server/store/workspace';
import { testSecret } from '../../support/server';

const silent: EventSink = { emit: () => undefined, push: () => undefined };

describe('ConversationStore.addMessage', () => {
  it('counts contact messages as unread and clears the count when an agent answers', () => {
    const db = new Db(':memory:');
    const workspace = ensureWorkspace(db, testSecret);
    const store = new ConversationStore(db, silent, () => 'http://127.0.0.1:1');
    const c = store.create('bot_shop', { channelId: 'web', channelName: 'Web chat', providerId: 'v-1' });
    const text = (t: string) => ({ type: 'text' as const, payload: { text: t } });
    store.addMessage('bot_shop', c.id, { sender: 'contact', content: text('Hallo') });
    store.addMessage('bot_shop', c.id, { sender: 'bot', content: text('Wie kann ich helfen?') });
    store.addMessage('bot_shop', c.id, { sender: 'contact', content: text('Paket fehlt') });
    expect(store.get('bot_shop', c.id)?.unreadCount).toBe(2);
    store.addMessage('bot_shop', c.id, { sender: 'agent', agentId: workspace.agentOf.agent, content: text('Ich schaue nach.') });
    expect(store.get('bot_shop', c.id)?.unreadCount).toBe(0);
    db.close();
  });
});
