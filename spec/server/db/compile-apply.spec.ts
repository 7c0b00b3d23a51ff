/**
 * $apply compiler specs: query string → plan (odata/plan/plan-apply.ts) → the exact SQL and bindings of
 * the one statement (server/db/compile-apply.ts), no database: grouping by a property and by a
 * navigation path, a filter before and after aggregating, the count statement, and a non-administrator's
 * visibility inside level 0.
 */
import { expect } from 'chai';
import { entitySet } from '../../../odata/model';
import { parseQueryOptions } from '../../../odata/parse/parse-query-options';
import { planApply } from '../../../odata/plan/plan-apply';
import type { Principal } from '../../../server/auth/principal';
import { visibilityFor } from '../../../server/auth/visibility';
import { DEFAULT_LIMITS } from '../../../server/config';
import { compileApply } from '../../../server/db/compile-apply';
import { nativeOf } from '../../helpers/native-sql';

const admin: Principal = { userId: '1', companyId: 1, userName: 'admin', isAdministrator: true, scopes: new Set() };
const member: Principal = { userId: '7', companyId: 1, userName: 'x', isAdministrator: false, scopes: new Set() };

function compile(set: string, query: string, principal: Principal = admin) {
  const { options, custom } = parseQueryOptions(query);
  const plan = planApply(entitySet(set)!, { options, limits: DEFAULT_LIMITS, skipTokenSecret: 's', parameters: custom });
  const compiled = compileApply(plan, principal.companyId, visibilityFor(principal));
  return { rows: nativeOf(compiled.rows), count: nativeOf(compiled.count), pageLimit: compiled.pageLimit };
}

describe('compileApply ($apply → one SQL statement)', () => {
  it('groups by a property and counts, ordered and cut by the groups in the same level (PostgreSQL may stop after the page)', () => {
    expect(compile('Users', '$apply=groupby((Department),aggregate($count as N))').rows).to.deep.equal({
      sql: 'select "t0"."department" AS "Department", count(*) AS "N" from "users" as "t0" where "t0"."company_id" = $1 group by 1 ' +
        'order by "Department" ASC NULLS FIRST limit $2',
      bindings: [1, 1001],
    });
  });

  it('groups by a required navigation path through an inner JOIN in the company, and counts the result for $count', () => {
    const { rows, count } = compile('OrganizationTeamMemberHierarchies', '$apply=groupby((OrganizationTeamHierarchy/Name),aggregate($count as N))&$count=true');
    const level = 'select "t1"."name" AS "OrganizationTeamHierarchy/Name", count(*) AS "N" from "organization_team_member_hierarchies" as "t0" ' +
      'JOIN "organization_team_hierarchies" AS "t1" ON "t1"."company_id" = "t0"."company_id" AND "t1"."id" = "t0"."organization_team_hierarchy_id" ' +
      'where "t0"."company_id" = $1 group by 1';
    expect(rows).to.deep.equal({ sql: `${level} order by "OrganizationTeamHierarchy/Name" ASC limit $2`, bindings: [1, 1001] });
    expect(count).to.deep.equal({ sql: `select count(*) as "count" from (${level}) as "c"`, bindings: [1] });
  });

  it('keeps a LEFT JOIN where the navigation may find nothing: a nullable one, or one to rows the caller may not see', () => {
    expect(compile('OrganizationTeamHierarchies', '$apply=groupby((Parent/Name))').rows?.sql).to.contain('LEFT JOIN "organization_team_hierarchies" AS "t1"');
    expect(compile('OrganizationTeamMemberHierarchies', '$apply=groupby((User/Department))', member).rows?.sql).to.contain('LEFT JOIN "users" AS "t1"');
    expect(compile('OrganizationTeamMemberHierarchies', '$apply=groupby((User/Department))').rows?.sql).to.contain(' JOIN "users" AS "t1"').and.not.contain('LEFT JOIN');
  });

  it('filters before grouping in the WHERE of level 0, after grouping in the level around it, with sum and average', () => {
    const { rows } = compile('Users', "$apply=filter(IsActive eq true)/groupby((Department),aggregate(Id with sum as S,Id with average as A))/filter(S gt 10)&$top=5");
    expect(rows).to.deep.equal({
      sql: 'select "t0"."Department" AS "Department", "t0"."S" AS "S", "t0"."A" AS "A" from (select "t0"."department" AS "Department", ' +
        'sum("t0"."id") AS "S", avg("t0"."id") AS "A" from "users" as "t0" where "t0"."company_id" = $1 AND ("t0"."is_active" = $2::boolean) group by 1) as "t0" ' +
        'where ("t0"."S" > $3::integer) order by "t0"."Department" ASC NULLS FIRST limit $4',
      bindings: [1, true, 10, 5],
    });
  });

  it('puts a non-administrator\'s visibility in level 0, before anything is counted', () => {
    const { rows } = compile('Users', '$apply=aggregate($count as N)', member);
    expect(rows?.sql).to.match(/^select count\(\*\) AS "N" from "users" as "t0" where "t0"\."company_id" = \$1 AND "t0"\."id" = ANY \(ARRAY\(SELECT \$2::bigint UNION ALL SELECT theirs\.user_id /);
    expect(rows?.bindings.slice(0, 2)).to.deep.equal([1, '7']);
  });

  it('sums a collection navigation\'s per-row counts for Members/$count', () => {
    const { rows } = compile('OrganizationTeamHierarchies', '$apply=aggregate(Members/$count as M)');
    expect(rows?.sql).to.contain('coalesce(sum((SELECT count(*) FROM "organization_team_member_hierarchies" AS "t1" WHERE ');
    expect(rows?.sql).to.contain('"t1"."company_id" = "t0"."company_id" AND "t1"."organization_team_hierarchy_id" = "t0"."id")), 0)::bigint AS "M"');
  });

  it('starts from what the set shows by default: active access teams, unless inactive=true', () => {
    const active = compile('Teams', '$apply=aggregate($count as N)').rows;
    expect(active?.sql).to.contain('from "access_teams" as "t0" where "t0"."company_id" = $1 AND ("t0"."active" = $2::boolean)');
    expect(compile('Teams', '$apply=aggregate($count as N)&inactive=true').rows?.sql).not.to.contain('"active"');
  });
});
