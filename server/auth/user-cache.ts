/**
 * A short-lived, bounded cache of the callers' user rows for the authentication stage: a BI refresh
 * sends hundreds of requests with one token, and each would otherwise pay a round trip to re-read the
 * same row. Reads accept a row up to `ttlMs` old; writes always read it fresh; any write to Users in
 * this process clears the cache. ttlMs = 0 turns caching off.
 */

export interface CallerRow {
  readonly id: string;
  readonly userName: string;
  readonly isAdministrator: boolean;
  readonly isActive: boolean;
}

/**
 * `const c = new UserCache(5000); c.set(1, '7', row); c.get(1, '7')` → row for 5 s, then undefined.
 * At `maxEntries` the oldest entry is dropped first (Map keeps insertion order).
 */
export class UserCache {
  private readonly entries = new Map<string, { row: CallerRow | null; expires: number }>();

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached row (null: known absent), or undefined when not cached or expired. */
  get(companyId: number, userId: string): CallerRow | null | undefined {
    const key = `${companyId}:${userId}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.row;
  }

  set(companyId: number, userId: string, row: CallerRow | null): void {
    if (this.ttlMs <= 0) return;
    const key = `${companyId}:${userId}`;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { row, expires: this.now() + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
