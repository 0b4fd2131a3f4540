// A chatbot whose platform has no live feed polls for good: every 2 s while the agent's window has
// focus, every 15 s behind other windows, with backoff and jitter after failures (the offline
// state says when it tries next), and at once when the agent comes back. One with a healthy live
// feed is not woken. Time is a ManualClock; the cache a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalCache } from '../../../../src/main/services/cache/local-cache';
import { MessageCache } from '../../../../src/main/services/cache/message-cache';
import { MainDb } from '../../../../src/main/services/cache/sqlite';
import { PlatformError } from '../../../../src/main/services/errors/platform-error';
import type { ChatPlatform, LiveFeed } from '../../../../src/main/services/platforms/platform';
import { ChatbotSync } from '../../../../src/main/services/sync/chatbot-sync';
import type { ConnectionState } from '../../../../src/shared/view-models';
import { DESK_CHATBOT, DeskPlatform } from '../../../support/desk-platform';
import { ManualClock } from '../../../support/manual-clock';

let dir: string;
let db: MainDb;
const syncs: ChatbotSync[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deckhand-polling-'));
  db = MainDb.open(join(dir, 'cache'));
});
afterEach(() => {
  for (const sync of syncs.splice(0)) sync.dispose();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The desk platform, counting its change-feed calls, failing while `down`. */
function counted(desk: DeskPlatform, extra: Partial<ChatPlatform> = {}) {
  const state = { polls: 0, down: false };
  const platform: ChatPlatform = {
    ...extra,
    identity: (ids) => desk.identity(ids),
    changes: async (chatbotId, cursor) => {
      state.polls++;
      if (state.down) throw new PlatformError('Network', 'unreachable');
      return desk.changes(chatbotId, cursor);
    },
    conversation: (chatbotId, id) => desk.conversation(chatbotId, id),
    messages: (chatbotId, id, page) => desk.messages(chatbotId, id, page),
    reply: (chatbotId, input) => desk.reply(chatbotId, input),
  };
  return { platform, state };
}

function start(platform: ChatPlatform, clock: ManualClock, focused: { value: boolean }, random = () => 0.5) {
  const connection: ConnectionState[] = [];
  const sync = new ChatbotSync({
    accountId: 'acc',
    chatbot: DESK_CHATBOT,
    platform,
    cache: new LocalCache(db),
    messages: new MessageCache(db),
    clock,
    random,
    focused: () => focused.value,
  });
  sync.onDidChangeConnection((c) => connection.push(c));
  syncs.push(sync);
  sync.start();
  return { sync, connection };
}

/** Lets the promises of a poll settle (the platform and the cache answer without real I/O waits). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('polling a platform without a live feed', () => {
  it('polls every 2 s while focused, every 15 s in the background, and at once when the agent is back', async () => {
    const clock = new ManualClock();
    const focused = { value: true };
    const { platform, state } = counted(new DeskPlatform());
    const { sync } = start(platform, clock, focused);
    clock.advance(0);
    await settle();
    expect(state.polls).toBe(1);
    expect(sync.state().state).toBe('polling');

    clock.advance(1_999);
    await settle();
    expect(state.polls).toBe(1);
    clock.advance(1);
    await settle();
    expect(state.polls).toBe(2);

    focused.value = false;
    clock.advance(2_000); // the poll scheduled while focused
    await settle();
    expect(state.polls).toBe(3);
    clock.advance(14_999);
    await settle();
    expect(state.polls).toBe(3);
    clock.advance(1);
    await settle();
    expect(state.polls).toBe(4);

    // Back in front of the agent: now, not in up to 15 s.
    clock.advance(5_000);
    focused.value = true;
    sync.wake();
    await settle();
    expect(state.polls).toBe(5);
    clock.advance(2_000);
    await settle();
    expect(state.polls).toBe(6);
  });

  it('backs off with jitter while the platform is unreachable, says when it tries next, and a wake tries now', async () => {
    const clock = new ManualClock();
    const { platform, state } = counted(new DeskPlatform());
    const { sync, connection } = start(platform, clock, { value: true }, () => 0.5);
    clock.advance(0);
    await settle();
    state.down = true;
    clock.advance(2_000);
    await settle();
    expect(sync.state()).toMatchObject({ state: 'offline', attempt: 1, nextRetryAt: clock.now() + 2_000 + 1_000 });
    clock.advance(2_999);
    await settle();
    expect(state.polls).toBe(2);
    clock.advance(1);
    await settle();
    expect(sync.state()).toMatchObject({ state: 'offline', attempt: 2, nextRetryAt: clock.now() + 2_000 + 2_000 });

    state.down = false;
    sync.wake(); // the network is back
    await settle();
    expect(state.polls).toBe(4);
    expect(sync.state()).toMatchObject({ state: 'polling', attempt: 0, nextRetryAt: null });
    expect(connection.map((c) => c.state)).toContain('offline');
  });

  it('leaves a healthy live feed alone when woken, and a fallen-back feed polls at its steady pace', async () => {
    const clock = new ManualClock();
    const live: LiveFeed = { subscribe: (_chatbotId, handlers) => (handlers.onConnect(), { dispose: () => undefined }) };
    const { platform, state } = counted(new DeskPlatform(), { live });
    const { sync } = start(platform, clock, { value: true });
    await settle();
    expect(state.polls).toBe(1);
    expect(sync.state().state).toBe('live');
    sync.wake();
    clock.advance(60_000);
    await settle();
    expect(state.polls).toBe(1);

    const refused: LiveFeed = { subscribe: (_chatbotId, handlers) => (handlers.onUnavailable('no socket'), { dispose: () => undefined }) };
    const fallback = counted(new DeskPlatform(), { live: refused });
    start(fallback.platform, clock, { value: true });
    clock.advance(0);
    await settle();
    clock.advance(4_999);
    await settle();
    expect(fallback.state.polls).toBe(1);
    clock.advance(1);
    await settle();
    expect(fallback.state.polls).toBe(2);
  });
});
