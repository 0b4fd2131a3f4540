import { describe, expect, it } from 'vitest';
import { chatbotKey, conversationKey, inAccount, parseChatbotKey, parseConversationKey } from '../../src/shared/keys';

describe('composite keys', () => {
  it('reads plain ids as they are', () => {
    expect(conversationKey({ accountId: 'acc_1', chatbotId: 'bot_shop', conversationId: 'c_9' })).toBe('acc_1/bot_shop/c_9');
    expect(chatbotKey({ accountId: 'acc_1', chatbotId: 'bot_shop' })).toBe('acc_1/bot_shop');
  });

  it('gives back exactly the ids it was made of, slashes and all', () => {
    const ref = { accountId: 'acc/1', chatbotId: 'bot %2F', conversationId: 'conv/with/slashes' };
    const key = conversationKey(ref);
    expect(key.split('/')).toHaveLength(3);
    expect(parseConversationKey(key)).toEqual(ref);
    expect(parseChatbotKey(chatbotKey(ref))).toEqual({ accountId: 'acc/1', chatbotId: 'bot %2F' });
  });

  it('refuses what is not a key of its kind', () => {
    expect(parseConversationKey('acc/bot')).toBeNull();
    expect(parseConversationKey('acc/bot/c/d')).toBeNull();
    expect(parseConversationKey('acc//c')).toBeNull();
    expect(parseConversationKey('acc/bot/%E0%A4%A')).toBeNull();
    expect(parseChatbotKey('acc/bot/c')).toBeNull();
  });

  it('tells whether a key belongs to an account, even one whose id is another’s prefix', () => {
    const key = conversationKey({ accountId: 'acc/1', chatbotId: 'b', conversationId: 'c' });
    expect(inAccount(key, 'acc/1')).toBe(true);
    expect(inAccount(key, 'acc')).toBe(false);
    expect(inAccount(conversationKey({ accountId: 'acc_10', chatbotId: 'b', conversationId: 'c' }), 'acc_1')).toBe(false);
  });
});
