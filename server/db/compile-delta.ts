/**
 * Compiler for delta reads ($deltatoken, odata/plan/delta-token.ts): the changes of a set that tracks
 * changes (migration 9) since a snapshot, as ONE statement. The keys that changed — rows whose
 * `change_xid` is not visible in the snapshot, tombstones likewise, and for a non-administrator reading
 * Users the users whose memberships changed (the users they may see change with them) — are paged in key
 * order, and each is read through the ordinary compiled read of the delta link's own query
 * (compile-read.ts, restricted to that key): a key whose row the caller may still read and which matches
 * the $filter comes back with its columns, any other with none (the formatter writes it as removed).
 * The statement also returns its own snapshot, the next delta link's horizon: one statement, no transaction.
 *   since '750:752:751' → select "h"."s" as "__delta_horizon", …, "page"."key"::text as "__delta_key", "page"."gone" as "__delta_gone", "hit".*
 *     from (select <the statement's snapshot: HORIZON> as "s", false as "v") as "h"
 *     left join (select "key", bool_or("gone") as "gone" from (select "c0"."id" as "key", false as "gone" from "users" as "c0"
 *       where "c0"."company_id" = ? and "c0"."change_xid" >= pg_snapshot_xmin(?::pg_snapshot) and not pg_visible_in_snapshot("c0"."change_xid", ?::pg_snapshot)
 *       union all …) as "changed" group by "key" order by "key" limit ?) as "page" on true
 *     left join lateral (select … from "users" as "t0" where "t0"."company_id" = ? AND "t0"."id" = "page"."key" AND (…) …) as "hit" on true order by "page"."key"
 */
import { keyProperty, type EntitySetDef } from '../../odata/model';
import type { ReadPlan } from '../../odata/plan/read-plan';
import type { VisibilityFn } from './compile-expr';
import { compileRead } from './compile-read';
import { ident, joinFragments, sql, type SqlFragment } from './sql-fragment';

/** Columns of a delta row besides the entity's: its key, and whether it was deleted. */
export const DELTA_KEY_ALIAS = '__delta_key';
export const DELTA_GONE_ALIAS = '__delta_gone';

const MEMBERSHIPS = 'organization_team_member_hierarchies';
const TEAMS = 'organization_team_hierarchies';

/**
 * The snapshot a statement sees, as the horizon of a delta link: `750:752:751` on a primary. On a hot
 * standby (a read replica) pg_current_snapshot() leaves the running transactions out of its list (the
 * standby keeps them apart), so only its xmin is safe there: `750:750:` — everything from the oldest
 * running transaction on counts as changed (a few rows may come twice; none is missed).
 */
const HORIZON = "CASE WHEN pg_is_in_recovery() THEN pg_snapshot_xmin(pg_current_snapshot())::text || ':' || pg_snapshot_xmin(pg_current_snapshot())::text || ':'" +
  ' ELSE pg_current_snapshot()::text END';

/** The snapshot a read sees, to be the horizon of its delta link: one row { s: '750:752:751' }. */
export const CURRENT_SNAPSHOT = sql(`select ${HORIZON} as "s"`);

/** `"c"."change_xid"` changed after `since`: `… >= pg_snapshot_xmin(?::pg_snapshot) and not pg_visible_in_snapshot(…, ?::pg_snapshot)` (the first term reads the index). */
function changedSince(column: string, since: string): SqlFragment {
  return sql(`${column} >= pg_snapshot_xmin(?::pg_snapshot) and not pg_visible_in_snapshot(${column}, ?::pg_snapshot)`, [since, since]);
}

/** Keys of `table`'s rows (or of a column of them) changed since the snapshot, with whether they were deleted. */
function changedRows(table: string, keyColumn: string, alias: string, companyId: number, since: string): SqlFragment {
  const changed = changedSince(ident(alias, 'change_xid'), since);
  return sql(`select ${ident(alias, keyColumn)} as "key", false as "gone" from ${ident(table)} as ${ident(alias)} where ${ident(alias, 'company_id')} = ? and ${changed.sql}`,
    [companyId, ...changed.bindings]);
}

/** Tombstones of `table` since the snapshot: the deleted key (`entity_id`), or the deleted membership's user. */
function tombstones(table: string, keyColumn: 'entity_id' | 'user_id', alias: string, gone: boolean, companyId: number, since: string): SqlFragment {
  const changed = changedSince(ident(alias, 'deleted_xid'), since);
  return sql(
    `select ${ident(alias, keyColumn)} as "key", ${gone} as "gone" from ${ident('deleted_entities')} as ${ident(alias)}` +
      ` where ${ident(alias, 'company_id')} = ? and ${ident(alias, 'source_table')} = ? and ${changed.sql}`,
    [companyId, table, ...changed.bindings],
  );
}

/**
 * The keys a delta of `set` reports: its changed and deleted rows, and — when the caller's visible users
 * depend on memberships (a non-administrator reading Users) — the users whose memberships changed.
 */
function changedKeys(set: EntitySetDef, companyId: number, since: string, membershipsMatter: boolean): SqlFragment {
  const parts = [changedRows(set.table, keyProperty(set).column, 'c0', companyId, since), tombstones(set.table, 'entity_id', 'd0', true, companyId, since)];
  if (membershipsMatter) parts.push(changedRows(MEMBERSHIPS, 'user_id', 'c1', companyId, since), tombstones(MEMBERSHIPS, 'user_id', 'd1', false, companyId, since));
  return joinFragments(parts, ' union all ');
}

