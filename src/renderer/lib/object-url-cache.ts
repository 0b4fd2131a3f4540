// Remote media the renderer was handed as bytes, kept as blob: URLs so that a message scrolled
// out of the virtualized log and back shows again without asking main once more. Least recently
// used first out, over a count or a byte budget; an entry still on screen (acquired and not yet
// released) is never revoked, since a playing <video> or an open image dialog would break.

interface Entry {
  url: string;
  bytes: number;
  users: number;
}

export interface ObjectUrlLimits {
  maxEntries: number;
  maxBytes: number;
}

export class ObjectUrlCache {
  /** In order of use: the first is the least recently used. */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly limits: ObjectUrlLimits,
    private readonly revoke: (url: string) => void,
  ) {}

  /** The URL kept under `id`, now in use once more; undefined when there is none. */
  acquire(id: string): string | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    entry.users++;
    return entry.url;
  }

  /** Keeps `url` under `id`, in use once; a URL already kept there wins and `url` is revoked. */
  add(id: string, url: string, bytes: number): string {
    const kept = this.acquire(id);
    if (kept !== undefined) {
      this.revoke(url);
      return kept;
    }
    this.entries.set(id, { url, bytes, users: 1 });
    this.bytes += bytes;
    this.evict();
    return url;
  }

  /** One use of `id` ended; what is no longer used may go if the cache is over its limits. */
  release(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.users = Math.max(0, entry.users - 1);
    this.evict();
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) return;
      if (entry.users > 0) continue;
      this.entries.delete(id);
      this.bytes -= entry.bytes;
      this.revoke(entry.url);
    }
  }
}
