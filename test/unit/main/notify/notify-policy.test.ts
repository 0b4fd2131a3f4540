// The notification policy as a table: one row per rule, what should notify and what never should,
// and the preview of every message kind in German and English.
import { describe, expect, it } from 'vitest';
import type { Conversation, Message, MessageContent } from '../../../../src/shared/domain';
import { decide, type IncomingChange, type NotifyContext, type PlannedNotification } from '../../../../src/main/services/notify/notify-policy';

const ME = 'agent_me';
const COLLEAGUE = 'agent_other';
const ACCOUNT = 'acc1';
const KEY = `${ACCOUNT}/bot_shop/conv_1`;

let ids = 0;
function message(content: MessageContent, sender: Message['sender'] = 'contact', agentId?: string): Message {
  return {
    id: `msg_${++ids}`,
    conversationId: 'conv_1',
   
    sender,
    ...(agentId !== undefined && { agentId }),
    createdAt: '2025-01-01T10:00:00.000Z',
    ...content,
  } as Message;
}
const text = (t: string, sender: Message['sender'] = 'contact', agentId?: string) => message({ type: 'text', payload: { text: t } }, sender, agentId);

function conversation(patch: Partial<Conversation> = {}): Conversation {
  return {
    id: 'conv_1',
    chatbotId: 'bot_shop',
    contactId: 'contact_1',
    contactName: 'Anna Schmidt',
    channelId: 'web',
    channelName: 'Website',
    contactHandle: 'p1',
    archived: false,
    status: 'bot',
    assignedAgentId: null,
    unreadCount: 1,
    createdAt: '2025-01-01T09:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    ...patch,
  };
}

const changed = (from: Partial<Conversation> | null, to: Partial<Conversation>): IncomingChange => ({
  type: 'conversation',
  accountId: ACCOUNT,
  from: from && conversation(from),
  to: conversation(to),
});
const arrived = (msg: Message, conv: Partial<Conversation>): IncomingChange => ({
  type: 'message',
  accountId: ACCOUNT,
  conversation: conversation({ lastMessage: msg, ...conv }),
  message: msg,
});

function context(patch: Partial<Omit<NotifyContext, 'settings'>> & { settings?: Partial<NotifyContext['settings']> } = {}): NotifyContext {
  return {
    myAgentIds: { [ACCOUNT]: ME },
    openKey: null,
    windowFocused: true,
    language: 'de',
    ...patch,
    settings: { desktopNotifications: true, doNotDisturb: false, sound: true, ...patch.settings },
  };
}

const hello = text('Hallo, wo bleibt mein Paket?');
const mine = { status: 'assigned', assignedAgentId: ME } as const;
const waiting = { status: 'waiting', assignedAgentId: null } as const;

type Expected = Pick<PlannedNotification, 'reason' | 'title' | 'body' | 'silent'>;
const notifies = (reason: PlannedNotification['reason'], body: string, silent = false): Expected => ({
  reason,
  title: 'Anna Schmidt',
  body,
  silent,
});

