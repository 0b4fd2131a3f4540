// The blob: URLs of remote media: kept for scrolling back, revoked when the least recently used
// ones go over the limits, but never while they are on screen.
import { beforeEach, describe, expect, it } from 'vitest';
import { ObjectUrlCache } from '../../../../src/renderer/lib/object-url-cache';

let revoked: string[];
let cache: ObjectUrlCache;

beforeEach(() => {
  revoked = [];
  cache = new ObjectUrlCache({ maxEntries: 2, maxBytes: 100 }, (url) => revoked.push(url));
});

describe('ObjectUrlCache', () => {
  it('gives a kept URL back to whoever asks for it again', () => {
    expect(cache.acquire('a')).toBeUndefined();
    expect(cache.add('a', 'blob:a', 10)).toBe('blob:a');
    cache.release('a');
    expect(cache.acquire('a')).toBe('blob:a');
    expect(revoked).toEqual([]);
  });

  it('revokes the least recently used unused URL once over the count', () => {
    cache.add('a', 'blob:a', 10);
    cache.add('b', 'blob:b', 10);
    cache.release('a');
    cache.release('b');
    cache.acquire('a'); // a is now the more recently used
    cache.release('a');
    cache.add('c', 'blob:c', 10);
    expect(revoked).toEqual(['blob:b']);
    expect(cache.acquire('b')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('revokes over the byte budget too', () => {
    cache.add('a', 'blob:a', 60);
    cache.release('a');
    cache.add('b', 'blob:b', 60);
    expect(revoked).toEqual(['blob:a']);
  });

  it('never revokes a URL still in use, and lets it go once released', () => {
    cache.add('a', 'blob:a', 10);
    cache.add('b', 'blob:b', 10);
    cache.add('c', 'blob:c', 10);
    expect(revoked).toEqual([]);
    expect(cache.size).toBe(3);
    cache.release('b');
    expect(revoked).toEqual(['blob:b']);
    expect(cache.acquire('a')).toBe('blob:a');
  });

  it('keeps the first URL when two arrive for the same media, revoking the other', () => {
    cache.add('a', 'blob:a1', 10);
    expect(cache.add('a', 'blob:a2', 10)).toBe('blob:a1');
    expect(revoked).toEqual(['blob:a2']);
    cache.release('a');
    cache.release('a');
    expect(cache.acquire('a')).toBe('blob:a1');
  });
});
