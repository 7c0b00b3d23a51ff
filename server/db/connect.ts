/**
 * Opens the database: PostgreSQL through knex + pg when a URL is given, otherwise embedded PGlite
 * (WASM PostgreSQL, one connection) through the knex-pglite dialect. Both speak the same SQL and run
 * the same migrations. `connect({ databaseUrl })` → Knex instance.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import { pgTypes } from './pg-types';
import { lockPgliteDir } from './pglite-lock';

// int8 → string (the formatter converts per Edm type), date → the text as stored (no local-time shift).
pg.types.setTypeParser(1082, (v: string) => v);

export interface ConnectOptions {
  /** postgres://… → PostgreSQL; undefined → PGlite. */
  readonly databaseUrl?: string;
  /** PGlite data directory; 'memory://' for an in-memory database. */
  readonly pgliteDir?: string;
  readonly poolMax?: number;
  /** Schema to put first on the search_path (tests isolate runs by schema). */
  readonly searchPath?: string;
  /** PostgreSQL only: cancel statements running longer than this (PGlite runs one query at a time). */
  readonly statementTimeoutMs?: number;
  /** PostgreSQL only: give up connecting (and waiting for a pooled connection) after this long (read replicas: fail fast). */
  readonly connectTimeoutMs?: number;
  /** knex's own console messages ("Acquire connection error") go here instead (read replicas: the router reports). */
  readonly log?: (message: unknown) => void;
}

type PgConnection = { query: (sql: string, cb: (err: Error | null) => void) => void };

export function connect(options: ConnectOptions): Knex {
  if (options.databaseUrl) {
    return knexFactory({
      client: 'pg',
      connection: {
        connectionString: options.databaseUrl,
        types: pgTypes,
        ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}),
      } as Knex.PgConnectionConfig,
      ...(options.connectTimeoutMs ? { acquireConnectionTimeout: options.connectTimeoutMs } : {}),
      ...(options.log ? { log: { warn: options.log, error: options.log, deprecate: options.log, debug: options.log } } : {}),
      pool: {
        min: 0,
        max: options.poolMax ?? 10,
        // every session: UTC (date functions in $filter are UTC) and the statement timeout
        afterCreate: (conn: PgConnection, done: (err: Error | null, conn: PgConnection) => void) => {
          const timeout = options.statementTimeoutMs ? `; SET statement_timeout = ${Math.floor(options.statementTimeoutMs)}` : '';
          conn.query(`SET TIME ZONE 'UTC'${timeout}`, (err) => done(err, conn));
        },
      },
      searchPath: options.searchPath ? [options.searchPath] : undefined,
    });
  }
  const dir = options.pgliteDir ?? 'memory://';
  // PGlite creates its data directory but not the parents (./data on a bare machine)
  let release = () => {};
  if (dir !== 'memory://') {
    mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
    release = lockPgliteDir(path.resolve(dir));
  }
  // pg_trgm backs the $search indexes (migration 3), as it does on a PostgreSQL server
  const pglite = new PGlite({ ...(dir === 'memory://' ? {} : { dataDir: path.resolve(dir) }), extensions: { pg_trgm } });
  const db = knexFactory({
    client: ClientPgLite as unknown as typeof knexFactory.Client,
    dialect: 'postgres',
    connection: { pglite } as unknown as Knex.StaticConnectionConfig,
    searchPath: options.searchPath ? [options.searchPath] : undefined,
  });
  // knex.destroy() ends in client.destroy(): release the directory lock there
  const client = db.client as { destroy: (...args: unknown[]) => Promise<unknown> };
  const destroyClient = client.destroy.bind(client);
  client.destroy = async (...args: unknown[]) => {
    try {
      return await destroyClient(...args);
    } finally {
      release();
    }
  };
  return db;
}
