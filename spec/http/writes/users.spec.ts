import { expect } from 'chai';
import { testApp, type TestApp } from '../../helpers/test-app';
import { buildOrg, expectJson, expectWriteError, ORIGIN, send, snapshot, unique, USERS, type Org, type Row } from './fixtures';

const USER_KEYS = [
  '@odata.context', '@odata.etag', 'Id', 'CompanyId', 'UserName', 'Email', 'FirstName', 'LastName', 'DisplayName', 'ExternalId',
  'Organization', 'Business', 'Department', 'Group', 'Team', 'IsAdministrator', 'IsActive', 'CreatedAt', 'UpdatedAt',
];

describe('Writes to Users', () => {
  let t: TestApp;
  let org: Org;
  let other: Org;
  let admin: string;

  before(async () => {
    t = await testApp();
    org = await buildOrg(
      t,
      {
        users: { admin: { is_administrator: true }, lead: {}, dev: { department: 'Dev' }, outsider: {} },
        teams: [['Root', null], ['Dev', 'Root'], ['Elsewhere', null]],
        memberships: [['lead', 'Root'], ['dev', 'Dev'], ['outsider', 'Elsewhere']],
      },
      'Users',
    );
    other = await buildOrg(t, { users: { foreigner: {} } }, 'UsersOther');
    admin = org.token('admin');
  });

  const url = (id: number) => `${USERS}(${id})`;
  const stored = async (id: number) => (await org.db('users').where({ company_id: org.companyId, id }).first()) as Row | undefined;

  describe('POST', () => {
    it('lets an administrator create a user: 200 with the entity, IsActive true and IsAdministrator false by default', async () => {
      const userName = unique('hire');
      const res = await send(t, 'POST', USERS, admin, { UserName: userName, Email: `${userName}@example.org`, LastName: 'Hired' });
      const body = expectJson(res, 200);
      expect(Object.keys(body)).to.deep.equal(USER_KEYS);
      expect(body).to.include({ CompanyId: org.companyId, UserName: userName, LastName: 'Hired', FirstName: null, IsActive: true, IsAdministrator: false });
      const row = (await stored(body.Id as number)) as Row;
      expect(row).to.include({ user_name: userName, is_active: true, is_administrator: false });
      expect(res.headers.location).to.equal(`${ORIGIN}${url(body.Id as number)}`);
      expect(res.headers.etag).to.equal('W/"1"');
    });

    it("puts the user into the caller's company when CompanyId is omitted, and answers 400 (target CompanyId) for another company's", async () => {
      const body = expectJson(await send(t, 'POST', USERS, admin, { UserName: unique('implicit') }), 200);
      expect(body.CompanyId).to.equal(org.companyId);
      const userName = unique('elsewhere');
      expectWriteError(await send(t, 'POST', USERS, admin, { UserName: userName, CompanyId: other.companyId }), 400, 'ValidationFailed', 'CompanyId');
      expect(await org.db('users').where({ user_name: userName })).to.have.length(0);
    });

    it('answers 400 (code ValidationFailed, target UserName) for a UserName already taken in the company', async () => {
      const before = await snapshot(org.db, org.companyId);
      expectWriteError(await send(t, 'POST', USERS, admin, { UserName: 'dev' }), 400, 'ValidationFailed', 'UserName');
      expect(await snapshot(org.db, org.companyId)).to.deep.equal(before);
    });

    it('treats UserName as unique ignoring case, like Email', async () => {
      expectWriteError(await send(t, 'POST', USERS, admin, { UserName: 'DEV' }), 400, 'ValidationFailed', 'UserName');
    });

    it('accepts a UserName that another company already uses', async () => {
      expectJson(await send(t, 'POST', USERS, admin, { UserName: 'foreigner' }), 200);
    });

    it('answers 400 (target Email) for an Email already used that differs only in case', async () => {
      const taken = (await stored(org.user('dev')))?.email as string;
      expectWriteError(await send(t, 'POST', USERS, admin, { UserName: unique('copycat'), Email: taken.toUpperCase() }), 400, 'ValidationFailed', 'Email');
      expectWriteError(await send(t, 'PATCH', url(org.user('lead')), admin, { Email: taken.toUpperCase() }), 400, 'ValidationFailed', 'Email');
    });

    it('answers 403 to a non-administrator', async () => {
      expectWriteError(await send(t, 'POST', USERS, org.token('lead'), { UserName: unique('nope') }), 403, 'Forbidden');
    });
  });

  describe('PATCH and PUT', () => {
    it('answers 204 to an administrator and changes only the properties sent by PATCH', async () => {
      const id = await org.addUser(unique('patchme'), { first_name: 'Keep', department: 'Old' });
      const res = await send(t, 'PATCH', url(id), admin, { Department: 'New' });
      expect(res.status, res.text).to.equal(204);
      expect(await stored(id)).to.include({ first_name: 'Keep', department: 'New' });
    });

    it('resets omitted properties to their defaults on PUT (optional text to null, IsActive to true)', async () => {
      const id = await org.addUser(unique('putme'), { first_name: 'Gone', is_active: false });
      const userName = unique('replaced');
      const res = await send(t, 'PUT', url(id), admin, { UserName: userName });
      expect(res.status, res.text).to.equal(204);
      expect(await stored(id)).to.include({ user_name: userName, first_name: null, email: null, is_active: true, is_administrator: false });
    });

    it('answers 400 (target Id) when the Id in the body differs from the key in the URL, on PUT and on PATCH', async () => {
      const id = org.user('dev');
      const before = await stored(id);
      expectWriteError(await send(t, 'PATCH', url(id), admin, { Id: org.user('lead'), Department: 'X' }), 400, 'ValidationFailed', 'Id');
      expectWriteError(await send(t, 'PUT', url(id), admin, { Id: org.user('lead'), UserName: 'dev' }), 400, 'ValidationFailed', 'Id');
      expect(await stored(id)).to.deep.equal(before);
      const same = await send(t, 'PATCH', url(id), admin, { Id: id, Department: 'Dev' });
      expect(same.status, same.text).to.equal(204);
    });

    it("answers 400 (target CompanyId) to a PATCH that names another company, 204 when it names the caller's", async () => {
      const id = org.user('dev');
      expectWriteError(await send(t, 'PATCH', url(id), admin, { CompanyId: other.companyId }), 400, 'ValidationFailed', 'CompanyId');
      const res = await send(t, 'PATCH', url(id), admin, { CompanyId: org.companyId });
      expect(res.status, res.text).to.equal(204);
      expect(Number((await stored(id))?.company_id)).to.equal(org.companyId);
    });

    it('answers 400 (target UserName) to a rename onto a taken UserName', async () => {
      expectWriteError(await send(t, 'PATCH', url(org.user('lead')), admin, { UserName: 'dev' }), 400, 'ValidationFailed', 'UserName');
      expect((await stored(org.user('lead')))?.user_name).to.equal('lead');
    });

    it('answers 403 to a non-administrator for a user he can see and 404 for one he cannot', async () => {
      const lead = org.token('lead');
      expectWriteError(await send(t, 'PATCH', url(org.user('dev')), lead, { Department: 'Hacked' }), 403, 'Forbidden');
      expectWriteError(await send(t, 'PUT', url(org.user('dev')), lead, { UserName: 'dev' }), 403, 'Forbidden');
      expectWriteError(await send(t, 'PATCH', url(org.user('lead')), lead, { IsAdministrator: true }), 403, 'Forbidden');
      expectWriteError(await send(t, 'PATCH', url(org.user('outsider')), lead, { Department: 'Hacked' }), 404, 'NotFound');
      expectWriteError(await send(t, 'DELETE', url(org.user('outsider')), lead), 404, 'NotFound');
      expectWriteError(await send(t, 'DELETE', url(org.user('dev')), lead), 403, 'Forbidden');
      expect((await stored(org.user('dev')))?.department).to.equal('Dev');
      expect((await stored(org.user('lead')))?.is_administrator).to.equal(false);
    });

    it("answers 404 for a user of another company, even to an administrator", async () => {
      expectWriteError(await send(t, 'PATCH', url(other.user('foreigner')), admin, { Department: 'Mine' }), 404, 'NotFound');
    });
  });

  describe('the last active administrator', () => {
    let solo: Org;

    beforeEach(async () => {
      solo = await buildOrg(t, { users: { chief: { is_administrator: true }, clerk: {}, retired: { is_administrator: true, is_active: false } } }, 'LastAdmin');
    });

    it('cannot remove his own administrator flag nor deactivate himself (409), not even through a PUT', async () => {
      const chief = solo.user('chief');
      const token = solo.token('chief');
      expectWriteError(await send(t, 'PATCH', url(chief), token, { IsAdministrator: false }), 409, 'Conflict');
      expectWriteError(await send(t, 'PATCH', url(chief), token, { IsActive: false }), 409, 'Conflict');
      expectWriteError(await send(t, 'PUT', url(chief), token, { UserName: 'chief' }), 409, 'Conflict');
      expectWriteError(await send(t, 'DELETE', url(chief), token), 409, 'Conflict');
      expect(await solo.db('users').where({ company_id: solo.companyId, id: chief }).first()).to.include({ is_administrator: true, is_active: true });
    });

    it('can step down once another active administrator exists', async () => {
      const token = solo.token('chief');
      const promoted = await send(t, 'PATCH', url(solo.user('clerk')), token, { IsAdministrator: true });
      expect(promoted.status, promoted.text).to.equal(204);
      const res = await send(t, 'PATCH', url(solo.user('chief')), token, { IsAdministrator: false });
      expect(res.status, res.text).to.equal(204);
      expect(await solo.db('users').where({ company_id: solo.companyId, is_administrator: true, is_active: true }).pluck('user_name')).to.deep.equal(['clerk']);
    });

    it('can deactivate himself once another active administrator exists', async () => {
      const token = solo.token('chief');
      expect((await send(t, 'POST', USERS, token, { UserName: unique('deputy'), IsAdministrator: true })).status).to.equal(200);
      const res = await send(t, 'PATCH', url(solo.user('chief')), token, { IsActive: false });
      expect(res.status, res.text).to.equal(204);
      expectWriteError(await send(t, 'GET', USERS, token), 401, 'Unauthenticated');
    });
  });

  describe('DELETE', () => {
    it('answers 204 for a user without memberships, then 404', async () => {
      const id = await org.addUser(unique('leaving'));
      const res = await send(t, 'DELETE', url(id), admin);
      expect(res.status, res.text).to.equal(204);
      expect(await stored(id)).to.equal(undefined);
      expectWriteError(await send(t, 'DELETE', url(id), admin), 404, 'NotFound');
    });

    it('answers 409 for a user who still has memberships, and keeps him', async () => {
      const id = await org.addUser(unique('attached'));
      await org.addMembership(id, org.team('Dev'));
      const before = await snapshot(org.db, org.companyId);
      expectWriteError(await send(t, 'DELETE', url(id), admin), 409, 'Conflict');
      expect(await snapshot(org.db, org.companyId)).to.deep.equal(before);
    });
  });
});
