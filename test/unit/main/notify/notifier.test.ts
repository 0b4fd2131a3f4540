// The notifier groups bursts on a fake clock; unreadCount is the tray badge rule.
import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../../src/shared/domain';
import type { IncomingChange, NotifyContext } from '../../../../src/main/services/notify/notify-policy';
import { Notifier, unreadCount, type Notification } from '../../../../src/main/services/notify/notifier';
import { ManualClock } from '../../../support/manual-clock';

const ME = 'agent_me';

let ids = 0;
function customerSays(contact: string, text: string, sender: Message['sender'] = 'contact'): IncomingChange {
  const conversationId = `conv_${contact.toLowerCase()}`;
  const message: Message = {
    id: `msg_${++ids}`,
    conversationId,
   
    sender,
    createdAt: '2025-01-01T10:00:00.000Z',
    type: 'text',
    payload: { text },
  };
  return { type: 'message', accountId: 'acc', conversation: conversation(contact, { lastMessage: message }), message };
}

function conversation(contact: string, patch: Partial<Conversation> = {}): Conversation {
  return {
    id: `conv_${contact.toLowerCase()}`,
    chatbotId: 'bot_shop',
    contactId: `contact_${contact}`,
    contactName: contact,
    channelId: 'web',
    channelName: 'Website',
    contactHandle: contact,
    archived: false,
    status: 'assigned',
    assignedAgentId: ME,
    unreadCount: 1,
    createdAt: '2025-01-01T09:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    ...patch,
  };
}

function setup(language: 'de' | 'en' = 'de') {
  const clock = new ManualClock();
  const shown: Notification[] = [];
  const ctx: NotifyContext = {
    myAgentIds: { acc: ME },
    openKey: null,
    windowFocused: true,
    language,
    settings: { desktopNotifications: true, doNotDisturb: false, sound: true },
  };
  const notifier = new Notifier({ port: { show: (n) => shown.push(n) }, clock, context: () => ctx });
  return { clock, shown, ctx, notifier };
}

const ref = (contact: string) => ({ accountId: 'acc', chatbotId: 'bot_shop', conversationId: `conv_${contact.toLowerCase()}` });

