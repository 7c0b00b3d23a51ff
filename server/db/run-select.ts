/**
 * Runs compiled statements — the reads of server/db/compile-read.ts, the one-statement writes of
 * audit.ts — on a connection of knex's pool, straight through the driver: node-postgres's Client or
 * PGlite, which both answer `query(text, values)` with `{ rows }`. Skipping knex's query runner saves ~8%
 * of a small read's CPU; the pool, its per-connection setup (time zone, statement timeout, search_path),
 * transactions and the 'query' event stay knex's. Writes may run as named prepared statements (prepared.ts).
 */
import type { Knex } from 'knex';
import { statementName } from './prepared';
import type { SqlFragment } from './sql-fragment';

type Row = Record<string, unknown>;

/** What both drivers' connections offer: node-postgres's `Client#query` and PGlite's `query`. */
interface DriverConnection {
  query(text: string, values: readonly unknown[]): Promise<{ rows: Row[] }>;
  /** node-postgres only: a named (prepared) statement. */
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: Row[] }>;
}

/** node-postgres's Client (it takes named statements), told from PGlite by its connection parameters. */
const isPgClient = (connection: DriverConnection) => 'connectionParameters' in connection;

/** The part of knex's client used here (public on every knex client, absent from its types). */
interface PoolClient {
  acquireConnection(): Promise<DriverConnection>;
  releaseConnection(connection: DriverConnection): Promise<unknown>;
}

export interface NativeSql {
  readonly sql: string;
  readonly bindings: readonly unknown[];
}

/** Fragments already numbered: a memoized compiled read (server/db/memoize-compile.ts) is numbered once. */
const numbered = new WeakMap<SqlFragment, NativeSql>();
/** Texts already numbered (a write's statement is built anew for each request, its text mostly the same): text → numbered text. */
const numberedTexts = new Map<string, { readonly text: string; readonly placeholders: number }>();
const MAX_NUMBERED_TEXTS = 1000;

/** `numberPlaceholders('a = ? AND b = ?')` → { text: 'a = $1 AND b = $2', placeholders: 2 } */
function numberPlaceholders(sqlText: string): { readonly text: string; readonly placeholders: number } {
  const known = numberedTexts.get(sqlText);
  if (known) return known;
  let n = 0;
  const text = sqlText.replace(/(\\*)\?/g, (_: string, escapes: string) => (escapes.length % 2 ? '?' : `$${++n}`));
  const result = { text, placeholders: n };
  if (numberedTexts.size >= MAX_NUMBERED_TEXTS) numberedTexts.clear(); // bounded: texts seen again are numbered again
  numberedTexts.set(sqlText, result);
  return result;
}

/**
 * A fragment's `?` placeholders numbered for the driver, as knex's PostgreSQL dialect numbers them
 * (an odd run of backslashes before one makes it a literal question mark):
 *   nativeSql(sql('a = ? AND b = ?', [1, 2])) → { sql: 'a = $1 AND b = $2', bindings: [1, 2] }
 */
export function nativeSql(fragment: SqlFragment): NativeSql {
  const known = numbered.get(fragment);
  if (known) return known;
  const { text, placeholders } = numberPlaceholders(fragment.sql);
  if (placeholders !== fragment.bindings.length) throw new Error(`SQL has ${placeholders} placeholders for ${fragment.bindings.length} bindings`);
  const native = { sql: text, bindings: fragment.bindings };
  numbered.set(fragment, native);
  return native;
}

export interface RunOptions {
  /** Run as a named prepared statement on PostgreSQL (prepared.ts): for statements whose plan suits any values (writes by key). */
  readonly prepare?: boolean;
}

/**
 * The rows of one statement: on a pooled connection of `db`, or on a transaction's own connection.
 *   await selectRows(db, sql('SELECT ?::int AS n', [1])) → [{ n: 1 }]
 */
export async function selectRows(db: Knex | Knex.Transaction, fragment: SqlFragment, options: RunOptions = {}): Promise<Row[]> {
  const name = options.prepare ? statementName(fragment.sql) : undefined;
  if ('isTransaction' in db && db.isTransaction) {
    const raw = db.raw(fragment.sql, fragment.bindings as Knex.RawBinding[]);
    // knex passes a raw's options to the driver's query config (node-postgres: the statement's name)
    const named = name === undefined ? raw : (raw as unknown as { options(o: object): Knex.Raw }).options({ name });
    return ((await named) as unknown as { rows: Row[] }).rows;
  }
  const { sql, bindings } = nativeSql(fragment);
  // knex's 'query' event, as its runner would emit it (statement logs and the specs' statement counts)
  if (db.listenerCount('query') > 0) db.emit('query', { method: 'raw', sql, bindings });
  const client = db.client as PoolClient;
  const connection = await client.acquireConnection();
  try {
    const result = name !== undefined && isPgClient(connection)
      ? await connection.query({ name, text: sql, values: bindings })
      : await connection.query(sql, bindings);
    return result.rows;
  } finally {
    await client.releaseConnection(connection);
  }
}
