/**
 * What the data bounds for the cost model (odata/plan/cost.ts), per company: the rows of each set a
 * collection navigation leads to, and each such navigation's fan-out (the most entities one entity has
 * through it: the largest team's Members). One statement of counts (15–35 ms for 10k users), loaded only
 * for reads with `$expand`, once per company and CARDINALITY_TTL_MS however many requests ask at once.
 * Stale counts only make a page a little larger or smaller than the cap; never a wrong answer.
 */
import type { Knex } from 'knex';
import type { Model, NavigationDef } from '../../odata/model';
import { fanOutKey, type Cardinalities } from '../../odata/plan/cost';
import type { TtlCache } from '../auth/ttl-cache';
import { ident } from './sql-fragment';

/** Rows per set name, and fan-outs per fanOutKey: { rows: { Users: 227, … }, fanOut: { 'OrganizationTeamMemberHierarchies.user_id': 2, … } }. */
export interface SetCounts {
  readonly rows: Readonly<Record<string, number>>;
  readonly fanOut: Readonly<Record<string, number>>;
}

/** How long a company's counts are used: writes do not clear them (a few rows more cannot matter to a cap of thousands). */
export const CARDINALITY_TTL_MS = 10_000;

/** Each collection navigation's grouping once (Members and Memberships group memberships by different columns). */
function collectionNavigations(model: Model): NavigationDef[] {
  const byKey = new Map<string, NavigationDef>();
  for (const set of model.entitySets) for (const nav of set.navigations) if (nav.collection) byKey.set(fanOutKey(nav), nav);
  return [...byKey.values()];
}

/**
 * `loadSetCounts(db, model, 1)` → { rows: { OrganizationTeamHierarchies: 47, OrganizationTeamMemberHierarchies: 301 }, fanOut: { 'OrganizationTeamMemberHierarchies.organization_team_hierarchy_id': 31, … } }
 *   SELECT (SELECT count(*) FROM "organization_team_hierarchies" WHERE "company_id" = ?) AS "r0", …,
 *          (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM "organization_team_member_hierarchies"
 *             WHERE "company_id" = ? AND "user_id" IS NOT NULL GROUP BY "user_id") AS g) AS "f0", …
 */
export async function loadSetCounts(db: Knex, model: Model, companyId: number): Promise<SetCounts> {
  const navs = collectionNavigations(model);
  const sets = model.entitySets.filter((set) => navs.some((nav) => nav.target === set.name));
  const tableOf = (name: string) => {
    const set = sets.find((s) => s.name === name);
    if (!set) throw new Error(`model: navigation targets unknown set ${name}`);
    return set.table;
  };
  const columns = [
    ...sets.map((s, i) => `(SELECT count(*) FROM ${ident(s.table)} WHERE "company_id" = ?) AS "r${i}"`),
    ...navs.map((nav, i) => {
      // many-to-many: the most links one source row has (access_team_users grouped by team_id)
      const column = ident(nav.through ? nav.through.sourceColumn : nav.targetColumn);
      const table = nav.through ? nav.through.table : tableOf(nav.target);
      return `(SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM ${ident(table)} WHERE "company_id" = ? AND ${column} IS NOT NULL GROUP BY ${column}) AS g) AS "f${i}"`;
    }),
  ];
  const result = (await db.raw(`SELECT ${columns.join(', ')}`, columns.map(() => companyId))) as { rows: Record<string, string | number>[] };
  const row = result.rows[0] ?? {};
  return {
    rows: Object.fromEntries(sets.map((s, i) => [s.name, Number(row[`r${i}`] ?? 0)])),
    fanOut: Object.fromEntries(navs.map((nav, i) => [fanOutKey(nav), Number(row[`f${i}`] ?? 0)])),
  };
}

/** The cost model's view of a company's counts: `cardinalities(counts).rows(Users)` → 227. */
export function cardinalities(counts: SetCounts): Cardinalities {
  return { rows: (set) => counts.rows[set.name], fanOut: (nav) => counts.fanOut[fanOutKey(nav)] };
}

/**
 * A company's counts from the cache while fresh, else loaded once for all who ask meanwhile.
 *   const counts = new TtlCache<SetCounts>(CARDINALITY_TTL_MS, 1000); await cachedCardinalities(db, model, 1, counts)
 */
export async function cachedCardinalities(db: Knex, model: Model, companyId: number, cache: TtlCache<SetCounts>): Promise<Cardinalities> {
  const key = String(companyId);
  const cached = cache.get(key);
  if (cached !== undefined) return cardinalities(cached);
  let loading = inFlight.get(cache)?.get(key);
  if (!loading) {
    const byKey = inFlight.get(cache) ?? new Map<string, Promise<SetCounts>>();
    inFlight.set(cache, byKey);
    loading = loadSetCounts(db, model, companyId).finally(() => byKey.delete(key));
    byKey.set(key, loading);
    cache.set(key, await loading);
  }
  return cardinalities(await loading);
}

/** Loads under way, per cache and company: a burst of expanded reads on a cold cache runs one count. */
const inFlight = new WeakMap<TtlCache<SetCounts>, Map<string, Promise<SetCounts>>>();
