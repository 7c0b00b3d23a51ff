/**
 * Navigation paths through HTTP on the run's database: `Teams(5)/Members` (with query options, paging and
 * $count), `Teams(5)/Members(9)`, `Teams(5)/Parent` (204 for the root), `Users(5)/Memberships`; each
 * answer compared with the database; 404 for a missing or invisible source, 403 for an admin-only
 * source, 400 for longer paths, 405 for writes.
 */
import { expect } from 'chai';
import request from 'supertest';
import { testApp, type TestApp } from '../helpers/test-app';
import { expectedVisibleUserIds, expectError, expectJson, followAll, ids, ORIGIN, type Row } from './helpers';

describe('Navigation paths', () => {
  let t: TestApp;
  let contoso: number;
  let teams: Row[];
  let memberships: Row[];
  const get = (url: string, token?: string) => t.get(url, token ?? t.tokens.admin).set('Host', new URL(ORIGIN).host);
  const membersOf = (team: number) => memberships.filter((m) => Number(m.organization_team_hierarchy_id) === team).map((m) => Number(m.id));

  before(async () => {
    t = await testApp();
    const { db, demo } = t.database;
    contoso = demo.companies.contoso;
    teams = (await db('organization_team_hierarchies').where({ company_id: contoso }).orderBy('id')) as Row[];
    memberships = (await db('organization_team_member_hierarchies').where({ company_id: contoso }).orderBy('id')) as Row[];
  });

  it('reads the members of a team, with the options of a collection and paging', async () => {
    const team = teams.map((r) => Number(r.id)).find((id) => membersOf(id).length >= 4) as number;
    const body = expectJson(await get(`/odata/OrganizationTeamHierarchies(${team})/Members?$count=true`));
    expect(ids(body)).to.deep.equal(membersOf(team));
    expect(body['@odata.count']).to.equal(membersOf(team).length);
    expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#OrganizationTeamMemberHierarchies`);
    const paged = await followAll(t, `/odata/OrganizationTeamHierarchies(${team})/Members?$select=Id`, t.tokens.admin, { Prefer: 'odata.maxpagesize=2' });
    expect(paged.rows.map((r) => r.Id)).to.deep.equal(membersOf(team));
    expect(paged.links[0]).to.match(new RegExp(`/odata/OrganizationTeamHierarchies\\(${team}\\)/Members\\?`));
    const top = expectJson(await get(`/odata/OrganizationTeamHierarchies(${team})/Members?$orderby=Id desc&$top=2&$select=Id`));
    expect(ids(top)).to.deep.equal(membersOf(team).reverse().slice(0, 2));
    expect((await get(`/odata/OrganizationTeamHierarchies(${team})/Members/$count`)).text).to.equal(String(membersOf(team).length));
  });

  it('expands a navigation as references: $expand=Members/$ref (with collection options), Parent/$ref (null at the top)', async () => {
    const team = teams.map((r) => Number(r.id)).find((id) => membersOf(id).length >= 3) as number;
    const refOf = (set: string, id: number) => ({ '@odata.id': `${ORIGIN}/odata/${set}(${id})` });
    const one = expectJson(await get(`/odata/OrganizationTeamHierarchies(${team})?$expand=Members/$ref&$select=Id`));
    expect(one['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#OrganizationTeamHierarchies(Id)/$entity`);
    expect(one.Members).to.deep.equal(membersOf(team).map((id) => refOf('OrganizationTeamMemberHierarchies', id)));
    const some = expectJson(await get(`/odata/OrganizationTeamHierarchies(${team})?$expand=Members/$ref($top=2;$orderby=Id desc;$count=true)&$select=Id`));
    expect(some.Members).to.deep.equal(membersOf(team).reverse().slice(0, 2).map((id) => refOf('OrganizationTeamMemberHierarchies', id)));
    expect(some['Members@odata.count']).to.equal(membersOf(team).length);
    const list = expectJson(await get('/odata/OrganizationTeamHierarchies?$expand=Parent/$ref&$select=Id&$top=4'));
    expect((list.value as Row[]).map((r) => r.Parent)).to.deep.equal(teams.slice(0, 4).map((r) => (r.parent_id === null ? null : refOf('OrganizationTeamHierarchies', Number(r.parent_id)))));
    expectError(await get('/odata/OrganizationTeamHierarchies?$expand=Members/$ref($select=Id)'), 400, 'InvalidQueryOption');
  });

  it('reads one member through the team, and 404s a membership of another team', async () => {
    const team = Number(teams[1]?.id);
    const own = membersOf(team)[0] as number;
    expect(expectJson(await get(`/odata/OrganizationTeamHierarchies(${team})/Members(${own})`)).Id).to.equal(own);
    const other = memberships.find((m) => Number(m.organization_team_hierarchy_id) !== team) as Row;
    expectError(await get(`/odata/OrganizationTeamHierarchies(${team})/Members(${Number(other.id)})`), 404, 'NotFound');
  });

  it('reads a parent, children and a user\'s memberships; 204 for the root\'s Parent', async () => {
    const child = teams.find((r) => r.parent_id !== null) as Row;
    const parent = expectJson(await get(`/odata/OrganizationTeamHierarchies(${Number(child.id)})/Parent?$select=Id,Name`));
    expect(parent).to.include({ Id: Number(child.parent_id), '@odata.context': `${ORIGIN}/odata/$metadata#OrganizationTeamHierarchies(Id,Name)/$entity` });
    const root = teams.find((r) => r.parent_id === null) as Row;
    const none = await get(`/odata/OrganizationTeamHierarchies(${Number(root.id)})/Parent`);
    expect([none.status, none.text]).to.deep.equal([204, '']);
    const children = teams.filter((r) => Number(r.parent_id) === Number(root.id)).map((r) => Number(r.id));
    expect(ids(expectJson(await get(`/odata/OrganizationTeamHierarchies(${Number(root.id)})/Children?$select=Id`)))).to.deep.equal(children);
    const user = Number(memberships[0]?.user_id);
    const mine = memberships.filter((m) => Number(m.user_id) === user).map((m) => Number(m.id));
    expect(ids(expectJson(await get(`/odata/Users(${user})/Memberships?$expand=OrganizationTeamHierarchy($select=Name)`)))).to.deep.equal(mine);
  });

  it('reads references: of a collection navigation (paged, counted) and of a single-valued one; 204 where it leads nowhere', async () => {
    const team = teams.map((r) => Number(r.id)).find((id) => membersOf(id).length >= 3) as number;
    const members = expectJson(await get(`/odata/OrganizationTeamHierarchies(${team})/Members/$ref?$count=true&$top=2`));
    expect(members).to.deep.equal({
      '@odata.context': `${ORIGIN}/odata/$metadata#Collection($ref)`,
      '@odata.count': membersOf(team).length,
      value: membersOf(team).slice(0, 2).map((id) => ({ '@odata.id': `${ORIGIN}/odata/OrganizationTeamMemberHierarchies(${id})` })),
    });
    const child = teams.find((r) => r.parent_id !== null) as Row;
    expect(expectJson(await get(`/odata/OrganizationTeamHierarchies(${Number(child.id)})/Parent/$ref`))).to.deep.equal({
      '@odata.context': `${ORIGIN}/odata/$metadata#$ref`,
      '@odata.id': `${ORIGIN}/odata/OrganizationTeamHierarchies(${Number(child.parent_id)})`,
    });
    const root = teams.find((r) => r.parent_id === null) as Row;
    const none = await get(`/odata/OrganizationTeamHierarchies(${Number(root.id)})/Parent/$ref`);
    expect([none.status, none.text]).to.deep.equal([204, '']);
    const membership = memberships[0] as Row;
    expect(expectJson(await get(`/odata/OrganizationTeamMemberHierarchies(${Number(membership.id)})/User/$ref`))['@odata.id'])
      .to.equal(`${ORIGIN}/odata/Users(${Number(membership.user_id)})`);
    const selected = await get(`/odata/OrganizationTeamHierarchies(${Number(child.id)})/Parent/$ref?$select=Id`);
    expect([selected.status, (selected.body as { error: { code: string } }).error.code]).to.deep.equal([400, 'InvalidQueryOption']);
    expectError(await get(`/odata/OrganizationTeamHierarchies(${Number(child.id)})/$ref`), 400, 'UnsupportedQueryOption');
  });

  it('answers 404 when the source is missing or hidden from the caller, even for an empty collection', async () => {
    const leaf = teams.map((r) => Number(r.id)).find((id) => membersOf(id).length === 0 && !teams.some((r) => Number(r.parent_id) === id));
    if (leaf !== undefined) expect(ids(expectJson(await get(`/odata/OrganizationTeamHierarchies(${leaf})/Children`)))).to.deep.equal([]);
    for (const url of ['/odata/OrganizationTeamHierarchies(999999)/Members', '/odata/OrganizationTeamHierarchies(999999)/Members/$count', '/odata/OrganizationTeamHierarchies(999999)/Parent']) {
      expect(expectError(await get(url), 404, 'NotFound').message).to.equal('No OrganizationTeamHierarchy with Id 999999');
    }
    const visible = await expectedVisibleUserIds(t.database.db, contoso, t.database.demo.users.aliceManager);
    const hidden = memberships.map((m) => Number(m.user_id)).find((id) => !visible.includes(id)) as number;
    expectError(await get(`/odata/Users(${hidden})/Memberships`, t.tokens.alice), 404, 'NotFound');
    const seen = memberships.map((m) => Number(m.user_id)).find((id) => id !== t.database.demo.users.aliceManager && visible.includes(id)) as number;
    expect(ids(expectJson(await get(`/odata/Users(${seen})/Memberships`, t.tokens.alice)))).to.deep.equal(memberships.filter((m) => Number(m.user_id) === seen).map((m) => Number(m.id)));
  });

  it('keeps admin-only sources admin-only, refuses longer paths and writes', async () => {
    expectError(await get('/odata/AuditLogs(1)/User', t.tokens.alice), 403, 'Forbidden');
    const team = Number(teams[1]?.id);
    expectError(await get(`/odata/OrganizationTeamHierarchies(${team})/Parent/Name`), 400, 'UnsupportedQueryOption');
    expectError(await get(`/odata/OrganizationTeamHierarchies(${team})/Members/User`), 400, 'UnsupportedQueryOption');
    expectError(await get(`/odata/OrganizationTeamHierarchies(${team})/Parent(1)`), 400, 'InvalidKey');
    expectError(await get(`/odata/OrganizationTeamHierarchies(${team})/Parent?$filter=Id eq 1`), 400, 'InvalidQueryOption');
    const post = await request(t.app).post(`/odata/OrganizationTeamHierarchies(${team})/Members`).set('Authorization', `Bearer ${t.tokens.admin}`).send({ UserId: 1 });
    expectError(post, 405, 'MethodNotAllowed');
  });
});
