/**
 * Guard in front of the authentication stage: failed authentications (401) are counted per client
 * address in fixed one-minute windows, in memory (each server instance counts its own: with N instances
 * behind a balancer an address gets up to N × the limit); past AUTH_FAILURES_PER_MINUTE the address gets
 * 429 with Retry-After until its window ends, whatever it sends. Successful requests are not counted.
 */
import { ODataError } from '../../odata/errors';

/** Addresses tracked at once; beyond this, expired windows are dropped first, then the oldest. */
export const MAX_TRACKED_ADDRESSES = 100_000;

/** A 429 that says when to come back. */
export class RetryLaterError extends ODataError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('TooManyRequests', message);
  }
}

/**
 * `const limiter = new AuthFailureLimiter(20)`; `limiter.check(ip)` before authenticating (throws a 429
 * once `ip` failed 20 times this minute), `limiter.fail(ip)` after a 401.
 */
export class AuthFailureLimiter {
  private readonly windows = new Map<string, { failures: number; endsAt: number }>();

  constructor(
    readonly perMinute: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws 429 (RetryLaterError) while `address` is over the limit in its current window. */
  check(address: string): void {
    if (this.perMinute <= 0) return;
    const window = this.windows.get(address);
    if (!window) return;
    const now = this.now();
    if (window.endsAt <= now) {
      this.windows.delete(address);
      return;
    }
    if (window.failures >= this.perMinute) {
      const seconds = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
      throw new RetryLaterError(`Too many failed authentications from this address; try again in ${seconds} s`, seconds);
    }
  }

  /** Counts one failed authentication of `address`. */
  fail(address: string): void {
    if (this.perMinute <= 0) return;
    const now = this.now();
    const window = this.windows.get(address);
    if (window && window.endsAt > now) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= MAX_TRACKED_ADDRESSES) this.prune(now);
    this.windows.set(address, { failures: 1, endsAt: now + this.windowMs });
  }

  private prune(now: number): void {
    for (const [address, window] of this.windows) if (window.endsAt <= now) this.windows.delete(address);
    // still full: forget the oldest (insertion order), so memory stays bounded under a spread-out attack
    for (const address of this.windows.keys()) {
      if (this.windows.size < MAX_TRACKED_ADDRESSES) break;
      this.windows.delete(address);
    }
  }
}
