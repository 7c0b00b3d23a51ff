/**
 * A short-lived, bounded cache for what the authentication stage would otherwise re-read on every
 * request of a BI refresh (hundreds of requests with one token): the caller's user row and the ids of
 * the users the caller may see. Reads accept entries up to `ttlMs` old; writes never use them; every
 * committed write in this process clears them. ttlMs = 0 turns caching off.
 */

/**
 * `const c = new TtlCache<string>(5000); c.set('1:7', 'x'); c.get('1:7')` → 'x' for 5 s, then undefined.
 * At `maxEntries` the oldest entry is dropped first (Map keeps insertion order).
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  private clears = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
    /** Told of each lookup of an enabled cache: hit or miss (the /metrics cache counters). */
    private readonly observe?: (hit: boolean) => void,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** The cached value, or undefined when not cached or expired. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expires <= this.now()) this.entries.delete(key);
    const hit = entry !== undefined && this.entries.has(key);
    if (this.ttlMs > 0) this.observe?.(hit);
    return hit ? entry.value : undefined;
  }

  /**
   * Take this before loading a value and pass it to `set`: a value loaded while a write committed (and
   * cleared the cache) may predate that write, so it is not stored.
   *   const gen = cache.generation; const row = await load(); cache.set(key, row, gen)
   */
  get generation(): number {
    return this.clears;
  }

  set(key: string, value: V, generation = this.clears): void {
    if (!this.enabled || generation !== this.clears) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
  }

  clear(): void {
    this.clears += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The cache key of a caller: `callerKey(1, '7')` → '1:7'. */
export const callerKey = (companyId: number, userId: string): string => `${companyId}:${userId}`;
