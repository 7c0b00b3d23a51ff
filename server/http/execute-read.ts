/**
 * Execute stage of a read: the compiled page and count statements (server/db/compile-read.ts,
 * compile-apply.ts) run against the database → rows and the count. Shared by entity reads and $apply.
 */
import type { Knex } from 'knex';
import type { CompiledRead } from '../db/compile-read';
import { CURRENT_SNAPSHOT } from '../db/compile-delta';
import { selectRows } from '../db/run-select';

type Row = Record<string, unknown>;

export interface Executed {
  readonly rows: Row[];
  readonly count?: number;
  /** With `horizon`: the snapshot the statements read (pg_snapshot text), for a delta link. */
  readonly horizon?: string;
}

/**
 * Runs the page and count statements; two statements are read from one snapshot. With `timeoutMs`
 * (PostgreSQL, a read that matches regular expressions) they run under that lower statement timeout.
 * With `horizon` (the first page of a read that tracks changes) the snapshot is asked for first, in the
 * same transaction, so that it is exactly what the page saw (and on the same server, with read replicas).
 */
export async function executeRead(db: Knex, compiled: CompiledRead, timeoutMs?: number, horizon = false): Promise<Executed> {
  const run = async (trx?: Knex.Transaction): Promise<Executed> => {
    const snapshot = horizon && trx ? String((await selectRows(trx, CURRENT_SNAPSHOT))[0]?.s) : undefined;
    const rows = compiled.rows ? await selectRows(trx ?? db, compiled.rows, { prepare: compiled.prepare }) : [];
    const counted = compiled.count ? await selectRows(trx ?? db, compiled.count) : undefined;
    return { rows, count: counted ? Number(counted[0]?.count ?? 0) : undefined, ...(snapshot ? { horizon: snapshot } : {}) };
  };
  if (timeoutMs !== undefined) {
    return db.transaction(async (trx) => {
      await trx.raw(`SET LOCAL statement_timeout = ${Math.floor(timeoutMs)}`);
      return run(trx);
    }, { isolationLevel: 'repeatable read', readOnly: true });
  }
  if ((compiled.rows && compiled.count) || horizon) {
    return db.transaction((trx) => run(trx), { isolationLevel: 'repeatable read', readOnly: true });
  }
  return run();
}

