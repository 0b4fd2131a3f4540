import { describe, expect, it } from 'vitest';
import { botsOf, classifyBotpressError, firstWorkspace, validateBotpress } from '../../../../src/renderer/screens/sign-in/botpress-sign-in';

const found = {
  agent: { id: 'user_1', name: 'Jonas Weber' },
  workspaces: [
    { id: 'ws_empty', name: 'Sandbox', chatbots: [] },
    { id: 'ws_shop', name: 'Funkhaus', chatbots: [{ id: 'bot_1', name: 'Funkhaus Assistent' }, { id: 'bot_2', name: 'Reparatur-Bot' }] },
  ],
};

describe('the Botpress sign-in', () => {
  it('needs an http(s) address and a token, and once bots are offered, one of them', () => {
    expect(validateBotpress({ apiUrl: '', token: '' }, null)).toEqual({ apiUrl: 'apiUrlRequired', token: 'tokenRequired' });
    expect(validateBotpress({ apiUrl: 'ftp://x', token: 't' }, null)).toEqual({ apiUrl: 'apiUrlInvalid' });
    // A token crosses a network only encrypted; this computer's own server may be plain http.
    expect(validateBotpress({ apiUrl: 'http://bp.example.com', token: 't' }, null)).toEqual({ apiUrl: 'apiUrlInsecure' });
    expect(validateBotpress({ apiUrl: 'http://127.0.0.1:4100', token: 't' }, null)).toEqual({});
    expect(validateBotpress({ apiUrl: 'https://api.botpress.cloud', token: 'bp_pat_x' }, null)).toEqual({});
    expect(validateBotpress({ apiUrl: 'https://api.botpress.cloud', token: 'bp_pat_x' }, [])).toEqual({ bots: 'botsRequired' });
    expect(validateBotpress({ apiUrl: 'https://api.botpress.cloud', token: 'bp_pat_x' }, ['bot_1'])).toEqual({});
  });

  it('shows the first workspace with bots, and its bots', () => {
    expect(firstWorkspace(found)).toBe('ws_shop');
    expect(botsOf(found, 'ws_shop').map((b) => b.id)).toEqual(['bot_1', 'bot_2']);
    expect(botsOf(found, 'ws_gone')).toEqual([]);
    expect(firstWorkspace({ ...found, workspaces: [] })).toBeNull();
  });

  it('puts a refusal next to the field it is about', () => {
    const url = 'https://bp.example.com/';
    expect(classifyBotpressError({ code: 'Unauthorized', message: '' }, url)).toEqual({ kind: 'unauthorized', field: 'token' });
    expect(classifyBotpressError({ code: 'Forbidden', message: 'not a personal access token' }, url)).toEqual({ kind: 'forbidden', field: 'token' });
    expect(classifyBotpressError({ code: 'Network', message: '' }, url)).toEqual({ kind: 'unreachable', field: 'apiUrl', host: 'bp.example.com' });
    expect(classifyBotpressError({ code: 'NotFound', message: '' }, url)).toEqual({ kind: 'notBotpress', field: 'apiUrl', host: 'bp.example.com' });
    expect(classifyBotpressError({ code: 'WeakEncryption', message: '' }, url)).toEqual({ kind: 'weakEncryption' });
    expect(classifyBotpressError({ code: 'Server', message: '' }, url)).toEqual({ kind: 'other' });
  });
});