describe('notifies', () => {
  it.each<[string, IncomingChange, NotifyContext, Expected]>([
    ['a conversation created waiting', changed(null, { ...waiting, lastMessage: hello }), context(), notifies('waiting', 'Hallo, wo bleibt mein Paket?')],
    ['a conversation the bot hands over (bot → waiting)', changed({ status: 'bot' }, { ...waiting, lastMessage: hello }), context(), notifies('waiting', 'Hallo, wo bleibt mein Paket?')],
    ['a closed conversation waiting again', changed({ status: 'closed' }, { ...waiting, lastMessage: hello }), context(), notifies('waiting', 'Hallo, wo bleibt mein Paket?')],
    ['a waiting conversation without messages (de)', changed(null, waiting), context(), notifies('waiting', 'Wartet auf eine Antwort')],
    ['a waiting conversation without messages (en)', changed(null, waiting), context({ language: 'en' }), notifies('waiting', 'Waiting for a reply')],
    ['a waiting conversation whose last line is the bot hand-over', changed({ status: 'bot' }, { ...waiting, lastMessage: text('Ich verbinde dich.', 'bot') }), context(), notifies('waiting', 'Wartet auf eine Antwort')],
    ['a conversation assigned to me by someone else', changed(waiting, { ...mine, lastMessage: hello }), context(), notifies('assigned', 'Dir zugewiesen: Hallo, wo bleibt mein Paket?')],
    ['a conversation moved from a colleague to me (en)', changed({ status: 'assigned', assignedAgentId: COLLEAGUE }, mine), context({ language: 'en' }), notifies('assigned', 'Assigned to you')],
    ['a conversation created assigned to me', changed(null, mine), context(), notifies('assigned', 'Dir zugewiesen')],
    ['a customer message in my conversation', arrived(hello, mine), context(), notifies('message', 'Hallo, wo bleibt mein Paket?')],
    ['a customer message in an unassigned waiting conversation', arrived(hello, waiting), context(), notifies('message', 'Hallo, wo bleibt mein Paket?')],
    ['silently when sound is off', arrived(hello, mine), context({ settings: { sound: false } }), notifies('message', 'Hallo, wo bleibt mein Paket?', true)],
    ['the open conversation while the window is in the background', arrived(hello, mine), context({ openKey: KEY, windowFocused: false }), notifies('message', 'Hallo, wo bleibt mein Paket?')],
    ['another conversation than the open one', arrived(hello, mine), context({ openKey: `${ACCOUNT}/bot_shop/conv_2` }), notifies('message', 'Hallo, wo bleibt mein Paket?')],
  ])('%s', (_name, change, ctx, expected) => {
    const planned = decide(change, ctx);
    expect(planned).toMatchObject(expected);
    expect(planned?.key).toBe(KEY);
    expect(planned?.ref).toEqual({ accountId: ACCOUNT, chatbotId: 'bot_shop', conversationId: 'conv_1' });
  });
});

describe('never notifies', () => {
  it.each<[string, IncomingChange, NotifyContext]>([
    ['my own reply', arrived(text('Ist unterwegs!', 'agent', ME), mine), context()],
    ["a colleague's reply in a waiting conversation", arrived(text('Moment bitte', 'agent', COLLEAGUE), waiting), context()],
    ['a bot message', arrived(text('Wie kann ich helfen?', 'bot'), waiting), context()],
    ['a bot message in my conversation', arrived(text('Automatische Antwort', 'bot'), mine), context()],
    ['a customer message while the bot handles it', arrived(hello, { status: 'bot' }), context()],
    ["a customer message in a colleague's conversation", arrived(hello, { status: 'assigned', assignedAgentId: COLLEAGUE }), context()],
    ['a customer message in a waiting conversation a colleague holds', arrived(hello, { status: 'waiting', assignedAgentId: COLLEAGUE }), context()],
    ['a customer message in a closed conversation', arrived(hello, { status: 'closed' }), context()],
    ['a customer message in an archived conversation of mine', arrived(hello, { ...mine, archived: true }), context()],
    ['a conversation created waiting but archived', changed(null, { ...waiting, archived: true }), context()],
    ['a conversation assigned to me but archived', changed(waiting, { ...mine, archived: true }), context()],
    ['the conversation open in the focused window (message)', arrived(hello, mine), context({ openKey: KEY })],
    ['the conversation open in the focused window (waiting)', changed({ status: 'bot' }, waiting), context({ openKey: KEY })],
    ['anything under do-not-disturb', arrived(hello, mine), context({ settings: { doNotDisturb: true } })],
    ['a new waiting conversation under do-not-disturb', changed(null, waiting), context({ settings: { doNotDisturb: true } })],
    ['anything with desktop notifications off', arrived(hello, mine), context({ settings: { desktopNotifications: false } })],
    ['an assignment with desktop notifications off', changed(waiting, mine), context({ settings: { desktopNotifications: false } })],
    ['a conversation that was waiting already', changed({ ...waiting, unreadCount: 1 }, { ...waiting, unreadCount: 2 }), context()],
    ['a conversation I assigned to myself', changed(waiting, mine), context({ selfAssigned: new Set([KEY]) })],
    ['a conversation that was mine already', changed(mine, { ...mine, unreadCount: 3 }), context()],
    ['a conversation assigned to a colleague', changed(waiting, { status: 'assigned', assignedAgentId: COLLEAGUE }), context()],
    ['a conversation going back to the bot', changed(waiting, { status: 'bot' }), context()],
    ['a message on an account whose agent is unknown', arrived(hello, mine), context({ myAgentIds: {} })],
  ])('%s', (_name, change, ctx) => {
    expect(decide(change, ctx)).toBeNull();
  });
});

