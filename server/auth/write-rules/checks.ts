/**
 * Checks: the questions a write rule asks of the database (SQL booleans over indexed lookups), each with
 * the answer the write needs and the refusal otherwise. The executor folds a rule's checks into the write's
 * own statement (`… WHERE <every check holds>`: no round trip of their own) and, when that wrote nothing,
 * judges the answers the statement returned in the rule's order, so the first refusal wins (permission
 * before existence before conflict). `requireNow` asks them at once, for a rule that must know before going on.
 */
import type { Knex } from 'knex';
import type { ODataError } from '../../../odata/errors';
import { joinFragments, sql, type SqlFragment } from '../../db/sql-fragment';
import { ask } from '../hierarchy';

export interface Check {
  /** A boolean SQL expression (an EXISTS over indexed lookups, or TRUE). */
  readonly sql: SqlFragment;
  /** The answer the write needs. */
  readonly expect: boolean;
  /** What the caller is told when the answer is the other one. */
  readonly refusal: () => ODataError;
}

export type Checks = readonly Check[];

/** `must(exists('users', 1, 7), () => new ODataError('ValidationFailed', …))`: the write needs the answer TRUE. */
export function must(question: SqlFragment, refusal: () => ODataError): Check {
  return { sql: question, expect: true, refusal };
}

/** `mustNot(atOrBelow(1, 7, 9), () => new ODataError('Conflict', …))`: the write needs the answer FALSE. */
export function mustNot(question: SqlFragment, refusal: () => ODataError): Check {
  return { sql: question, expect: false, refusal };
}

/** The answer column of the i-th check: `checkColumn(1)` → 'check_1'. */
const checkColumn = (i: number) => `check_${i}`;

/** The checks as one row of answers: `[a, b]` → `SELECT <a> AS check_0, <b> AS check_1` (bindings in order). */
export function checksRow(checks: Checks): SqlFragment {
  const columns = joinFragments(checks.map((c, i) => sql(`${c.sql.sql} AS ${checkColumn(i)}`, c.sql.bindings)), ', ');
  return sql(`SELECT ${columns.sql}`, columns.bindings);
}

/** That every check got the answer it needs, over the answers row `alias`: `[must a, mustNot b]` → `ok.check_0 AND NOT ok.check_1`. */
export function checksHold(checks: Checks, alias = 'ok'): string {
  if (checks.length === 0) return 'TRUE';
  return checks.map((c, i) => `${c.expect ? '' : 'NOT '}${alias}.${checkColumn(i)}`).join(' AND ');
}

/** Answer columns out of a returned row: `withoutAnswers({ check_0: true, id: 7 })` → { id: 7 }. */
export function withoutAnswers(row: Readonly<Record<string, unknown>>, checks: Checks): Record<string, unknown> {
  const out = { ...row };
  checks.forEach((_, i) => delete out[checkColumn(i)]);
  return out;
}

/**
 * Throws the refusal of the first check whose answer is not the one it needs (a missing answer counts as
 * FALSE, as SQL's NULL would): `judge([must(a, r1), mustNot(b, r2)], { check_0: true, check_1: true })` throws r2().
 */
export function judge(checks: Checks, answers: Readonly<Record<string, unknown>>): void {
  checks.forEach((c, i) => {
    if ((answers[checkColumn(i)] === true) !== c.expect) throw c.refusal();
  });
}

/**
 * Asks the checks now, in one statement, and judges them: for a rule that must know before it goes on
 * (e.g. before counting). The context's caller check (server/auth/caller-check.ts) is asked first, so that
 * nothing is answered to a caller who changed: `requireNow(ctx, [])` checks just the caller.
 */
export async function requireNow(ctx: { readonly trx: Knex; readonly caller?: Check }, checks: Checks): Promise<void> {
  const all = ctx.caller ? [ctx.caller, ...checks] : checks;
  if (all.length === 0) return;
  const answers = await ask(ctx.trx, Object.fromEntries(all.map((c, i) => [checkColumn(i), c.sql])));
  judge(all, answers);
}
