/**
 * Compiler specs for `$expand`: the exact SQL of an expanded collection, a single-valued navigation, a
 * nested count and a $levels recursion (one statement, correlated subqueries building JSON), then the
 * same plans run on the run's database (PGlite or PostgreSQL) to check order, limit and scoping.
 */
import { expect } from 'chai';
import { entitySet } from '../../../odata/model';
import { parseQueryOptions } from '../../../odata/parse/parse-query-options';
import { planRead } from '../../../odata/plan/plan-read';
import type { Principal } from '../../../server/auth/principal';
import { visibilityFor } from '../../../server/auth/visibility';
import { DEFAULT_LIMITS } from '../../../server/config';
import { compileRead } from '../../../server/db/compile-read';
import { testDatabase, type TestDatabase } from '../../helpers/test-database';
import { selectRows } from '../../../server/db/run-select';
import type { SqlFragment } from '../../../server/db/sql-fragment';
import { nativeOf } from '../../helpers/native-sql';

const admin: Principal = { userId: '1', companyId: 1, userName: 'admin', isAdministrator: true, scopes: new Set() };
const member: Principal = { userId: '7', companyId: 1, userName: 'x', isAdministrator: false, scopes: new Set() };

function compile(set: string, query: string, principal: Principal = admin, pageSize?: number) {
  const { options } = parseQueryOptions(query);
  const plan = planRead({ segments: [{ name: set }], options, limits: DEFAULT_LIMITS, preferredPageSize: pageSize, skipTokenSecret: 's' }, entitySet);
  return compileRead(plan, principal.companyId, visibilityFor(principal)).rows;
}

function native(set: string, query: string, pageSize?: number, principal: Principal = admin) {
  const { sql, bindings } = nativeOf(compile(set, query, principal, pageSize)) ?? { sql: '', bindings: [] };
  return { sql, bindings };
}

const MEMBER_COLUMNS =
  '"t1"."id"::text AS "Id", "t1"."company_id" AS "CompanyId", "t1"."user_id"::text AS "UserId",' +
  ' "t1"."organization_team_hierarchy_id"::text AS "OrganizationTeamHierarchyId", "t1"."created_at" AS "CreatedAt", "t1"."row_version"::text AS "__etag"';

