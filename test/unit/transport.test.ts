import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isSafeTransport, overHttps } from '../../src/shared/transport';

describe('where keys may travel', () => {
  it.each(['https://api.chatcaptain.com', 'https://10.0.0.5:8443', 'http://127.0.0.1:4100', 'http://localhost:4100', 'http://[::1]:4100', 'http://app.localhost'])(
    'allows %s',
    (url) => expect(isSafeTransport(new URL(url))).toBe(true),
  );

  it.each(['http://api.chatcaptain.com', 'http://192.168.1.20:4100', 'http://10.0.0.5', 'http://127.0.0.1.example.com', 'http://localhost.example.com', 'ftp://127.0.0.1'])(
    'refuses %s',
    (url) => expect(isSafeTransport(new URL(url))).toBe(false),
  );

  it('knows loopback addresses and nothing else', () => {
    expect(isLoopbackHost('127.255.0.1')).toBe(true);
    expect(isLoopbackHost('127.0.0.256')).toBe(false);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });
});

describe('overHttps', () => {
  it('moves an http address to https, port and path kept, and leaves any other as it is', () => {
    expect(overHttps('http://chat.example.com')).toBe('https://chat.example.com');
    expect(overHttps('http://chat.example.com/')).toBe('https://chat.example.com/');
    expect(overHttps('http://chat.example.com:8080/api')).toBe('https://chat.example.com:8080/api');
    expect(overHttps('https://chat.example.com')).toBe('https://chat.example.com');
    expect(overHttps('chat example')).toBe('chat example');
    expect(overHttps('ftp://chat.example.com')).toBe('ftp://chat.example.com');
  });
});
