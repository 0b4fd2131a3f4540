// The rule the change feed rests on: a change stamps updatedAt later than every updatedAt the
// bot has, even when the clock says otherwise (a restart after the clock was set back, or
// history written with times ahead of now).
import { afterEach, describe, expect, it } from 'vitest';
import { Db } from '../../../../src/server/db/database';
import { ConversationStore } from '../../../../src/server/botpress/store/conversations';
import { ensureBotpressWorkspace } from '../../../../src/server/botpress/workspace';
import { testSecret } from '../../../support/server';

describe('ConversationStore.stamp', () => {
  const db = new Db(':memory:');
  afterEach(() => db.run('DELETE FROM bp_conversations'));
  const { botId } = ensureBotpressWorkspace(db, testSecret);
  const store = new ConversationStore(db);
  const input = { channel: 'channel', integration: 'webchat', tags: {} };

  it('is later than every stored updatedAt, even one ahead of the clock', () => {
    const ahead = new Date(Date.now() + 3_600_000).toISOString();
    const future = store.create(botId, input, ahead);
    const other = store.create(botId, input);
    const touched = store.update(botId, other.id, { tags: { seen: 'yes' } });
    expect(future.updatedAt).toBe(ahead);
    expect(Date.parse(other.updatedAt)).toBe(Date.parse(ahead) + 1);
    expect(Date.parse(touched.updatedAt)).toBe(Date.parse(ahead) + 2);
  });

  it('is now when the clock is ahead of everything stored', () => {
    const before = Date.now();
    const created = store.create(botId, input);
    expect(Date.parse(created.updatedAt)).toBeGreaterThanOrEqual(before);
  });
});
