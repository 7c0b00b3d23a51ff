/**
 * `$search` through HTTP on the run's database: every answer equals a search computed here in JS over the
 * company's rows (each term, lower-cased, somewhere in one searchable column), for words, phrases, NOT,
 * AND and OR; case-insensitive beyond ASCII; wildcards taken literally; the non-admin's visibility, counts,
 * paging and nested $search in $expand; and the 400s.
 */
import { expect } from 'chai';
import type { SearchExpr } from '../../odata/parse/ast';
import { parseSearch } from '../../odata/parse/parse-search';
import { testApp, type TestApp } from '../helpers/test-app';
import { expectedVisibleUserIds, expectError, expectJson, followAll, ids, sorted, usersOf, type Row } from './helpers';

const USER_TEXT = ['user_name', 'email', 'first_name', 'last_name', 'display_name', 'external_id', 'organization', 'business', 'department', 'group_name', 'team_name'];

/** Does the row match, by the rule stated in the README: each term is in one of the columns, ignoring case. */
function matches(row: Row, columns: readonly string[], expr: SearchExpr): boolean {
  switch (expr.kind) {
    case 'SearchTerm':
      return columns.some((c) => typeof row[c] === 'string' && (row[c] as string).toLowerCase().includes(expr.text.toLowerCase()));
    case 'SearchNot':
      return !matches(row, columns, expr.operand);
    case 'SearchAnd':
      return matches(row, columns, expr.left) && matches(row, columns, expr.right);
    default:
      return matches(row, columns, expr.left) || matches(row, columns, expr.right);
  }
}

describe('$search', () => {
  let t: TestApp;
  let users: Row[];
  let contoso: number;
  const search = (set: string, text: string, extra = '', token?: string) =>
    t.get(`/odata/${set}?$search=${encodeURIComponent(text)}${extra}`, token ?? t.tokens.admin);

  before(async () => {
    t = await testApp();
    contoso = t.database.demo.companies.contoso;
    users = await usersOf(t.database.db, contoso);
  });

  for (const text of ['platform', 'PLATFORM', 'alice', 'o\'neil', 'zoë', 'ZOË', 'sales emea', '"EMEA Sales"', 'sales NOT emea', 'NOT engineering', 'nordics OR dach',
    'engineering (platform OR security) NOT api', 'contoso.example', '@contoso', 'AND', 'a OR NOT b']) {
    it(`finds the users whose text matches ${text}`, async () => {
      const expected = users.filter((u) => matches(u, USER_TEXT, parseSearch(text))).map((u) => u.id as number);
      const { rows } = await followAll(t, `/odata/Users?$search=${encodeURIComponent(text)}&$select=Id`, t.tokens.admin);
      expect(rows.map((r) => r.Id)).to.deep.equal(expected);
      if (!['NOT engineering', 'a OR NOT b'].includes(text)) expect(expected.length, 'a search that finds something').to.be.greaterThan(0);
    });
  }

  it('takes % and _ literally', async () => {
    for (const text of ['%', '_', '100%']) {
      const expected = users.filter((u) => matches(u, USER_TEXT, parseSearch(text))).map((u) => u.id as number);
      expect(ids(expectJson(await search('Users', text, '&$select=Id')))).to.deep.equal(expected);
    }
  });

  it('counts what it finds, together with $filter, and pages through it with $skiptoken', async () => {
    const expr = parseSearch('sales');
    const expected = users.filter((u) => matches(u, USER_TEXT, expr) && u.is_active === true).map((u) => u.id as number);
    expect(Number((await t.get('/odata/Users/$count?$search=sales&$filter=IsActive', t.tokens.admin)).text)).to.equal(expected.length);
    const body = expectJson(await search('Users', 'sales', '&$filter=IsActive&$count=true&$select=Id&$top=1'));
    expect(body['@odata.count']).to.equal(expected.length);
    const { rows, links } = await followAll(t, '/odata/Users?$search=sales&$filter=IsActive&$select=Id', t.tokens.admin, { Prefer: 'odata.maxpagesize=3' });
    expect(rows.map((r) => r.Id)).to.deep.equal(expected);
    expect(links.length).to.be.greaterThan(0);
    // a page token belongs to its search: reused with another, it is refused
    const token = new URL(links[0] as string).searchParams.get('$skiptoken') as string;
    expectError(await search('Users', 'emea', `&$filter=IsActive&$skiptoken=${encodeURIComponent(token)}`), 400, 'InvalidSkipToken');
  });

  it('finds only the users a non-administrator may see', async () => {
    const visible = await expectedVisibleUserIds(t.database.db, contoso, t.database.demo.users.aliceManager);
    const expected = users.filter((u) => visible.includes(u.id as number) && matches(u, USER_TEXT, parseSearch('a'))).map((u) => u.id as number);
    const { rows } = await followAll(t, '/odata/Users?$search=a&$select=Id', t.tokens.alice);
    expect(sorted(rows.map((r) => r.Id as number))).to.deep.equal(expected);
    expect(expected.length).to.be.lessThan(users.filter((u) => matches(u, USER_TEXT, parseSearch('a'))).length);
  });

  it('searches teams by name and description, and inside $expand', async () => {
    const teams = (await t.database.db('organization_team_hierarchies').where({ company_id: contoso }).orderBy('id')) as Row[];
    const expected = teams.filter((r) => matches(r, ['name', 'description'], parseSearch('sales'))).map((r) => Number(r.id));
    expect(ids(expectJson(await search('OrganizationTeamHierarchies', 'sales', '&$select=Id')))).to.deep.equal(expected);
    const body = expectJson(await t.get(`/odata/OrganizationTeamHierarchies?$filter=ParentId eq null&$select=Id&$expand=${encodeURIComponent('Children($search=sales;$select=Id)')}`, t.tokens.admin));
    const root = (body.value as Row[])[0] as Row;
    const children = teams.filter((r) => Number(r.parent_id) === root.Id && matches(r, ['name', 'description'], parseSearch('sales'))).map((r) => Number(r.id));
    expect((root.Children as Row[]).map((c) => c.Id)).to.deep.equal(children);
    expect(children.length).to.be.greaterThan(0);
  });

  it('answers 400 to a set without text, to a bad search and to one that is too large', async () => {
    expect(expectError(await search('OrganizationTeamMemberHierarchies', 'x'), 400, 'InvalidQueryOption').message).to.contain('no text to $search');
    expectError(await search('Users', '"unclosed'), 400, 'SyntaxError');
    expectError(await search('Users', '(a'), 400, 'SyntaxError');
    expectError(await search('Users', Array.from({ length: 60 }, (_, i) => `w${i}`).join(' OR ')), 400, 'LimitExceeded');
  });
});
