import { expect } from 'chai';
import { testApp, type TestApp } from '../../helpers/test-app';
import { buildOrg, expectJson, expectWriteError, MEMBERS, ORIGIN, send, snapshot, unique, type Org, type Row } from './fixtures';

describe('Writes to OrganizationTeamMemberHierarchies', () => {
  let t: TestApp;
  let org: Org;
  let other: Org;
  let admin: string;
  let lead: string;

  before(async () => {
    t = await testApp();
    org = await buildOrg(
      t,
      {
        users: { admin: { is_administrator: true }, lead: {}, dev: {}, qa: {} },
        teams: [['Root', null], ['Dev', 'Root'], ['QA', 'Root']],
        memberships: [['lead', 'Root']],
      },
      'Members',
    );
    other = await buildOrg(t, { users: { stranger: {} }, teams: [['Foreign', null]] }, 'MembersOther');
    admin = org.token('admin');
    lead = org.token('lead');
  });

  const url = (id: number) => `${MEMBERS}(${id})`;
  const rowsOf = async (userId: number) =>
    (await org.db('organization_team_member_hierarchies').where({ company_id: org.companyId, user_id: userId })) as Row[];
  const missingId = async (table: string) => Number((await org.db(table).max({ m: 'id' }).first())?.m) + 1000;

  describe('POST', () => {
    it('answers 200 with the membership, its @odata.etag, Location and ETag', async () => {
      const userId = await org.addUser(unique('newbie'));
      const res = await send(t, 'POST', MEMBERS, lead, { UserId: userId, OrganizationTeamHierarchyId: org.team('Dev') });
      const body = expectJson(res, 200);
      const [stored] = await rowsOf(userId);
      expect(Object.keys(body)).to.deep.equal(['@odata.context', '@odata.etag', 'Id', 'CompanyId', 'UserId', 'OrganizationTeamHierarchyId', 'CreatedAt']);
      expect(body).to.include({
        '@odata.context': `${ORIGIN}/odata/$metadata#OrganizationTeamMemberHierarchies/$entity`,
        '@odata.etag': 'W/"1"',
        Id: Number(stored?.id),
        CompanyId: org.companyId,
        UserId: userId,
        OrganizationTeamHierarchyId: org.team('Dev'),
      });
      expect(res.headers.location).to.equal(`${ORIGIN}${url(body.Id as number)}`);
      expect(res.headers.etag).to.equal('W/"1"');
    });

    it('answers 409 (target UserId) for a second membership of the same user in the same team, and keeps one', async () => {
      const userId = await org.addUser(unique('twice'));
      expectJson(await send(t, 'POST', MEMBERS, admin, { UserId: userId, OrganizationTeamHierarchyId: org.team('QA') }), 200);
      const before = await snapshot(org.db, org.companyId);
      expectWriteError(await send(t, 'POST', MEMBERS, admin, { UserId: userId, OrganizationTeamHierarchyId: org.team('QA') }), 409, 'Conflict', 'UserId');
      expect(await rowsOf(userId)).to.have.length(1);
      expect(await snapshot(org.db, org.companyId)).to.deep.equal(before);
    });

    it('accepts the same user in two different teams', async () => {
      const userId = await org.addUser(unique('both'));
      expectJson(await send(t, 'POST', MEMBERS, admin, { UserId: userId, OrganizationTeamHierarchyId: org.team('QA') }), 200);
      expectJson(await send(t, 'POST', MEMBERS, admin, { UserId: userId, OrganizationTeamHierarchyId: org.team('Dev') }), 200);
      expect(await rowsOf(userId)).to.have.length(2);
    });

    it('answers 400 (target UserId) for a user that does not exist', async () => {
      const missing = await missingId('users');
      expectWriteError(await send(t, 'POST', MEMBERS, admin, { UserId: missing, OrganizationTeamHierarchyId: org.team('Dev') }), 400, 'ValidationFailed', 'UserId');
    });

    it('answers 400 (target OrganizationTeamHierarchyId) for a team that does not exist', async () => {
      const missing = await missingId('organization_team_hierarchies');
      expectWriteError(await send(t, 'POST', MEMBERS, admin, { UserId: org.user('dev'), OrganizationTeamHierarchyId: missing }), 400, 'ValidationFailed', 'OrganizationTeamHierarchyId');
    });

    it('answers 400 for a user or a team of another company', async () => {
      const before = await snapshot(org.db, org.companyId);
      expectWriteError(
        await send(t, 'POST', MEMBERS, admin, { UserId: other.user('stranger'), OrganizationTeamHierarchyId: org.team('Dev') }),
        400,
        'ValidationFailed',
        'UserId',
      );
      expectWriteError(
        await send(t, 'POST', MEMBERS, admin, { UserId: org.user('dev'), OrganizationTeamHierarchyId: other.team('Foreign') }),
        400,
        'ValidationFailed',
        'OrganizationTeamHierarchyId',
      );
      expectWriteError(
        await send(t, 'POST', MEMBERS, admin, { UserId: org.user('dev'), OrganizationTeamHierarchyId: org.team('Dev'), CompanyId: other.companyId }),
        400,
        'ValidationFailed',
        'CompanyId',
      );
      expect(await snapshot(org.db, org.companyId)).to.deep.equal(before);
      expect(await org.db('organization_team_member_hierarchies').where({ company_id: other.companyId })).to.have.length(0);
    });
  });

  describe('PATCH and PUT', () => {
    let membership: number;

    beforeEach(async () => {
      membership = await org.addMembership(await org.addUser(unique('fixed')), org.team('Dev'));
    });

    const stored = async () => (await org.db('organization_team_member_hierarchies').where({ company_id: org.companyId, id: membership }).first()) as Row;

    it('answers 400 (target UserId) to a PATCH or PUT that changes UserId', async () => {
      const before = await stored();
      expectWriteError(await send(t, 'PATCH', url(membership), admin, { UserId: org.user('qa') }), 400, 'ValidationFailed', 'UserId');
      expectWriteError(
        await send(t, 'PUT', url(membership), admin, { UserId: org.user('qa'), OrganizationTeamHierarchyId: org.team('Dev') }),
        400,
        'ValidationFailed',
        'UserId',
      );
      expect(await stored()).to.deep.equal(before);
    });

    it('answers 400 (target OrganizationTeamHierarchyId) to a PATCH or PUT that changes the team', async () => {
      const before = await stored();
      expectWriteError(await send(t, 'PATCH', url(membership), admin, { OrganizationTeamHierarchyId: org.team('QA') }), 400, 'ValidationFailed', 'OrganizationTeamHierarchyId');
      expectWriteError(
        await send(t, 'PUT', url(membership), lead, { UserId: Number(before.user_id), OrganizationTeamHierarchyId: org.team('QA') }),
        400,
        'ValidationFailed',
        'OrganizationTeamHierarchyId',
      );
      expect(await stored()).to.deep.equal(before);
    });

    it('answers 204 to a PATCH or PUT that repeats the same user and team', async () => {
      const before = await stored();
      const same = { UserId: Number(before.user_id), OrganizationTeamHierarchyId: org.team('Dev') };
      const patched = await send(t, 'PATCH', url(membership), lead, { UserId: same.UserId });
      expect(patched.status, patched.text).to.equal(204);
      const put = await send(t, 'PUT', url(membership), lead, same);
      expect(put.status, put.text).to.equal(204);
      expect(await stored()).to.include({ user_id: before.user_id, organization_team_hierarchy_id: before.organization_team_hierarchy_id });
    });

    it('answers 404 to a PATCH of a membership that does not exist', async () => {
      expectWriteError(await send(t, 'PATCH', url(await missingId('organization_team_member_hierarchies')), admin, {}), 404, 'NotFound');
    });
  });

  describe('DELETE', () => {
    it('answers 204 and removes the membership, then 404 for it', async () => {
      const membership = await org.addMembership(await org.addUser(unique('gone')), org.team('QA'));
      const res = await send(t, 'DELETE', url(membership), lead);
      expect(res.status, res.text).to.equal(204);
      expect(await org.db('organization_team_member_hierarchies').where({ company_id: org.companyId, id: membership })).to.have.length(0);
      expectWriteError(await send(t, 'DELETE', url(membership), lead), 404, 'NotFound');
    });

    it('answers 404 for an id that never existed, and for a membership of another company', async () => {
      expectWriteError(await send(t, 'DELETE', url(await missingId('organization_team_member_hierarchies')), admin), 404, 'NotFound');
      const foreign = await other.addMembership(other.user('stranger'), other.team('Foreign'));
      expectWriteError(await send(t, 'DELETE', url(foreign), admin), 404, 'NotFound');
      expect(await other.db('organization_team_member_hierarchies').where({ company_id: other.companyId, id: foreign })).to.have.length(1);
    });
  });
});
