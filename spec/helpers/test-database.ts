/**
 * One database per test run, shared by every spec that needs one: in-memory PGlite by default, or a fresh
 * PostgreSQL database created next to TEST_DATABASE_URL (and dropped at the end) when TEST_TARGET=postgres.
 * Migrated and seeded with the demo organisation once; specs that write use their own transaction or company.
 */
import type { Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import { connect } from '../../server/db/connect';
import { migrateLatest } from '../../server/db/migrate';
import { seedDemo, type DemoSummary } from '../../seeds/demo';

export interface TestDatabase {
  readonly db: Knex;
  readonly target: 'pglite' | 'postgres';
  readonly demo: DemoSummary;
  /** PostgreSQL: the run's own database's URL (what a second server instance or a LISTEN connection opens). */
  readonly url?: string;
  /** With TEST_READ_DATABASE_URL (a streaming replica of the primary): the same database on the replica. */
  readonly readUrl?: string;
  /** Closes the database (and drops it on PostgreSQL). */
  readonly cleanup: () => Promise<void>;
}

let current: Promise<TestDatabase> | undefined;
/** The open run's database on the primary and on its replica, in a run with TEST_READ_DATABASE_URL (testConfig is synchronous). */
let openedPair: { readonly primary: string; readonly replica: string } | undefined;

/**
 * The settings that send an app's reads to the run's replica (a run with TEST_READ_DATABASE_URL), for
 * testConfig: {} otherwise, and before the run's database is open. Reads always go to the replica
 * (REPLICA_FRESHNESS_MS=0: the replication is synchronous in that run), one app needs no LISTEN connection.
 */
export function replicaSettings(): NodeJS.ProcessEnv {
  return current && openedPair
    ? { DATABASE_URL: openedPair.primary, DATABASE_READ_URL: openedPair.replica, REPLICA_FRESHNESS_MS: '0', CACHE_INVALIDATION: 'off' }
    : {};
}

export function testTarget(): 'pglite' | 'postgres' {
  return process.env.TEST_TARGET === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A fresh, empty PostgreSQL database next to `baseUrl`, for the run or for a spec that needs a dataset of
 * its own (the abuse spec's 10k users): `const { url, drop } = await createPostgresDatabase(TEST_DATABASE_URL)`.
 */
export async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `orgchart_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = connect({ databaseUrl: baseUrl, poolMax: 1 });
  await admin.raw(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}

async function open(): Promise<TestDatabase> {
  const target = testTarget();
  let db: Knex;
  let drop = async () => {};
  let url: string | undefined;
  let readUrl: string | undefined;
  if (target === 'postgres') {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('TEST_TARGET=postgres needs TEST_DATABASE_URL');
    const created = await createPostgresDatabase(base);
    db = connect({ databaseUrl: created.url, poolMax: 5, statementTimeoutMs: 15_000 });
    url = created.url;
    if (process.env.TEST_READ_DATABASE_URL) {
      const replica = new URL(process.env.TEST_READ_DATABASE_URL);
      replica.pathname = new URL(created.url).pathname;
      readUrl = replica.toString();
      openedPair = { primary: created.url, replica: readUrl };
    }
    drop = created.drop;
  } else {
    db = connect({ pgliteDir: 'memory://' });
  }
  await migrateLatest(db);
  const demo = await seedDemo(db);
  return {
    db,
    target,
    demo,
    ...(url ? { url } : {}),
    ...(readUrl ? { readUrl } : {}),
    cleanup: async () => {
      await db.destroy();
      await drop();
    },
  };
}

/** The run's database, created on first use. */
export function testDatabase(): Promise<TestDatabase> {
  current ??= open();
  return current;
}

/** Called once by the root hooks after all specs. */
export async function closeTestDatabase(): Promise<void> {
  if (!current) return;
  const opened = await current;
  current = undefined;
  await opened.cleanup();
}
