/**
 * Row visibility per entity set and caller, as SQL predicates ANDed into every query that touches the
 * set — the root of a read, a LEFT JOIN through a navigation, a lambda's subquery — never a filter after
 * fetching. Company scoping is separate (the compiler adds it everywhere); this adds the seed-003 rule:
 * non-administrators see only themselves and the users in the subtrees of the teams they belong to.
 */
import type { EntitySetDef } from '../../odata/model';
import type { VisibilityFn } from '../db/compile-expr';
import { ident, sql, type SqlFragment } from '../db/sql-fragment';
import type { Principal } from './principal';

/**
 * `visibleUsersPredicate('t0', alice)` →
 *   "t0"."id" = ANY (ARRAY(SELECT ?::bigint UNION ALL SELECT theirs.user_id FROM memberships mine
 *    JOIN team_closure c … JOIN memberships theirs … WHERE mine.company_id = ? AND mine.user_id = ?))
 * The array does not depend on the row: PostgreSQL computes the visible ids once (an InitPlan) and can
 * use them as an index condition on (company_id, id), instead of probing the hierarchy per user row.
 */
export function visibleUsersPredicate(alias: string, principal: Principal): SqlFragment {
  return sql(
    `${ident(alias, 'id')} = ANY (ARRAY(SELECT ?::bigint UNION ALL SELECT theirs.user_id FROM organization_team_member_hierarchies AS mine` +
      ` JOIN team_closure AS c ON c.company_id = mine.company_id AND c.ancestor_id = mine.organization_team_hierarchy_id` +
      ` JOIN organization_team_member_hierarchies AS theirs ON theirs.company_id = c.company_id` +
      ` AND theirs.organization_team_hierarchy_id = c.descendant_id` +
      ` WHERE mine.company_id = ?::integer AND mine.user_id = ?::bigint))`,
    [principal.userId, principal.companyId, principal.userId],
  );
}

/** The visibility function the compiler calls for each set it reaches. */
export function visibilityFor(principal: Principal): VisibilityFn {
  return (set: EntitySetDef, alias: string) => {
    if (principal.isAdministrator) return null;
    if (set.policy === 'users') return visibleUsersPredicate(alias, principal);
    return null; // teams and memberships: all of the company's (seed 003)
  };
}
