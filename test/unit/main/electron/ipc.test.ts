import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcError, calls, type CallName } from '../../../../src/shared/ipc';
import type { IpcHandlers } from '../../../../src/main/services/ipc/handler-types';

type Handle = (event: unknown, input: unknown) => Promise<unknown>;
const ipc = vi.hoisted(() => ({ handlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>() }));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: Handle) => {
      if (ipc.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipc.handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => ipc.handlers.delete(channel),
  },
}));

const { createEventSender, registerIpc } = await import('../../../../src/main/electron/ipc');

const APP_URL = 'app://deckhand/index.html';
const WINDOW_ID = 7;
const presence = { intent: true, confirmed: true, pending: false, lostRace: false, auto: null, error: null };

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const all = Object.fromEntries(
    (Object.keys(calls) as CallName[]).map((name) => [name, vi.fn(async () => Promise.reject(new Error(`${name} not stubbed`)))]),
  );
  return { ...all, ...overrides } as IpcHandlers;
}

function event(options: { senderId?: number; frame?: { url: string; parent: object | null } | null } = {}) {
  const frame = options.frame === undefined ? { url: `${APP_URL}#/inbox`, parent: null } : options.frame;
  return { sender: { id: options.senderId ?? WINDOW_ID }, senderFrame: frame };
}

async function invoke(name: CallName, input: unknown, from = event()) {
  const handle = ipc.handlers.get(`deckhand:${name}`);
  if (!handle) throw new Error(`no handler for ${name}`);
  return handle(from, input);
}

let unregister: () => void = () => undefined;
beforeEach(() => {
  unregister();
  ipc.handlers.clear();
});

describe('registerIpc', () => {
  it('registers one channel per contract call and removes them again', () => {
    unregister = registerIpc(handlers(), { allowedWebContentsIds: () => [WINDOW_ID], appUrl: APP_URL });
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.keys(calls).map((n) => `deckhand:${n}`).sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it.each([
    ['an unknown webContents', event({ senderId: 99 })],
    ['a subframe', event({ frame: { url: APP_URL, parent: {} } })],
    ['a foreign page', event({ frame: { url: 'https://evil.example/', parent: null } })],
    ['a file:// page', event({ frame: { url: 'file:///tmp/evil.html', parent: null } })],
    ['another app:// host', event({ frame: { url: 'app://elsewhere/index.html', parent: null } })],
    ['a frame that is gone', event({ frame: null })],
  ])('refuses a call from %s with Forbidden', async (_what, from) => {
    const set = vi.fn(async () => presence);
    unregister = registerIpc(handlers({ 'presence.set': set }), { allowedWebContentsIds: () => [WINDOW_ID], appUrl: APP_URL });
    const result = await invoke('presence.set', { online: true }, from);
    expect(result).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    expect(set).not.toHaveBeenCalled();
  });

  it('accepts the dev server origin when that is the app URL', async () => {
    unregister = registerIpc(handlers({ 'presence.get': async () => presence }), {
      allowedWebContentsIds: () => new Set([WINDOW_ID]),
      appUrl: 'http://localhost:5173/',
    });
    const from = event({ frame: { url: 'http://localhost:5173/#/inbox', parent: null } });
    expect(await invoke('presence.get', {}, from)).toEqual({ ok: true, value: presence });
  });

  it('answers Invalid naming the field, without calling the handler', async () => {
    const reply = vi.fn();
    unregister = registerIpc(handlers({ 'conversation.reply': reply }), { allowedWebContentsIds: () => [WINDOW_ID], appUrl: APP_URL });
    const bad = await invoke('conversation.reply', { ref: { accountId: 'a', chatbotId: 'b', conversationId: '' }, text: 'hi' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'Invalid' } });
    expect((bad as { error: IpcError }).error.message).toContain('ref.conversationId');
    const missing = await invoke('conversation.reply', { ref: { accountId: 'a', chatbotId: 'b', conversationId: 'c' } });
    expect((missing as { error: IpcError }).error.message).toContain('text: ');
    expect(await invoke('presence.get', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'Invalid' } });
    expect(reply).not.toHaveBeenCalled();
  });

  it('hands the handler the parsed input (defaults applied) and wraps its value', async () => {
    const set = vi.fn(async () => presence);
    const addAccount = vi.fn(async () => Promise.reject(new Error('stop here')));
    unregister = registerIpc(handlers({ 'presence.set': set, 'session.addAccount': addAccount }), {
      allowedWebContentsIds: () => [WINDOW_ID],
      appUrl: APP_URL,
    });
    expect(await invoke('presence.set', { online: false })).toEqual({ ok: true, value: presence });
    expect(set).toHaveBeenCalledWith({ online: false });
    await invoke('session.addAccount', { baseUrl: 'https://api.example.com', key: ' k ', chatbotIds: ['bot'] });
    expect(addAccount).toHaveBeenCalledWith({ platform: 'chatcaptain', baseUrl: 'https://api.example.com', key: 'k', chatbotIds: ['bot'], allowPlainTextStorage: false });
  });

  it('turns a failing handler into an error result', async () => {
    unregister = registerIpc(
      handlers({
        'presence.get': async () => {
          throw new TypeError('boom');
        },
      }),
      { allowedWebContentsIds: () => [WINDOW_ID], appUrl: APP_URL },
    );
    const result = (await invoke('presence.get', {})) as { ok: boolean; error: unknown };
    expect(result.ok).toBe(false);
    expect(IpcError.safeParse(result.error).success).toBe(true);
  });
});

describe('createEventSender', () => {
  it('sends {name, payload} on the event channel, and drops events while the window is gone', () => {
    const contents = { send: vi.fn(), isDestroyed: vi.fn(() => false) };
    let current: typeof contents | null = contents;
    const sender = createEventSender(() => current as never);
    sender.send('presence.changed', presence);
    expect(contents.send).toHaveBeenCalledWith('deckhand:event', { name: 'presence.changed', payload: presence });
    contents.isDestroyed.mockReturnValue(true);
    sender.send('presence.changed', presence);
    current = null;
    sender.send('presence.changed', presence);
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});
