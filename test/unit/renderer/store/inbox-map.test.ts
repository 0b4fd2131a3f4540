import { describe, expect, it } from 'vitest';
import { InboxMap } from '../../../../src/renderer/store/inbox-map';

const entries = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => [`acc/bot/${prefix}${i}`, i] as const);

describe('InboxMap', () => {
  it('reads like a Map: get, has, size and every entry once', () => {
    const map = InboxMap.of(entries(1_000));
    expect(map.size).toBe(1_000);
    expect(map.get('acc/bot/k17')).toBe(17);
    expect(map.has('acc/bot/k999')).toBe(true);
    expect(map.has('acc/bot/k1000')).toBe(false);
    expect(new Map(map)).toEqual(new Map(entries(1_000)));
    expect([...map.values()].sort((a, b) => a - b)).toEqual(entries(1_000).map(([, v]) => v));
    const seen: string[] = [];
    map.forEach((_, key) => seen.push(key));
    expect(seen).toHaveLength(1_000);
  });

  it('makes a new map for a change and leaves the old one exactly as it was', () => {
    const before = InboxMap.of(entries(500));
    const after = before.update([['acc/bot/k3', 300], ['acc/bot/new', 1]], ['acc/bot/k4', 'acc/bot/missing']);
    expect(after).not.toBe(before);
    expect([before.get('acc/bot/k3'), before.get('acc/bot/k4'), before.has('acc/bot/new'), before.size]).toEqual([3, 4, false, 500]);
    expect([after.get('acc/bot/k3'), after.has('acc/bot/k4'), after.get('acc/bot/new'), after.size]).toEqual([300, false, 1, 500]);
  });

  it('knows which keys changed from the map it was made from, and only from that one', () => {
    const a = InboxMap.of(entries(100));
    const b = a.update([['acc/bot/k1', 10]], ['acc/bot/k2']);
    expect(b.changedSince(a)).toEqual(new Set(['acc/bot/k1', 'acc/bot/k2']));
    const c = b.update([['acc/bot/k5', 50]], []);
    expect(c.changedSince(b)).toEqual(new Set(['acc/bot/k5']));
    expect(c.changedSince(a)).toBeNull();
    // b no longer holds on to a: only one step back is kept, so old versions can be collected.
    expect(b.changedSince(a)).toBeNull();
  });

  it('gives the same map back for a change that changes nothing', () => {
    const map = InboxMap.of(entries(10));
    expect(map.update([['acc/bot/k1', 1]], ['acc/bot/nothing'])).toBe(map);
  });
});
