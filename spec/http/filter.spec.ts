import { expect } from 'chai';
import { testApp, type TestApp } from '../helpers/test-app';
import { createCompany, expectJson, ids, sorted, usersOf, type PrivateCompany, type Row } from './helpers';

/** OData comparisons in JS: null eq null is true, null ne x is true, relational operators on null are false. */
const eq = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const iso = (v: unknown) => (v as Date).toISOString();

type Case = readonly [feature: string, filter: string, expected: (u: Row) => boolean, everyRow?: boolean];

/** One feature per case: the $filter and the JS predicate the matching users must satisfy. */
const USER_CASES: readonly Case[] = [
  ['eq', "Department eq 'Platform'", (u) => u.department === 'Platform'],
  ['ne, which includes users whose Department is null', "Department ne 'Platform'", (u) => u.department !== 'Platform'],
  ['gt', 'Id gt 200', (u) => (u.id as number) > 200],
  ['ge', 'Id ge 200', (u) => (u.id as number) >= 200],
  ['lt', 'Id lt 5', (u) => (u.id as number) < 5],
  ['le', 'Id le 5', (u) => (u.id as number) <= 5],
  ['and', "Business eq 'Sales' and Id gt 100", (u) => u.business === 'Sales' && (u.id as number) > 100],
  ['or', "Department eq 'Platform' or Department eq 'Support'", (u) => u.department === 'Platform' || u.department === 'Support'],
  ['not, which treats a null comparison as false', "not (Business eq 'Engineering')", (u) => u.business !== 'Engineering'],
  ['not over eq, including null departments', "not (Department eq 'Platform')", (u) => u.department !== 'Platform'],
  ['not over contains, including null departments', "not contains(Department,'Plat')", (u) => !str(u.department)?.includes('Plat')],
  ['not over and', "not (Id gt 100 and Department eq 'Platform')", (u) => !((u.id as number) > 100 && u.department === 'Platform')],
  ['and binding tighter than or', 'Id eq 1 or Id eq 2 and Id eq 3', (u) => u.id === 1],
  ['parentheses around or', '(Id eq 1 or Id eq 2) and Id eq 2', (u) => u.id === 2],
  ['in', "Department in ('Platform','Support')", (u) => u.department === 'Platform' || u.department === 'Support'],
  ['in with null', "Department in ('Platform',null)", (u) => u.department === 'Platform' || u.department === null],
  ['mod', 'Id mod 7 eq 3', (u) => (u.id as number) % 7 === 3],
  ['add', 'Id add 1 gt 200', (u) => (u.id as number) + 1 > 200],
  ['sub', 'Id sub 10 lt 0', (u) => (u.id as number) - 10 < 0],
  ['mul', 'Id mul 3 eq 30', (u) => (u.id as number) * 3 === 30],
  ['div, integer division on integers', 'Id div 4 eq 5', (u) => Math.trunc((u.id as number) / 4) === 5],
  ['divby, decimal division', 'Id divby 4 eq 5.25', (u) => (u.id as number) / 4 === 5.25],
  ['negation', '-Id eq -5', (u) => u.id === 5],
  ['negative literals in arithmetic', 'Id mul -1 lt -220', (u) => -(u.id as number) < -220],
  ['arithmetic precedence (mul before add)', 'Id add 1 mul 2 eq 12', (u) => (u.id as number) + 2 === 12],
  ['parentheses in arithmetic', '(Id add 1) mul 2 eq 12', (u) => ((u.id as number) + 1) * 2 === 12],
  ['a Boolean property on its own', 'IsActive', (u) => u.is_active === true],
  ['not on a Boolean property', 'not IsActive', (u) => u.is_active !== true],
  ['eq between two nullable properties (null eq null is true)', 'Department eq Business', (u) => eq(u.department, u.business)],
  ['$it naming the current entity', '$it/Id eq 1', (u) => u.id === 1],
  ['eq null', 'Department eq null', (u) => u.department === null],
  ['ne null', 'Department ne null', (u) => u.department !== null],
  ['null on the left', 'null eq Department', (u) => u.department === null],
  ['a string literal with an escaped quote', "LastName eq 'O''Neil'", (u) => u.last_name === "O'Neil"],
  ['contains', "contains(LastName,'son')", (u) => !!str(u.last_name)?.includes('son')],
  ['startswith', "startswith(FirstName,'Zo')", (u) => !!str(u.first_name)?.startsWith('Zo')],
  ['endswith', "endswith(LastName,'son')", (u) => !!str(u.last_name)?.endsWith('son')],
  ['length', 'length(LastName) eq 5', (u) => str(u.last_name)?.length === 5],
  ['indexof', "indexof(LastName,'ar') eq 1", (u) => str(u.last_name)?.indexOf('ar') === 1],
  ['indexof not found is -1', "indexof(LastName,'zzz') eq -1", (u) => u.last_name !== null],
  ['substring with start and length', "substring(LastName,1,2) eq 'ar'", (u) => str(u.last_name)?.substring(1, 3) === 'ar'],
  ['substring with start only', "substring(LastName,3) eq 'son'", (u) => str(u.last_name)?.substring(3) === 'son'],
  ['tolower', "tolower(LastName) eq 'o''neil'", (u) => str(u.last_name)?.toLowerCase() === "o'neil"],
  ['toupper on accented letters', "toupper(FirstName) eq 'ZOË'", (u) => str(u.first_name)?.toUpperCase() === 'ZOË'],
  ['trim', "trim(concat('  ',FirstName)) eq 'Alice'", (u) => u.first_name === 'Alice'],
  ['concat', "concat(concat(FirstName,' '),LastName) eq 'Alice Fairbanks'", (u) => u.first_name === 'Alice' && u.last_name === 'Fairbanks'],
  ['concat compared with a property (null when an operand is null)', "concat(concat(FirstName,' '),LastName) eq DisplayName",
    (u) => eq(u.first_name === null || u.last_name === null ? null : `${String(u.first_name)} ${String(u.last_name)}`, u.display_name)],
  ['matchesPattern', "matchesPattern(LastName,'^O''')", (u) => /^O'/.test(str(u.last_name) ?? '') && u.last_name !== null],
  ['year', 'year(CreatedAt) eq 2024', (u) => (u.created_at as Date).getUTCFullYear() === 2024, true],
  ['month', 'month(CreatedAt) eq 2', (u) => (u.created_at as Date).getUTCMonth() + 1 === 2],
  ['day', 'day(CreatedAt) eq 15', (u) => (u.created_at as Date).getUTCDate() === 15],
  ['hour', 'hour(CreatedAt) eq 16', (u) => (u.created_at as Date).getUTCHours() === 16],
  ['minute', 'minute(CreatedAt) eq 0', (u) => (u.created_at as Date).getUTCMinutes() === 0, true],
  ['second', 'second(CreatedAt) eq 0', (u) => (u.created_at as Date).getUTCSeconds() === 0, true],
  ['date', 'date(CreatedAt) eq 2024-01-08', (u) => iso(u.created_at).slice(0, 10) === '2024-01-08'],
  ['a DateTimeOffset literal', 'CreatedAt gt 2024-02-01T00:00:00Z', (u) => (u.created_at as Date) > new Date('2024-02-01T00:00:00Z')],
  ['now()', 'CreatedAt lt now()', (u) => (u.created_at as Date) < new Date(), true],
  ['floor', 'floor(Id divby 2) eq 5', (u) => Math.floor((u.id as number) / 2) === 5],
  ['ceiling', 'ceiling(Id divby 2) eq 5', (u) => Math.ceil((u.id as number) / 2) === 5],
  ['round', 'round(Id divby 2) eq 5', (u) => Math.round((u.id as number) / 2) === 5],
  ['round, midpoints away from zero', 'round(Id divby -2) eq -5', (u) => -Math.round((u.id as number) / 2) === -5],
  ['duration arithmetic', "CreatedAt add duration'P30D' gt 2024-03-01T00:00:00Z", (u) => (u.created_at as Date).getTime() + 30 * 86_400_000 > Date.parse('2024-03-01T00:00:00Z')],
  ['the difference of two DateTimeOffsets', "CreatedAt sub 2024-01-08T00:00:00Z lt duration'P2D'", (u) => (u.created_at as Date).getTime() - Date.parse('2024-01-08T00:00:00Z') < 2 * 86_400_000],
  ['cast to Edm.String', "cast(Id,Edm.String) eq '5'", (u) => u.id === 5],
  ['an or that cannot escape the company scope', 'CompanyId eq 2 or Id gt 0', () => true, true],
];

describe('GET with $filter', () => {
  let t: TestApp;
  let users: Row[];
  let teams: Row[];
  let memberships: Row[];
  let own: PrivateCompany;

  before(async () => {
    t = await testApp();
    const { db, demo } = t.database;
    const contoso = demo.companies.contoso;
    users = await usersOf(db, contoso);
    teams = ((await db('organization_team_hierarchies').where({ company_id: contoso }).orderBy('id')) as Row[]).map((r) => ({
      ...r, id: Number(r.id), parent_id: r.parent_id === null ? null : Number(r.parent_id),
    }));
    memberships = ((await db('organization_team_member_hierarchies').where({ company_id: contoso })) as Row[]).map((r) => ({
      ...r, user_id: Number(r.user_id), team_id: Number(r.organization_team_hierarchy_id),
    }));
    own = await createCompany(
      db,
      'Filter',
      [
        { user_name: 'admin', is_administrator: true, created_at: '2023-12-31T23:59:59Z' },
        // 2024-03-06 01:30:45.25 at +02:00 is 2024-03-05 23:30:45.25 UTC
        { user_name: 'late', created_at: '2024-03-06T01:30:45.25+02:00' },
        { user_name: 'member' },
        { user_name: 'percent', last_name: 'Save 100%' },
        { user_name: 'thousand', last_name: 'Save 1000' },
        { user_name: 'underscore', last_name: 'a_b' },
        { user_name: 'x', last_name: 'axb' },
      ],
      [['Staffed', null], ['Empty', 'Staffed'], ['Also empty', null]],
      [['member', 'Staffed']],
    );
  });

  const filterIds = async (set: string, filter: string, token = t.tokens.admin) =>
    ids(expectJson(await t.get(`/odata/${set}?$select=Id&$filter=${encodeURIComponent(filter)}`, token)));

  describe('on Users', () => {
    for (const [feature, filter, predicate, everyRow] of USER_CASES) {
      it(`supports ${feature}: ${filter}`, async () => {
        const expected = users.filter(predicate).map((u) => u.id as number);
        if (everyRow) expect(expected).to.have.length(users.length);
        else expect(expected.length, 'a meaningful case selects some rows, not all').to.be.within(1, users.length - 1);
        expect(await filterIds('Users', filter)).to.deep.equal(expected);
      });
    }
  });

  it("supports a lambda with a path inside: Memberships/any(m: m/OrganizationTeamHierarchy/Name eq 'Platform')", async () => {
    const platform = teams.filter((x) => x.name === 'Platform').map((x) => x.id);
    const members = new Set(memberships.filter((m) => platform.includes(m.team_id)).map((m) => m.user_id));
    const expected = users.filter((u) => members.has(u.id)).map((u) => u.id as number);
    expect(expected.length).to.be.greaterThan(0);
    expect(await filterIds('Users', "Memberships/any(m: m/OrganizationTeamHierarchy/Name eq 'Platform')")).to.deep.equal(expected);
  });

  describe('LIKE wildcards in string functions', () => {
    const ownAdmin = () => t.token(own.users.get('admin') as number, own.companyId, 'odata.read');
    for (const [filter, who] of [
      ["contains(LastName,'100%')", 'percent'],
      ["contains(LastName,'a_b')", 'underscore'],
      ["startswith(LastName,'a_')", 'underscore'],
      ["endswith(LastName,'0%')", 'percent'],
    ] as const) {
      it(`takes % and _ literally in ${filter}`, async () => {
        expect(await filterIds('Users', filter, ownAdmin())).to.deep.equal([own.users.get(who)]);
      });
    }
  });

  describe('date functions in UTC', () => {
    const ownAdmin = () => t.token(own.users.get('admin') as number, own.companyId, 'odata.read');
    for (const [filter, who] of [
      ['hour(CreatedAt) eq 23 and minute(CreatedAt) eq 30 and second(CreatedAt) eq 45', 'late'],
      ['date(CreatedAt) eq 2024-03-05', 'late'],
      ['day(CreatedAt) eq 5 and month(CreatedAt) eq 3', 'late'],
      ['year(CreatedAt) eq 2023', 'admin'],
      ['CreatedAt eq 2024-03-05T23:30:45.25Z', 'late'],
      ['fractionalseconds(CreatedAt) eq 0.25', 'late'],
      ['CreatedAt eq 2024-03-06T01:30:45.25+02:00', 'late'],
      ['time(CreatedAt) eq 23:30:45.25', 'late'],
    ] as const) {
      it(`evaluates ${filter} on the UTC instant`, async () => {
        expect(await filterIds('Users', filter, ownAdmin())).to.deep.equal([own.users.get(who)]);
      });
    }
  });

  describe('on OrganizationTeamHierarchies', () => {
    const teamIds = (pred: (team: Row) => boolean) => teams.filter(pred).map((x) => x.id as number);
    const byName = (name: string) => teams.find((x) => x.name === name) as Row;
    const membersOf = (team: Row) => memberships.filter((m) => m.team_id === team.id).map((m) => m.user_id);

    it('supports any with a predicate: Members/any(m: m/UserId eq <bob>)', async () => {
      const bob = t.database.demo.users.bobReader;
      const expected = teamIds((x) => membersOf(x).includes(bob));
      expect(expected.length).to.be.greaterThan(0);
      expect(await filterIds('OrganizationTeamHierarchies', `Members/any(m: m/UserId eq ${bob})`)).to.deep.equal(expected);
    });

    it('supports all: Members/all(m: m/UserId ne <bob>)', async () => {
      const bob = t.database.demo.users.bobReader;
      const expected = teamIds((x) => membersOf(x).every((id) => id !== bob));
      expect(await filterIds('OrganizationTeamHierarchies', `Members/all(m: m/UserId ne ${bob})`)).to.deep.equal(expected);
    });

    it('includes teams without members in all(…) and excludes them from any()', async () => {
      const token = t.token(own.users.get('admin') as number, own.companyId, 'odata.read');
      const member = own.users.get('member') as number;
      const team = (n: string) => own.teams.get(n) as number;
      expect(await filterIds('OrganizationTeamHierarchies', `Members/all(m: m/UserId eq ${member})`, token)).to.deep.equal(sorted([...own.teams.values()]));
      expect(await filterIds('OrganizationTeamHierarchies', `Members/all(m: m/UserId ne ${member})`, token)).to.deep.equal(sorted([team('Empty'), team('Also empty')]));
      expect(await filterIds('OrganizationTeamHierarchies', 'Members/any()', token)).to.deep.equal([team('Staffed')]);
    });

    it('supports any without a predicate: Members/any()', async () => {
      expect(await filterIds('OrganizationTeamHierarchies', 'Members/any()')).to.deep.equal(teamIds((x) => membersOf(x).length > 0));
    });

    it("follows a single navigation: Parent/Name eq 'Engineering'", async () => {
      const expected = teamIds((x) => x.parent_id === byName('Engineering').id);
      expect(expected.length).to.be.greaterThan(1);
      expect(await filterIds('OrganizationTeamHierarchies', "Parent/Name eq 'Engineering'")).to.deep.equal(expected);
    });

    it("follows two navigations: Parent/Parent/Name eq 'Engineering'", async () => {
      const children = new Set(teamIds((x) => x.parent_id === byName('Engineering').id));
      const expected = teamIds((x) => children.has(x.parent_id as number));
      expect(expected.length).to.be.greaterThan(1);
      expect(await filterIds('OrganizationTeamHierarchies', "Parent/Parent/Name eq 'Engineering'")).to.deep.equal(expected);
    });

    it('treats a missing parent as null: Parent/Name eq null', async () => {
      expect(await filterIds('OrganizationTeamHierarchies', 'Parent/Name eq null')).to.deep.equal(teamIds((x) => x.parent_id === null));
    });

    it('refers to the outer entity with $it inside a lambda: Children/any(c: c/ParentId eq $it/Id)', async () => {
      const expected = teamIds((x) => teams.some((c) => c.parent_id === x.id));
      expect(await filterIds('OrganizationTeamHierarchies', 'Children/any(c: c/ParentId eq $it/Id)')).to.deep.equal(expected);
    });

    it('nests lambdas: Children/any(c: c/Members/any(m: m/UserId eq <bob>))', async () => {
      const bob = t.database.demo.users.bobReader;
      const bobTeams = new Set(teamIds((x) => membersOf(x).includes(bob)));
      const expected = teamIds((x) => teams.some((c) => c.parent_id === x.id && bobTeams.has(c.id as number)));
      expect(expected.length).to.be.greaterThan(0);
      expect(await filterIds('OrganizationTeamHierarchies', `Children/any(c: c/Members/any(m: m/UserId eq ${bob}))`)).to.deep.equal(expected);
    });
  });
});
