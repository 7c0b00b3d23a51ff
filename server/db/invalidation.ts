/**
 * Cross-instance notice of writes on PostgreSQL: after every committed write the instance sends `NOTIFY
 * orgchart_invalidate` (Notifier, coalesced, off the write's path) naming its company and whether it changed what the read
 * caches hold (users, memberships, org teams, access tokens); every server instance LISTENs on a connection
 * of its own, clears its caches for such writes, and reads that company from the primary for a while
 * (read replicas: server/db/read-router.ts). A lost connection is reopened with backoff, and reopening clears everything (what
 * was sent meanwhile is lost); AUTH_CACHE_MS stays the bound when no notification gets through.
 */
import pg from 'pg';
import type { Logger } from 'pino';
import type { Knex } from 'knex';
import type { EntitySetDef } from '../../odata/model';

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

/** The payload of a notice: `payloadOf(3, true)` → '3:caches'; `payloadOf(3, false)` → '3:data'. */
export function payloadOf(companyId: number, caches: boolean): string {
  return `${companyId}:${caches ? 'caches' : 'data'}`;
}

/**
 * Sends the notices of committed writes, off their path: `notifier.notify(3, true)` after a commit; the
 * notices of one turn of the event loop go out together, in one statement on a pooled connection, with
 * duplicates merged. Outside the writes' transactions, because a transaction that has NOTIFYed takes a
 * lock at commit that serialises every such commit (measured: membership writes at 0.40× the baseline
 * instead of 0.63×). A notice lost with a crashed process is covered by AUTH_CACHE_MS.
 */
export class Notifier {
  private readonly pending = new Set<string>();
  private flushing: Promise<void> = Promise.resolve();
  private scheduled = false;

  constructor(
    private readonly db: Knex,
    private readonly logger?: Logger,
  ) {}

  notify(companyId: number, caches: boolean): void {
    this.pending.add(payloadOf(companyId, caches));
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  /** Sends what is pending now (and waits for what is being sent). */
  flush(): Promise<void> {
    this.scheduled = false;
    const payloads = [...this.pending];
    this.pending.clear();
    if (payloads.length === 0) return this.flushing;
    // payloads are digits, ':' and a word: an array literal needs no quoting
    this.flushing = this.flushing.then(async () => {
      try {
        await this.db.raw('SELECT pg_notify(?, p) FROM unnest(?::text[]) AS p', [INVALIDATION_CHANNEL, `{${payloads.join(',')}}`]);
      } catch (err) {
        this.logger?.warn({ err: (err as Error).message }, 'cache invalidation: could not notify the other instances (AUTH_CACHE_MS bounds their caches)');
      }
    });
    return this.flushing;
  }
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
