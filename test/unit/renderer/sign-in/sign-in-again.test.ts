import { describe, expect, it } from 'vitest';
import { de, en } from '../../../../src/renderer/i18n/index';
import { preselectedBots, prefillOf, remedyOf } from '../../../../src/renderer/screens/sign-in/sign-in-again';
import { ReopenFailure, type UnopenedAccount } from '../../../../src/shared/view-models';

const account = (changes: Partial<UnopenedAccount> = {}): UnopenedAccount => ({
  id: 'acc_1',
  platform: 'chatcaptain',
  demo: false,
  label: 'Acme',
  baseUrl: 'https://chat.acme.example',
  chatbotIds: ['bot_shop', 'bot_service'],
  reason: 'keyUnreadable',
  detail: null,
  ...changes,
});

describe('signing in again', () => {
  it('fills the form with the platform, address and chatbots; over https where the address was plain http', () => {
    expect(prefillOf(account())).toEqual({ label: 'Acme', platform: 'chatcaptain', baseUrl: 'https://chat.acme.example', chatbotIds: ['bot_shop', 'bot_service'] });
    expect(prefillOf(account({ reason: 'plainHttp', baseUrl: 'http://chat.acme.example:8080', detail: 'chat.acme.example:8080' }))?.baseUrl).toBe(
      'https://chat.acme.example:8080',
    );
    // A loopback address that failed for another reason stays as it was.
    expect(prefillOf(account({ baseUrl: 'http://127.0.0.1:4100' }))?.baseUrl).toBe('http://127.0.0.1:4100');
    expect(prefillOf(account({ platform: 'botpress', workspaceId: 'wkspace_1' }))).toMatchObject({ platform: 'botpress', workspaceId: 'wkspace_1' });
    expect(prefillOf(account({ platform: 'zendesk', reason: 'unknownPlatform' }))).toBeNull();
  });

  it('offers sign-in for the platforms the forms connect, the demo again for the demo, and otherwise only Remove', () => {
    expect(remedyOf(account())).toBe('signInAgain');
    expect(remedyOf(account({ platform: 'botpress' }))).toBe('signInAgain');
    expect(remedyOf(account({ demo: true, reason: 'demoUnavailable' }))).toBe('tryAgain');
    expect(remedyOf(account({ platform: 'zendesk', reason: 'unknownPlatform' }))).toBeNull();
  });

  it('picks the bots the account had where the token still reaches them, else every bot offered', () => {
    const offered = [{ id: 'bot_a' }, { id: 'bot_b' }, { id: 'bot_c' }];
    expect(preselectedBots(offered, ['bot_b', 'bot_gone'])).toEqual(['bot_b']);
    expect(preselectedBots(offered, ['bot_gone'])).toEqual(['bot_a', 'bot_b', 'bot_c']);
    expect(preselectedBots(offered, undefined)).toEqual(['bot_a', 'bot_b', 'bot_c']);
  });

  it('has words for every reason main may send, in both languages, each naming the detail where main gives one', () => {
    const withDetail = new Set<ReopenFailure>(['invalidAddress', 'unknownPlatform', 'demoUnavailable', 'failed']);
    for (const lang of [en, de]) {
      const reasons: Record<string, string> = lang.signIn.unopened.reasons;
      expect(Object.keys(reasons).sort()).toEqual([...ReopenFailure.options].sort());
      for (const reason of ReopenFailure.options) expect(reasons[reason]!.includes('{{detail}}'), reason).toBe(withDetail.has(reason));
      expect(lang.signIn.unopened.title).toMatch(/{{label}}.*{{reason}}|{{reason}}.*{{label}}/);
    }
    expect(en.signIn.unopened.reasons.plainHttp).toBe('this address uses plain http; sign in again with https');
  });
});
