/**
 * Questions about the org-chart hierarchy that authorization asks, as EXISTS(…) fragments over the
 * trigger-maintained team_closure table (one indexed lookup at any depth). The write rules return them as
 * checks (write-rules/checks.ts), answered inside the write's own statement; `ask` answers several at once
 * on its own. And the per-company advisory locks that serialise hierarchy and user administration.
 */
import type { Knex } from 'knex';
import { ident, joinFragments, knexBindings, sql, type SqlFragment } from '../db/sql-fragment';
import type { Principal } from './principal';

type Id = string | number;

/**
 * Is `userId` a member of `teamId` or of one of its ancestors? With `strict`, the team itself does not
 * count (seed 003: team changes need a member of a *strict* ancestor).
 *   ask(trx, { may: memberAbove(1, alice, platformApi, { strict: true }) }) → { may: true } when alice is in Engineering
 */
export function memberAbove(companyId: number, userId: Id, teamId: Id, options: { strict: boolean }): SqlFragment {
  return sql(
    'EXISTS (SELECT 1 FROM team_closure AS c JOIN organization_team_member_hierarchies AS m' +
      ' ON m.company_id = c.company_id AND m.organization_team_hierarchy_id = c.ancestor_id' +
      ` WHERE c.company_id = ?::integer AND c.descendant_id = ?::bigint AND m.user_id = ?::bigint AND c.depth >= ${options.strict ? 1 : 0})`,
    [companyId, teamId, userId],
  );
}

/**
 * The seed-003 permission over a team as a question: an administrator always may (TRUE, no lookup),
 * anyone else if a member of the team or of one above it (`strict`: strictly above).
 *   callerAbove(alice, 7, { strict: false }) → memberAbove(1, alice, 7, …);  callerAbove(admin, 7, …) → TRUE
 */
export function callerAbove(principal: Principal, teamId: Id, options: { strict: boolean }): SqlFragment {
  return principal.isAdministrator ? sql('TRUE') : memberAbove(principal.companyId, principal.userId, teamId, options);
}

/** Is `descendantId` at or below `ancestorId`? `atOrBelow(1, 5, 5)` is true. */
export function atOrBelow(companyId: number, ancestorId: Id, descendantId: Id): SqlFragment {
  return sql('EXISTS (SELECT 1 FROM team_closure WHERE company_id = ?::integer AND ancestor_id = ?::bigint AND descendant_id = ?::bigint)', [
    companyId, ancestorId, descendantId,
  ]);
}

/** Does the company have a row with this id in `table` (a name from the model)? */
export function exists(table: string, companyId: number, id: Id): SqlFragment {
  return sql(`EXISTS (SELECT 1 FROM ${ident(table)} WHERE company_id = ?::integer AND id = ?::bigint)`, [companyId, id]);
}

/**
 * Asks several questions in one round trip:
 *   ask(trx, { teamExists: exists('organization_team_hierarchies', 1, 7), cycle: atOrBelow(1, 7, 9) })
 *     → { teamExists: true, cycle: false }
 */
export async function ask<K extends string>(trx: Knex, questions: Readonly<Record<K, SqlFragment>>): Promise<Record<K, boolean>> {
  const names = Object.keys(questions) as K[];
  const list = joinFragments(names.map((name) => sql(`${questions[name].sql} AS ${ident(name)}`, questions[name].bindings)), ', ');
  const result = (await trx.raw(`SELECT ${list.sql}`, knexBindings(list))) as { rows: Record<K, boolean>[] };
  const row = result.rows[0];
  if (!row) throw new Error('ask: SELECT returned no row');
  return row;
}

const LOCK_CLASSES = { hierarchy: 0x7eab, users: 0x7eac } as const;

/**
 * The call that takes a transaction-scoped advisory lock on one company's hierarchy or user administration
 * (held until the transaction ends): `companyLock('hierarchy', 3)` → pg_advisory_xact_lock(32427, 3), bound.
 * The hierarchy lock serialises changes to the team tree: two opposite moves can never both pass their cycle checks.
 */
export function companyLock(what: keyof typeof LOCK_CLASSES, companyId: number): SqlFragment {
  return sql('pg_advisory_xact_lock(?::integer, ?::integer)', [LOCK_CLASSES[what], companyId]);
}

/** Takes a lock (`companyLock(…)`, or a set's WriteRules.lock) in its own statement. */
export async function takeLock(trx: Knex.Transaction, lock: SqlFragment): Promise<void> {
  await trx.raw(`SELECT ${lock.sql}`, knexBindings(lock));
}

/** Takes `companyLock(what, companyId)` in its own statement. */
export function lockCompany(trx: Knex.Transaction, what: keyof typeof LOCK_CLASSES, companyId: number): Promise<void> {
  return takeLock(trx, companyLock(what, companyId));
}
