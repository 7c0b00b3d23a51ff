/**
 * Compiler specs, Kysely style: query string → plan → exact SQL + bindings (no database), then the same
 * plans executed on the run's database (PGlite or PostgreSQL) to check the rows.
 */
import { expect } from 'chai';
import { entitySet } from '../../../odata/model';
import { parseQueryOptions, parseResourcePath } from '../../../odata/parse/parse-query-options';
import { planRead } from '../../../odata/plan/plan-read';
import type { Principal } from '../../../server/auth/principal';
import { visibilityFor } from '../../../server/auth/visibility';
import { DEFAULT_LIMITS } from '../../../server/config';
import { compileRead, keysetPredicate } from '../../../server/db/compile-read';
import { sql } from '../../../server/db/sql-fragment';
import { testDatabase } from '../../helpers/test-database';
import { selectRows } from '../../../server/db/run-select';
import type { SqlFragment } from '../../../server/db/sql-fragment';
import { nativeOf } from '../../helpers/native-sql';

const admin: Principal = { userId: '1', companyId: 1, userName: 'admin', isAdministrator: true, scopes: new Set() };
const member: Principal = { userId: '7', companyId: 1, userName: 'x', isAdministrator: false, scopes: new Set() };

function compile(set: string, query: string, principal: Principal = admin) {
  const { options } = parseQueryOptions(query);
  const plan = planRead({ segments: [{ name: set }], options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
  return compileRead(plan, principal.companyId, visibilityFor(principal));
}

/** The SQL with the long select list cut out: `select … from …`. */
function shape(query: string, principal: Principal = admin, set = 'Users') {
  const native = nativeOf(compile(set, query, principal).rows);
  return { sql: native?.sql.replace(/^select .*? from /, 'select … from '), bindings: native?.bindings };
}

const VISIBLE_USERS =
  '"t0"."id" = ANY (ARRAY(SELECT $2::bigint UNION ALL SELECT theirs.user_id FROM organization_team_member_hierarchies AS mine' +
  ' JOIN team_closure AS c ON c.company_id = mine.company_id AND c.ancestor_id = mine.organization_team_hierarchy_id' +
  ' JOIN organization_team_member_hierarchies AS theirs ON theirs.company_id = c.company_id' +
  ' AND theirs.organization_team_hierarchy_id = c.descendant_id' +
  ' WHERE mine.company_id = $3::integer AND mine.user_id = $4::bigint))';

describe('compileRead (exact SQL)', () => {
  it('reads a hierarchy function by joining its closure rows: the depth as annotation and first order key, no second lookup', () => {
    const plan = planRead({ segments: parseResourcePath('/OrganizationTeamHierarchies(5)/Default.Descendants(MaxDepth=2)').segments, options: parseQueryOptions('$select=Name').options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
    expect(nativeOf(compileRead(plan, 1, visibilityFor(admin)).rows)).to.deep.equal({
      sql: 'select "t0"."name" AS "Name", "t0"."row_version"::text AS "__etag", "h0"."depth" AS "@OrgChart.Depth", ("h0"."depth")::text AS "__o0", ("t0"."id")::text AS "__o1" ' +
        'from "organization_team_hierarchies" as "t0" JOIN "team_closure" AS "h0" ON "h0"."company_id" = "t0"."company_id" AND "h0"."descendant_id" = "t0"."id" ' +
        'AND "h0"."depth" > 0 AND "h0"."depth" <= $1 AND "h0"."ancestor_id" = (SELECT "s0"."id" FROM "organization_team_hierarchies" AS "s0" WHERE "s0"."company_id" = $2 AND "s0"."id" = $3::bigint) ' +
        'where "t0"."company_id" = $4 order by "h0"."depth" ASC, "t0"."id" ASC limit $5',
      bindings: [2, 1, 5, 1, 1001],
    });
  });

  it('marks a read by key (not through a navigation, not expanded) to run as a prepared statement, and nothing else', () => {
    const byKey = (path: string, query = '') => {
      const plan = planRead({ segments: parseResourcePath(path).segments, options: parseQueryOptions(query).options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
      return compileRead(plan, 1, visibilityFor(admin)).prepare;
    };
    expect([byKey('/Users(5)'), byKey('/Users(5)/Email'), byKey("/Users(Email='a@b.c')"), byKey('/Users(5)', '$select=Id')]).to.deep.equal([true, true, true, true]);
    expect([byKey('/Users(5)', '$expand=Memberships'), byKey('/OrganizationTeamHierarchies(5)/Parent'), byKey('/Users'), byKey('/Users/$count')].map(Boolean)).to.deep.equal([false, false, false, false]);
  });

  it('scopes to the company first and parenthesises the user filter', () => {
    expect(shape("$filter=Department eq 'Sales' or Id gt 0&$top=2")).to.deep.equal({
      sql: 'select … from "users" as "t0" where "t0"."company_id" = $1 AND (("t0"."department" = $2::text OR "t0"."id" > $3::integer)) order by "t0"."id" ASC limit $4',
      bindings: [1, 'Sales', 0, 2],
    });
  });

  it('selects the requested properties and the order-key values for the next $skiptoken', () => {
    const native = nativeOf(compile('Users', '$select=FirstName&$orderby=LastName').rows);
    expect(native?.sql).to.equal(
      'select "t0"."first_name" AS "FirstName", "t0"."row_version"::text AS "__etag", ("t0"."last_name")::text AS "__o0", ("t0"."id")::text AS "__o1" from "users" as "t0"' +
        ' where "t0"."company_id" = $1 order by "t0"."last_name" ASC NULLS FIRST, "t0"."id" ASC limit $2',
    );
    expect(native?.bindings).to.deep.equal([1, 1001]);
  });

  it("writes a page's entities as their JSON text in the text form (PostgreSQL's to_json of the sent values)", () => {
    const { options } = parseQueryOptions('$select=Id,CreatedAt&$orderby=LastName&$top=5');
    const plan = planRead({ segments: [{ name: 'Users' }], options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
    const native = nativeOf(compileRead(plan, 1, visibilityFor(admin), 'text').rows);
    expect(native?.sql).to.equal(
      'select (SELECT to_json(e) FROM (SELECT \'W/"\' || "t0"."row_version"::text || \'"\' AS "@odata.etag", "t0"."id" AS "Id",' +
        ' to_char("t0"."created_at" AT TIME ZONE \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\') AS "CreatedAt") AS e)::text AS "__json"' +
        ' from "users" as "t0" where "t0"."company_id" = $1 order by "t0"."last_name" ASC NULLS FIRST, "t0"."id" ASC limit $2',
    );
    expect(native?.bindings).to.deep.equal([1, 5]);
  });

  it('reads no order-key values when $top ends the page (no nextLink can follow), and reads them when it does not', () => {
    const within = nativeOf(compile('Users', '$select=FirstName&$orderby=LastName&$top=50').rows);
    expect(within?.sql).to.equal(
      'select "t0"."first_name" AS "FirstName", "t0"."row_version"::text AS "__etag" from "users" as "t0"' +
        ' where "t0"."company_id" = $1 order by "t0"."last_name" ASC NULLS FIRST, "t0"."id" ASC limit $2',
    );
    expect(within?.bindings).to.deep.equal([1, 50]);
    const beyond = nativeOf(compile('Users', '$select=FirstName&$orderby=LastName&$top=5000').rows);
    expect(beyond?.sql).to.include('("t0"."last_name")::text AS "__o0", ("t0"."id")::text AS "__o1"');
    expect(beyond?.bindings).to.deep.equal([1, 1001]);
  });

  it('keeps OData null semantics: ne is IS DISTINCT FROM, not is IS NOT TRUE, LIKE wildcards escaped', () => {
    expect(shape("$filter=Department ne 'Sales' and not contains(LastName,'a%25b_')&$orderby=LastName desc")).to.deep.equal({
      sql:
        'select … from "users" as "t0" where "t0"."company_id" = $1 AND (("t0"."department" IS DISTINCT FROM $2::text' +
        ` AND ("t0"."last_name" LIKE $3 ESCAPE '\\') IS NOT TRUE)) order by "t0"."last_name" DESC NULLS LAST, "t0"."id" ASC limit $4`,
      bindings: [1, 'Sales', '%a\\%b\\_%', 1001],
    });
  });

  it('compiles eq null, in with null, and a non-nullable ne as plain <>', () => {
    expect(shape('$filter=Department eq null and Id in (1,2,null) and UserName ne Email').sql).to.equal(
      'select … from "users" as "t0" where "t0"."company_id" = $1 AND ((("t0"."department" IS NULL AND ("t0"."id" IN ($2::integer, $3::integer) OR "t0"."id" IS NULL))' +
        ' AND "t0"."user_name" IS DISTINCT FROM "t0"."email")) order by "t0"."id" ASC limit $4',
    );
  });

  it('ANDs the visibility predicate for non-administrators, with the caller bound as a parameter', () => {
    expect(shape('$top=5', member)).to.deep.equal({
      sql: `select … from "users" as "t0" where "t0"."company_id" = $1 AND ${VISIBLE_USERS} order by "t0"."id" ASC limit $5`,
      bindings: [1, '7', 1, '7', 5],
    });
  });

  it('binds the visible ids as one array parameter when they are already loaded', () => {
    const { options } = parseQueryOptions('$top=2');
    const plan = planRead({ segments: [{ name: 'Users' }], options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
    const native = nativeOf(compileRead(plan, 1, visibilityFor(member, { count: 2, idArray: '{7,9}' })).rows);
    expect(native?.sql.replace(/^select .*? from /, 'select … from ')).to.equal(
      'select … from "users" as "t0" where "t0"."company_id" = $1 AND "t0"."id" = ANY ($2::bigint[]) order by "t0"."id" ASC limit $3');
    expect(native?.bindings).to.deep.equal([1, '{7,9}', 2]);
  });

  it('turns single-valued navigations into LEFT JOINs and lambdas into company-scoped EXISTS', () => {
    expect(shape("$filter=Members/any(m: m/UserId eq 3) or Parent/Name eq 'Engineering'&$select=Id", admin, 'OrganizationTeamHierarchies')).to.deep.equal({
      sql:
        'select … from "organization_team_hierarchies" as "t0" LEFT JOIN "organization_team_hierarchies" AS "t2" ON "t2"."company_id" = "t0"."company_id" AND "t2"."id" = "t0"."parent_id"' +
        ' where "t0"."company_id" = $1 AND ((EXISTS (SELECT 1 FROM "organization_team_member_hierarchies" AS "t1" WHERE "t1"."company_id" = "t0"."company_id"' +
        ' AND "t1"."organization_team_hierarchy_id" = "t0"."id" AND "t1"."user_id" = $2::integer) OR "t2"."name" = $3::text)) order by "t0"."id" ASC limit $4',
      bindings: [1, 3, 'Engineering', 1001],
    });
  });

  it('compiles all() as NOT EXISTS of a row where the predicate is not true', () => {
    expect(shape('$filter=Members/all(m: m/UserId ne 3)', admin, 'OrganizationTeamHierarchies').sql).to.contain(
      'NOT EXISTS (SELECT 1 FROM "organization_team_member_hierarchies" AS "t1" WHERE "t1"."company_id" = "t0"."company_id" AND "t1"."organization_team_hierarchy_id" = "t0"."id" AND ("t1"."user_id" <> $2::integer) IS NOT TRUE)',
    );
  });

  it('compiles Members/$count as a company-scoped count subquery, usable in $filter and $orderby', () => {
    expect(shape('$filter=Members/$count gt 2&$orderby=Members/$count desc&$select=Id', admin, 'OrganizationTeamHierarchies')).to.deep.equal({
      sql:
        'select … from "organization_team_hierarchies" as "t0" where "t0"."company_id" = $1 AND ((SELECT count(*) FROM "organization_team_member_hierarchies" AS "t1"' +
        ' WHERE "t1"."company_id" = "t0"."company_id" AND "t1"."organization_team_hierarchy_id" = "t0"."id") > $2::integer)' +
        ' order by (SELECT count(*) FROM "organization_team_member_hierarchies" AS "t2" WHERE "t2"."company_id" = "t0"."company_id"' +
        ' AND "t2"."organization_team_hierarchy_id" = "t0"."id") DESC, "t0"."id" ASC limit $3',
      bindings: [1, 2, 1001],
    });
  });

  it('orders range-first (last_name || \'\') when the filter requires a prefix of the first order key, which has a prefix index', () => {
    const order = (query: string) => /order by (.*) limit/.exec(nativeOf(compile('Users', query).rows)?.sql ?? '')?.[1];
    expect(order("$filter=startswith(LastName,'Sm')&$orderby=LastName,FirstName")).to.equal(
      '("t0"."last_name" || \'\') ASC NULLS FIRST, "t0"."first_name" ASC NULLS FIRST, "t0"."id" ASC');
    expect(order("$filter=IsActive and startswith(LastName,'Sm')&$orderby=LastName desc")).to.equal('("t0"."last_name" || \'\') DESC NULLS LAST, "t0"."id" ASC');
    // not when the prefix is not required, is empty, is on another column, or the column has no prefix index
    expect(order("$filter=startswith(LastName,'Sm') or IsActive&$orderby=LastName")).to.equal('"t0"."last_name" ASC NULLS FIRST, "t0"."id" ASC');
    expect(order("$filter=startswith(LastName,'')&$orderby=LastName")).to.equal('"t0"."last_name" ASC NULLS FIRST, "t0"."id" ASC');
    expect(order("$filter=startswith(LastName,'Sm')&$orderby=FirstName")).to.equal('"t0"."first_name" ASC NULLS FIRST, "t0"."id" ASC');
    expect(order("$filter=startswith(FirstName,'Sm')&$orderby=FirstName")).to.equal('"t0"."first_name" ASC NULLS FIRST, "t0"."id" ASC');
  });

  it('counts over the same FROM and WHERE without ORDER BY or LIMIT', () => {
    const native = nativeOf(compile('Users', "$filter=Department eq 'Sales'&$count=true").count);
    expect(native).to.deep.equal({
      sql: 'select count(*) as "count" from "users" as "t0" where "t0"."company_id" = $1 AND ("t0"."department" = $2::text)',
      bindings: [1, 'Sales'],
    });
  });
});

describe('keysetPredicate', () => {
  const key = (direction: 'asc' | 'desc', nullable: boolean, column: string) => ({
    compiled: sql(`"t0"."${column}"`),
    key: { direction, expr: { kind: 'Column', type: 'Edm.String', nullable } as never },
  });

  it('uses a row comparison when every key is non-null and in one direction', () => {
    expect(keysetPredicate([key('asc', false, 'a'), key('asc', false, 'id')], ['x', 5])).to.deep.equal({
      sql: '("t0"."a", "t0"."id") > (?::text, ?::text)',
      bindings: ['x', 5],
    });
  });

  it('expands to OR-chains for nullable keys: after a null ascending come all non-nulls', () => {
    expect(keysetPredicate([key('asc', true, 'a'), key('asc', false, 'id')], [null, 5])).to.deep.equal({
      sql: '(("t0"."a" IS NOT NULL) OR ("t0"."a" IS NULL AND "t0"."id" > ?::text))',
      bindings: [5],
    });
  });

  it('puts nulls last when descending', () => {
    expect(keysetPredicate([key('desc', true, 'a'), key('asc', false, 'id')], ['m', 5])).to.deep.equal({
      sql: '((("t0"."a" < ?::text OR "t0"."a" IS NULL)) OR ("t0"."a" = ?::text AND "t0"."id" > ?::text))',
      bindings: ['m', 'm', 5],
    });
  });
});

describe('compileRead on the database', () => {
  it('filters by the number of related entities (Members/$count)', async () => {
    const { db } = await testDatabase();
    const rows = (await selectRows(db, compile('OrganizationTeamHierarchies', '$filter=Members/$count ge 5&$select=Id').rows as SqlFragment)) as { Id: unknown }[];
    const expected = await db('organization_team_member_hierarchies')
      .where({ company_id: 1 })
      .groupBy('organization_team_hierarchy_id')
      .havingRaw('count(*) >= 5')
      .orderBy('organization_team_hierarchy_id')
      .pluck('organization_team_hierarchy_id');
    expect(expected.length).to.be.greaterThan(0);
    expect(rows.map((r) => Number(r.Id))).to.deep.equal(expected.map(Number));
  });

  it('returns the rows of a range-first prefix query in exactly the order of a plain ORDER BY', async () => {
    const { db } = await testDatabase();
    const expected = (await db('users').where({ company_id: 1 }).andWhere('last_name', 'like', 'S%')
      .orderByRaw('last_name NULLS FIRST, first_name NULLS FIRST, id').pluck('id')).map(Number);
    expect(expected.length).to.be.greaterThan(3);
    const rows = (await selectRows(db, compile('Users', "$filter=startswith(LastName,'S')&$orderby=LastName,FirstName&$select=Id").rows as SqlFragment)) as { Id: unknown }[];
    expect(rows.map((r) => Number(r.Id))).to.deep.equal(expected);
  });

  it('returns exactly the rows a hand-written query returns', async () => {
    const { db } = await testDatabase();
    const rows = (await selectRows(db, compile('Users', "$filter=Department ne 'Platform'&$select=Id").rows as SqlFragment)) as { Id: unknown }[];
    const expected = await db('users').where({ company_id: 1 }).andWhereRaw('department IS DISTINCT FROM ?', ['Platform']).orderBy('id').pluck('id');
    expect(rows.map((r) => Number(r.Id))).to.deep.equal(expected.map(Number));
    expect(rows.length).to.be.greaterThan(0);
  });
});

describe('compileRead of a navigation path (exact SQL)', () => {
  const path = (text: string, query = '', principal: Principal = admin) => {
    const { segments } = parseResourcePath(text);
    const plan = planRead({ segments, options: parseQueryOptions(query).options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
    const native = nativeOf(compileRead(plan, principal.companyId, visibilityFor(principal)).rows);
    return { sql: native?.sql.replace(/^select .*? from /, 'select … from '), bindings: native?.bindings };
  };

  it('reads the rows related to the source entity, found by its key in the same company', () => {
    expect(path('/OrganizationTeamHierarchies(5)/Members', '$top=2')).to.deep.equal({
      sql:
        'select … from "organization_team_member_hierarchies" as "t0" where "t0"."company_id" = $1 AND "t0"."organization_team_hierarchy_id" =' +
        ' (SELECT "s0"."id" FROM "organization_team_hierarchies" AS "s0" WHERE "s0"."company_id" = $2 AND "s0"."id" = $3::bigint) order by "t0"."id" ASC limit $4',
      bindings: [1, 1, 5, 2],
    });
  });

  it('follows a single navigation from the source\'s foreign key, and scopes a visible source', () => {
    expect(path('/OrganizationTeamHierarchies(5)/Parent').sql).to.equal(
      'select … from "organization_team_hierarchies" as "t0" where "t0"."company_id" = $1 AND "t0"."id" =' +
        ' (SELECT "s0"."parent_id" FROM "organization_team_hierarchies" AS "s0" WHERE "s0"."company_id" = $2 AND "s0"."id" = $3::bigint) limit $4',
    );
    expect(path('/Users(5)/Memberships', '', member).sql).to.contain('FROM "users" AS "s0" WHERE "s0"."company_id" = $2 AND "s0"."id" = $3::bigint AND "s0"."id" = ANY (ARRAY(');
  });
});
