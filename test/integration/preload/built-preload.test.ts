// The built preload (out/preload/index.cjs) as a sandboxed renderer runs it: in a context of its
// own whose `require` knows only `electron` (here a recording contextBridge and ipcRenderer). It
// must expose exactly the contract as window.deckhand, and nothing else.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, calls, callChannel, events, type CallName } from '../../../src/shared/ipc';
import { builtPreload, ensureAppBuilt } from '../../support/app-build';

interface Loaded {
  exposed: Map<string, Record<string, (...args: unknown[]) => unknown>>;
  invoked: [string, unknown][];
  channel: EventEmitter;
  required: string[];
}

function loadBuiltPreload(): Loaded {
  const loaded: Loaded = { exposed: new Map(), invoked: [], channel: new EventEmitter(), required: [] };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => loaded.exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        loaded.invoked.push([channel, input]);
        return { ok: true, value: null };
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => loaded.channel.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => loaded.channel.removeListener(channel, listener),
    },
  };
  // A sandboxed preload gets a require limited to a few modules; this bundle may need only electron.
  const sandboxedRequire = (name: string): unknown => {
    loaded.required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`Cannot require "${name}" in a sandboxed preload`);
  };
  const module = { exports: {} };
  runInNewContext(readFileSync(builtPreload, 'utf8'), { require: sandboxedRequire, module, exports: module.exports }, { filename: builtPreload });
  return loaded;
}

describe('the built preload (out/preload/index.cjs)', () => {
  let loaded: Loaded;
  beforeAll(async () => {
    await ensureAppBuilt();
    loaded = loadBuiltPreload();
  }, 90_000);

  it('runs in the sandbox, needing nothing but electron', () => {
    expect(loaded.required).toEqual(['electron']);
  });

  it('exposes window.deckhand and nothing else: one function per contract call, plus on, frozen', () => {
    expect([...loaded.exposed.keys()]).toEqual(['deckhand']);
    const api = loaded.exposed.get('deckhand')!;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(calls), 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each call on its own channel', async () => {
    const api = loaded.exposed.get('deckhand')!;
    for (const name of Object.keys(calls) as CallName[]) await api[name]!({ probe: name });
    expect(loaded.invoked).toEqual((Object.keys(calls) as CallName[]).map((name) => [callChannel(name), { probe: name }]));
  });

  it('delivers only the events of the contract, to their own listeners', () => {
    const on = loaded.exposed.get('deckhand')!.on as (event: string, listener: (payload: unknown) => void) => () => void;
    const received: unknown[] = [];
    const off = on('update.changed', (payload) => received.push(payload));
    loaded.channel.emit(EVENT_CHANNEL, {}, { name: 'update.changed', payload: { status: 'ready' } });
    loaded.channel.emit(EVENT_CHANNEL, {}, { name: 'presence.changed', payload: {} });
    off();
    loaded.channel.emit(EVENT_CHANNEL, {}, { name: 'update.changed', payload: { status: 'idle' } });
    expect(received).toEqual([{ status: 'ready' }]);
    expect(Object.keys(events)).toContain('update.changed');
    expect(() => on('ipc.anything', () => undefined)).toThrow(/Unknown Deckhand event/);
  });
});
