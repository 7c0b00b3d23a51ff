/**
 * HTTP specs of the matchesPattern gate (odata/plan/regex-safety.ts): a catastrophic, over-long or
 * back-referencing pattern is a 400 OData error naming the problem before any SQL runs — in $filter, in
 * lambda bodies and in nested $expand filters — while safe patterns select exactly the rows ECMAScript's
 * reading of the pattern selects from the database rows.
 */
import { expect } from 'chai';
import { testApp, type TestApp } from '../helpers/test-app';
import { createCompany, expectError, expectJson, ids, usersOf, type PrivateCompany, type Row } from './helpers';

const ATTACK = '(.*.*.*.*.*.*.*.*){1,50}zz';

describe('matchesPattern patterns checked before they reach the database', () => {
  let t: TestApp;
  let demoUsers: Row[];
  let own: PrivateCompany;
  let ownUsers: Row[];
  let ownAdmin: string;

  const filterUrl = (set: string, filter: string) => `/odata/${set}?$select=Id&$filter=${encodeURIComponent(filter)}`;

  before(async () => {
    t = await testApp();
    const { db, demo } = t.database;
    demoUsers = await usersOf(db, demo.companies.contoso);
    own = await createCompany(db, 'Regex', [
      { user_name: 'admin', is_administrator: true, last_name: 'Admin' },
      { user_name: 'smith', last_name: 'Smith', external_id: '555-1234' },
      { user_name: 'lower-smith', last_name: 'smith', external_id: 'x555-12345' },
      { user_name: 'mcdonald', last_name: 'McDonald', external_id: '5551234' },
      { user_name: 'macleod', last_name: 'MacLeod' },
      { user_name: 'johnson', last_name: 'Johnson' },
      { user_name: 'cabrera', last_name: 'Cabrera' },
      { user_name: 'oneil', last_name: "O'Neil" },
      { user_name: 'nameless', last_name: null },
    ]);
    ownUsers = await usersOf(db, own.companyId);
    ownAdmin = t.token(own.users.get('admin') as number, own.companyId, 'odata.read');
  });

  describe('refusals', () => {
    it('answers the attack pattern with 400 LimitExceeded naming the nested repetition', async () => {
      const error = expectError(await t.get(filterUrl('Users', `matchesPattern(LastName,'${ATTACK}')`), t.tokens.admin), 400, 'LimitExceeded');
      expect(error.target).to.equal('$filter');
      expect(error.message).to.include("$filter: matchesPattern pattern repeats '.*' at position 1");
      expect(error.message).to.include(`inside the repeated '${ATTACK.slice(0, -2)}' at position 0`);
    });

    it('answers a pattern longer than 200 characters with 400 LimitExceeded naming its length', async () => {
      const error = expectError(await t.get(filterUrl('Users', `matchesPattern(LastName,'${'a'.repeat(201)}')`), t.tokens.admin), 400, 'LimitExceeded');
      expect(error.message).to.include('is 201 characters long; at most 200 are allowed');
    });

    it('answers a back reference with 400 LimitExceeded naming it', async () => {
      const error = expectError(await t.get(filterUrl('Users', "matchesPattern(LastName,'(.)\\1')"), t.tokens.admin), 400, 'LimitExceeded');
      expect(error.message).to.include("has the back reference '\\1' at position 3");
    });

    it('answers an unparsable pattern with 400 InvalidValue and the parser position, not the database error', async () => {
      const error = expectError(await t.get(filterUrl('Users', "matchesPattern(LastName,'Sm(ith')"), t.tokens.admin), 400, 'InvalidValue');
      expect(error.message).to.include('is not a valid regular expression: Unterminated group at position 6');
    });

    it('answers \\b, a backspace in PostgreSQL, with 400 UnsupportedQueryOption instead of silently matching nothing', async () => {
      const error = expectError(await t.get(filterUrl('Users', "matchesPattern(LastName,'\\bSmith')"), ownAdmin), 400, 'UnsupportedQueryOption');
      expect(error.message).to.include("word boundary '\\b' at position 0");
    });

    it('answers a property as the pattern with 400 UnsupportedQueryOption', async () => {
      const error = expectError(await t.get(filterUrl('Users', 'matchesPattern(LastName,FirstName)'), t.tokens.admin), 400, 'UnsupportedQueryOption');
      expect(error.message).to.include('matchesPattern needs a literal pattern');
    });

    for (const [where, url] of [
      ['an any() body', filterUrl('OrganizationTeamHierarchies', "Members/any(m: matchesPattern(m/User/LastName,'(a+)+'))")],
      ['an all() body', filterUrl('OrganizationTeamHierarchies', "Members/all(m: matchesPattern(m/User/LastName,'(a+)+'))")],
      ['a nested $expand $filter', `/odata/OrganizationTeamHierarchies?$expand=${encodeURIComponent("Children($filter=matchesPattern(Name,'(a+)+'))")}`],
      ['a $filter nested two $expand levels down', `/odata/Users?$expand=${encodeURIComponent("Memberships($expand=OrganizationTeamHierarchy($expand=Members($filter=matchesPattern(User/LastName,'(a+)+'))))")}`],
    ] as const) {
      it(`checks a pattern in ${where}`, async () => {
        const error = expectError(await t.get(url, t.tokens.admin), 400, 'LimitExceeded');
        expect(error.message).to.include("matchesPattern pattern repeats 'a+' at position 1");
      });
    }
  });

  describe('safe patterns', () => {
    /** The ids of `rows` whose `column` matches `pattern` as ECMAScript reads it (null never matches). */
    const matching = (rows: readonly Row[], column: string, pattern: string) =>
      rows.filter((r) => typeof r[column] === 'string' && new RegExp(pattern).test(r[column] as string)).map((r) => r.id as number);

    for (const [property, column, pattern] of [
      ['LastName', 'last_name', '^Sm'],
      ['LastName', 'last_name', '[Ss]mith'],
      ['LastName', 'last_name', '^[A-Z][a-z]+$'],
      ['LastName', 'last_name', 'son$'],
      ['LastName', 'last_name', '^(Mc|Mac)'],
      ['LastName', 'last_name', 'a.*b'],
      ['LastName', 'last_name', "^O'"],
      ['ExternalId', 'external_id', '\\d{3}-\\d{4}'],
    ] as const) {
      it(`answers matchesPattern(${property},'${pattern}') with the rows it matches`, async () => {
        const expected = matching(ownUsers, column, pattern);
        expect(expected.length, 'a meaningful case selects some rows, not all').to.be.within(1, ownUsers.length - 1);
        const literal = pattern.replace(/'/g, "''");
        expect(ids(expectJson(await t.get(filterUrl('Users', `matchesPattern(${property},'${literal}')`), ownAdmin)))).to.deep.equal(expected);
      });
    }

    it("answers matchesPattern(LastName,'^[A-Z][a-z]+$') over the demo company's users with the rows it matches", async () => {
      const expected = matching(demoUsers, 'last_name', '^[A-Z][a-z]+$');
      expect(expected.length).to.be.within(1, demoUsers.length - 1);
      const body = expectJson(await t.get(`${filterUrl('Users', "matchesPattern(LastName,'^[A-Z][a-z]+$')")}&$top=1000`, t.tokens.admin));
      expect(ids(body)).to.deep.equal(expected);
    });
  });
});
