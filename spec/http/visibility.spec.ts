import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../server/app';
import { loadVisibleUsers } from '../../server/auth/visibility';
import { testApp, testConfig, type TestApp } from '../helpers/test-app';
import { createCompany, expectedVisibleUserIds, expectError, expectJson, ids, sorted, usersOf, type PrivateCompany, type Row } from './helpers';


describe('Row visibility of GET reads', () => {
  let t: TestApp;
  let contoso: Row[];
  let aliceSees: number[];
  let invisibleToAlice: Row[];
  let own: PrivateCompany;

  before(async () => {
    t = await testApp();
    const { db, demo } = t.database;
    contoso = await usersOf(db, demo.companies.contoso);
    aliceSees = await expectedVisibleUserIds(db, demo.companies.contoso, demo.users.aliceManager);
    invisibleToAlice = contoso.filter((u) => !aliceSees.includes(u.id as number));
    own = await createCompany(
      db,
      'Visibility',
      [
        { user_name: 'boss', is_administrator: true },
        { user_name: 'loner', last_name: 'Alone' },
        { user_name: 'lead', last_name: 'Lead' },
        { user_name: 'dev', last_name: 'Dev' },
        { user_name: 'outsider', last_name: 'Outside' },
      ],
      [['Root', null], ['Child', 'Root'], ['Elsewhere', null]],
      [['lead', 'Root'], ['dev', 'Child'], ['outsider', 'Elsewhere']],
    );
  });

  const userIds = async (token: string, query = '') => ids(expectJson(await t.get(`/odata/Users?$select=Id${query}`, token)));
  const ownToken = (name: string) => t.token(own.users.get(name) as number, own.companyId, 'odata.read');

  describe('the visible ids, loaded by one statement and cached for AUTH_CACHE_MS', () => {
    const alice = () => ({ userId: String(t.database.demo.users.aliceManager), companyId: t.database.demo.companies.contoso,
      userName: 'alice.manager', isAdministrator: false, scopes: new Set<string>() });

    it('loads exactly the independently computed ids, or says "many" above the inline limit', async () => {
      const loaded = await loadVisibleUsers(t.database.db, alice());
      expect(loaded).to.not.equal('many');
      const { count, idArray } = loaded as { count: number; idArray: string };
      expect(count).to.equal(aliceSees.length);
      expect(sorted(idArray.slice(1, -1).split(',').map(Number))).to.deep.equal(aliceSees);
      expect(await loadVisibleUsers(t.database.db, alice(), aliceSees.length)).to.not.equal('many');
      expect(await loadVisibleUsers(t.database.db, alice(), aliceSees.length - 1)).to.equal('many');
    });

    it('answers the same with the ids bound (cache on) as with the subquery (AUTH_CACHE_MS=0)', async () => {
      const uncached = createApp({ db: t.database.db, config: testConfig({ AUTH_CACHE_MS: '0' }) });
      for (const query of ['', "&$filter=startswith(LastName,'S')&$orderby=LastName,FirstName", '&$filter=Memberships/any()']) {
        const direct = ids(expectJson(await request(uncached).get(`/odata/Users?$select=Id${query}`).set('Authorization', `Bearer ${t.tokens.alice}`)));
        expect(await userIds(t.tokens.alice, query)).to.deep.equal(direct);
      }
    });

    it('shows a manager a member added or removed through the API at his very next read', async () => {
      const boss = t.token(own.users.get('boss') as number, own.companyId);
      const loner = own.users.get('loner') as number;
      expect(await userIds(ownToken('lead'))).to.not.include(loner);
      const added = await request(t.app).post('/odata/OrganizationTeamMemberHierarchies').set('Authorization', `Bearer ${boss}`)
        .send({ UserId: loner, OrganizationTeamHierarchyId: own.teams.get('Child') });
      expect(added.status).to.equal(200);
      expect(await userIds(ownToken('lead'))).to.include(loner);
      const removed = await request(t.app).delete(`/odata/OrganizationTeamMemberHierarchies(${String(added.body.Id)})`).set('Authorization', `Bearer ${boss}`);
      expect(removed.status).to.equal(204);
      expect(await userIds(ownToken('lead'))).to.not.include(loner);
    });
  });

  describe('Users', () => {
    it('shows an administrator every user of the company', async () => {
      expect(await userIds(t.tokens.admin)).to.deep.equal(contoso.map((u) => u.id));
    });

    it('shows alice herself and exactly the members of the teams in the Engineering subtree', async () => {
      const { aliceManager } = t.database.demo.users;
      expect(aliceSees).to.include(aliceManager);
      expect(aliceSees.length).to.be.greaterThan(10);
      expect(invisibleToAlice.length).to.be.greaterThan(10);
      expect(await userIds(t.tokens.alice)).to.deep.equal(aliceSees);
    });

    it('answers the same URL for each caller with their own rows (compiled statements are reused per caller, never across)', async () => {
      const { db, demo } = t.database;
      const fabrikam = (await usersOf(db, demo.companies.fabrikam)).map((u) => u.id);
      const bobSees = await expectedVisibleUserIds(db, demo.companies.contoso, demo.users.bobReader);
      const query = "&$filter=Id gt 0&$orderby=Id";
      // twice round: the second round reads statements compiled in the first
      for (let round = 0; round < 2; round += 1) {
        expect(await userIds(t.tokens.admin, query)).to.deep.equal(contoso.map((u) => u.id));
        expect(await userIds(t.tokens.alice, query)).to.deep.equal(aliceSees);
        expect(await userIds(t.tokens.bob, query)).to.deep.equal(bobSees);
        expect(await userIds(t.tokens.fabrikamAdmin, query)).to.deep.equal(fabrikam);
      }
    });

    it('counts only the visible users in /$count and @odata.count', async () => {
      const res = await t.get('/odata/Users/$count', t.tokens.alice);
      expect(res.status).to.equal(200);
      expect(res.text).to.equal(String(aliceSees.length));
      const body = expectJson(await t.get('/odata/Users?$count=true&$top=1', t.tokens.alice));
      expect(body['@odata.count']).to.equal(aliceSees.length);
    });

    it('shows bob himself and the members of his leaf team', async () => {
      const { db, demo } = t.database;
      const expected = await expectedVisibleUserIds(db, demo.companies.contoso, demo.users.bobReader);
      const leafMembers = (await db('organization_team_member_hierarchies')
        .where({ company_id: demo.companies.contoso, organization_team_hierarchy_id: demo.teams.apiGateway })
        .pluck('user_id')) as string[];
      expect(expected).to.deep.equal(sorted([...new Set([demo.users.bobReader, ...leafMembers.map(Number)])]));
      expect(await userIds(t.tokens.bob)).to.deep.equal(expected);
    });

    it('shows a user who belongs to no team only himself', async () => {
      expect(await userIds(ownToken('loner'))).to.deep.equal([own.users.get('loner')]);
    });

    it('shows a team member the members of his team and of the teams below it, not of other branches', async () => {
      const u = (n: string) => own.users.get(n) as number;
      expect(await userIds(ownToken('lead'))).to.deep.equal(sorted([u('lead'), u('dev')]));
      expect(await userIds(ownToken('dev'))).to.deep.equal([u('dev')]);
      expect(await userIds(ownToken('boss'))).to.deep.equal(sorted([...own.users.values()]));
    });

    it('answers 404 for an invisible user by key, by alternate key and by property path', async () => {
      const hidden = invisibleToAlice[0] as Row;
      expectError(await t.get(`/odata/Users(${hidden.id})`, t.tokens.alice), 404, 'NotFound');
      expectError(await t.get(`/odata/Users(Email='${hidden.email}')`, t.tokens.alice), 404, 'NotFound');
      expectError(await t.get(`/odata/Users(${hidden.id})/LastName`, t.tokens.alice), 404, 'NotFound');
      expect(expectJson(await t.get(`/odata/Users(${hidden.id})`, t.tokens.admin)).Id).to.equal(hidden.id);
    });
  });

  describe('through navigation properties', () => {
    it('does not match a membership through User/LastName when that user is invisible', async () => {
      const visibleNames = new Set(contoso.filter((u) => aliceSees.includes(u.id as number)).map((u) => u.last_name));
      const { db, demo } = t.database;
      const members = new Set(((await db('organization_team_member_hierarchies').where({ company_id: demo.companies.contoso }).pluck('user_id')) as string[]).map(Number));
      const hidden = invisibleToAlice.find((u) => u.last_name !== null && !visibleNames.has(u.last_name) && members.has(u.id as number)) as Row;
      const filter = encodeURIComponent(`User/LastName eq '${String(hidden.last_name).replace(/'/g, "''")}'`);
      const asAdmin = expectJson(await t.get(`/odata/OrganizationTeamMemberHierarchies?$filter=${filter}`, t.tokens.admin));
      expect((asAdmin.value as Row[]).length).to.be.greaterThan(0);
      const asAlice = expectJson(await t.get(`/odata/OrganizationTeamMemberHierarchies?$filter=${filter}`, t.tokens.alice));
      expect(asAlice.value).to.deep.equal([]);
      const byId = expectJson(await t.get(`/odata/OrganizationTeamMemberHierarchies?$filter=User/Id eq ${hidden.id}`, t.tokens.alice));
      expect(byId.value).to.deep.equal([]);
    });

    it('still lists every membership of the company to non-administrators, invisible users included', async () => {
      const { db, demo } = t.database;
      const [{ count }] = (await db('organization_team_member_hierarchies').where({ company_id: demo.companies.contoso }).count({ count: '*' })) as [{ count: string }];
      const res = await t.get('/odata/OrganizationTeamMemberHierarchies/$count', t.tokens.alice);
      expect(res.status).to.equal(200);
      expect(res.text).to.equal(String(count));
    });

    // Design: a user the caller cannot see is, through a navigation, like an absent entity — every
    // property reads as null. So `User/LastName eq null` matches memberships of invisible users too (their
    // UserId is visible anyway), while no comparison with a real value can reveal anything about them.
    it('treats an invisible user reached through a navigation as absent: its properties read as null', async () => {
      const { db, demo } = t.database;
      const rows = (await db('organization_team_member_hierarchies as m')
        .join('users as u', function on() { this.on('u.id', 'm.user_id').andOn('u.company_id', 'm.company_id'); })
        .where('m.company_id', demo.companies.contoso)
        .select('m.id', 'm.user_id', 'u.last_name')) as { id: string; user_id: string; last_name: string | null }[];
      const expected = sorted(
        rows.filter((r) => !aliceSees.includes(Number(r.user_id)) || r.last_name === null).map((r) => Number(r.id)),
      );
      const body = expectJson(await t.get('/odata/OrganizationTeamMemberHierarchies?$filter=User/LastName eq null&$select=Id', t.tokens.alice));
      expect(ids(body)).to.deep.equal(expected);
      const hidden = rows.find((r) => !aliceSees.includes(Number(r.user_id)) && r.last_name !== null) as { last_name: string };
      const filter = encodeURIComponent(`User/LastName eq '${hidden.last_name.replace(/'/g, "''")}'`);
      const byName = expectJson(await t.get(`/odata/OrganizationTeamMemberHierarchies?$filter=${filter}&$select=Id,UserId`, t.tokens.alice));
      for (const row of byName.value as { UserId: number }[]) expect(aliceSees).to.include(row.UserId);
    });

    it('does not match a team through a lambda over its members when the user is invisible', async () => {
      const hidden = invisibleToAlice.find((u) => u.id !== t.database.demo.users.admin) as Row;
      const filter = encodeURIComponent(`Members/any(m: m/User/UserName eq '${String(hidden.user_name)}')`);
      const asAdmin = expectJson(await t.get(`/odata/OrganizationTeamHierarchies?$filter=${filter}`, t.tokens.admin));
      expect((asAdmin.value as Row[]).length).to.be.greaterThan(0);
      const asAlice = expectJson(await t.get(`/odata/OrganizationTeamHierarchies?$filter=${filter}`, t.tokens.alice));
      expect(asAlice.value).to.deep.equal([]);
    });

    it('keeps the visibility of the root set when filtering users through their memberships', async () => {
      const { db, demo } = t.database;
      const salesMembers = (await db('organization_team_member_hierarchies as m')
        .join('organization_team_hierarchies as t', function on() { this.on('t.id', 'm.organization_team_hierarchy_id').andOn('t.company_id', 'm.company_id'); })
        .where({ 'm.company_id': demo.companies.contoso, 't.name': 'Site Reliability' })
        .pluck('m.user_id')) as string[];
      const expected = sorted([...new Set(salesMembers.map(Number))].filter((id) => aliceSees.includes(id)));
      expect(expected.length).to.be.greaterThan(0);
      const filter = encodeURIComponent("Memberships/any(m: m/OrganizationTeamHierarchy/Name eq 'Site Reliability')");
      expect(await userIds(t.tokens.alice, `&$filter=${filter}`)).to.deep.equal(expected);
    });
  });

  describe('other companies', () => {
    it('never returns another company through $filter on CompanyId', async () => {
      for (const set of ['Users', 'OrganizationTeamHierarchies', 'OrganizationTeamMemberHierarchies']) {
        const body = expectJson(await t.get(`/odata/${set}?$filter=CompanyId eq 2`, t.tokens.admin));
        expect(body.value, set).to.deep.equal([]);
      }
    });

    it("answers 404 for another company's team and membership keys", async () => {
      const { db, demo } = t.database;
      const membership = (await db('organization_team_member_hierarchies').where({ company_id: demo.companies.fabrikam }).first('id')) as { id: string };
      expectError(await t.get(`/odata/OrganizationTeamHierarchies(${demo.teams.fabrikam})`, t.tokens.admin), 404, 'NotFound');
      expectError(await t.get(`/odata/OrganizationTeamMemberHierarchies(${membership.id})`, t.tokens.admin), 404, 'NotFound');
      expectJson(await t.get(`/odata/OrganizationTeamHierarchies(${demo.teams.fabrikam})`, t.tokens.fabrikamAdmin));
    });

    it("counts only the caller's company in every set", async () => {
      const { db, demo } = t.database;
      for (const [set, table] of [['Users', 'users'], ['OrganizationTeamHierarchies', 'organization_team_hierarchies'], ['OrganizationTeamMemberHierarchies', 'organization_team_member_hierarchies']]) {
        const [{ count }] = (await db(table as string).where({ company_id: demo.companies.fabrikam }).count({ count: '*' })) as [{ count: string }];
        const res = await t.get(`/odata/${set}/$count`, t.tokens.fabrikamAdmin);
        expect(res.text, set).to.equal(String(count));
      }
    });

    it("does not reach another company's rows through lambdas or navigation filters", async () => {
      const { fabrikamAdmin } = t.database.demo.users;
      const lambda = encodeURIComponent(`Members/any(m: m/UserId eq ${fabrikamAdmin})`);
      expect(expectJson(await t.get(`/odata/OrganizationTeamHierarchies?$filter=${lambda}`, t.tokens.admin)).value).to.deep.equal([]);
      const nav = encodeURIComponent("User/UserName eq 'fabrikam.admin'");
      expect(expectJson(await t.get(`/odata/OrganizationTeamMemberHierarchies?$filter=${nav}`, t.tokens.admin)).value).to.deep.equal([]);
      const users = encodeURIComponent("Memberships/any(m: m/OrganizationTeamHierarchy/Name eq 'Fabrikam')");
      expect(expectJson(await t.get(`/odata/Users?$filter=${users}`, t.tokens.admin)).value).to.deep.equal([]);
    });
  });
});
