import { expect } from 'chai';
import { testApp, type TestApp } from '../../helpers/test-app';
import {
  buildOrg,
  closureOf,
  expectConsistentHierarchy,
  expectJson,
  expectWriteError,
  ORIGIN,
  parentOf,
  send,
  TEAMS,
  unique,
  type Org,
  type Row,
} from './fixtures';

const ENTITY_KEYS = ['@odata.context', '@odata.etag', 'Id', 'CompanyId', 'Name', 'Description', 'ParentId', 'CreatedAt', 'UpdatedAt'];

describe('Writes to OrganizationTeamHierarchies', () => {
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
        users: { admin: { is_administrator: true }, lead: {}, worker: {} },
        teams: [['Root', null], ['Mid', 'Root'], ['Leaf', 'Mid'], ['Side', 'Root']],
        memberships: [['lead', 'Root']],
      },
      'Teams',
    );
    other = await buildOrg(t, { users: { boss: { is_administrator: true } }, teams: [['Foreign', null]] }, 'TeamsOther');
    admin = org.token('admin');
    lead = org.token('lead');
  });

  const row = async (id: number) => (await org.db('organization_team_hierarchies').where({ company_id: org.companyId, id }).first()) as Row | undefined;
  const url = (id: number) => `${TEAMS}(${id})`;

  describe('POST', () => {
    it('answers 200 with every property of the created team, its @odata.etag, an absolute Location and an ETag', async () => {
      const name = unique('Created');
      const res = await send(t, 'POST', TEAMS, lead, { Name: name, Description: 'made by a spec', ParentId: org.team('Mid') });
      const body = expectJson(res, 200);
      expect(Object.keys(body)).to.deep.equal(ENTITY_KEYS);
      const stored = (await row(body.Id as number)) as Row;
      expect(body).to.include({
        '@odata.context': `${ORIGIN}/odata/$metadata#OrganizationTeamHierarchies/$entity`,
        '@odata.etag': 'W/"1"',
        Id: Number(stored.id),
        CompanyId: org.companyId,
        Name: name,
        Description: 'made by a spec',
        ParentId: org.team('Mid'),
        CreatedAt: new Date(stored.created_at as string).toISOString(),
        UpdatedAt: new Date(stored.updated_at as string).toISOString(),
      });
      expect(res.headers.location).to.equal(`${ORIGIN}${url(body.Id as number)}`);
      expect(res.headers.etag).to.equal('W/"1"');
      const read = expectJson(await send(t, 'GET', url(body.Id as number), lead));
      expect(read).to.deep.equal(body);
    });

    it('answers 204 with Location, OData-EntityId and Preference-Applied to Prefer: return=minimal', async () => {
      const name = unique('Minimal');
      const res = await send(t, 'POST', TEAMS, lead, { Name: name, ParentId: org.team('Mid') }, { Prefer: 'return=minimal' });
      expect(res.status, res.text).to.equal(204);
      expect(res.text).to.equal('');
      const stored = (await org.db('organization_team_hierarchies').where({ company_id: org.companyId, name }).first()) as Row;
      const location = `${ORIGIN}${url(Number(stored.id))}`;
      expect(res.headers.location).to.equal(location);
      expect(res.headers['odata-entityid']).to.equal(location);
      expect(res.headers['preference-applied']).to.equal('return=minimal');
      expect(res.headers['odata-version']).to.equal('4.0');
    });

    it('lets only an administrator create a root team: 403 for a team member, with or without ParentId null', async () => {
      expectWriteError(await send(t, 'POST', TEAMS, lead, { Name: unique('Top') }), 403, 'Forbidden');
      expectWriteError(await send(t, 'POST', TEAMS, lead, { Name: unique('Top'), ParentId: null }), 403, 'Forbidden');
      const body = expectJson(await send(t, 'POST', TEAMS, admin, { Name: unique('Top') }), 200);
      expect(body.ParentId).to.equal(null);
    });

    it('answers 400 (target ParentId) for a ParentId that does not exist or is a team of another company', async () => {
      const missing = Number((await org.db('organization_team_hierarchies').max({ m: 'id' }).first())?.m) + 1000;
      const absent = expectWriteError(await send(t, 'POST', TEAMS, admin, { Name: unique('Orphan'), ParentId: missing }), 400, 'ValidationFailed', 'ParentId');
      const foreign = expectWriteError(await send(t, 'POST', TEAMS, admin, { Name: unique('Orphan'), ParentId: other.team('Foreign') }), 400, 'ValidationFailed', 'ParentId');
      // the same answer either way: another company's team does not exist for the caller
      expect(foreign.message.replace(String(other.team('Foreign')), 'N')).to.equal(absent.message.replace(String(missing), 'N'));
      expectWriteError(await send(t, 'PATCH', url(org.team('Side')), admin, { ParentId: other.team('Foreign') }), 400, 'ValidationFailed', 'ParentId');
      expect(await parentOf(org.db, org.companyId, org.team('Side'))).to.equal(org.team('Root'));
    });

    it("answers 400 (target CompanyId) for another company's CompanyId and accepts the caller's own", async () => {
      expectWriteError(await send(t, 'POST', TEAMS, admin, { Name: unique('X'), CompanyId: other.companyId }), 400, 'ValidationFailed', 'CompanyId');
      const body = expectJson(await send(t, 'POST', TEAMS, admin, { Name: unique('X'), CompanyId: org.companyId, ParentId: org.team('Root') }), 200);
      expect(body.CompanyId).to.equal(org.companyId);
    });
  });

  describe('PATCH and PUT', () => {
    it('merges a PATCH and answers 204 with the new ETag', async () => {
      const id = await org.addTeam(unique('Patched'), org.team('Mid'));
      await org.db('organization_team_hierarchies').where({ company_id: org.companyId, id }).update({ description: 'kept' });
      const res = await send(t, 'PATCH', url(id), lead, { Name: 'Patched name' });
      expect(res.status, res.text).to.equal(204);
      expect(res.text).to.equal('');
      expect(res.headers.etag).to.equal('W/"2"');
      expect(await row(id)).to.include({ name: 'Patched name', description: 'kept' });
    });

    it('answers 200 with the entity and Preference-Applied to a PATCH with Prefer: return=representation', async () => {
      const id = await org.addTeam(unique('Represented'), org.team('Mid'));
      const res = await send(t, 'PATCH', url(id), lead, { Description: 'now described' }, { Prefer: 'return=representation' });
      const body = expectJson(res, 200);
      expect(Object.keys(body)).to.deep.equal(ENTITY_KEYS);
      expect(body).to.include({ Id: id, Description: 'now described', ParentId: org.team('Mid'), '@odata.etag': 'W/"2"' });
      expect(res.headers['preference-applied']).to.equal('return=representation');
      expect(res.headers.etag).to.equal('W/"2"');
    });

    it('replaces with PUT: an omitted Description is reset to null, and the answer is 204', async () => {
      const id = await org.addTeam(unique('Replaced'), org.team('Mid'));
      await org.db('organization_team_hierarchies').where({ company_id: org.companyId, id }).update({ description: 'to be dropped' });
      const res = await send(t, 'PUT', url(id), lead, { Name: 'Replaced name', ParentId: org.team('Mid') });
      expect(res.status, res.text).to.equal(204);
      expect(await row(id)).to.include({ name: 'Replaced name', description: null });
      expect(await parentOf(org.db, org.companyId, id)).to.equal(org.team('Mid'));
    });

    it('refuses to make a team a root for a non-administrator (403), also through a PUT without ParentId', async () => {
      const id = await org.addTeam(unique('Stays'), org.team('Mid'));
      expectWriteError(await send(t, 'PATCH', url(id), lead, { ParentId: null }), 403, 'Forbidden');
      expectWriteError(await send(t, 'PUT', url(id), lead, { Name: 'Stays' }), 403, 'Forbidden');
      expect(await parentOf(org.db, org.companyId, id)).to.equal(org.team('Mid'));
    });

    it('answers 409 (target ParentId) for a move under the team itself or under one of its descendants', async () => {
      const before = await closureOf(org.db, org.companyId);
      expectWriteError(await send(t, 'PATCH', url(org.team('Mid')), admin, { ParentId: org.team('Mid') }), 409, 'Conflict', 'ParentId');
      expectWriteError(await send(t, 'PATCH', url(org.team('Mid')), admin, { ParentId: org.team('Leaf') }), 409, 'Conflict', 'ParentId');
      expectWriteError(await send(t, 'PATCH', url(org.team('Root')), admin, { ParentId: org.team('Leaf') }), 409, 'Conflict', 'ParentId');
      expectWriteError(await send(t, 'PUT', url(org.team('Mid')), admin, { Name: 'Mid', ParentId: org.team('Leaf') }), 409, 'Conflict', 'ParentId');
      expect(await parentOf(org.db, org.companyId, org.team('Mid'))).to.equal(org.team('Root'));
      expect(await closureOf(org.db, org.companyId)).to.deep.equal(before);
    });

    it('answers 404 for a team that does not exist or belongs to another company', async () => {
      expectWriteError(await send(t, 'PATCH', url(other.team('Foreign')), admin, { Name: 'Mine now' }), 404, 'NotFound');
      expectWriteError(await send(t, 'PUT', url(999_999_999), admin, { Name: 'Nobody' }), 404, 'NotFound');
    });
  });

  describe('DELETE', () => {
    it('answers 204, after which the team reads as 404', async () => {
      const id = await org.addTeam(unique('Doomed'), org.team('Mid'));
      const res = await send(t, 'DELETE', url(id), lead);
      expect(res.status, res.text).to.equal(204);
      expect(res.text).to.equal('');
      expectWriteError(await send(t, 'GET', url(id), lead), 404, 'NotFound');
      expect(await row(id)).to.equal(undefined);
      expect((await org.db('team_closure').where({ company_id: org.companyId }).andWhere((q) => q.where({ ancestor_id: id }).orWhere({ descendant_id: id }))).length).to.equal(0);
      expectWriteError(await send(t, 'DELETE', url(id), lead), 404, 'NotFound');
    });

    it('answers 409 naming the child teams for a team that still has child teams', async () => {
      const parent = await org.addTeam(unique('Parent'), org.team('Mid'));
      await org.addTeam(unique('Kid'), parent);
      const kid = unique('Kid');
      await org.addTeam(kid, parent);
      const error = expectWriteError(await send(t, 'DELETE', url(parent), admin), 409, 'Conflict');
      expect(error.message).to.match(/2 child teams\b/);
      expect(error.message).to.include(kid);
      expect(await row(parent)).not.to.equal(undefined);
    });

    it('answers 409 naming the members for a team that still has members', async () => {
      const team = await org.addTeam(unique('Staffed'), org.team('Mid'));
      await org.addMembership(org.user('worker'), team);
      await org.addMembership(org.user('admin'), team);
      const error = expectWriteError(await send(t, 'DELETE', url(team), admin), 409, 'Conflict');
      expect(error.message).to.match(/2 members\b/);
      expect(error.message).not.to.match(/child/);
      expect(await row(team)).not.to.equal(undefined);
    });

    it('lets no one but an administrator delete a root team (403 for its own member)', async () => {
      const top = await org.addTeam(unique('Lonely root'), null);
      await org.addMembership(org.user('worker'), top);
      expectWriteError(await send(t, 'DELETE', url(top), org.token('worker')), 403, 'Forbidden');
      expectWriteError(await send(t, 'DELETE', url(top), lead), 403, 'Forbidden');
    });
  });

  describe('the closure table', () => {
    it('stays equal to the transitive closure of parent_id after a series of moves', async () => {
      const p = await org.addTeam(unique('P'), org.team('Root'));
      const q = await org.addTeam(unique('Q'), p);
      const r = await org.addTeam(unique('R'), q);
      const s = await org.addTeam(unique('S'), r);
      const u = await org.addTeam(unique('U'), org.team('Root'));
      const moves: [number, number | null][] = [[r, u], [q, s], [p, u], [s, null], [u, s], [r, p], [q, org.team('Leaf')], [s, org.team('Side')]];
      for (const [team, parent] of moves) {
        const res = await send(t, 'PATCH', url(team), admin, { ParentId: parent });
        expect(res.status, `move ${team} under ${parent}: ${res.text}`).to.equal(204);
        expect(await parentOf(org.db, org.companyId, team)).to.equal(parent);
        await expectConsistentHierarchy(org.db, org.companyId);
      }
    });
  });
});
