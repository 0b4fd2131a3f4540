// Presence on Botpress, which has none: each agent's online state lives in the user state
// `deckhandPresence` of their Botpress user, under ChatCaptain's rule (the write with the
// greatest clientTimestamp wins; stamps come from the server's clock, presence/lanes.ts).
//
// Botpress has no conditional write, so a plain read-compare-write could let a slow device
// overwrite a newer state written between its read and its write. Instead each device writes
// only its own entry (`device:<id>`) with a PATCH, which the server merges key by key; every
// reader compares the entries and the newest stamp wins. A device's own writes are sent one at a
// time, so its entry only ever grows. The top-level fields repeat the winning write for readers
// that know only the declared schema ({online, clientTimestamp, lastSeen}). A write also clears
// the entries of devices that have not written for a day.
import type { AgentPresence } from '../../../../shared/domain';
import { PlatformError } from '../../errors/platform-error';
import type { PresencePort } from '../platform';
import { attempt, type BotpressClient } from './client';
import { AGENT_TAG, type BotDirectory } from './directory';
import { WirePresenceEntry, WireState, checked, type WirePresenceEntry as Entry } from './wire';

export const PRESENCE_STATE = 'deckhandPresence';
const DEVICE_PREFIX = 'device:';
/** A device that has not written for this long is gone (reinstalled, replaced): its entry is cleared. */
export const DEVICE_GONE_MS = 24 * 3_600_000;

const offline: Entry = { online: false, clientTimestamp: '0', lastSeen: null };

/** The newest write among the top-level fields and every device's entry. */
export function effectivePresence(payload: Record<string, unknown>): Entry {
  let newest = offline;
  const candidates = [payload, ...Object.entries(payload).filter(([key]) => key.startsWith(DEVICE_PREFIX)).map(([, value]) => value)];
  for (const candidate of candidates) {
    const entry = WirePresenceEntry.safeParse(candidate);
    if (entry.success && BigInt(entry.data.clientTimestamp) > BigInt(newest.clientTimestamp)) newest = entry.data;
  }
  return newest;
}

/**
 * The entries of devices that last wrote before `cutoff` (server time, ms). None of them can be the
 * newest write, so clearing them changes nobody's state; an entry already cleared (null) is skipped.
 */
export function goneDevices(payload: Record<string, unknown>, cutoff: number, own: string): string[] {
  return Object.entries(payload)
    .filter(([key]) => key.startsWith(DEVICE_PREFIX) && key !== own)
    .filter(([, value]) => {
      const entry = WirePresenceEntry.safeParse(value);
      return entry.success && BigInt(entry.data.clientTimestamp) < BigInt(Math.floor(cutoff));
    })
    .map(([key]) => key);
}

export interface PresenceOptions {
  client: BotpressClient;
  directory: (botId: string) => Promise<BotDirectory>;
  /** Who this device speaks for (its Botpress account). */
  agent: () => Promise<{ id: string; name: string }>;
  /** This installation, stable across restarts: its entry in every agent's state. */
  deviceId: string;
  now?: () => number;
}

export function botpressPresence(options: PresenceOptions): PresencePort {
  const { client, directory, agent } = options;
  const now = options.now ?? Date.now;
  const slot = `${DEVICE_PREFIX}${options.deviceId}`;
  const queues = new Map<string, Promise<unknown>>();
  const key = (userId: string) => ({ type: 'user' as const, id: userId, name: PRESENCE_STATE });
  const toAgent = (entry: Entry, userId: string, name: string): AgentPresence => ({
    agentId: userId,
    name,
    online: entry.online,
    lastSeen: entry.lastSeen ?? null,
    clientTimestamp: entry.clientTimestamp,
  });

  // PATCH needs the state to exist; the first write of all creates it with getOrSet, which finds
  // one another device created meanwhile instead of replacing it.
  const patch = async (botId: string, userId: string, payload: Record<string, unknown>) => {
    const bp = client.for(botId);
    try {
      return checked(WireState, (await attempt('patchState', () => bp.patchState({ ...key(userId), payload }))).state, 'patchState');
    } catch (error) {
      if (!(error instanceof PlatformError) || error.code !== 'NotFound') throw error;
      const created = checked(WireState, (await attempt('getOrSetState', () => bp.getOrSetState({ ...key(userId), payload }))).state, 'getOrSetState');
      if (JSON.stringify(created.payload[slot]) === JSON.stringify(payload[slot])) return created;
      return checked(WireState, (await attempt('patchState', () => bp.patchState({ ...key(userId), payload }))).state, 'patchState');
    }
  };

  const write = async (botId: string, online: boolean, stamp: string): Promise<AgentPresence> => {
    const userId = await (await directory(botId)).myUser();
    const entry: Entry = { online, clientTimestamp: stamp, lastSeen: new Date(now() + client.serverOffset()).toISOString() };
    const state = await patch(botId, userId, { [slot]: entry });
    const newest = effectivePresence(state.payload);
    const followUp: Record<string, unknown> = {};
    // Ours won: say so at the top level too (a reader of the declared fields sees the truth).
    const top = WirePresenceEntry.safeParse(state.payload);
    if (newest.clientTimestamp === stamp && (!top.success || BigInt(top.data.clientTimestamp) < BigInt(stamp))) Object.assign(followUp, entry, { [slot]: entry });
    // Devices come and go; the entries of those gone would stay forever. Cleared with a PATCH of
    // null (Botpress has no way to delete one key, and rewriting the whole state could drop another
    // device's write made meanwhile): the state keeps only a null per device gone, never its data.
    for (const gone of goneDevices(state.payload, now() + client.serverOffset() - DEVICE_GONE_MS, slot)) followUp[gone] = null;
    if (Object.keys(followUp).length > 0) await patch(botId, userId, followUp);
    const me = await agent();
    return toAgent(newest, me.id, me.name);
  };

  return {
    serverOffset: () => client.serverOffset(),
    // One write at a time per bot: this device's entry must never go back to an older stamp.
    setOnline(botId, online, stamp) {
      const previous = queues.get(botId) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => write(botId, online, stamp));
      queues.set(botId, next);
      return next;
    },
    async team(botId) {
      const users = await (await directory(botId)).agents(true);
      const bp = client.for(botId);
      return Promise.all(
        users.map(async (user) => {
          let entry = offline;
          try {
            const state = checked(WireState, (await attempt('getState', () => bp.getState(key(user.id)))).state, 'getState');
            entry = effectivePresence(state.payload);
          } catch (error) {
            // Never written: offline, as a ChatCaptain agent who never toggled.
            if (!(error instanceof PlatformError) || error.code !== 'NotFound') throw error;
          }
          const accountId = user.tags[AGENT_TAG] ?? user.id;
          return toAgent(entry, accountId, user.name ?? accountId);
        }),
      );
    },
  };
}