describe('Notifier', () => {
  it('shows a lone notification when its window closes', () => {
    const { clock, shown, notifier } = setup();
    notifier.handle(customerSays('Anna', 'Hallo?'));
    clock.advance(1499);
    expect(shown).toEqual([]);
    clock.advance(1);
    expect(shown).toEqual([{ title: 'Anna', body: 'Hallo?', silent: false, ref: ref('Anna') }]);
  });

  it('collapses a burst into one notification that names the contacts, newest first', () => {
    const { clock, shown, notifier } = setup();
    notifier.handle(customerSays('Anna', 'eins'));
    clock.advance(500);
    notifier.handle(customerSays('Ben', 'zwei'));
    clock.advance(900);
    notifier.handle(customerSays('Carla', 'drei'));
    expect(clock.pending()).toBe(1); // one window, not one timer per change
    clock.advance(100);
    expect(shown).toEqual([{ title: '3 neue Nachrichten', body: 'Carla, Ben, Anna', silent: false, ref: ref('Carla') }]);
  });

  it('lists at most three names (en)', () => {
    const { clock, shown, notifier } = setup('en');
    for (const name of ['Anna', 'Ben', 'Carla', 'Dana', 'Emil']) notifier.handle(customerSays(name, 'hi'));
    notifier.handle(customerSays('Anna', 'again'));
    clock.advance(1500);
    expect(shown).toEqual([{ title: '6 new messages', body: 'Anna, Emil, Dana and 2 more', silent: false, ref: ref('Anna') }]);
  });

  it('counts several messages from one contact', () => {
    const { clock, shown, notifier } = setup();
    for (const text of ['a', 'b', 'c']) notifier.handle(customerSays('Anna', text));
    clock.advance(1500);
    expect(shown).toEqual([{ title: '3 neue Nachrichten', body: 'Anna', silent: false, ref: ref('Anna') }]);
  });

  it('starts a new window after one closed', () => {
    const { clock, shown, notifier } = setup();
    notifier.handle(customerSays('Anna', 'eins'));
    clock.advance(1500);
    notifier.handle(customerSays('Ben', 'zwei'));
    clock.advance(1500);
    expect(shown.map((n) => n.title)).toEqual(['Anna', 'Ben']);
    expect(clock.pending()).toBe(0);
  });

  it('counts a conversation turning waiting and the message that did it once', () => {
    const { clock, shown, notifier } = setup();
    const said = customerSays('Anna', 'Hilfe!');
    if (said.type !== 'message') throw new Error('unreachable');
    const waiting = { status: 'waiting', assignedAgentId: null } as const;
    notifier.handle({ type: 'conversation', accountId: 'acc', from: conversation('Anna', { status: 'bot', assignedAgentId: null }), to: conversation('Anna', { ...waiting, lastMessage: said.message }) });
    notifier.handle({ ...said, conversation: { ...said.conversation, ...waiting } });
    clock.advance(1500);
    expect(shown).toEqual([{ title: 'Anna', body: 'Hilfe!', silent: false, ref: ref('Anna') }]);
  });

  it('leads a click to the conversation heard of last, even when it was heard of before', () => {
    const { clock, shown, notifier } = setup();
    const said = customerSays('Anna', 'Hilfe!');
    if (said.type !== 'message') throw new Error('unreachable');
    const waiting = { status: 'waiting', assignedAgentId: null } as const;
    notifier.handle({ type: 'conversation', accountId: 'acc', from: null, to: conversation('Anna', { ...waiting, lastMessage: said.message }) });
    notifier.handle(customerSays('Ben', 'zwei'));
    notifier.handle({ ...said, conversation: { ...said.conversation, ...waiting } });
    clock.advance(1500);
    expect(shown).toEqual([{ title: '2 neue Nachrichten', body: 'Anna, Ben', silent: false, ref: ref('Anna') }]);
  });

  it('opens no window for what the policy rejects', () => {
    const { clock, shown, notifier } = setup();
    notifier.handle(customerSays('Anna', 'Bot spricht', 'bot'));
    expect(clock.pending()).toBe(0);
    clock.advance(5000);
    expect(shown).toEqual([]);
  });

  it('drops what the agent opened meanwhile, and checks do-not-disturb again', () => {
    const { clock, shown, ctx, notifier } = setup();
    notifier.handle(customerSays('Anna', 'eins'));
    notifier.handle(customerSays('Ben', 'zwei'));
    ctx.openKey = 'acc/bot_shop/conv_anna';
    clock.advance(1500);
    expect(shown).toEqual([{ title: 'Ben', body: 'zwei', silent: false, ref: ref('Ben') }]);

    notifier.handle(customerSays('Carla', 'drei'));
    ctx.settings = { ...ctx.settings, doNotDisturb: true };
    clock.advance(1500);
    expect(shown).toHaveLength(1);
  });

  it('is silent when sound is off', () => {
    const { clock, shown, ctx, notifier } = setup();
    ctx.settings = { ...ctx.settings, sound: false };
    notifier.handle(customerSays('Anna', 'psst'));
    notifier.handle(customerSays('Ben', 'psst'));
    clock.advance(1500);
    expect(shown).toMatchObject([{ title: '2 neue Nachrichten', silent: true }]);
  });

  it('shows nothing after dispose', () => {
    const { clock, shown, notifier } = setup();
    notifier.handle(customerSays('Anna', 'eins'));
    notifier.dispose();
    expect(clock.pending()).toBe(0);
    clock.advance(5000);
    expect(shown).toEqual([]);
  });
});

describe('unreadCount (tray badge)', () => {
  const mine = { status: 'assigned', assignedAgentId: ME } as const;
  const row = (patch: Partial<Conversation> & { accountId?: string }) => ({ ...conversation('X', patch), accountId: patch.accountId ?? 'acc' });
  it.each([
    ['mine with unread messages', row({ ...mine, unreadCount: 2 }), 1],
    ['waiting with unread messages', row({ status: 'waiting', assignedAgentId: null }), 1],
    ['mine, all read', row({ ...mine, unreadCount: 0 }), 0],
    ['mine but archived', row({ ...mine, archived: true }), 0],
    ['waiting but archived', row({ status: 'waiting', assignedAgentId: null, archived: true }), 0],
    ["a colleague's", row({ status: 'assigned', assignedAgentId: 'agent_other' }), 0],
    ['with the bot', row({ status: 'bot', assignedAgentId: null }), 0],
    ["assigned to my id, but on an account where I am someone else", row({ ...mine, accountId: 'acc2' }), 0],
  ])('%s → %i', (_name, conv, expected) => {
    expect(unreadCount([conv], { acc: ME, acc2: 'agent_me_elsewhere' })).toBe(expected);
  });

  it('counts conversations, not messages', () => {
    const list = [
      row({ ...mine, unreadCount: 5 }),
      row({ status: 'waiting', assignedAgentId: null, unreadCount: 3 }),
      row({ ...mine, unreadCount: 0 }),
      row({ ...mine, archived: true }),
    ];
    expect(unreadCount(list, { acc: ME })).toBe(2);
  });
});