/** Columns of a delta's rows that tell how the page was read: the snapshot, and whether the caller's visible users changed. */
export const DELTA_HORIZON_ALIAS = '__delta_horizon';
export const DELTA_VISIBILITY_ALIAS = '__delta_visibility_changed';

export interface DeltaPageRequest {
  /** The horizon the changes are after (pg_snapshot text). */
  readonly since: string;
  /** The key of the last entity sent, on a later page. */
  readonly after?: string;
  readonly companyId: number;
  readonly visibility: VisibilityFn;
  readonly pageLimit: number;
  /** A non-administrator's first page of Users: also tell whether their visible users changed (visibleUsersChanged). */
  readonly checkVisibility?: { readonly userId: string };
  /**
   * Each entity as the JSON text the response sends (`__delta_entity`), written by PostgreSQL, instead of
   * its columns — when the format allows (odata/format-expanded.ts entitiesAsText).
   */
  readonly asText?: boolean;
}

/** With `asText`: the entity's JSON text, or null when the key is gone from the result. */
export const DELTA_ENTITY_ALIAS = '__delta_entity';

/**
 * One page of a delta as one statement: up to `pageLimit` + 1 changed keys after `after`, in key order,
 * each with the entity as the delta link's query reads it now (no columns when it is gone from that
 * query's result), and on every row the statement's own snapshot — the next delta link's horizon, exactly
 * what the page saw (pg_current_snapshot() is the statement's snapshot). With no changes, one row with
 * the snapshot and no key.
 */
export function compileDelta(plan: ReadPlan, request: DeltaPageRequest): SqlFragment {
  const { since, after, companyId, visibility, pageLimit } = request;
  const membershipsMatter = visibility(plan.set, 't0') !== null && plan.set.policy === 'users';
  const keys = changedKeys(plan.set, companyId, since, membershipsMatter);
  const key = ident('t0', keyProperty(plan.set).column);
  // the read as the delta link's query has it, for one key: no order, no paging, no count
  const read = compileRead({ ...plan, orderBy: [], after: undefined, top: undefined, skip: 0, count: false, delta: undefined, tracking: undefined }, companyId, visibility, 'objects',
    { restrict: sql(`${key} = ${ident('page', 'key')}`), sent: request.asText }).rows as SqlFragment;
  const entity = request.asText
    ? sql(`(select to_json("e")::text from (${read.sql}) as "e") as ${ident(DELTA_ENTITY_ALIAS)}`, read.bindings)
    : sql('"hit".*');
  const afterKey = after === undefined ? sql('') : sql(' where "key" > ?::bigint', [after]);
  const check = request.checkVisibility ? visibleUsersChanged(companyId, request.checkVisibility.userId, since) : undefined;
  const head = check
    ? sql(`select ${HORIZON} as "s", (${check.sql}) as "v"`, check.bindings)
    : sql(`select ${HORIZON} as "s", false as "v"`);
  return joinFragments([
    sql(`select "h"."s" as ${ident(DELTA_HORIZON_ALIAS)}, "h"."v" as ${ident(DELTA_VISIBILITY_ALIAS)},` +
      ` ${ident('page', 'key')}::text as ${ident(DELTA_KEY_ALIAS)}, ${ident('page', 'gone')} as ${ident(DELTA_GONE_ALIAS)}, ${entity.sql}`, entity.bindings),
    sql(`from (${head.sql}) as "h"`, head.bindings),
    sql(`left join (select "key", bool_or("gone") as "gone" from (${keys.sql}) as "changed"${afterKey.sql} group by "key" order by "key" limit ?) as "page" on true`,
      [...keys.bindings, ...afterKey.bindings, pageLimit + 1]),
    ...(request.asText ? [] : [sql(`left join lateral (${read.sql}) as "hit" on true`, read.bindings)]),
    sql(`order by ${ident('page', 'key')}`),
  ], ' ');
}

/**
 * Whether the users a non-administrator may see changed since the snapshot in a way a delta of Users
 * cannot tell (a user's own memberships changing is told, as a change of that user): the caller's own
 * memberships, or a team moved. A boolean expression.
 */
function visibleUsersChanged(companyId: number, userId: string, since: string): SqlFragment {
  const membership = changedSince(ident('m', 'change_xid'), since);
  const removed = changedSince(ident('d', 'deleted_xid'), since);
  const moved = changedSince(ident('t', 'moved_xid'), since);
  return sql(
    `exists (select 1 from ${ident(MEMBERSHIPS)} as ${ident('m')} where ${ident('m', 'company_id')} = ? and ${ident('m', 'user_id')} = ?::bigint and ${membership.sql})` +
      ` or exists (select 1 from ${ident('deleted_entities')} as ${ident('d')} where ${ident('d', 'company_id')} = ? and ${ident('d', 'source_table')} = ? and ${ident('d', 'user_id')} = ?::bigint and ${removed.sql})` +
      ` or exists (select 1 from ${ident(TEAMS)} as ${ident('t')} where ${ident('t', 'company_id')} = ? and ${ident('t', 'moved_xid')} is not null and ${moved.sql})`,
    [companyId, userId, ...membership.bindings, companyId, MEMBERSHIPS, userId, ...removed.bindings, companyId, ...moved.bindings],
  );
}
