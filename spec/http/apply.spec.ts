/**
 * `$apply` (Data Aggregation) through HTTP on the run's database: every transformation and method
 * compared with the same aggregation computed in JS over the rows read from the database, as an
 * administrator and as a non-administrator (whose totals count only the users they may see); the system
 * options after $apply, paging of group results, the context URL, and the 400s naming what is wrong.
 */
import { expect } from 'chai';
import { testApp, type TestApp } from '../helpers/test-app';
import { expectedVisibleUserIds, expectError, expectJson, followAll, ORIGIN, type Row } from './helpers';

type Group = Record<string, unknown>;

/** The place of each value in the database's own order (its collation: C on one machine, en_US on another), nulls first. */
type Ranks = Map<string | null, number>;

/**
 * Rows grouped by `key`, each group → `reduce(rows)`, sorted as PostgreSQL sorts the keys (`ranks`);
 * keys that are numbers padded to sort as text need no ranks.
 */
function groupRows<T extends Row>(rows: readonly T[], key: (r: T) => string | null, reduce: (rows: T[]) => Group, ranks?: Ranks): Group[] {
  const groups = new Map<string | null, T[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  const rank = (k: string | null) => (ranks ? (ranks.get(k) ?? NaN) : k === null ? -1 : 0);
  return [...groups]
    .sort(([a], [b]) => (ranks ? rank(a) - rank(b) : a === null ? -1 : b === null ? 1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([, members]) => reduce(members));
}

describe('$apply (aggregation)', () => {
  let t: TestApp;
  let users: Row[];
  let teams: Row[];
  let memberships: Row[];
  let aliceSees: Set<number>;
  let departments: Ranks;
  let teamNames: Ranks;
  let userNames: string[];
  const get = (url: string, token?: string, headers: Record<string, string> = {}) => t.get(url, token ?? t.tokens.admin).set('Host', new URL(ORIGIN).host).set(headers);

  before(async () => {
    t = await testApp();
    const { db, demo } = t.database;
    const contoso = demo.companies.contoso;
    users = (await db('users').where({ company_id: contoso }).orderBy('id')) as Row[];
    teams = (await db('organization_team_hierarchies').where({ company_id: contoso }).orderBy('id')) as Row[];
    memberships = (await db('organization_team_member_hierarchies').where({ company_id: contoso }).orderBy('id')) as Row[];
    aliceSees = new Set(await expectedVisibleUserIds(db, contoso, demo.users.aliceManager));
    const ranks = async (table: string, column: string): Promise<Ranks> => {
      const ordered = (await db.raw(`SELECT DISTINCT ${column} AS v FROM ${table} WHERE company_id = ? ORDER BY ${column} ASC NULLS FIRST`, [contoso])) as { rows: Row[] };
      return new Map(ordered.rows.map((r, i) => [(r.v as string | null), i]));
    };
    departments = await ranks('users', 'department');
    teamNames = await ranks('organization_team_hierarchies', 'name');
    userNames = [...(await ranks('users', 'user_name')).keys()] as string[];
  });

  it('counts users per department in one group each, as counting the rows does', async () => {
    const body = expectJson(await get('/odata/Users?$apply=groupby((Department),aggregate($count as N))'));
    expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Users(Department,N)`);
    const expected = groupRows(users, (u) => (u.department as string | null), (rows) => ({ Department: rows[0]?.department ?? null, N: rows.length }), departments);
    expect(body.value).to.deep.equal(expected);
  });

  it('counts only the users a non-administrator may see', async () => {
    const visible = users.filter((u) => aliceSees.has(Number(u.id)));
    expect(visible.length).to.be.greaterThan(0).and.lessThan(users.length);
    const body = expectJson(await get('/odata/Users?$apply=groupby((Department),aggregate($count as N))', t.tokens.alice));
    expect(body.value).to.deep.equal(groupRows(visible, (u) => (u.department as string | null), (rows) => ({ Department: rows[0]?.department ?? null, N: rows.length }), departments));
    const total = expectJson(await get('/odata/Users?$apply=aggregate($count as N)', t.tokens.alice));
    expect(total.value).to.deep.equal([{ N: visible.length }]);
  });

  it('aggregates with sum, min, max, average and countdistinct', async () => {
    const ids = users.map((u) => Number(u.id));
    const body = expectJson(await get('/odata/Users?$apply=aggregate(Id with sum as S,Id with min as Lo,Id with max as Hi,Id with average as Avg,Department with countdistinct as Departments,LastName with max as LastLast)'));
    const departments = new Set(users.map((u) => u.department).filter((d) => d !== null));
    const lastNames = users.map((u) => String(u.last_name)).sort();
    expect(body.value).to.have.length(1);
    const [row] = body.value as Group[];
    expect(row).to.include({ S: ids.reduce((a, b) => a + b, 0), Lo: Math.min(...ids), Hi: Math.max(...ids), Departments: departments.size });
    expect(row?.Avg).to.be.closeTo(ids.reduce((a, b) => a + b, 0) / ids.length, 1e-9);
    // PostgreSQL's max follows the database collation: compare with the database's own answer
    const { db } = t.database;
    const [max] = (await db('users').where({ company_id: t.database.demo.companies.contoso }).max('last_name as m')) as Row[];
    expect(row?.LastLast).to.equal(max?.m);
    expect(lastNames).to.include(row?.LastLast);
  });

  it('groups by a single-valued navigation path, nested in the result and the context URL', async () => {
    const body = expectJson(await get('/odata/OrganizationTeamMemberHierarchies?$apply=groupby((OrganizationTeamHierarchy/Name),aggregate($count as N))'));
    expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#OrganizationTeamMemberHierarchies(OrganizationTeamHierarchy(Name),N)`);
    const nameOf = new Map(teams.map((tm) => [Number(tm.id), String(tm.name)]));
    const expected = groupRows(memberships, (m) => nameOf.get(Number(m.organization_team_hierarchy_id)) ?? null, (rows) => ({
      OrganizationTeamHierarchy: { Name: nameOf.get(Number(rows[0]?.organization_team_hierarchy_id)) }, N: rows.length,
    }), teamNames);
    expect(body.value).to.deep.equal(expected);
  });

  it('aggregates a collection navigation\'s $count per group (members per team)', async () => {
    const body = expectJson(await get('/odata/OrganizationTeamHierarchies?$apply=groupby((Id),aggregate(Members/$count as Members))&$filter=Members gt 0&$orderby=Members desc,Id'));
    const counts = teams.map((tm) => ({ Id: Number(tm.id), Members: memberships.filter((m) => Number(m.organization_team_hierarchy_id) === Number(tm.id)).length }))
      .filter((c) => c.Members > 0)
      .sort((a, b) => b.Members - a.Members || a.Id - b.Id);
    expect(body.value).to.deep.equal(counts);
  });

  it('chains filter, groupby, filter on the aggregate, orderby and top, then the system options', async () => {
    const url = "/odata/Users?$apply=filter(IsActive eq true)/groupby((Department),aggregate($count as N))/filter(N ge 2)/orderby(N desc)&$top=2&$count=true";
    const body = expectJson(await get(url));
    const all = groupRows(users.filter((u) => u.is_active === true), (u) => (u.department as string | null), (rows) => ({ Department: rows[0]?.department ?? null, N: rows.length }), departments)
      .filter((g) => (g.N as number) >= 2)
      .sort((a, b) => (b.N as number) - (a.N as number) || (departments.get(a.Department as string | null) as number) - (departments.get(b.Department as string | null) as number));
    expect(body['@odata.count']).to.equal(all.length);
    expect((body.value as Group[]).map((g) => g.N)).to.deep.equal(all.slice(0, 2).map((g) => g.N));
  });

  it('keeps the order of orderby(…) in $apply when no $orderby follows, and orders a grouped level by its aggregate', async () => {
    const body = expectJson(await get('/odata/Users?$apply=groupby((Department),aggregate($count as N))/orderby(N desc,Department)/top(3)'));
    const expected = groupRows(users, (u) => (u.department as string | null), (rows) => ({ Department: rows[0]?.department ?? null, N: rows.length }), departments)
      .sort((a, b) => (b.N as number) - (a.N as number) || (departments.get(a.Department as string | null) as number) - (departments.get(b.Department as string | null) as number))
      .slice(0, 3);
    expect(body.value).to.deep.equal(expected);
  });

  it('computes values before grouping, and aggregates the groups again', async () => {
    const body = expectJson(await get('/odata/Users?$apply=compute(length(LastName) as L)/groupby((L),aggregate($count as N))/aggregate(N with max as Most,L with max as Longest)'));
    const byLength = groupRows(users, (u) => String(String(u.last_name).length).padStart(4, '0'), (rows) => ({ L: String(rows[0]?.last_name).length, N: rows.length }));
    expect(body.value).to.deep.equal([{ Most: Math.max(...byLength.map((g) => g.N as number)), Longest: Math.max(...byLength.map((g) => g.L as number)) }]);
  });

  it('keeps whole entities for filter-only transformations', async () => {
    const body = expectJson(await get("/odata/Users?$apply=filter(Department eq 'Platform')&$select=Id,Department"));
    expect((body.value as Group[]).map((u) => u.Id)).to.deep.equal(users.filter((u) => u.department === 'Platform').map((u) => Number(u.id)));
  });

  it('pages group results with nextLinks that return every group once', async () => {
    const all = await followAll(t, '/odata/Users?$apply=groupby((UserName),aggregate($count as N))', t.tokens.admin, { Prefer: 'odata.maxpagesize=3' });
    expect(all.links.length).to.be.greaterThan(1);
    expect(all.rows.map((r) => r.UserName)).to.deep.equal(userNames);
  });

  it('answers 400 naming what is wrong', async () => {
    expectError(await get('/odata/Users?$apply=groupby((Nope),aggregate($count as N))'), 400, 'UnknownProperty');
    expectError(await get('/odata/Users?$apply=aggregate(LastName with sum as S)'), 400, 'TypeMismatch');
    expectError(await get('/odata/Users?$apply=aggregate(Id with sum as LastName)'), 400, 'InvalidQueryOption');
    expectError(await get('/odata/Users?$apply=aggregate($count as N,$count as N)'), 400, 'InvalidQueryOption');
    const concat = expectError(await get('/odata/Users?$apply=concat(identity,aggregate($count as N))'), 400, 'UnsupportedQueryOption');
    expect(concat.message).to.contain("'concat'");
    expectError(await get('/odata/Users?$apply=groupby(Department)'), 400, 'SyntaxError');
    expectError(await get('/odata/Users?$apply=aggregate(Id with median as M)'), 400, 'UnsupportedQueryOption');
    expectError(await get('/odata/Users?$apply=groupby((Department),aggregate($count as N))&$filter=LastName eq \'x\''), 400, 'UnknownProperty');
    expectError(await get('/odata/Users(1)?$apply=aggregate($count as N)'), 400, 'UnsupportedQueryOption');
    expectError(await get('/odata/Users?$apply=aggregate($count as N)&$expand=Memberships'), 400, 'UnsupportedQueryOption');
    expectError(await get("/odata/Users?$apply=aggregate(Id with sum from Department as S)"), 400, 'UnsupportedQueryOption');
    expectError(await get('/odata/AuditLogs?$apply=aggregate($count as N)', t.tokens.alice), 403, 'Forbidden');
  });

  describe('$compute (computed properties of a plain read)', () => {
    it('adds the computed properties, which $select, $filter and $orderby may name', async () => {
      const body = expectJson(await get('/odata/Users?$compute=length(LastName) as L&$select=Id,L&$filter=L gt 6&$orderby=L desc,Id&$top=5'));
      const expected = users.filter((u) => u.last_name !== null && String(u.last_name).length > 6)
        .map((u) => ({ Id: Number(u.id), L: String(u.last_name).length }))
        .sort((a, b) => b.L - a.L || a.Id - b.Id).slice(0, 5);
      expect(body.value).to.deep.equal(expected);
      expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Users(Id,L)`);
    });

    it('returns them beside every property when there is no $select', async () => {
      const body = expectJson(await get("/odata/Users?$compute=concat(FirstName,'!') as Shout&$top=2"));
      const [first] = body.value as Group[];
      expect(first).to.include({ Id: Number(users[0]?.id), Shout: `${String(users[0]?.first_name)}!` });
      expect(first).to.have.property('LastName');
    });

    it('answers 400 for an unknown property, an alias clash, and with $expand', async () => {
      expectError(await get('/odata/Users?$compute=length(Nope) as L'), 400, 'UnknownProperty');
      const clash = expectError(await get('/odata/Users?$compute=length(FirstName) as LastName'), 400, 'InvalidQueryOption');
      expect(clash.message).to.contain('$compute');
      expectError(await get('/odata/Users?$compute=length(FirstName) as L&$expand=Memberships'), 400, 'UnsupportedQueryOption');
      expectError(await get('/odata/Users?$compute=length(FirstName)'), 400, 'SyntaxError');
    });
  });
});
