/**
 * The hierarchy functions through HTTP on the run's database, on a company of the spec's own whose chain
 * of teams is 8 deep: `OrganizationTeamHierarchies(n)/Default.Ancestors()` (the top team first),
 * `…/Default.Descendants(MaxDepth=k)` (nearest first), each team with its `@OrgChart.Depth`, with query
 * options, paging and `/$count`; `Users(n)/Default.Managers()` as an administrator and as a non-administrator
 * (visibility applied); and the 400s/404s.
 */
import { expect } from 'chai';
import { testApp, type TestApp } from '../helpers/test-app';
import { createCompany, expectError, expectJson, followAll, ORIGIN, type Row } from './helpers';

describe('Hierarchy functions (Ancestors, Descendants, Managers)', () => {
  let t: TestApp;
  let team: (name: string) => number;
  let user: (name: string) => number;
  let admin: string;
  let mid: string;
  const get = (url: string, token: string, headers: Record<string, string> = {}) => t.get(url, token).set('Host', new URL(ORIGIN).host).set(headers);
  const names = (body: Row) => (body.value as Row[]).map((r) => r.Name);
  const depths = (body: Row) => (body.value as Row[]).map((r) => r['@OrgChart.Depth']);

  before(async () => {
    t = await testApp();
    // L0 → L1 → L2 → … → L7, with side teams L2b (under L1) and L4b (under L3)
    const chain = Array.from({ length: 8 }, (_, i) => [`L${i}`, i === 0 ? null : `L${i - 1}`] as const);
    const own = await createCompany(t.database.db, 'Hierarchy', [
      { user_name: 'admin', is_administrator: true },
      { user_name: 'top' }, { user_name: 'boss' }, { user_name: 'mid' }, { user_name: 'worker' }, { user_name: 'peer' }, { user_name: 'side' }, { user_name: 'deep' },
    ], [...chain.slice(0, 3), ['L2b', 'L1'], ...chain.slice(3, 5), ['L4b', 'L3'], ...chain.slice(5)], [
      ['top', 'L0'], ['boss', 'L1'], ['mid', 'L3'], ['worker', 'L6'], ['peer', 'L6'], ['side', 'L2b'], ['deep', 'L7'], ['boss', 'L4b'],
    ]);
    team = (name) => own.teams.get(name) as number;
    user = (name) => own.users.get(name) as number;
    admin = t.token(user('admin'), own.companyId, 'odata.read');
    mid = t.token(user('mid'), own.companyId, 'odata.read');
  });

  it('reads the teams above a team, the top team first, each with its distance', async () => {
    const body = expectJson(await get(`/odata/OrganizationTeamHierarchies(${team('L6')})/Default.Ancestors()`, admin));
    expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#OrganizationTeamHierarchies`);
    expect(names(body)).to.deep.equal(['L0', 'L1', 'L2', 'L3', 'L4', 'L5']);
    expect(depths(body)).to.deep.equal([6, 5, 4, 3, 2, 1]);
    // the annotation comes after the etag, before the properties
    expect(Object.keys((body.value as Row[])[0] as Row).slice(0, 3)).to.deep.equal(['@odata.etag', '@OrgChart.Depth', 'Id']);
    // the namespace works as well as its alias
    expect(names(expectJson(await get(`/odata/OrganizationTeamHierarchies(${team('L2')})/OrgChart.Ancestors()`, admin)))).to.deep.equal(['L0', 'L1']);
    expect(names(expectJson(await get(`/odata/OrganizationTeamHierarchies(${team('L0')})/Default.Ancestors()`, admin)))).to.deep.equal([]);
  });

  it('reads the teams below a team, nearest first, all of them or down to MaxDepth', async () => {
    const all = expectJson(await get(`/odata/OrganizationTeamHierarchies(${team('L1')})/Default.Descendants()`, admin));
    expect(names(all)).to.deep.equal(['L2', 'L2b', 'L3', 'L4', 'L4b', 'L5', 'L6', 'L7']);
    expect(depths(all)).to.deep.equal([1, 1, 2, 3, 3, 4, 5, 6]);
    const two = expectJson(await get(`/odata/OrganizationTeamHierarchies(${team('L1')})/Default.Descendants(MaxDepth=2)`, admin));
    expect(names(two)).to.deep.equal(['L2', 'L2b', 'L3']);
  });

  it('takes $filter, $select, $orderby, $top, $count, /$count and pages with nextLinks', async () => {
    const url = `/odata/OrganizationTeamHierarchies(${team('L1')})/Default.Descendants()`;
    const filtered = expectJson(await get(`${url}?$filter=Name ne 'L3'&$select=Name&$count=true`, admin));
    expect(names(filtered)).to.deep.equal(['L2', 'L2b', 'L4', 'L4b', 'L5', 'L6', 'L7']);
    expect(filtered['@odata.count']).to.equal(7);
    expect(Object.keys((filtered.value as Row[])[0] as Row)).to.deep.equal(['@odata.etag', '@OrgChart.Depth', 'Name']);
    expect(names(expectJson(await get(`${url}?$orderby=Name desc&$top=2&$select=Name`, admin)))).to.deep.equal(['L7', 'L6']);
    expect((await get(`${url}/$count`, admin)).text).to.equal('8');
    const paged = await followAll(t, `${url}?$select=Name`, admin, { Prefer: 'odata.maxpagesize=3' });
    expect(paged.rows.map((r) => r.Name)).to.deep.equal(['L2', 'L2b', 'L3', 'L4', 'L4b', 'L5', 'L6', 'L7']);
    expect(paged.links).to.have.length(2);
    const expanded = expectJson(await get(`${url}?$filter=Name eq 'L6'&$expand=Members($select=UserId)`, admin));
    expect(((expanded.value as Row[])[0]?.Members as Row[]).map((m) => m.UserId).sort()).to.deep.equal([user('worker'), user('peer')].sort());
  });

  it('reads the members of the teams above a user\'s teams (Managers), as far as the caller may see them', async () => {
    const all = expectJson(await get(`/odata/Users(${user('worker')})/Default.Managers()?$select=UserName`, admin));
    // top (L0), boss (L1) and mid (L3) are above L6; peer shares L6, side's L2b is beside it, deep is below
    expect((all.value as Row[]).map((u) => u.UserName).sort()).to.deep.equal(['boss', 'mid', 'top']);
    const deep = expectJson(await get(`/odata/Users(${user('deep')})/Default.Managers()?$select=UserName&$orderby=UserName`, admin));
    expect((deep.value as Row[]).map((u) => u.UserName)).to.deep.equal(['boss', 'mid', 'peer', 'top', 'worker']);
    // mid sees the members of L3 and below (boss is also in L4b): of deep's managers, all but top (L0 only)
    const seen = expectJson(await get(`/odata/Users(${user('deep')})/Default.Managers()?$select=UserName&$orderby=UserName`, mid));
    expect((seen.value as Row[]).map((u) => u.UserName)).to.deep.equal(['boss', 'mid', 'peer', 'worker']);
    // a user mid may not see is not there for him
    expectError(await get(`/odata/Users(${user('top')})/Default.Managers()`, mid), 404, 'NotFound');
  });

  it('answers 400 for an unknown function, a bad MaxDepth or a path after it, and 404 for a missing team', async () => {
    const unknown = expectError(await get(`/odata/OrganizationTeamHierarchies(${team('L1')})/Default.Siblings()`, admin), 400, 'UnknownFunction');
    expect(unknown.message).to.contain('Default.Ancestors()').and.contain('Default.Descendants()');
    expectError(await get(`/odata/Users(${user('boss')})/Default.Ancestors()`, admin), 400, 'UnknownFunction');
    expectError(await get(`/odata/OrganizationTeamHierarchies(${team('L1')})/Default.Descendants(MaxDepth=0)`, admin), 400, 'InvalidValue');
    expectError(await get(`/odata/OrganizationTeamHierarchies(${team('L1')})/Default.Descendants(Depth=2)`, admin), 400, 'InvalidQueryOption');
    expectError(await get(`/odata/OrganizationTeamHierarchies(${team('L1')})/Default.Descendants(2)`, admin), 400, 'SyntaxError');
    expectError(await get(`/odata/OrganizationTeamHierarchies(${team('L1')})/Default.Descendants()/Name`, admin), 400, 'UnsupportedQueryOption');
    expectError(await get('/odata/OrganizationTeamHierarchies(999999999)/Default.Ancestors()', admin), 404, 'NotFound');
  });
});
