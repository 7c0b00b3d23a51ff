/**
 * The token activity log (TokenActivityLogs, seeds 001/004): one row per request made with a personal
 * access token, recorded when the response is finished and written in batches — one multi-row INSERT,
 * and one UPDATE of the tokens' LastUsedAt (the latest use per token), every FLUSH_INTERVAL_MS or every
 * MAX_BATCH rows — so that reads never wait for it. `close()` writes what is left (graceful shutdown).
 */
import type { Knex } from 'knex';
import type { Logger } from 'pino';

/** One request made with a personal access token. */
export interface TokenActivity {
  readonly companyId: number;
  readonly tokenId: string;
  readonly userId: string;
  /** The scope the request used: odata.read, odata.write or logs.read. */
  readonly scope: string;
  readonly method: string;
  /** Path and query, any `token=` parameter's value removed. */
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  readonly clientAddress?: string;
  readonly at: Date;
}

export const FLUSH_INTERVAL_MS = 1000;
export const MAX_BATCH = 500;
/** Rows kept while the database cannot take them; beyond this the oldest are dropped (and counted in the log). */
export const MAX_PENDING = 50_000;

/**
 * `const log = new TokenActivityLog(db, logger)`; `log.record({ … })` after each response; `await log.close()`
 * on shutdown. `flush()` writes now (specs).
 */
export class TokenActivityLog {
  private pending: TokenActivity[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly db: Knex,
    private readonly logger?: Logger,
    intervalMs = FLUSH_INTERVAL_MS,
  ) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  record(activity: TokenActivity): void {
    if (this.closed) return;
    this.pending.push(activity);
    if (this.pending.length > MAX_PENDING) {
      const dropped = this.pending.length - MAX_PENDING;
      this.pending.splice(0, dropped);
      this.logger?.warn({ dropped }, 'token activity: the database is not taking rows; dropped the oldest');
    }
    if (this.pending.length >= MAX_BATCH) void this.flush();
  }

  /** Writes everything recorded so far (one batch after another); a failed batch is kept for the next flush. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      while (this.pending.length > 0) {
        const batch = this.pending.slice(0, MAX_BATCH);
        try {
          await this.write(batch);
        } catch (err) {
          this.logger?.error({ err, rows: batch.length }, 'token activity: could not write a batch; will retry');
          return;
        }
        this.pending.splice(0, batch.length);
      }
    });
    return this.flushing;
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.flush();
  }

  private async write(batch: readonly TokenActivity[]): Promise<void> {
    const latest = new Map<string, TokenActivity>();
    for (const a of batch) {
      const key = `${a.companyId}:${a.tokenId}`;
      const seen = latest.get(key);
      if (!seen || seen.at < a.at) latest.set(key, a);
    }
    await this.db.transaction(async (trx) => {
      await trx('token_activity_logs').insert(batch.map((a) => ({
        company_id: a.companyId, token_id: a.tokenId, user_id: a.userId, scope: a.scope, method: a.method, path: a.path,
        status: a.status, duration_ms: Math.round(a.durationMs), client_address: a.clientAddress ?? null, created_at: a.at,
      })));
      // LastUsedAt: one statement for the batch, never moved back by an older use
      const uses = [...latest.values()];
      await trx.raw(
        `UPDATE access_tokens AS t SET last_used_at = u.at FROM (VALUES ${uses.map(() => '(?::integer, ?::bigint, ?::timestamptz)').join(', ')}) AS u(company_id, id, at)` +
          ' WHERE t.company_id = u.company_id AND t.id = u.id AND (t.last_used_at IS NULL OR t.last_used_at < u.at)',
        uses.flatMap((a) => [a.companyId, a.tokenId, a.at.toISOString()]),
      );
    });
  }
}