describe('previews per message kind', () => {
  const card = { title: 'Lieferstatus', actions: [{ action: 'postback' as const, label: 'Ok', value: 'ok' }] };
  const options = [{ label: 'Ja', value: 'yes' }];
  it.each<[string, MessageContent, string, string]>([
    ['text (whitespace folded)', { type: 'text', payload: { text: '  Hallo\n\n  Welt ' } }, 'Hallo Welt', 'Hallo Welt'],
    ['long text (clipped)', { type: 'text', payload: { text: 'x'.repeat(300) } }, `${'x'.repeat(139)}…`, `${'x'.repeat(139)}…`],
    ['image', { type: 'image', payload: { imageUrl: 'https://example.com/a.png' } }, '[Bild]', '[image]'],
    ['choice', { type: 'choice', payload: { text: 'Größe wählen', options } }, 'Größe wählen', 'Größe wählen'],
    ['dropdown', { type: 'dropdown', payload: { text: 'Land?', options } }, 'Land?', 'Land?'],
    ['card', { type: 'card', payload: card }, '[Karte] Lieferstatus', '[card] Lieferstatus'],
    ['carousel', { type: 'carousel', payload: { items: [card, { ...card, title: 'Zwei' }] } }, '[Karussell] Lieferstatus, Zwei', '[carousel] Lieferstatus, Zwei'],
    ['file with a title', { type: 'file', payload: { fileUrl: 'https://example.com/r.pdf', title: 'Rechnung.pdf' } }, '[Datei] Rechnung.pdf', '[file] Rechnung.pdf'],
    ['file without a title', { type: 'file', payload: { fileUrl: 'https://example.com/r.pdf' } }, '[Datei]', '[file]'],
    ['audio', { type: 'audio', payload: { audioUrl: 'https://example.com/a.ogg' } }, '[Sprachnachricht]', '[voice message]'],
    ['video', { type: 'video', payload: { videoUrl: 'https://example.com/v.mp4' } }, '[Video]', '[video]'],
    ['location with an address', { type: 'location', payload: { latitude: 52.5, longitude: 13.4, address: 'Hauptstr. 1, Berlin' } }, '[Standort] Hauptstr. 1, Berlin', '[location] Hauptstr. 1, Berlin'],
    ['location without a name', { type: 'location', payload: { latitude: 52.5, longitude: 13.4 } }, '[Standort]', '[location]'],
  ])('%s', (_name, content, de, en) => {
    const change = arrived(message(content), mine);
    expect(decide(change, context({ language: 'de' }))?.body).toBe(de);
    expect(decide(change, context({ language: 'en' }))?.body).toBe(en);
  });
});

describe('event ids', () => {
  it('count a conversation turning waiting and the customer message that did it as one event', () => {
    const msg = text('Hilfe!');
    const turned = decide(changed({ status: 'bot' }, { ...waiting, lastMessage: msg }), context());
    const created = decide(arrived(msg, waiting), context());
    expect(turned?.eventId).toBe(created?.eventId);
    expect(decide(arrived(text('Noch da?'), waiting), context())?.eventId).not.toBe(created?.eventId);
  });
});
