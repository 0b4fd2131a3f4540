import { describe, expect, it } from 'vitest';
import {
  classifySignInError,
  hostOf,
  mentionedChatbot,
  normalizeBaseUrl,
  parseChatbotIds,
  validateSignIn,
} from '../../../../src/renderer/screens/sign-in/sign-in-form';

describe('parseChatbotIds', () => {
  it('splits on commas, new lines and spaces, trims and drops empties and duplicates', () => {
    expect(parseChatbotIds(' cb_1, cb_2\ncb_3\r\n\n cb_1 ,')).toEqual(['cb_1', 'cb_2', 'cb_3']);
    expect(parseChatbotIds('  ,\n ')).toEqual([]);
  });
});

describe('normalizeBaseUrl', () => {
  it('accepts http(s) URLs and strips trailing slashes', () => {
    expect(normalizeBaseUrl(' https://api.example.com/ ')).toBe('https://api.example.com');
    expect(normalizeBaseUrl('http://127.0.0.1:4010//')).toBe('http://127.0.0.1:4010');
  });
  it('refuses anything else', () => {
    expect(normalizeBaseUrl('api.example.com')).toBeNull();
    expect(normalizeBaseUrl('ftp://example.com')).toBeNull();
    expect(normalizeBaseUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeBaseUrl('')).toBeNull();
  });
});

describe('validateSignIn', () => {
  it('names every missing or wrong field', () => {
    expect(validateSignIn({ baseUrl: '', key: ' ', chatbots: ',' })).toEqual({
      baseUrl: 'baseUrlRequired',
      key: 'keyRequired',
      chatbots: 'chatbotsRequired',
    });
    expect(validateSignIn({ baseUrl: 'example.com', key: 'k', chatbots: 'cb' })).toEqual({ baseUrl: 'baseUrlInvalid' });
  });
  it('asks for https unless the server is on this computer', () => {
    expect(validateSignIn({ baseUrl: 'http://chatcaptain.example.com', key: 'k', chatbots: 'cb' })).toEqual({ baseUrl: 'baseUrlInsecure' });
    expect(validateSignIn({ baseUrl: 'http://192.168.0.7:4100', key: 'k', chatbots: 'cb' })).toEqual({ baseUrl: 'baseUrlInsecure' });
    expect(validateSignIn({ baseUrl: 'http://127.0.0.1:4100', key: 'k', chatbots: 'cb' })).toEqual({});
    expect(validateSignIn({ baseUrl: 'http://localhost:4100/', key: 'k', chatbots: 'cb' })).toEqual({});
  });
  it('passes a complete form', () => {
    expect(validateSignIn({ baseUrl: 'https://x.example', key: 'k', chatbots: 'cb_1' })).toEqual({});
  });
});

describe('hostOf', () => {
  it('takes the host with its port, or the text as typed', () => {
    expect(hostOf('https://api.example.com:8443/v1')).toBe('api.example.com:8443');
    expect(hostOf('not a url')).toBe('not a url');
  });
});

describe('mentionedChatbot', () => {
  it('finds the id the agent entered as a whole token, longest first', () => {
    expect(mentionedChatbot('This key has no access to chatbot cb_10', ['cb_1', 'cb_10'])).toBe('cb_10');
    expect(mentionedChatbot('Chatbot cb_1 was not found: gone', ['cb_1', 'cb_10'])).toBe('cb_1');
    expect(mentionedChatbot('Chatbot cb_12 was not found', ['cb_1'])).toBeNull();
  });
});

describe('classifySignInError', () => {
  const fields = { baseUrl: 'https://cc.example.com', chatbots: 'cb_1, cb_2' };
  it('a refused key points at the key field', () => {
    expect(classifySignInError({ code: 'Unauthorized', message: 'Invalid key' }, fields)).toEqual({ kind: 'unauthorized', field: 'key' });
  });
  it('a redirect elsewhere points at the address', () => {
    expect(classifySignInError({ code: 'Redirected', message: 'GET /v1/auth/me: … redirected to https://elsewhere' }, fields)).toEqual({ kind: 'redirected', field: 'baseUrl', host: 'cc.example.com' });
  });
  it('a chatbot out of reach is named', () => {
    expect(classifySignInError({ code: 'Forbidden', message: 'This key has no access to chatbot cb_2' }, fields)).toEqual({
      kind: 'chatbotForbidden',
      field: 'chatbots',
      chatbot: 'cb_2',
    });
    expect(classifySignInError({ code: 'NotFound', message: 'Chatbot cb_1 was not found: nope' }, fields)).toEqual({
      kind: 'chatbotNotFound',
      field: 'chatbots',
      chatbot: 'cb_1',
    });
  });
  it('network trouble names the host', () => {
    expect(classifySignInError({ code: 'Network', message: 'ECONNREFUSED' }, fields)).toEqual({
      kind: 'unreachable',
      field: 'baseUrl',
      host: 'cc.example.com',
    });
    expect(classifySignInError({ code: 'Timeout', message: '' }, fields).kind).toBe('unreachable');
  });
  it('an address that does not speak ChatCaptain points at the base URL', () => {
    expect(classifySignInError({ code: 'Malformed', message: 'x' }, fields).kind).toBe('notChatCaptain');
    expect(classifySignInError({ code: 'NotFound', message: 'Route not found' }, fields).kind).toBe('notChatCaptain');
  });
  it('weak encryption and the rest', () => {
    expect(classifySignInError({ code: 'WeakEncryption', message: 'no keyring' }, fields)).toEqual({ kind: 'weakEncryption' });
    expect(classifySignInError({ code: 'Forbidden', message: 'nope', permission: 'inbox.agents.list' }, fields)).toEqual({ kind: 'other' });
    expect(classifySignInError({ code: 'Invalid', message: 'already signed in' }, fields)).toEqual({ kind: 'other' });
  });
});
