import type { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { calls, events, type DeckhandApi } from '../../../../src/shared/ipc';

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  channel: null as unknown as EventEmitter,
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  bridge.channel = new Emitter();
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => bridge.exposed.set(key, api) },
    ipcRenderer: {
      invoke: bridge.invoke,
      on: (channel: string, listener: (...args: unknown[]) => void) => bridge.channel.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => bridge.channel.removeListener(channel, listener),
    },
  };
});

await import('../../../../src/preload/index');
const api = bridge.exposed.get('deckhand') as DeckhandApi;
const emitter = (): EventEmitter => bridge.channel;
const emit = (message: unknown) => emitter().emit('deckhand:event', {}, message);

describe('preload', () => {
  it('exposes window.deckhand only: one function per contract call, plus on', () => {
    expect([...bridge.exposed.keys()]).toEqual(['deckhand']);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(calls), 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes the channel of the call with the input as given', async () => {
    const input = { ref: { accountId: 'a', chatbotId: 'b', conversationId: 'c' }, text: 'Hallo' };
    expect(await api['conversation.reply'](input)).toEqual({ ok: true, value: { channel: 'deckhand:conversation.reply', input } });
    await api['presence.set']({ online: true });
    expect(bridge.invoke).toHaveBeenLastCalledWith('deckhand:presence.set', { online: true });
  });

  it('delivers only the subscribed event, until unsubscribed', () => {
    const presence = vi.fn();
    const off = api.on('presence.changed', presence);
    const payload = { intent: true, confirmed: null, pending: true, lostRace: false, auto: null, error: null };
    emit({ name: 'presence.changed', payload });
    emit({ name: 'settings.changed', payload: {} });
    emit(null);
    emit('presence.changed');
    expect(presence).toHaveBeenCalledTimes(1);
    expect(presence).toHaveBeenCalledWith(payload);
    off();
    emit({ name: 'presence.changed', payload });
    expect(presence).toHaveBeenCalledTimes(1);
    expect(emitter().listenerCount('deckhand:event')).toBe(0);
  });

  it('refuses to subscribe to an event the contract does not have', () => {
    expect(Object.keys(events)).not.toContain('toString');
    expect(() => api.on('toString' as 'presence.changed', () => undefined)).toThrow(/Unknown Deckhand event/);
    expect(emitter().listenerCount('deckhand:event')).toBe(0);
  });
});
