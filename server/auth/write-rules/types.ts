/**
 * The contract of a per-set write rule module (seed 003's rules): checks that run inside the write's
 * transaction before the statement, and throw an ODataError (403/404/400/409) to refuse it. Rows are in
 * column space (`parent_id`), as read from or about to be written to the table.
 */
import type { Knex } from 'knex';
import type { EntitySetDef } from '../../../odata/model';
import type { Principal } from '../principal';

export type Row = Record<string, unknown>;

export interface RuleContext {
  readonly trx: Knex.Transaction;
  readonly principal: Principal;
  readonly set: EntitySetDef;
  /** Configured bounds the rules enforce (server/config.ts); absent: the defaults. */
  readonly settings?: RuleSettings;
}

export interface RuleSettings {
  /** ACCESS_TOKEN_MAX_LIFETIME: the furthest ExpiresAt of a personal access token, in seconds from now. */
  readonly accessTokenMaxLifetimeSeconds: number;
}

export interface WriteRules {
  /** Runs first in the transaction, before the target row is read (e.g. a lock). */
  readonly prepare?: (ctx: RuleContext) => Promise<void>;
  /** A target row exists but the caller must not even know it (users outside their teams) → 404. */
  readonly isHidden?: (ctx: RuleContext, before: Row) => Promise<boolean>;
  readonly create: (ctx: RuleContext, after: Row) => Promise<void>;
  readonly update: (ctx: RuleContext, before: Row, after: Row) => Promise<void>;
  readonly remove: (ctx: RuleContext, before: Row) => Promise<void>;
}

/** `same(5, '5')` → true: ids come back as numbers from PGlite and as strings from pg. */
export function same(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return String(a) === String(b);
}
