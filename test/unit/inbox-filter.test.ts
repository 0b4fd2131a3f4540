import { describe, expect, it } from 'vitest';
import { filterInbox } from '../../src/shared/inbox-filter';
import type { InboxConversation } from '../../src/shared/view-models';

const base = {
  accountId: 'a1',
  chatbotId: 'bot_shop',
  chatbotName: 'Shop',
  contactId: 'c',
  channelId: 'whatsapp',
  channelName: 'WhatsApp Business',
  contactHandle: '4915100000000',
  archived: false,
  status: 'bot',
  assignedAgentId: null,
  unreadCount: 0,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
} as const;

const conversation = (id: string, patch: Partial<InboxConversation>): InboxConversation => ({
  ...base,
  id,
  key: `a1/bot_shop/${id}`,
  contactName: id,
  ...patch,
});

const inbox = [
  conversation('waiting', { status: 'waiting' }),
  conversation('mine', { status: 'assigned', assignedAgentId: 'agent_me' }),
  conversation('theirs', { status: 'assigned', assignedAgentId: 'agent_other' }),
  conversation('archived', { status: 'closed', archived: true }),
  conversation('bot', { channelId: 'telegram', chatbotId: 'bot_service', key: 'a1/bot_service/bot' }),
  conversation('other-account-mine', { accountId: 'a2', status: 'assigned', assignedAgentId: 'agent_me' }),
  conversation('Jürgen Müller', {
    lastMessage: {
      id: 'm',
      conversationId: 'x',
      sender: 'contact',
      type: 'text',
      payload: { text: 'Wo bleibt meine Rücksendung?' },
      createdAt: base.createdAt,
    },
  }),
];
const context = { myAgentIds: { a1: 'agent_me', a2: 'agent_someone' } };
const ids = (filter: Parameters<typeof filterInbox>[1]) => filterInbox(inbox, filter, context).map((c) => c.id);

describe('filterInbox', () => {
  it.each([
    ['waiting', ['waiting']],
    ['mine', ['mine']],
    ['archived', ['archived']],
    ['all', ['waiting', 'mine', 'theirs', 'bot', 'other-account-mine', 'Jürgen Müller']],
  ] as const)('view %s', (view, expected) => {
    expect(ids({ view })).toEqual(expected);
  });

  it('filters by channel and by chatbot', () => {
    expect(ids({ view: 'all', channelId: 'telegram' })).toEqual(['bot']);
    expect(ids({ view: 'all', chatbot: 'a1/bot_service' })).toEqual(['bot']);
  });

  it('filters by platform: only the accounts on it', () => {
    const platforms = { a1: 'chatcaptain', a2: 'botpress' };
    expect(filterInbox(inbox, { view: 'all', platform: 'botpress' }, { ...context, platforms }).map((c) => c.id)).toEqual(['other-account-mine']);
    expect(filterInbox(inbox, { view: 'mine', platform: 'chatcaptain' }, { ...context, platforms }).map((c) => c.id)).toEqual(['mine']);
    // Without knowing the accounts' platforms, a platform filter matches nothing rather than everything.
    expect(ids({ view: 'all', platform: 'botpress' })).toEqual([]);
  });

  it('searches names and the last message without case or accents', () => {
    expect(ids({ view: 'all', search: 'MULLER' })).toEqual(['Jürgen Müller']);
    expect(ids({ view: 'all', search: 'rucksendung' })).toEqual(['Jürgen Müller']);
    expect(ids({ view: 'all', search: '  ' })).toHaveLength(6);
  });
});
