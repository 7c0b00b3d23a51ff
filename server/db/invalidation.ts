/**
 * Cross-instance notice of writes on PostgreSQL: every write sends `NOTIFY orgchart_invalidate` inside its
 * transaction (so only a committed write is heard) naming its company and whether it changed what the read
 * caches hold (users, memberships, org teams, access tokens); every server instance LISTENs on a connection
 * of its own, clears its caches for such writes, and reads that company from the primary for a while
 * (read replicas: server/db/read-router.ts). A lost connection is reopened with backoff, and reopening clears everything (what
 * was sent meanwhile is lost); AUTH_CACHE_MS stays the bound when no notification gets through.
 */
import pg from 'pg';
import type { Logger } from 'pino';
import type { EntitySetDef } from '../../odata/model';
import { sql, type SqlFragment } from './sql-fragment';

export const INVALIDATION_CHANNEL = 'orgchart_invalidate';

/** The policies whose writes change cached rows: callers, visible users, personal access tokens. */
const CACHED_POLICIES = new Set(['users', 'memberships', 'teams', 'access-tokens']);

/** Whether a write to `set` must tell the other instances: `invalidates(Users)` → true, `invalidates(Projects)` → false. */
export function invalidates(set: EntitySetDef): boolean {
  return CACHED_POLICIES.has(set.policy);
}

/** What a notification says: the company written to (none: anything may have changed) and whether caches must go. */
export interface WriteNotice {
  readonly companyId?: number;
  readonly caches: boolean;
}

/**
 * The notice of a write, as a CTE of the write's own statement (server/db/audit.ts; delivered when the
 * transaction commits, heard by no one on PGlite): `noticeOf(3, true)` → SELECT pg_notify(?, ?) ['orgchart_invalidate', '3:caches'].
 */
export function noticeOf(companyId: number, caches: boolean): SqlFragment {
  return sql('SELECT pg_notify(?, ?) AS notified', [INVALIDATION_CHANNEL, `${companyId}:${caches ? 'caches' : 'data'}`]);
}

/** `parseNotice('3:caches')` → { companyId: 3, caches: true }; anything unreadable → { caches: true } (clear all). */
export function parseNotice(payload: string | undefined): WriteNotice {
  const [company, kind] = (payload ?? '').split(':');
  const companyId = Number(company);
  if (!Number.isSafeInteger(companyId) || companyId <= 0) return { caches: true };
  return { companyId, caches: kind !== 'data' };
}

export interface InvalidationListenerOptions {
  readonly connectionString: string;
  /** Called for each notification and, with { caches: true } and no company, after a reconnect. */
  readonly onInvalidate: (notice: WriteNotice) => void;
  readonly logger?: Logger;
  /** First reconnect delay; doubles up to 30 s. */
  readonly retryMs?: number;
}

/**
 * `const listener = await InvalidationListener.start({ connectionString, onInvalidate })`; `await listener.stop()`.
 * Keeps one LISTEN connection open for the life of the server.
 */
export class InvalidationListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private delayMs: number;

  private constructor(private readonly options: InvalidationListenerOptions) {
    this.delayMs = options.retryMs ?? 500;
  }

  static async start(options: InvalidationListenerOptions): Promise<InvalidationListener> {
    const listener = new InvalidationListener(options);
    await listener.connect(false);
    return listener;
  }

  /** Whether a LISTEN connection is open now. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(reconnecting: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString });
    client.on('notification', (message) => this.options.onInvalidate(parseNotice(message.payload)));
    client.on('error', (err) => {
      this.options.logger?.warn({ err: err.message }, 'cache invalidation: the LISTEN connection failed; reconnecting');
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      // the listener never keeps a process alive by itself (the HTTP server does; a spec's app may be left open)
      (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    } catch (err) {
      this.options.logger?.warn({ err: (err as Error).message }, 'cache invalidation: cannot LISTEN; retrying');
      await client.end().catch(() => undefined);
      this.schedule();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.delayMs = this.options.retryMs ?? 500;
    // notifications sent while no connection listened are lost: forget everything cached
    if (reconnecting) this.options.onInvalidate({ caches: true });
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.options.onInvalidate({ caches: true });
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped || this.retry) return;
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, 30_000);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect(true);
    }, delay);
    this.retry.unref();
  }
}
