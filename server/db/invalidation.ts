/**
 * Cross-instance notice of writes on PostgreSQL: after every committed write the instance sends `NOTIFY
 * orgchart_invalidate` (Notifier, coalesced, off the write's path) naming its company and the read caches
 * the write made stale (users: callers and more; memberships and teams: visible users; access tokens); every
 * server instance LISTENs on a connection of its own, clears those caches, and reads that company from the primary for a while
 * (read replicas: server/db/read-router.ts). A lost connection is reopened with backoff, and reopening clears everything (what
 * was sent meanwhile is lost); AUTH_CACHE_MS stays the bound when no notification gets through.
 */
import pg from 'pg';
import type { Logger } from 'pino';
import type { Knex } from 'knex';
import type { EntitySetDef } from '../../odata/model';

export const INVALIDATION_CHANNEL = 'orgchart_invalidate';

/** The read caches of an instance (server/app.ts): callers' rows, the users a non-administrator sees, personal access tokens. */
export const CACHE_NAMES = ['callers', 'visibleUsers', 'personalTokens'] as const;
export type CacheName = (typeof CACHE_NAMES)[number];

/**
 * What a write to each policy makes stale: a user's flags are cached as a caller, as a token's owner and in
 * the visible sets; memberships and the team tree decide the visible sets; tokens are cached by their hash.
 */
const STALE_AFTER: Readonly<Record<string, readonly CacheName[]>> = {
  users: CACHE_NAMES,
  memberships: ['visibleUsers'],
  teams: ['visibleUsers'],
  'access-tokens': ['personalTokens'],
};

/** The caches a write to `set` makes stale: `invalidates(Memberships)` → ['visibleUsers'], `invalidates(Projects)` → []. */
export function invalidates(set: EntitySetDef): readonly CacheName[] {
  return STALE_AFTER[set.policy] ?? [];
}

/** What a notification says: the company written to (none: anything may have changed) and the caches that must go. */
export interface WriteNotice {
  readonly companyId?: number;
  readonly caches: readonly CacheName[];
}

/** The payload of a notice: `payloadOf(3, ['visibleUsers'])` → '3:visibleUsers'; `payloadOf(3, [])` → '3:data'. */
export function payloadOf(companyId: number, caches: readonly CacheName[]): string {
  return `${companyId}:${caches.length > 0 ? caches.join('+') : 'data'}`;
}

/** How long notices gather before they go out in one statement: a write's notice waits at most this long. */
export const NOTICE_BATCH_MS = 10;

/**
 * Sends the notices of committed writes, off their path: `notifier.notify(3, ['visibleUsers'])` after a
 * commit; the notices of NOTICE_BATCH_MS go out together, in one statement on a pooled connection, with
 * duplicates merged (under a write load: one statement per 10 ms instead of one per write). Outside the writes' transactions, because a transaction that has NOTIFYed takes a
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

  notify(companyId: number, caches: readonly CacheName[]): void {
    this.pending.add(payloadOf(companyId, caches));
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => void this.flush(), NOTICE_BATCH_MS).unref();
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

/**
 * `parseNotice('3:visibleUsers')` → { companyId: 3, caches: ['visibleUsers'] }; '3:data' → no caches; anything
 * unreadable (an unknown cache name too, e.g. from another version) → every cache (clear all).
 */
export function parseNotice(payload: string | undefined): WriteNotice {
  const [company, kind = ''] = (payload ?? '').split(':');
  const companyId = Number(company);
  if (!Number.isSafeInteger(companyId) || companyId <= 0) return { caches: CACHE_NAMES };
  if (kind === 'data') return { companyId, caches: [] };
  const names = kind.split('+');
  const known = names.every((name) => (CACHE_NAMES as readonly string[]).includes(name));
  return { companyId, caches: known ? (names as CacheName[]) : CACHE_NAMES };
}

export interface InvalidationListenerOptions {
  readonly connectionString: string;
  /** Called for each notification and, with every cache and no company, after a reconnect. */
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
    if (reconnecting) this.options.onInvalidate({ caches: CACHE_NAMES });
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.options.onInvalidate({ caches: CACHE_NAMES });
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
