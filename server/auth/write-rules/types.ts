/**
 * The contract of a per-set write rule module (seed 003's rules): checks that run inside the write's
 * transaction before the statement, and throw an ODataError (403/404/400/409) to refuse it. Rows are in
 * column space (`parent_id`), as read from or about to be written to the table.
 */
import type { Knex } from 'knex';
import type { EntitySetDef } from '../../../odata/model';
import type { SqlFragment } from '../../db/sql-fragment';
import type { Principal } from '../principal';
import type { Check, Checks } from './checks';

export type Row = Record<string, unknown>;

export interface RuleContext {
  readonly trx: Knex.Transaction;
  readonly principal: Principal;
  readonly set: EntitySetDef;
  /**
   * That the caller is still what authentication found (server/auth/caller-check.ts): asked before any
   * answer a rule gives (checks.ts requireNow) and folded into the write itself.
   */
  readonly caller?: Check;
  /** Configured bounds the rules enforce (server/config.ts); absent: the defaults. */
  readonly settings?: RuleSettings;
}

export interface RuleSettings {
  /** ACCESS_TOKEN_MAX_LIFETIME: the furthest ExpiresAt of a personal access token, in seconds from now. */
  readonly accessTokenMaxLifetimeSeconds: number;
}

/**
 * A rule refuses by throwing, or returns checks (./checks.ts) that the executor folds into the write's own
 * statement and judges, in order, when that statement wrote nothing.
 */
export interface WriteRules {
  /**
   * A lock the write holds from its first statement, before any row is read (the company's hierarchy
   * lock): `(principal) => companyLock('hierarchy', principal.companyId)`.
   */
  readonly lock?: (principal: Principal) => SqlFragment;
  /** Runs first in the transaction, before the target row is read (e.g. a lock and a re-read). */
  readonly prepare?: (ctx: RuleContext) => Promise<void>;
  /** A target row exists but the caller must not even know it (users outside their teams) → 404. */
  readonly isHidden?: (ctx: RuleContext, before: Row) => Promise<boolean>;
  /**
   * A create judged by checks alone, without reading anything first (pure): with no `lock` or `prepare`,
   * the executor then runs the create as ONE statement — checks, insert and audit row — outside any
   * explicit transaction. Takes the place of `create`.
   */
  readonly createChecks?: (principal: Principal, after: Row) => Checks;
  readonly create?: (ctx: RuleContext, after: Row) => Promise<Checks | void>;
  /**
   * An update judged by checks that need only the addressed entity's Id and the values written, not its
   * current row (pure): without `prepare` or `isHidden`, the executor may run a PATCH as ONE statement (the
   * lock, the row, the checks, the write and its audit row). Takes the place of `update`.
   */
  readonly updateChecks?: (principal: Principal, id: string, written: Row) => Checks;
  readonly update?: (ctx: RuleContext, before: Row, after: Row) => Promise<Checks | void>;
  readonly remove: (ctx: RuleContext, before: Row) => Promise<Checks | void>;
}

/** `same(5, '5')` → true: ids come back as numbers from PGlite and as strings from pg. */
export function same(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return String(a) === String(b);
}
