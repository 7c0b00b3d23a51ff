/**
 * Fair use of the database pool by expensive reads (those whose planned cost weight is above
 * limits.expensiveReadWeight): each caller may run a few at once (more → 429 with Retry-After), and all
 * callers together only as many as leave a share of the pool to cheap requests (point reads, small pages);
 * the rest wait their turn, up to a timeout (→ 503 with Retry-After). Cheap reads never pass through here.
 */
import { ODataError } from '../../odata/errors';

export interface ReadGateOptions {
  /** Expensive reads one caller may have in flight. */
  readonly perCaller: number;
  /** Expensive reads in flight across all callers (the pool size less the share kept for cheap requests). */
  readonly concurrent: number;
  /** How long an expensive read may wait for its turn. */
  readonly queueTimeoutMs: number;
}

/** Seconds a refused caller is told to wait (Retry-After). */
export const RETRY_AFTER_SECONDS = 1;

/** What an admitted read must call once it is done (idempotent). */
export type Release = () => void;

/**
 * The pool share: of `poolMax` connections, expensive reads get at most 70%, and always leave one.
 *   expensiveShare(10) → 7; expensiveShare(2) → 1; expensiveShare(1) → 1 (PGlite: one connection, taken in turns)
 */
export function expensiveShare(poolMax: number): number {
  return Math.max(1, Math.min(poolMax - 1, Math.floor(poolMax * 0.7)));
}

/**
 * `const gate = new ReadGate({ perCaller: 4, concurrent: 7, queueTimeoutMs: 15000 });`
 * `const release = await gate.admit('1:7'); try { … } finally { release(); }`
 * The fifth concurrent admit for '1:7' throws 429; the eighth across callers waits for a release.
 */
export class ReadGate {
  private readonly inFlight = new Map<string, number>();
  private running = 0;
  private readonly waiting: Array<{ readonly start: () => void; readonly timer: NodeJS.Timeout }> = [];

  constructor(private readonly options: ReadGateOptions) {}

  /** Expensive reads running now, across callers (for specs and metrics). */
  get active(): number {
    return this.running;
  }

  async admit(caller: string): Promise<Release> {
    const mine = this.inFlight.get(caller) ?? 0;
    if (mine >= this.options.perCaller) {
      throw new ODataError(
        'TooManyRequests',
        `Too many expensive requests at once: at most ${this.options.perCaller} per caller (large $expand, matchesPattern); retry after the others finish`,
      );
    }
    this.inFlight.set(caller, mine + 1);
    try {
      await this.turn();
    } catch (err) {
      this.leave(caller);
      throw err;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.leave(caller);
      this.running -= 1;
      this.waiting.shift()?.start();
    };
  }

  private leave(caller: string): void {
    const n = (this.inFlight.get(caller) ?? 1) - 1;
    if (n <= 0) this.inFlight.delete(caller);
    else this.inFlight.set(caller, n);
  }

  /** Resolves when this read may run: at once below `concurrent`, else when one finishes. */
  private turn(): Promise<void> {
    if (this.running < this.options.concurrent) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const entry = {
        start: () => {
          clearTimeout(entry.timer);
          this.running += 1;
          resolve();
        },
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(new ODataError('ServiceUnavailable', `The service is busy with expensive requests; retry in ${RETRY_AFTER_SECONDS} s`));
        }, this.options.queueTimeoutMs),
      };
      this.waiting.push(entry);
    });
  }
}
