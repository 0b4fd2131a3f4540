// Presence on Botpress keeps one entry per device in the agent's user state `deckhandPresence`.
// Devices come and go (a new laptop, a reinstall), so a write also clears the entries of devices
// that have not written for more than a day, against the real local server: the state stays the
// size of the devices in use, and who wins is unchanged (a stale entry is never the newest).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../../src/server/app';
import { botpressClient, deskFor } from '../../../support/botpress';

const HOUR = 3_600_000;
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ db: ':memory:' });
});

afterAll(async () => {
  await server?.close();
});

describe('the devices in an agent’s Botpress presence', () => {
  it('clears the entries of devices silent for more than a day when it writes, and keeps the others', async () => {
    const botId = server.botpress.botId;
    const laptop = deskFor(server, { deviceId: 'laptop' });
    const me = await laptop.identity([botId]);
    const userId = (await botpressClient(server).list.users({ tags: { deckhandAgent: me.agent.id } }).collect())[0]?.id;
    await laptop.presence.setOnline(botId, false, String(Date.now()));
    const key = { type: 'user' as const, id: userId!, name: 'deckhandPresence' };
    const bp = botpressClient(server);
    // Two devices that wrote before: an old one two days ago (since reinstalled), a desktop an hour ago.
    const entry = (online: boolean, at: number) => ({ online, clientTimestamp: String(at), lastSeen: new Date(at).toISOString() });
    await bp.patchState({ ...key, payload: { 'device:old-install': entry(true, Date.now() - 48 * HOUR), 'device:desktop': entry(false, Date.now() - HOUR) } });

    const answer = await laptop.presence.setOnline(botId, true, String(Date.now()));
    expect(answer.online).toBe(true);
    const { payload } = (await bp.getState(key)).state;
    expect(payload['device:old-install'] ?? null).toBeNull();
    expect(payload['device:desktop']).toMatchObject({ online: false });
    expect(payload['device:laptop']).toMatchObject({ online: true });
    expect(payload).toMatchObject({ online: true });
    // Readers see the agent as the newest write says.
    const team = await deskFor(server, { deviceId: 'reader' }).presence.team(botId);
    expect(team.find((a) => a.agentId === me.agent.id)?.online).toBe(true);
  });
});
