/**
 * Delta compiler specs: a delta link's query → plan → the exact SQL and bindings of the one statement
 * of a delta page (server/db/compile-delta.ts), no database: the changed and deleted keys since the
 * snapshot, paged by key, each read through the link's own query; for a non-administrator reading Users,
 * also the users whose memberships changed and the check of the caller's own visible users.
 */
import { expect } from 'chai';
import { entitySet } from '../../../odata/model';
import { parseQueryOptions, parseResourcePath } from '../../../odata/parse/parse-query-options';
import { planRead } from '../../../odata/plan/plan-read';
import type { Principal } from '../../../server/auth/principal';
import { visibilityFor } from '../../../server/auth/visibility';
import { DEFAULT_LIMITS } from '../../../server/config';
import { compileDelta } from '../../../server/db/compile-delta';
import { nativeSql } from '../../../server/db/run-select';

const admin: Principal = { userId: '1', companyId: 1, userName: 'admin', isAdministrator: true, scopes: new Set() };
const member: Principal = { userId: '7', companyId: 1, userName: 'x', isAdministrator: false, scopes: new Set() };
const SNAPSHOT = '5:9:7';

function compile(path: string, query: string, principal: Principal, after?: string) {
  const { options } = parseQueryOptions(query);
  const plan = planRead({ segments: parseResourcePath(`/${path}`).segments, options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
  const checkVisibility = principal.isAdministrator ? {} : { checkVisibility: { userId: principal.userId } };
  return nativeSql(compileDelta(plan, { since: SNAPSHOT, after, companyId: 1, visibility: visibilityFor(principal), pageLimit: 2, ...checkVisibility }));
}

/** `changed("c0"."change_xid", 2)` → the "changed since the snapshot" terms with placeholders $2 and $3. */
const changed = (column: string, n: number) => `${column} >= pg_snapshot_xmin($${n}::pg_snapshot) and not pg_visible_in_snapshot(${column}, $${n + 1}::pg_snapshot)`;

describe('compileDelta (a delta page → one SQL statement)', () => {
  it('pages the changed and deleted keys of the set and reads each through the link\'s query, with the statement\'s snapshot', () => {
    expect(compile('Users', "$filter=Department eq 'Sales'&$select=UserName", admin)).to.deep.equal({
      sql: 'select "h"."s" as "__delta_horizon", "h"."v" as "__delta_visibility_changed", "page"."key"::text as "__delta_key", "page"."gone" as "__delta_gone", "hit".* ' +
        'from (select CASE WHEN pg_is_in_recovery() THEN pg_snapshot_xmin(pg_current_snapshot())::text || \':\' || pg_snapshot_xmin(pg_current_snapshot())::text || \':\' ELSE pg_current_snapshot()::text END as "s", false as "v") as "h" ' +
        'left join (select "key", bool_or("gone") as "gone" from (' +
        `select "c0"."id" as "key", false as "gone" from "users" as "c0" where "c0"."company_id" = $1 and ${changed('"c0"."change_xid"', 2)} union all ` +
        `select "d0"."entity_id" as "key", true as "gone" from "deleted_entities" as "d0" where "d0"."company_id" = $4 and "d0"."source_table" = $5 and ${changed('"d0"."deleted_xid"', 6)}` +
        ') as "changed" group by "key" order by "key" limit $8) as "page" on true ' +
        'left join lateral (select "t0"."user_name" AS "UserName", "t0"."row_version"::text AS "__etag" from "users" as "t0" ' +
        'where "t0"."company_id" = $9 AND "t0"."id" = "page"."key" AND ("t0"."department" = $10::text) limit $11) as "hit" on true order by "page"."key"',
      bindings: [1, SNAPSHOT, SNAPSHOT, 1, 'users', SNAPSHOT, SNAPSHOT, 3, 1, 'Sales', 1001],
    });
  });

  it('writes each entity as the response sends it, when the format allows (to_json of the sent columns)', () => {
    const { options } = parseQueryOptions('$select=Id,CreatedAt');
    const plan = planRead({ segments: parseResourcePath('/Users').segments, options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
    const { sql, bindings } = nativeSql(compileDelta(plan, { since: SNAPSHOT, companyId: 1, visibility: visibilityFor(admin), pageLimit: 2, asText: true }));
    expect(sql).to.match(/^select "h"\."s" as "__delta_horizon", "h"\."v" as "__delta_visibility_changed", "page"\."key"::text as "__delta_key", "page"\."gone" as "__delta_gone", /);
    expect(sql).to.contain(', (select to_json("e")::text from (select \'W/"\' || "t0"."row_version"::text || \'"\' AS "@odata.etag", "t0"."id" AS "Id", ' +
      'to_char("t0"."created_at" AT TIME ZONE \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\') AS "CreatedAt" from "users" as "t0" ' +
      'where "t0"."company_id" = $1 AND "t0"."id" = "page"."key" limit $2) as "e") as "__delta_entity" from (select CASE WHEN pg_is_in_recovery()');
    expect(sql).not.to.contain('lateral');
    expect(sql).to.match(/ as "page" on true order by "page"\."key"$/);
    expect(bindings.slice(0, 3)).to.deep.equal([1, 1, 1]); // the entity's company and limit come first: the select list is first
  });

  it('continues after the last key of the previous page', () => {
    const { sql, bindings } = compile('OrganizationTeamMemberHierarchies', '', admin, '41');
    expect(sql).to.contain(') as "changed" where "key" > $8::bigint group by "key" order by "key" limit $9) as "page" on true');
    expect(bindings.slice(7, 9)).to.deep.equal(['41', 3]);
    expect(sql).to.contain('from "organization_team_member_hierarchies" as "c0"').and.contain('"d0"."source_table" = $5');
    expect(bindings[4]).to.equal('organization_team_member_hierarchies');
  });

  it('for a non-administrator reading Users: the users whose memberships changed too, and whether the caller\'s own sight changed', () => {
    const { sql, bindings } = compile('Users', '$select=UserName', member);
    // the check: the caller's memberships (rows and tombstones) and team moves since the snapshot
    expect(sql).to.contain('ELSE pg_current_snapshot()::text END as "s", (' +
      `exists (select 1 from "organization_team_member_hierarchies" as "m" where "m"."company_id" = $1 and "m"."user_id" = $2::bigint and ${changed('"m"."change_xid"', 3)})` +
      ` or exists (select 1 from "deleted_entities" as "d" where "d"."company_id" = $5 and "d"."source_table" = $6 and "d"."user_id" = $7::bigint and ${changed('"d"."deleted_xid"', 8)})` +
      ` or exists (select 1 from "organization_team_hierarchies" as "t" where "t"."company_id" = $10 and "t"."moved_xid" is not null and ${changed('"t"."moved_xid"', 11)})) as "v") as "h"`);
    expect(bindings.slice(0, 12)).to.deep.equal([1, '7', SNAPSHOT, SNAPSHOT, 1, 'organization_team_member_hierarchies', '7', SNAPSHOT, SNAPSHOT, 1, SNAPSHOT, SNAPSHOT]);
    // the keys: the users' own changes and deletions, then the users of changed and deleted memberships (not "gone": the user is not deleted)
    expect(sql).to.contain(` union all select "c1"."user_id" as "key", false as "gone" from "organization_team_member_hierarchies" as "c1" where "c1"."company_id" = $20 and ${changed('"c1"."change_xid"', 21)}`);
    expect(sql).to.contain(` union all select "d1"."user_id" as "key", false as "gone" from "deleted_entities" as "d1" where "d1"."company_id" = $23 and "d1"."source_table" = $24 and ${changed('"d1"."deleted_xid"', 25)}`);
    // each key read as the caller may see it now: the visibility subquery, never a cached list of ids
    expect(sql).to.contain('"t0"."id" = ANY (ARRAY(SELECT $29::bigint UNION ALL SELECT theirs.user_id');
  });
});
