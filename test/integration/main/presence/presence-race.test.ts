// Two devices of the same agent toggle presence against the real local server. Each device has a
// clock that is wrong by up to ±10 minutes and a network that delays every request and answer by
// 0–150 ms, so writes arrive out of order. Whatever the interleaving, the server must end on the
// LAST intent in real time. A control run without the skew correction shows that the scenario
// catches the bug this rule exists for.
//
// Reproduce a seed: PRESENCE_SEED=1234 npx vitest run test/integration/main/presence
import { describe } from 'vitest';
import { startServer, type RunningServer } from '../../../../src/server/app';
import { ChatCaptainPlatform } from '../../../../src/main/services/platforms/chatcaptain/chatcaptain';
import type { PresencePort } from '../../../../src/main/services/platforms/platform';
import { systemClock, type Clock } from '../../../../src/main/services/ports';
import { PresenceService } from '../../../../src/main/services/presence/presence';
import { lagFrom, prng, raceTests, skewFrom, toggleRace, type Outcome, type Variant } from '../../../support/presence-race';

const SEEDS = 6;
const CONTROL_BATCH = 8;
const CONTROL_BATCHES = 5;

interface Device {
  service: PresenceService;
  backend: ChatCaptainPlatform;
  skew: number;
}

function device(server: RunningServer, skew: number, delays: () => number, variant: Variant): Device {
  const now = () => Date.now() + skew;
  const lag = lagFrom(delays);
  // The real backend, on this device's clock (so its Date-header offset sees the skew) and on a
  // network that holds every request and every answer back for a random while.
  const backend = new ChatCaptainPlatform({
    baseUrl: server.url,
    key: server.workspace.keys.agent,
    http: {
      now,
      fetch: async (input, init) => {
        await lag();
        const response = await fetch(input, init);
        await lag();
        return response;
      },
    },
  });
  // The real estimate (ClockOffset) narrows the Date header's one second to tens of ms over a
  // few dozen responses (its own test shows that); toggles here are 20–80 ms apart from the
  // first request on, so the devices get what that estimate converges to: exactly -skew, the
  // server running on this machine. The control variant is a client that ignores the server's clock.
  const port: PresencePort = { ...backend.presence, serverOffset: () => (variant === 'corrected' ? -skew : 0) };
  const clock: Clock = { now, setTimeout: systemClock.setTimeout, clearTimeout: systemClock.clearTimeout };
  const service = new PresenceService({
    targets: () => server.workspace.chatbots.map((c) => ({ key: `local/${c.id}`, port, chatbotId: c.id, agentId: server.workspace.agentOf.agent })),
    clock,
    onChange: () => {},
    idleAwayMinutes: () => 10,
    retryDelayMs: () => 50,
  });
  return { service, backend, skew };
}

async function scenario(seed: number, variant: Variant): Promise<Outcome> {
  const server = await startServer({ db: ':memory:', realtime: false, rateLimit: { max: 100_000, windowMs: 60_000 } });
  const devices: Device[] = [];
  try {
    const schedule = prng(seed);
    const delays = prng(seed ^ 0x5bd1e995);
    for (let i = 0; i < 2; i++) devices.push(device(server, skewFrom(schedule), delays, variant));
    await Promise.all(devices.map((d) => d.service.refresh()));
    const offsets = devices.map((d) => ({ measured: d.backend.presence.serverOffset(), expected: -d.skew }));

    const lastIntent = await toggleRace(seed, devices, schedule);

    const reader = new ChatCaptainPlatform({ baseUrl: server.url, key: server.workspace.keys.agent }).presence;
    const agentId = server.workspace.agentOf.agent;
    const final = await Promise.all(
      server.workspace.chatbots.map(async (c) => (await reader.team(c.id)).find((a) => a.agentId === agentId)?.online ?? false),
    );
    return { seed, skews: devices.map((d) => d.skew), lastIntent, final, offsets };
  } finally {
    for (const d of devices) d.service.dispose();
    await server.close();
  }
}

describe('presence from two devices with wrong clocks and a reordering network', () => {
  // Without the correction a seed fails about one time in three.
  raceTests(scenario, { seeds: SEEDS, controlBatch: CONTROL_BATCH, controlBatches: CONTROL_BATCHES });
});
