/**
 * Read replicas (DATABASE_READ_URL): chooses the database each GET reads from — a healthy replica in
 * turn, or the primary. Read-your-writes: after a write of a company (here, or on another instance: its
 * NOTIFY, server/db/invalidation.ts), that company's reads go to the primary for REPLICA_FRESHNESS_MS. A
 * replica that fails its health check (every second) or lags more than REPLICA_MAX_LAG_MS is skipped until
 * it recovers; with no replica left the primary serves. Writes never come here: they use the primary.
 */
import type { Knex } from 'knex';
import type { Logger } from 'pino';

export interface Replica {
  /** For logs: the host and database, never the password. */
  readonly label: string;
  readonly db: Knex;
}

export interface ReadRouterOptions {
  /** After a company's write, its reads go to the primary this long (default 2000 ms). */
  readonly freshnessMs?: number;
  /** A replica further behind than this is skipped (default 5000 ms). */
  readonly maxLagMs?: number;
  /** How often each replica is checked (default 1000 ms). */
  readonly checkEveryMs?: number;
  readonly logger?: Logger;
  readonly now?: () => number;
}

interface ReplicaState {
  readonly replica: Replica;
  healthy: boolean;
  lagMs: number;
}

/**
 * `const router = new ReadRouter(primary, [replica])`; `router.start()`; per GET: `router.forRead(companyId)`;
 * after a write: `router.wrote(companyId)`; on shutdown: `await router.stop()` (closes the replicas' pools).
 */
export class ReadRouter {
  private readonly states: ReplicaState[];
  private readonly freshUntil = new Map<number, number>();
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(
    private readonly primary: Knex,
    replicas: readonly Replica[],
    private readonly options: ReadRouterOptions = {},
  ) {
    // a replica is trusted only once it has answered a health check
    this.states = replicas.map((replica) => ({ replica, healthy: false, lagMs: 0 }));
    this.now = options.now ?? Date.now;
  }

  /** The replicas and what the last check found: for /health/ready and the specs. */
  get status(): { label: string; healthy: boolean; lagMs: number }[] {
    return this.states.map((s) => ({ label: s.replica.label, healthy: s.healthy, lagMs: s.lagMs }));
  }

  /** The replicas' knex instances (specs watch the statements they run). */
  get replicaDbs(): Knex[] {
    return this.states.map((s) => s.replica.db);
  }

  /** Checks every replica now, then every `checkEveryMs`. */
  async start(): Promise<void> {
    await this.checkAll();
    this.timer = setInterval(() => void this.checkAll(), this.options.checkEveryMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.states.map((s) => s.replica.db.destroy()));
  }

  /** A write of `companyId` committed: its reads see it (the primary) for the freshness window. */
  wrote(companyId: number | undefined): void {
    const until = this.now() + (this.options.freshnessMs ?? 2000);
    if (companyId === undefined) {
      // a lost notification channel: every company reads from the primary for a while
      for (const key of this.freshUntil.keys()) this.freshUntil.set(key, until);
      this.freshUntil.set(-1, until);
      return;
    }
    this.freshUntil.set(companyId, until);
    if (this.freshUntil.size > 100_000) this.prune();
  }

  /** A read on `db` found it unreachable: skip that replica until its next health check says otherwise. */
  failed(db: Knex): void {
    for (const state of this.states) if (state.replica.db === db) state.healthy = false;
  }

  /** Where a read of `companyId` goes: `forRead(1)` → a replica's knex, or the primary's. */
  forRead(companyId: number): Knex {
    const now = this.now();
    if ((this.freshUntil.get(companyId) ?? 0) > now || (this.freshUntil.get(-1) ?? 0) > now) return this.primary;
    const maxLag = this.options.maxLagMs ?? 5000;
    for (let tried = 0; tried < this.states.length; tried += 1) {
      const state = this.states[this.next++ % this.states.length] as ReplicaState;
      if (state.healthy && state.lagMs <= maxLag) return state.replica.db;
    }
    return this.primary;
  }

  private prune(): void {
    const now = this.now();
    for (const [company, until] of this.freshUntil) if (until <= now) this.freshUntil.delete(company);
  }

  /**
   * One replica's health: it answers, is a standby, and how far behind it is — 0 when it has replayed all
   * it received, else the age of the last transaction it replayed.
   */
  private async check(state: ReplicaState): Promise<void> {
    try {
      const result = (await state.replica.db.raw(
        'SELECT pg_is_in_recovery() AS standby, CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0' +
          ' ELSE coalesce(1000 * EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END AS lag_ms',
      )) as { rows: { standby: boolean; lag_ms: string | number }[] };
      const row = result.rows[0];
      const healthy = row !== undefined;
      if (healthy !== state.healthy) this.options.logger?.info({ replica: state.replica.label, healthy }, 'read replica');
      state.healthy = healthy;
      state.lagMs = Number(row?.lag_ms ?? 0);
    } catch (err) {
      if (state.healthy) this.options.logger?.warn({ replica: state.replica.label, err: (err as Error).message }, 'read replica unavailable: reads go elsewhere');
      state.healthy = false;
    }
  }

  private async checkAll(): Promise<void> {
    await Promise.all(this.states.map((s) => this.check(s)));
  }
}
