// The inbox as the store holds it: a persistent map of conversations by key. Each change is a new
// map (zustand and React compare by identity, and an older state must still read as it was), but
// copying a 50,000-entry Map for every live event costs ~10 ms and as much garbage. So the entries
// live in buckets by hash of the key, and a change copies only the buckets it touches (a hash
// array mapped trie one level deep): one event copies ~200 entries, not 50,000. A new map also
// remembers which keys it changed from the map it was made from, so whatever is derived from the
// inbox (the sorted list, the counts) is updated from those keys instead of rebuilt.

const BUCKETS = 256;

/** FNV-1a: cheap, and spreads keys that differ only at the end (…/conv_1, …/conv_2). */
function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKETS;
}

const EMPTY_BUCKET: ReadonlyMap<string, unknown> = new Map<string, unknown>();

export class InboxMap<V> implements ReadonlyMap<string, V> {
  static empty<V>(): InboxMap<V> {
    return new InboxMap<V>(new Array<ReadonlyMap<string, V>>(BUCKETS).fill(EMPTY_BUCKET as ReadonlyMap<string, V>), 0, null);
  }

  static of<V>(entries: Iterable<readonly [string, V]>): InboxMap<V> {
    return InboxMap.empty<V>().update(entries, []);
  }

  private constructor(
    private readonly buckets: readonly ReadonlyMap<string, V>[],
    readonly size: number,
    /** The map this one was made from and the keys that differ; cleared on the base, so only one step is kept. */
    private step: { base: InboxMap<V>; keys: ReadonlySet<string> } | null,
  ) {}

  get(key: string): V | undefined {
    return this.buckets[bucketOf(key)]!.get(key);
  }

  has(key: string): boolean {
    return this.buckets[bucketOf(key)]!.has(key);
  }

  /** A new map with `upserted` put in by key and `removed` keys taken out; this one is left as it was. */
  update(upserted: Iterable<readonly [string, V]>, removed: Iterable<string>): InboxMap<V> {
    const buckets = this.buckets.slice();
    const copied = new Set<number>();
    const keys = new Set<string>();
    let size = this.size;
    const writable = (index: number): Map<string, V> => {
      if (!copied.has(index)) {
        copied.add(index);
        buckets[index] = new Map(buckets[index]);
      }
      return buckets[index] as Map<string, V>;
    };
    for (const key of removed) {
      const index = bucketOf(key);
      if (!buckets[index]!.has(key)) continue;
      writable(index).delete(key);
      keys.add(key);
      size--;
    }
    for (const [key, value] of upserted) {
      const index = bucketOf(key);
      if (buckets[index]!.get(key) === value) continue;
      const bucket = writable(index);
      if (!bucket.has(key)) size++;
      bucket.set(key, value);
      keys.add(key);
    }
    if (keys.size === 0) return this;
    // Only the newest step is worth keeping: a chain of them would hold every version alive.
    this.step = null;
    return new InboxMap(buckets, size, { base: this, keys });
  }

  /** The keys whose value differs from `base`, when this map was made from it by one update; else null. */
  changedSince(base: ReadonlyMap<string, V>): ReadonlySet<string> | null {
    return this.step?.base === base ? this.step.keys : null;
  }

  *entries(): MapIterator<[string, V]> {
    for (const bucket of this.buckets) yield* bucket.entries();
  }

  *keys(): MapIterator<string> {
    for (const bucket of this.buckets) yield* bucket.keys();
  }

  *values(): MapIterator<V> {
    for (const bucket of this.buckets) yield* bucket.values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
