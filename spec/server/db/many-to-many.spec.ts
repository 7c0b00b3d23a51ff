/**
 * Compiler specs of many-to-many navigations (NavigationDef.through: Teams.Users ↔ Users.Teams through
 * access_team_users) and of a set's default filter (Teams: Active eq true): exact SQL of a navigation
 * path both ways, a lambda, a count in $filter, $expand both ways; then the cost model's fan-out key.
 */
import { expect } from 'chai';
import { entitySet, navigation, type EntitySetDef, type NavigationDef } from '../../../odata/model';
import { parseQueryOptions, parseResourcePath } from '../../../odata/parse/parse-query-options';
import { fanOutKey, readCost } from '../../../odata/plan/cost';
import { planRead } from '../../../odata/plan/plan-read';
import type { Principal } from '../../../server/auth/principal';
import { visibilityFor } from '../../../server/auth/visibility';
import { DEFAULT_LIMITS } from '../../../server/config';
import { compileRead } from '../../../server/db/compile-read';
import { nativeOf } from '../../helpers/native-sql';

const admin: Principal = { userId: '1', companyId: 1, userName: 'admin', isAdministrator: true, scopes: new Set() };
const member: Principal = { userId: '7', companyId: 1, userName: 'x', isAdministrator: false, scopes: new Set() };

function plan(path: string, query: string, pageSize = 2) {
  const { segments } = parseResourcePath(path);
  const parsed = parseQueryOptions(query);
  return planRead({ segments, options: parsed.options, parameters: parsed.custom, limits: DEFAULT_LIMITS, skipTokenSecret: 's', preferredPageSize: pageSize }, entitySet);
}

function native(path: string, query: string, principal: Principal = admin) {
  const compiled = nativeOf(compileRead(plan(path, query), principal.companyId, visibilityFor(principal)).rows);
  return { sql: compiled?.sql ?? '', bindings: compiled?.bindings ?? [] };
}

const SELECT_ID = 'select "t0"."id" AS "Id", "t0"."row_version"::text AS "__etag", ("t0"."id")::text AS "__o0"';
/** A page that $top ends: no nextLink can follow, so no order values for its $skiptoken. */
const SELECT_ID_LAST_PAGE = 'select "t0"."id" AS "Id", "t0"."row_version"::text AS "__etag"';

