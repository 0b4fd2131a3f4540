import { describe, expect, it } from 'vitest';
import { addressProblem, sameWorkspace, unopened } from '../../../../src/main/services/accounts/reopen';
import type { StoredAccount } from '../../../../src/main/services/accounts/stored-account';

describe('addressProblem', () => {
  it('lets https anywhere and http on this computer through, and names what it refuses', () => {
    expect(addressProblem('https://chat.example.com')).toBeNull();
    expect(addressProblem('http://127.0.0.1:4100')).toBeNull();
    expect(addressProblem('http://localhost:4100')).toBeNull();
    expect(addressProblem('http://chat.example.com:8080/api')).toEqual({ reason: 'plainHttp', detail: 'chat.example.com:8080' });
    expect(addressProblem('http://10.0.0.5')).toEqual({ reason: 'plainHttp', detail: '10.0.0.5' });
    expect(addressProblem('chat.example.com')).toEqual({ reason: 'invalidAddress', detail: 'chat.example.com' });
    expect(addressProblem('ftp://chat.example.com')).toEqual({ reason: 'invalidAddress', detail: 'ftp://chat.example.com' });
  });
});

describe('sameWorkspace', () => {
  const at = (baseUrl: string, workspaceId?: string, platform = 'chatcaptain') => ({ platform, baseUrl, workspaceId });

  it('is the same platform, address and workspace, trailing slashes and an upgrade to https aside', () => {
    expect(sameWorkspace(at('https://chat.example.com'), at('https://chat.example.com/'))).toBe(true);
    // An older Deckhand kept it over http; signing in again over https takes its place.
    expect(sameWorkspace(at('http://chat.example.com'), at('https://chat.example.com'))).toBe(true);
    expect(sameWorkspace(at('http://chat.example.com:8080'), at('https://chat.example.com:8080'))).toBe(true);
    expect(sameWorkspace(at('https://chat.example.com'), at('https://other.example.com'))).toBe(false);
    expect(sameWorkspace(at('https://chat.example.com'), at('https://chat.example.com', undefined, 'botpress'))).toBe(false);
    // Botpress: every workspace has the same address.
    expect(sameWorkspace(at('https://api.botpress.cloud', 'wkspace_a'), at('https://api.botpress.cloud', 'wkspace_b'))).toBe(false);
    expect(sameWorkspace(at('https://api.botpress.cloud', 'wkspace_a'), at('https://api.botpress.cloud', 'wkspace_a'))).toBe(true);
    expect(sameWorkspace(at('not an address'), at('not an address/'))).toBe(true);
  });
});

describe('unopened', () => {
  it('lists what the account was and why, never more than its entry holds', () => {
    const account: StoredAccount = {
      id: 'acc_1',
      platform: 'botpress',
      demo: false,
      label: 'Funkhaus',
      baseUrl: 'https://api.botpress.cloud',
      workspaceId: 'wkspace_1',
      agent: { id: 'user_1', name: 'Jonas' },
      chatbots: [{ id: 'bot_1', name: 'Shop', abilities: [], lacking: [] }],
    };
    expect(unopened(account, 'keyUnreadable')).toEqual({
      id: 'acc_1',
      platform: 'botpress',
      demo: false,
      label: 'Funkhaus',
      baseUrl: 'https://api.botpress.cloud',
      workspaceId: 'wkspace_1',
      chatbotIds: ['bot_1'],
      reason: 'keyUnreadable',
      detail: null,
    });
  });
});
