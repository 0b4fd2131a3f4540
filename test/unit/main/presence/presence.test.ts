// The presence service against a scripted platform port: every write waits until the test answers it,
// so ordering, coalescing and races can be set up exactly. The scripted server applies the real
// rule (a write wins only with a greater clientTimestamp); the real server is used in
// test/integration/main/presence/presence-race.test.ts.
import { describe, expect, it } from 'vitest';
import type { AgentPresence } from '../../../../src/shared/domain';
import type { PresenceState } from '../../../../src/shared/view-models';
import { PlatformError } from '../../../../src/main/services/errors/platform-error';
import type { PresencePort } from '../../../../src/main/services/platforms/platform';
import { PresenceService, type PresenceTarget } from '../../../../src/main/services/presence/presence';
import { ManualClock } from '../../../support/manual-clock';

const AGENT = 'agent_jonas';
const T0 = 1_700_000_000_000;

interface Call {
  online: boolean;
  stamp: string;
  resolve(agent: AgentPresence): void;
  reject(error: unknown): void;
}

/** A server for one chatbot whose answers the test releases one by one. */
class ScriptedBackend implements PresencePort {
  offset = 0;
  stored = { online: false, stamp: 0n };
  readonly calls: Call[] = [];
  private answeredCount = 0;

  serverOffset(): number {
    return this.offset;
  }
  setOnline(_chatbotId: string, online: boolean, clientTimestamp: string): Promise<AgentPresence> {
    return new Promise((resolve, reject) => this.calls.push({ online, stamp: clientTimestamp, resolve, reject }));
  }
  async team(): Promise<AgentPresence[]> {
    return [this.presence(), { agentId: 'agent_lena', name: 'Lena', online: true, lastSeen: null, clientTimestamp: '5' }];
  }