describe('many-to-many navigations (exact SQL)', () => {
  it('reads Teams(3)/Users through the link table, the source found by key in the same company', () => {
    expect(native('/Teams(3)/Users', '$select=Id&$top=2')).to.deep.equal({
      sql:
        `${SELECT_ID_LAST_PAGE} from "users" as "t0" where "t0"."company_id" = $1 AND EXISTS (SELECT 1 FROM "access_team_users" AS "l0"` +
        ' WHERE "l0"."company_id" = "t0"."company_id" AND "l0"."user_id" = "t0"."id" AND "l0"."team_id" =' +
        ' (SELECT "s0"."id" FROM "access_teams" AS "s0" WHERE "s0"."company_id" = $2 AND "s0"."id" = $3::bigint)) order by "t0"."id" ASC limit $4',
      bindings: [1, 1, 3, 2],
    });
  });

  it('reads Users(7)/Teams the other way, with the default filter of Teams (active only)', () => {
    expect(native('/Users(7)/Teams', '$select=Id')).to.deep.equal({
      sql:
        `${SELECT_ID} from "access_teams" as "t0" where "t0"."company_id" = $1 AND EXISTS (SELECT 1 FROM "access_team_users" AS "l0"` +
        ' WHERE "l0"."company_id" = "t0"."company_id" AND "l0"."team_id" = "t0"."id" AND "l0"."user_id" =' +
        ' (SELECT "s0"."id" FROM "users" AS "s0" WHERE "s0"."company_id" = $2 AND "s0"."id" = $3::bigint)) AND ("t0"."active" = $4::boolean)' +
        ' order by "t0"."id" ASC limit $5',
      bindings: [1, 1, 7, true, 3],
    });
  });

  it('compiles Users/any() as EXISTS over the target joined through the link table (relatedRow)', () => {
    expect(native('/Teams', '$select=Id&$filter=Users/any(u: u/Id eq 7)')).to.deep.equal({
      sql:
        `${SELECT_ID} from "access_teams" as "t0" where "t0"."company_id" = $1 AND (("t0"."active" = $2::boolean AND EXISTS (SELECT 1 FROM "users" AS "t1"` +
        ' WHERE "t1"."company_id" = "t0"."company_id" AND EXISTS (SELECT 1 FROM "access_team_users" AS "t2" WHERE "t2"."company_id" = "t0"."company_id"' +
        ' AND "t2"."team_id" = "t0"."id" AND "t2"."user_id" = "t1"."id") AND "t1"."id" = $3::integer))) order by "t0"."id" ASC limit $4',
      bindings: [1, true, 7, 3],
    });
  });

  it('compiles Users/$count as a count through the link table; inactive=true drops the default filter', () => {
    expect(native('/Teams', '$select=Id&$filter=Users/$count gt 2&inactive=true')).to.deep.equal({
      sql:
        `${SELECT_ID} from "access_teams" as "t0" where "t0"."company_id" = $1 AND ((SELECT count(*) FROM "users" AS "t1" WHERE "t1"."company_id" = "t0"."company_id"` +
        ' AND EXISTS (SELECT 1 FROM "access_team_users" AS "t2" WHERE "t2"."company_id" = "t0"."company_id" AND "t2"."team_id" = "t0"."id" AND "t2"."user_id" = "t1"."id"))' +
        ' > $2::integer) order by "t0"."id" ASC limit $3',
      bindings: [1, 2, 3],
    });
  });

  it('expands Users of teams, and Teams of users (active teams only), in the page statement', () => {
    expect(native('/Teams', '$select=Id&$expand=Users($select=Id;$top=2)').sql).to.equal(
      'select "t0"."id" AS "Id", "t0"."row_version"::text AS "__etag", to_json(ARRAY(SELECT e FROM (SELECT "t1"."id"::text AS "Id", "t1"."row_version"::text AS "__etag"' +
        ' FROM "users" AS "t1" WHERE "t1"."company_id" = "t0"."company_id" AND EXISTS (SELECT 1 FROM "access_team_users" AS "t2" WHERE "t2"."company_id" = "t0"."company_id"' +
        ' AND "t2"."team_id" = "t0"."id" AND "t2"."user_id" = "t1"."id") ORDER BY "t1"."id" ASC LIMIT 2) AS e)) AS "Users", ("t0"."id")::text AS "__o0"' +
        ' from "access_teams" as "t0" where "t0"."company_id" = $1 AND ("t0"."active" = $2::boolean) order by "t0"."id" ASC limit $3',
    );
    expect(native('/Users', '$select=Id&$expand=Teams($select=Id)')).to.deep.equal({
      sql:
        'select "t0"."id" AS "Id", "t0"."row_version"::text AS "__etag", "t0"."id"::text AS "__key_Teams", to_json(ARRAY(SELECT e FROM (SELECT "t1"."id"::text AS "Id",' +
        ' "t1"."row_version"::text AS "__etag" FROM "access_teams" AS "t1" WHERE "t1"."company_id" = "t0"."company_id" AND EXISTS (SELECT 1 FROM "access_team_users" AS "t2"' +
        ' WHERE "t2"."company_id" = "t0"."company_id" AND "t2"."user_id" = "t0"."id" AND "t2"."team_id" = "t1"."id") AND ("t1"."active" = $1::boolean)' +
        ' ORDER BY "t1"."id" ASC LIMIT 3) AS e)) AS "Teams", ("t0"."id")::text AS "__o0" from "users" as "t0" where "t0"."company_id" = $2 order by "t0"."id" ASC limit $3',
      bindings: [true, 1, 3],
    });
  });

  it('keeps the visibility of users for a non-administrator inside the many-to-many join', () => {
    const { sql } = native('/Teams', '$select=Id&$expand=Users($select=Id)', member);
    expect(sql).to.contain('AND "t2"."user_id" = "t1"."id") AND "t1"."id" = ANY (ARRAY(SELECT $1::bigint UNION ALL');
  });
});

describe('many-to-many navigations in the cost model', () => {
  const nav = (set: string, name: string) => navigation(entitySet(set) as EntitySetDef, name) as NavigationDef;

  it('knows a fan-out by the link table and the column grouped by, per direction', () => {
    expect(fanOutKey(nav('Teams', 'Users'))).to.equal('access_team_users.team_id');
    expect(fanOutKey(nav('Users', 'Teams'))).to.equal('access_team_users.user_id');
    expect(fanOutKey(nav('OrganizationTeamHierarchies', 'Members'))).to.equal('OrganizationTeamMemberHierarchies.organization_team_hierarchy_id');
  });

  it('bounds an expanded many-to-many collection by its fan-out', () => {
    const sizes = {
      rows: (set: EntitySetDef) => ({ Teams: 10, Users: 227 })[set.name as 'Teams' | 'Users'],
      fanOut: (n: NavigationDef) => ({ 'access_team_users.team_id': 31, 'access_team_users.user_id': 4 })[fanOutKey(n) as 'access_team_users.team_id'],
    };
    expect(readCost(plan('/Teams', '$expand=Users', 1000), sizes)).to.include({ perEntity: 32, entities: 320 });
    expect(readCost(plan('/Users', '$expand=Teams', 1000), sizes)).to.include({ perEntity: 5, entities: 1135 });
  });
});
