/**
 * Row visibility per entity set and caller, as SQL predicates ANDed into every query that touches the
 * set — the root of a read, a LEFT JOIN through a navigation, a lambda's subquery — never a filter after
 * fetching. Company scoping is separate (the compiler adds it everywhere); this adds the seed-003 rule:
 * non-administrators see only themselves and the users in the subtrees of the teams they belong to.
 * Reads may bind those users' ids, loaded by one earlier statement and cached for AUTH_CACHE_MS (cleared
 * by every write in this process); writes always use the subquery, inside their transaction.
 */
import type { Knex } from 'knex';
import type { EntitySetDef } from '../../odata/model';
import type { VisibilityFn } from '../db/compile-expr';
import { ident, sql, type SqlFragment } from '../db/sql-fragment';
import type { Principal } from './principal';
import { callerKey, type TtlCache } from './ttl-cache';

/**
 * The ids a non-administrator may see, as a subquery: himself and the members of every team at or below
 * one of his teams. `visibleUsersSubquery(alice)` → "SELECT ?::bigint UNION ALL SELECT theirs.user_id …".
 */
function visibleUsersSubquery(principal: Principal): SqlFragment {
  return sql(
    'SELECT ?::bigint UNION ALL SELECT theirs.user_id FROM organization_team_member_hierarchies AS mine' +
      ' JOIN team_closure AS c ON c.company_id = mine.company_id AND c.ancestor_id = mine.organization_team_hierarchy_id' +
      ' JOIN organization_team_member_hierarchies AS theirs ON theirs.company_id = c.company_id' +
      ' AND theirs.organization_team_hierarchy_id = c.descendant_id' +
      ' WHERE mine.company_id = ?::integer AND mine.user_id = ?::bigint',
    [principal.userId, principal.companyId, principal.userId],
  );
}

/**
 * The caller's visible users materialised by `loadVisibleUsers`: how many, and their ids as one PostgreSQL
 * array literal (`'{2,31}'`: one string per cached caller, not an array of strings); or 'many' above the
 * inline limit (then the predicate keeps the subquery).
 */
export type VisibleUsers = { readonly count: number; readonly idArray: string } | 'many';

/** Above this many visible users the ids are not inlined (a bound array that large costs more than it saves). */
export const MAX_INLINE_VISIBLE_USERS = 10_000;

/** Callers whose visible ids are cached at once (at most ~70 KB each at the inline limit). */
export const MAX_CACHED_VISIBLE_SETS = 1_000;

/**
 * Runs the visibility subquery once: `loadVisibleUsers(db, alice)` → { count: 2791, idArray: '{2,31,…}' }, or 'many'.
 * Inlined as a bound array, the set has an exact size for the planner: it then reads a selective index
 * (the 594 'Sm' last names) and checks each row against the hashed ids, instead of probing the primary key
 * for every visible user because it guessed 66 of them when there were 2,791 (12 ms → 2.5 ms).
 */
export async function loadVisibleUsers(db: Knex, principal: Principal, maxInline = MAX_INLINE_VISIBLE_USERS): Promise<VisibleUsers> {
  const subquery = visibleUsersSubquery(principal);
  const result = (await db.raw(
    `SELECT count(*)::integer AS n, CASE WHEN count(*) <= ? THEN coalesce(string_agg(id::text, ','), '') END AS ids FROM (SELECT DISTINCT v.id FROM (${subquery.sql}) AS v(id)) AS d`,
    [maxInline, ...subquery.bindings] as Knex.RawBinding[],
  )) as { rows: { n: number; ids: string | null }[] };
  const row = result.rows[0];
  if (!row || row.ids === null) return 'many';
  return { count: row.n, idArray: `{${row.ids}}` };
}

/** `cachedVisibleUsers(db, alice, cache)`: from the cache when it holds a fresh entry, else loaded and cached. */
export async function cachedVisibleUsers(db: Knex, principal: Principal, cache: TtlCache<VisibleUsers>): Promise<VisibleUsers> {
  const key = callerKey(principal.companyId, principal.userId);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const generation = cache.generation;
  const loaded = await loadVisibleUsers(db, principal);
  cache.set(key, loaded, generation);
  return loaded;
}

/**
 * `visibleUsersPredicate('t0', alice)` →
 *   "t0"."id" = ANY (ARRAY(SELECT ?::bigint UNION ALL SELECT theirs.user_id FROM memberships mine
 *    JOIN team_closure c … JOIN memberships theirs … WHERE mine.company_id = ? AND mine.user_id = ?))
 * The array does not depend on the row: PostgreSQL computes the visible ids once (an InitPlan) and can
 * use them as an index condition on (company_id, id), instead of probing the hierarchy per user row.
 * With the ids already loaded: `visibleUsersPredicate('t0', alice, { count: 2, idArray: '{2,31}' })` →
 *   "t0"."id" = ANY (?::bigint[]) bound to '{2,31}'.
 */
export function visibleUsersPredicate(alias: string, principal: Principal, visible?: VisibleUsers): SqlFragment {
  if (visible !== undefined && visible !== 'many') {
    return sql(`${ident(alias, 'id')} = ANY (?::bigint[])`, [visible.idArray]);
  }
  const subquery = visibleUsersSubquery(principal);
  return sql(`${ident(alias, 'id')} = ANY (ARRAY(${subquery.sql}))`, subquery.bindings);
}

/** The visibility function the compiler calls for each set it reaches (with the caller's loaded ids, when there are). */
export function visibilityFor(principal: Principal, visible?: VisibleUsers): VisibilityFn {
  return (set: EntitySetDef, alias: string) => {
    if (principal.isAdministrator) return null;
    if (set.policy === 'users') return visibleUsersPredicate(alias, principal, visible);
    // personal access tokens: one's own (an administrator sees the company's)
    if (set.policy === 'access-tokens') return sql(`${ident(alias, 'user_id')} = ?::bigint`, [principal.userId]);
    return null; // teams and memberships: all of the company's (seed 003)
  };
}