  /** Writes from another device straight into the store. */
  foreignWrite(online: boolean, stamp: bigint): void {
    if (stamp > this.stored.stamp) this.stored = { online, stamp };
  }
  /** Answers the oldest open write the way the real server does. */
  async answer(): Promise<Call> {
    const call = this.open();
    const stamp = BigInt(call.stamp);
    if (stamp > this.stored.stamp) this.stored = { online: call.online, stamp };
    call.resolve(this.presence());
    await settle();
    return call;
  }
  async fail(error: unknown): Promise<Call> {
    const call = this.open();
    call.reject(error);
    await settle();
    return call;
  }
  openCount(): number {
    return this.calls.length - this.answeredCount;
  }
  private open(): Call {
    const call = this.calls[this.answeredCount++];
    if (!call) throw new Error('no open write');
    return call;
  }
  private presence(): AgentPresence {
    return { agentId: AGENT, name: 'Jonas', online: this.stored.online, lastSeen: null, clientTimestamp: this.stored.stamp.toString() };
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function setup(options: { targets?: number; initial?: boolean; idleMinutes?: number } = {}) {
  const clock = new ManualClock();
  const backends = Array.from({ length: options.targets ?? 1 }, () => new ScriptedBackend());
  let idleMinutes = options.idleMinutes ?? 10;
  const targets: PresenceTarget[] = backends.map((port, i) => ({ key: `acc/bot${i}`, port, chatbotId: `bot${i}`, agentId: AGENT }));
  const states: PresenceState[] = [];
  const service = new PresenceService({
    targets: () => targets,
    clock,
    onChange: (s) => states.push(s),
    idleAwayMinutes: () => idleMinutes,
    initial: options.initial ?? false,
    retryDelayMs: (attempt) => 1000 * attempt,
  });
  return {
    clock,
    backend: backends[0]!,
    backends,
    service,
    states,
    setIdleMinutes: (m: number) => (idleMinutes = m),
    last: () => states.at(-1),
  };
}

/** Online by choice, confirmed by the server. */
async function online(env: ReturnType<typeof setup>) {
  env.service.set(true);
  for (const b of env.backends) await b.answer();
  expect(env.service.get()).toMatchObject({ intent: true, confirmed: true, pending: false, auto: null });
}

describe('the toggle', () => {
  it('shows the intent at once, then the server answer', async () => {
    const env = setup();
    const shown = env.service.set(true);
    expect(shown).toEqual({ intent: true, confirmed: null, pending: true, lostRace: false, auto: null, error: null });
    expect(env.last()).toEqual(shown);
    expect(env.backend.calls).toHaveLength(1);
    expect(env.backend.calls[0]!.online).toBe(true);
    await env.backend.answer();
    expect(env.last()).toEqual({ intent: true, confirmed: true, pending: false, lostRace: false, auto: null, error: null });
  });

  it('writes to every target', async () => {
    const env = setup({ targets: 3 });
    env.service.set(true);
    expect(env.backends.map((b) => b.calls.map((c) => c.online))).toEqual([[true], [true], [true]]);
    await env.backends[0]!.answer();
    await env.backends[1]!.answer();
    // Pending until the last chatbot answered.
    expect(env.service.get()).toMatchObject({ pending: true, confirmed: true });
    await env.backends[2]!.answer();
    expect(env.service.get()).toMatchObject({ pending: false, confirmed: true });
  });
});

describe('clientTimestamp', () => {
  it.each([
    ['device clock 10 minutes slow', 600_000],
    ['device clock 10 minutes fast', -600_000],
    ['device clock right', 0],
  ])('is server time: local time plus the server offset (%s)', async (_name, offset) => {
    const env = setup();
    env.backend.offset = offset;
    env.service.set(true);
    expect(env.backend.calls[0]!.stamp).toBe(String(T0 + offset));
  });

  it('is a whole decimal number even when the offset is fractional', () => {
    const env = setup();
    env.backend.offset = 1234.75;
    env.service.set(true);
    expect(env.backend.calls[0]!.stamp).toMatch(/^[0-9]+$/);
    expect(env.backend.calls[0]!.stamp).toBe(String(T0 + 1234));
  });

  it('always increases from this device, even when the clock or the offset steps back', async () => {
    const env = setup();
    const stamps: bigint[] = [];
    const toggle = async (online: boolean) => {
      env.service.set(online);
      const call = await env.backend.answer();
      stamps.push(BigInt(call.stamp));
    };
    await toggle(true);
    await toggle(false); // same millisecond
    env.clock.time -= 60_000; // NTP stepped the clock back
    await toggle(true);
    env.backend.offset = -5_000; // a new Date header says we are ahead
    await toggle(false);
    env.clock.time += 120_000;
    await toggle(true);
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! > stamps[i - 1]!).toBe(true);
    expect(stamps.slice(0, 4)).toEqual([BigInt(T0), BigInt(T0) + 1n, BigInt(T0) + 2n, BigInt(T0) + 3n]);
    expect(stamps[4]).toBe(BigInt(T0 + 60_000 - 5_000));
    expect(env.service.get()).toMatchObject({ intent: true, confirmed: true, lostRace: false });
  });
});

describe('one write at a time', () => {
  it('sends nothing else while a write is in flight, then only the newest intent', async () => {
    const env = setup();
    env.service.set(true);
    env.clock.time += 10;
    env.service.set(false);
    env.clock.time += 10;
    env.service.set(true);
    env.clock.time += 10;
    env.service.set(false);
    expect(env.backend.calls).toHaveLength(1);
    expect(env.service.get()).toMatchObject({ intent: false, pending: true });

    env.clock.time += 500; // the first answer takes a while
    await env.backend.answer();
    // The first answer (online) is what the server holds now; the toggle still shows the intent.
    expect(env.service.get()).toMatchObject({ intent: false, confirmed: true, pending: true });
    expect(env.backend.calls).toHaveLength(2);
    const [first, next] = env.backend.calls;
    expect(next!.online).toBe(false);
    // Its own stamp, taken when the agent made it (not when it could leave): a later intent on
    // another device must outrank it. Newer than anything sent before.
    expect(next!.stamp).toBe(String(T0 + 30));
    expect(BigInt(next!.stamp) > BigInt(first!.stamp)).toBe(true);

    await env.backend.answer();
    expect(env.backend.calls).toHaveLength(2);
    expect(env.service.get()).toEqual({ intent: false, confirmed: false, pending: false, lostRace: false, auto: null, error: null });
    expect(env.backend.stored.online).toBe(false);
  });

  it('keeps each target in its own queue', async () => {
    const env = setup({ targets: 2 });
    const [a, b] = env.backends as [ScriptedBackend, ScriptedBackend];
    env.service.set(true);
    await a.answer();
    env.service.set(false); // a is free, b is still busy
    expect(a.calls).toHaveLength(2);
    expect(b.calls).toHaveLength(1);
    await b.answer();
    expect(b.calls.map((c) => c.online)).toEqual([true, false]);
    await a.answer();
    await b.answer();
    expect(env.service.get()).toMatchObject({ intent: false, confirmed: false, pending: false });
  });
});

describe('a lost race', () => {
  it('is shown, and the toggle follows the server', async () => {
    const env = setup();
    env.service.set(true);
    // Another device of the same agent wrote "offline" with a newer stamp before ours arrived.
    env.backend.foreignWrite(false, BigInt(T0 + 500));
    await env.backend.answer();
    expect(env.service.get()).toEqual({ intent: false, confirmed: false, pending: false, lostRace: true, auto: null, error: null });
    expect(env.last()).toMatchObject({ lostRace: true });
  });

  it('is cleared by the next toggle, which outranks the winner even with a clock behind it', async () => {
    const env = setup();
    env.service.set(true);
    env.backend.foreignWrite(false, BigInt(T0 + 3_600_000)); // a device an hour ahead, uncorrected
    await env.backend.answer();
    expect(env.service.get().lostRace).toBe(true);
    env.service.set(true);
    expect(env.service.get()).toMatchObject({ intent: true, lostRace: false, pending: true });
    expect(env.backend.calls[1]!.stamp).toBe(String(T0 + 3_600_001));
    await env.backend.answer();
    expect(env.service.get()).toMatchObject({ intent: true, confirmed: true, lostRace: false });
  });

  it('is not a loss when a newer intent of ours is still queued', async () => {
    const env = setup();
    env.service.set(true); // stamp T0
    env.backend.foreignWrite(false, BigInt(T0 + 50));
    env.clock.time += 100;
    env.service.set(true); // stamp T0+100: newer than the other device's
    await env.backend.answer();
    expect(env.service.get()).toMatchObject({ intent: true, confirmed: false, lostRace: false, pending: true });
    await env.backend.answer();
    expect(env.service.get()).toMatchObject({ intent: true, confirmed: true, lostRace: false, pending: false });
  });

  it('drops a queued intent older than the winner', async () => {
    const env = setup();
    env.service.set(true); // T0
    env.clock.time += 10;
    env.service.set(false); // T0+10, queued
    env.backend.foreignWrite(true, BigInt(T0 + 20)); // after both of ours
    await env.backend.answer();
    expect(env.backend.calls).toHaveLength(1);
    expect(env.service.get()).toEqual({ intent: true, confirmed: true, pending: false, lostRace: true, auto: null, error: null });
  });
});

describe('failures', () => {
  it('keeps the intent, shows the error and retries a network failure with backoff', async () => {
    const env = setup();
    env.service.set(true);
    await env.backend.fail(new PlatformError('Network', 'could not reach the server'));
    expect(env.service.get()).toMatchObject({ intent: true, confirmed: null, pending: true, error: 'could not reach the server' });
    expect(env.backend.calls).toHaveLength(1);
    env.clock.advance(999);
    expect(env.backend.calls).toHaveLength(1);
    env.clock.advance(1);
    expect(env.backend.calls).toHaveLength(2);
    // The same intent with the same stamp: it was made before anything that came after it.
    expect(env.backend.calls[1]!.stamp).toBe(env.backend.calls[0]!.stamp);
    await env.backend.fail(new PlatformError('Timeout', 'no answer'));
    env.clock.advance(1999);
    expect(env.backend.calls).toHaveLength(2);
    env.clock.advance(1);
    expect(env.backend.calls).toHaveLength(3);
    await env.backend.answer();
    expect(env.service.get()).toEqual({ intent: true, confirmed: true, pending: false, lostRace: false, auto: null, error: null });
  });

  it('sends a newer intent made during the backoff, at once', async () => {
    const env = setup();
    env.service.set(true);
    await env.backend.fail(new PlatformError('Network', 'down'));
    env.clock.time += 100;
    env.service.set(false);
    expect(env.backend.calls.map((c) => [c.online, c.stamp])).toEqual([
      [true, String(T0)],
      [false, String(T0 + 100)],
    ]);
    expect(env.clock.pending()).toBe(0);
    await env.backend.answer();
    expect(env.service.get()).toMatchObject({ intent: false, confirmed: false, pending: false, error: null });
  });

  it('waits as long as a rate limit asks', async () => {
    const env = setup();
    env.service.set(true);
    await env.backend.fail(new PlatformError('RateLimited', 'slow down', { status: 429, retryAfterMs: 5000 }));
    env.clock.advance(4999);
    expect(env.backend.calls).toHaveLength(1);
    env.clock.advance(1);
    expect(env.backend.calls).toHaveLength(2);
  });

  it('does not retry a refusal', async () => {
    const env = setup();
    env.service.set(true);
    await env.backend.fail(new PlatformError('Forbidden', 'This key lacks the permission chatbots.inbox.agents.online.edit'));
    expect(env.service.get()).toMatchObject({ intent: true, pending: false, error: expect.stringContaining('online.edit') });
    env.clock.advance(60_000);
    expect(env.backend.calls).toHaveLength(1);
  });

  it('dispose cancels the retry and ignores late answers', async () => {
    const env = setup();
    env.service.set(true);
    await env.backend.fail(new PlatformError('Network', 'down'));
    expect(env.clock.pending()).toBe(1);
    env.service.set(false);
    env.service.dispose();
    expect(env.clock.pending()).toBe(0);
    const before = env.states.length;
    await env.backend.answer();
    env.clock.advance(60_000);
    expect(env.states.length).toBe(before);
    expect(env.backend.calls).toHaveLength(2);
  });
});

describe('auto-away', () => {
  it.each([
    ['locked', (s: PresenceService) => s.onLock(), (s: PresenceService) => s.onUnlock()],
    ['suspended', (s: PresenceService) => s.onSuspend(), (s: PresenceService) => s.onResume()],
    ['idle', (s: PresenceService) => s.onIdle(600), (s: PresenceService) => s.onIdle(3)],
    ['idle', (s: PresenceService) => s.onIdle(601), (s: PresenceService) => s.onActive()],
  ] as const)('goes away when %s and comes back after', async (reason, away, back) => {
    const env = setup({ idleMinutes: 10 });
    await online(env);
    away(env.service);
    expect(env.service.get()).toMatchObject({ intent: false, auto: reason, pending: true });
    expect(env.backend.calls.at(-1)!.online).toBe(false);
    await env.backend.answer();
    expect(env.service.get()).toMatchObject({ intent: false, confirmed: false, auto: reason, pending: false });
    back(env.service);
    expect(env.service.get()).toMatchObject({ intent: true, auto: null, pending: true });
    await env.backend.answer();
    expect(env.service.get()).toEqual({ intent: true, confirmed: true, pending: false, lostRace: false, auto: null, error: null });
    expect(env.backend.calls.map((c) => c.online)).toEqual([true, false, true]);
  });

  it('waits for the configured idle time, read when it is reported', async () => {
    const env = setup({ idleMinutes: 10 });
    await online(env);
    env.service.onIdle(599);
    expect(env.service.get()).toMatchObject({ intent: true, auto: null });
    env.setIdleMinutes(5);
    env.service.onIdle(300);
    expect(env.service.get()).toMatchObject({ intent: false, auto: 'idle' });
  });

  it('does nothing to an agent offline by choice', async () => {
    const env = setup();
    env.service.set(false);
    await env.backend.answer();
    env.service.onLock();
    env.service.onIdle(10_000);
    env.service.onSuspend();
    expect(env.service.get()).toMatchObject({ intent: false, auto: null });
    env.service.onResume();
    env.service.onUnlock();
    env.service.onActive();
    expect(env.service.get()).toMatchObject({ intent: false, auto: null, pending: false });
    expect(env.backend.calls).toHaveLength(1);
  });

  it('does not restore when the agent changed the toggle meanwhile', async () => {
    const env = setup();
    await online(env);
    env.service.onLock();
    await env.backend.answer();
    env.service.set(false); // by hand, while the app had set them away
    await env.backend.answer();
    env.service.onUnlock();
    expect(env.service.get()).toMatchObject({ intent: false, auto: null, pending: false });
    expect(env.backend.calls.map((c) => c.online)).toEqual([true, false, false]);
  });

  it('does not write again when the agent came back online by hand', async () => {
    const env = setup();
    await online(env);
    env.service.onIdle(3600);
    await env.backend.answer();
    env.service.set(true);
    await env.backend.answer();
    env.service.onIdle(1);
    env.service.onActive();
    expect(env.backend.calls.map((c) => c.online)).toEqual([true, false, true]);
    expect(env.service.get()).toMatchObject({ intent: true, auto: null, pending: false });
  });

  it('stays away while any reason lasts', async () => {
    const env = setup();
    await online(env);
    env.service.onIdle(3600);
    env.service.onLock();
    expect(env.service.get()).toMatchObject({ intent: false, auto: 'locked' });
    env.service.onIdle(0); // input events while locked do not bring the agent back
    expect(env.service.get()).toMatchObject({ intent: false, auto: 'locked' });
    env.service.onUnlock();
    expect(env.service.get()).toMatchObject({ intent: true, auto: null });
    await env.backend.answer();
    await env.backend.answer();
    expect(env.backend.calls.map((c) => c.online)).toEqual([true, false, true]);
  });

  it('does not restore when another device set the agent online meanwhile', async () => {
    const env = setup();
    await online(env);
    env.service.onLock();
    env.backend.foreignWrite(true, BigInt(T0 + 1000));
    await env.backend.answer();
    expect(env.service.get()).toMatchObject({ intent: true, auto: null, lostRace: true });
    env.service.onUnlock();
    expect(env.backend.calls).toHaveLength(2);
  });
});

describe('refresh', () => {
  it('reads the stored state at start', async () => {
    const env = setup({ targets: 2 });
    for (const b of env.backends) b.foreignWrite(true, 42n);
    const state = await env.service.refresh();
    expect(state).toEqual({ intent: true, confirmed: true, pending: false, lostRace: false, auto: null, error: null });
    expect(env.last()).toEqual(state);
    // Later writes outrank what was read.
    env.clock.time = 0;
    env.service.set(false);
    expect(env.backends[0]!.calls[0]!.stamp).toBe('43');
  });

  it('keeps the switch off where the chatbots disagree, and says that customers of one still see the agent online', async () => {
    const env = setup({ targets: 2 });
    env.backends[0]!.foreignWrite(true, 42n);
    // Online on one chatbot, offline on the other: the switch cannot say both; what differs is shown.
    expect(await env.service.refresh()).toMatchObject({ intent: false, confirmed: true, lostRace: false });
    expect(env.backends.every((b) => b.calls.length === 0)).toBe(true); // nothing written for the agent
    // Their choice then speaks for both.
    env.service.set(false);
    for (const b of env.backends) await b.answer();
    expect(env.service.get()).toMatchObject({ intent: false, confirmed: false, pending: false });
  });

  it('after a reconnect, follows a newer state written elsewhere and says so', async () => {
    const env = setup();
    await online(env);
    env.backend.foreignWrite(false, BigInt(T0 + 5000));
    expect(await env.service.refresh()).toMatchObject({ intent: false, confirmed: false, lostRace: true, pending: false });
  });

  it('says the intent again when the server lost it', async () => {
    const env = setup();
    await online(env);
    env.backend.stored = { online: false, stamp: 0n }; // e.g. the server's store was reset
    await env.service.refresh();
    expect(env.backend.calls).toHaveLength(2);
    expect(env.backend.calls[1]!.online).toBe(true);
    await env.backend.answer();
    expect(env.service.get()).toMatchObject({ intent: true, confirmed: true, lostRace: false });
  });

  it('reports a failed read without changing the toggle', async () => {
    const env = setup();
    await online(env);
    env.backend.team = () => Promise.reject(new PlatformError('Network', 'offline'));
    expect(await env.service.refresh()).toMatchObject({ intent: true, confirmed: true, error: 'offline' });
  });
});