describe('compileRead with $expand (exact SQL)', () => {
  it('reads a collection per parent in the same statement: same company, joined, ordered by key, a page and one more', () => {
    expect(native('OrganizationTeamHierarchies', '$select=Name&$expand=Members', 2)).to.deep.equal({
      sql:
        'select "t0"."name" AS "Name", "t0"."row_version"::text AS "__etag", "t0"."id"::text AS "__key_Members",' +
        ` to_json(ARRAY(SELECT e FROM (SELECT ${MEMBER_COLUMNS} FROM "organization_team_member_hierarchies" AS "t1"` +
        ' WHERE "t1"."company_id" = "t0"."company_id" AND "t1"."organization_team_hierarchy_id" = "t0"."id" ORDER BY "t1"."id" ASC LIMIT 3) AS e)) AS "Members",' +
        ' ("t0"."id")::text AS "__o0" from "organization_team_hierarchies" as "t0" where "t0"."company_id" = $1 order by "t0"."id" ASC limit $2',
      bindings: [1, 3],
    });
  });

  it('compiles the nested filter (with its LEFT JOINs), order, skip, count and $top (read exactly: nothing beyond it is wanted); bindings in text order', () => {
    const { sql, bindings } = native('OrganizationTeamHierarchies', "$select=Id&$expand=Members($filter=User/Department eq 'Sales';$orderby=UserId desc;$skip=1;$top=2;$select=UserId;$count=true)");
    expect(sql).to.equal(
      'select "t0"."id" AS "Id", "t0"."row_version"::text AS "__etag",' +
        ' (SELECT count(*) FROM "organization_team_member_hierarchies" AS "t1" LEFT JOIN "users" AS "t2" ON "t2"."company_id" = "t1"."company_id" AND "t2"."id" = "t1"."user_id"' +
        ' WHERE "t1"."company_id" = "t0"."company_id" AND "t1"."organization_team_hierarchy_id" = "t0"."id" AND ("t2"."department" = $1::text)) AS "__count_Members",' +
        ' to_json(ARRAY(SELECT e FROM (SELECT "t3"."user_id"::text AS "UserId", "t3"."row_version"::text AS "__etag" FROM "organization_team_member_hierarchies" AS "t3"' +
        ' LEFT JOIN "users" AS "t4" ON "t4"."company_id" = "t3"."company_id" AND "t4"."id" = "t3"."user_id"' +
        ' WHERE "t3"."company_id" = "t0"."company_id" AND "t3"."organization_team_hierarchy_id" = "t0"."id" AND ("t4"."department" = $2::text)' +
        ' ORDER BY "t3"."user_id" DESC, "t3"."id" ASC LIMIT 2 OFFSET 1) AS e)) AS "Members",' +
        ' ("t0"."id")::text AS "__o0" from "organization_team_hierarchies" as "t0" where "t0"."company_id" = $3 order by "t0"."id" ASC limit $4',
    );
    expect(bindings).to.deep.equal(['Sales', 'Sales', 1, 1001]);
  });

  it('reads a single-valued navigation as one JSON object (or null), with the target set\'s visibility', () => {
    const { sql } = native('OrganizationTeamMemberHierarchies', '$select=Id&$expand=User($select=UserName)', undefined, member);
    expect(sql).to.contain(
      '(SELECT to_json(e) FROM (SELECT "t1"."user_name" AS "UserName", "t1"."row_version"::text AS "__etag" FROM "users" AS "t1"' +
        ' WHERE "t1"."company_id" = "t0"."company_id" AND "t1"."id" = "t0"."user_id" AND "t1"."id" = ANY (ARRAY(SELECT $1::bigint UNION ALL',
    );
    expect(sql).to.match(/LIMIT 1\) AS e\) AS "User"/);
    expect(native('OrganizationTeamMemberHierarchies', '$expand=User').sql).not.to.contain('ANY (');
  });

  it('builds only the selected members of a complex property (the same jsonb_build_object as at the top level)', () => {
    const { sql } = native('Mappings', '$select=Id&$expand=Project($select=ProjectName,ProjectOwner/Email)');
    expect(sql).to.contain(
      '(SELECT to_json(e) FROM (SELECT "t1"."project_name" AS "ProjectName",' +
        ` CASE WHEN jsonb_typeof("t1"."project_owner") = 'object' THEN jsonb_build_object('Email', coalesce(("t1"."project_owner" -> 'Email'), 'null'::jsonb)) END AS "ProjectOwner",` +
        ' "t1"."row_version"::text AS "__etag" FROM "projects" AS "t1" WHERE "t1"."company_id" = "t0"."company_id" AND "t1"."id" = "t0"."project_ref" LIMIT 1) AS e) AS "Project"',
    );
    expect(native('Mappings', '$select=Id&$expand=Project($select=ProjectOwner)').sql).to.contain('(SELECT to_json(e) FROM (SELECT "t1"."project_owner" AS "ProjectOwner", "t1"."row_version"');
  });

  it('nests a $levels recursion inside its parent level', () => {
    const { sql } = native('OrganizationTeamHierarchies', '$select=Id&$expand=Children($levels=2;$select=Id)');
    expect(sql).to.contain(
      'to_json(ARRAY(SELECT e FROM (SELECT "t1"."id"::text AS "Id", "t1"."row_version"::text AS "__etag", "t1"."id"::text AS "__key_Children",' +
        ' to_json(ARRAY(SELECT e FROM (SELECT "t2"."id"::text AS "Id", "t2"."row_version"::text AS "__etag" FROM "organization_team_hierarchies" AS "t2"' +
        ' WHERE "t2"."company_id" = "t1"."company_id" AND "t2"."parent_id" = "t1"."id" ORDER BY "t2"."id" ASC LIMIT 1001) AS e)) AS "Children"' +
        ' FROM "organization_team_hierarchies" AS "t1" WHERE "t1"."company_id" = "t0"."company_id" AND "t1"."parent_id" = "t0"."id" ORDER BY "t1"."id" ASC LIMIT 1001) AS e)) AS "Children"',
    );
  });
});

describe('compileRead with $expand (on the database)', () => {
  let t: TestDatabase;
  let company: number;

  before(async () => {
    t = await testDatabase();
    company = t.demo.companies.contoso;
  });

  type Row = Record<string, unknown>;
  const run = async (set: string, query: string, pageSize?: number) => (await selectRows(t.db, compile(set, query, { ...admin, companyId: company }, pageSize) as SqlFragment)) as Row[];

  it('returns each team\'s first members in key order (one more than the page), only of the team and company', async () => {
    const teams = await run('OrganizationTeamHierarchies', '$select=Id&$expand=Members($select=Id,OrganizationTeamHierarchyId)&$top=20', 2);
    expect(teams).to.have.length(3); // the page of 2, and one more to know a next page exists
    for (const team of teams) {
      const expected = (await t.db('organization_team_member_hierarchies').where({ company_id: company, organization_team_hierarchy_id: team.Id }).orderBy('id').limit(3).pluck('id')).map(Number);
      const members = team.Members as Row[];
      expect(members.map((m) => Number(m.Id))).to.deep.equal(expected);
      for (const m of members) expect(Number(m.OrganizationTeamHierarchyId)).to.equal(Number(team.Id));
    }
  });

  it('counts all matching members whatever $top, and gives null for a root team\'s Parent', async () => {
    const teams = await run('OrganizationTeamHierarchies', '$select=Id,ParentId&$expand=Members($top=1;$count=true),Parent($select=Id)');
    for (const team of teams) {
      const [{ n }] = (await t.db('organization_team_member_hierarchies').where({ company_id: company, organization_team_hierarchy_id: team.Id }).count({ n: '*' })) as [{ n: string }];
      expect(Number(team.__count_Members)).to.equal(Number(n));
      if (team.ParentId === null) expect(team.Parent).to.equal(null);
      else expect(Number((team.Parent as Row).Id)).to.equal(Number(team.ParentId));
    }
  });
});
