import { expect } from 'chai';
import type { Response } from 'supertest';
import { testApp, type TestApp } from '../../helpers/test-app';
import { followAll } from '../helpers';
import { auditRows, buildOrg, expectJson, expectWriteError, MEMBERS, send, TEAMS, unique, USERS, type Org, type Row } from './fixtures';

type Changes = Record<string, { old?: unknown; new?: unknown }>;

describe('The audit log of writes', () => {
  let t: TestApp;
  let org: Org;
  let other: Org;
  let admin: string;
  let lead: string;

  before(async () => {
    t = await testApp();
    org = await buildOrg(
      t,
      { users: { admin: { is_administrator: true }, lead: {}, dev: {} }, teams: [['Root', null], ['Dev', 'Root']], memberships: [['lead', 'Root']] },
      'Audit',
    );
    other = await buildOrg(t, { users: { boss: { is_administrator: true } }, teams: [['Foreign', null]] }, 'AuditOther');
    admin = org.token('admin', 'odata.read odata.write logs.read');
    lead = org.token('lead');
  });

  /** Runs a write and returns the audit rows it added (company-wide). */
  async function audited(write: () => Promise<Response>): Promise<{ res: Response; rows: Row[] }> {
    const before = await auditRows(org.db, org.companyId);
    const res = await write();
    const after = await auditRows(org.db, org.companyId);
    return { res, rows: after.slice(before.length) };
  }

  /** The one audit row of a successful write: who, which set and key, the request id of the response. */
  function theRow(rows: Row[], res: Response, action: string, set: string, key: number, userName: string): Changes {
    expect(rows, 'audit rows of this write').to.have.length(1);
    const row = rows[0] as Row;
    expect(row).to.include({ action, entity_set: set, entity_key: String(key) });
    expect(Number(row.user_id)).to.equal(org.user(userName));
    expect(Number(row.company_id)).to.equal(org.companyId);
    expect(res.headers['x-request-id']).to.be.a('string').and.not.equal('');
    expect(row.request_id).to.equal(res.headers['x-request-id']);
    const changes = JSON.parse(row.changes as string) as Changes;
    expect(row.changed_properties).to.equal(Object.keys(changes).join(','));
    return changes;
  }

  /** Int64 values may come back as strings from pg: compare ids by number. */
  const num = (v: unknown) => (v === null || v === undefined ? v : Number(v));

  it('records a create with every new value, the caller and the request id sent by the client', async () => {
    const name = unique('Audited');
    const requestId = unique('spec-req');
    const { res, rows } = await audited(() => send(t, 'POST', TEAMS, lead, { Name: name, ParentId: org.team('Dev') }, { 'X-Request-Id': requestId }));
    const body = expectJson(res, 200);
    expect(res.headers['x-request-id']).to.equal(requestId);
    const changes = theRow(rows, res, 'create', 'OrganizationTeamHierarchies', body.Id as number, 'lead');
    expect(Object.keys(changes)).to.deep.equal(['Id', 'CompanyId', 'Name', 'Description', 'ParentId']);
    for (const change of Object.values(changes)) expect(Object.keys(change)).to.deep.equal(['new']);
    expect(num(changes.Id?.new)).to.equal(body.Id);
    expect(num(changes.CompanyId?.new)).to.equal(org.companyId);
    expect(changes.Name?.new).to.equal(name);
    expect(changes.Description?.new).to.equal(null);
    expect(num(changes.ParentId?.new)).to.equal(org.team('Dev'));
  });

  it('records Int64 values in Changes as JSON numbers, as the entity shows them, on every database', async () => {
    const { res, rows } = await audited(() => send(t, 'POST', TEAMS, admin, { Name: unique('Typed'), ParentId: org.team('Dev') }));
    const body = expectJson(res, 200);
    const changes = JSON.parse((rows[0] as Row).changes as string) as Changes;
    expect({ Id: changes.Id?.new, ParentId: changes.ParentId?.new }).to.deep.equal({ Id: body.Id, ParentId: body.ParentId });
  });

  it('records a PATCH as an update naming only the properties that changed, with old and new values', async () => {
    const id = await org.addTeam(unique('Patched'), org.team('Dev'));
    const name = (await org.db('organization_team_hierarchies').first('name').where({ company_id: org.companyId, id }))?.name as string;
    const { res, rows } = await audited(() => send(t, 'PATCH', `${TEAMS}(${id})`, lead, { Name: name, Description: 'new text', ParentId: org.team('Dev') }));
    expect(res.status, res.text).to.equal(204);
    const changes = theRow(rows, res, 'update', 'OrganizationTeamHierarchies', id, 'lead');
    expect((rows[0] as Row).changed_properties).to.equal('Description');
    expect(changes).to.deep.equal({ Description: { old: null, new: 'new text' } });
  });

  it('records a PATCH made in one statement (a move) with old and new values as the API shows them: Int64 as numbers, text as sent', async () => {
    const original = unique('Moved');
    const id = await org.addTeam(original, org.team('Dev'));
    const name = `${unique('Awkward')} "quoted" \\ back/slash\nline Zoë 😀`;
    const { res, rows } = await audited(() => send(t, 'PATCH', `${TEAMS}(${id})`, admin, { Name: name, ParentId: org.team('Root') }));
    expect(res.status, res.text).to.equal(204);
    const changes = theRow(rows, res, 'update', 'OrganizationTeamHierarchies', id, 'admin');
    const stored = (await org.db('organization_team_hierarchies').first('name').where({ company_id: org.companyId, id }))?.name as string;
    expect(stored).to.equal(name);
    expect(Object.keys(changes)).to.deep.equal(['Name', 'ParentId']);
    expect(changes.Name).to.deep.equal({ old: original, new: name });
    expect(changes.ParentId).to.deep.equal({ old: org.team('Dev'), new: org.team('Root') });
  });

  it('records a PUT as a replace, including the properties it reset', async () => {
    const id = await org.addTeam(unique('Replaced'), org.team('Dev'));
    await org.db('organization_team_hierarchies').where({ company_id: org.companyId, id }).update({ description: 'will reset' });
    const name = unique('Renamed');
    const { res, rows } = await audited(() => send(t, 'PUT', `${TEAMS}(${id})`, admin, { Name: name, ParentId: org.team('Dev') }));
    expect(res.status, res.text).to.equal(204);
    const changes = theRow(rows, res, 'replace', 'OrganizationTeamHierarchies', id, 'admin');
    expect(Object.keys(changes).sort()).to.deep.equal(['Description', 'Name']);
    expect(changes.Description).to.deep.equal({ old: 'will reset', new: null });
    expect(changes.Name?.new).to.equal(name);
  });

  it('records a DELETE with the old values', async () => {
    const name = unique('Deleted');
    const id = await org.addTeam(name, org.team('Dev'));
    const { res, rows } = await audited(() => send(t, 'DELETE', `${TEAMS}(${id})`, lead));
    expect(res.status, res.text).to.equal(204);
    const changes = theRow(rows, res, 'delete', 'OrganizationTeamHierarchies', id, 'lead');
    expect(Object.keys(changes)).to.deep.equal(['Id', 'CompanyId', 'Name', 'Description', 'ParentId']);
    for (const change of Object.values(changes)) expect(Object.keys(change)).to.deep.equal(['old']);
    expect(changes.Name?.old).to.equal(name);
    expect(num(changes.ParentId?.old)).to.equal(org.team('Dev'));
  });

  it('records writes to Users and memberships under their own entity sets', async () => {
    const created = await audited(() => send(t, 'POST', USERS, admin, { UserName: unique('hire'), Department: 'Audit' }));
    const user = expectJson(created.res, 200).Id as number;
    expect(theRow(created.rows, created.res, 'create', 'Users', user, 'admin').Department).to.deep.equal({ new: 'Audit' });
    const joined = await audited(() => send(t, 'POST', MEMBERS, lead, { UserId: user, OrganizationTeamHierarchyId: org.team('Dev') }));
    const membership = expectJson(joined.res, 200).Id as number;
    expect(num(theRow(joined.rows, joined.res, 'create', 'OrganizationTeamMemberHierarchies', membership, 'lead').UserId?.new)).to.equal(user);
    const left = await audited(() => send(t, 'DELETE', `${MEMBERS}(${membership})`, lead));
    theRow(left.rows, left.res, 'delete', 'OrganizationTeamMemberHierarchies', membership, 'lead');
  });

  it('leaves no audit row for a refused write (400, 403, 404, 409, 412)', async () => {
    const busy = org.team('Dev');
    const refused: [number, () => Promise<Response>][] = [
      [400, () => send(t, 'POST', TEAMS, admin, { Name: 5 })],
      [400, () => send(t, 'POST', USERS, admin, { UserName: 'dev' })],
      [403, () => send(t, 'POST', USERS, lead, { UserName: unique('nope') })],
      [403, () => send(t, 'PATCH', `${TEAMS}(${org.team('Root')})`, lead, { Name: 'Mine' })],
      [404, () => send(t, 'DELETE', `${TEAMS}(${other.team('Foreign')})`, admin)],
      [409, () => send(t, 'PATCH', `${TEAMS}(${org.team('Root')})`, admin, { ParentId: busy })],
      [409, () => send(t, 'DELETE', `${TEAMS}(${org.team('Root')})`, admin)],
      [412, () => send(t, 'PATCH', `${USERS}(${org.user('dev')})`, admin, { Department: 'x' }, { 'If-Match': 'W/"987654"' })],
    ];
    for (const [status, write] of refused) {
      const { res, rows } = await audited(write);
      expect(res.status, res.text).to.equal(status);
      expect(rows, `audit rows after a ${status}`).to.deep.equal([]);
    }
  });

  describe('/odata/AuditLogs', () => {
    before(async () => {
      for (let i = 0; i < 5; i += 1) await send(t, 'POST', TEAMS, admin, { Name: unique('Paged'), ParentId: org.team('Root') });
    });

    const expected = async (where: Row = {}) => (await org.db('audit_logs').where({ company_id: org.companyId, ...where }).orderBy('id')) as Row[];

    it("lists exactly the caller's company's entries to an administrator, in pages with Prefer: odata.maxpagesize", async () => {
      const rows = await expected();
      expect(rows.length).to.be.greaterThan(6);
      const first = await send(t, 'GET', '/odata/AuditLogs?$orderby=Id', admin, undefined, { Prefer: 'odata.maxpagesize=3' });
      expect(expectJson(first)['@odata.nextLink']).to.be.a('string');
      expect(first.headers['preference-applied']).to.equal('odata.maxpagesize=3');
      const all = await followAll(t, '/odata/AuditLogs?$orderby=Id', admin, { Prefer: 'odata.maxpagesize=3' });
      expect(all.pages.length).to.equal(Math.ceil(rows.length / 3));
      expect(all.rows.map((r) => r.Id)).to.deep.equal(rows.map((r) => Number(r.id)));
      for (const r of all.rows) expect(r.CompanyId).to.equal(org.companyId);
      const entry = all.rows[0] as Row;
      expect(Object.keys(entry)).to.deep.equal(['Id', 'CompanyId', 'UserId', 'Action', 'EntitySet', 'EntityKey', 'ChangedProperties', 'Changes', 'RequestId', 'CreatedAt']);
    });

    it('answers $filter, $orderby and $top', async () => {
      const creates = (await expected({ action: 'create', entity_set: 'OrganizationTeamHierarchies' })).reverse().slice(0, 3);
      const filter = encodeURIComponent("Action eq 'create' and EntitySet eq 'OrganizationTeamHierarchies'");
      const body = expectJson(await send(t, 'GET', `/odata/AuditLogs?$filter=${filter}&$orderby=Id desc&$top=3&$select=Id,Action,EntityKey,UserId`, admin));
      expect(body.value).to.deep.equal(creates.map((r) => ({ Id: Number(r.id), Action: 'create', EntityKey: r.entity_key, UserId: Number(r.user_id) })));
      const byLead = expectJson(await send(t, 'GET', `/odata/AuditLogs?$filter=UserId eq ${org.user('lead')}&$count=true`, admin));
      expect(byLead['@odata.count']).to.equal((await expected({ user_id: org.user('lead') })).length);
    });

    it('answers 403 to a non-administrator, and to an administrator whose token lacks logs.read', async () => {
      expectWriteError(await send(t, 'GET', '/odata/AuditLogs', lead), 403, 'Forbidden');
      expectWriteError(await send(t, 'GET', '/odata/AuditLogs/$count', org.token('dev')), 403, 'Forbidden');
      expectWriteError(await send(t, 'GET', '/odata/AuditLogs/$count', org.token('lead', 'odata.read logs.read')), 403, 'Forbidden');
      const noLogs = await send(t, 'GET', '/odata/AuditLogs', org.token('admin', 'odata.read odata.write'));
      expectWriteError(noLogs, 403, 'Forbidden');
      expect(noLogs.text).to.include('logs.read');
      // nor through $expand from another set
      expectWriteError(await send(t, 'GET', '/odata/Users?$expand=Memberships', org.token('admin', 'logs.read')), 403, 'Forbidden');
    });

    it('reads the logs with a logs.read-only token (a log-shipping script), and nothing else', async () => {
      const logsOnly = org.token('admin', 'logs.read');
      expect(expectJson(await send(t, 'GET', '/odata/AuditLogs?$top=1', logsOnly)).value).to.have.length(1);
      expectWriteError(await send(t, 'GET', '/odata/Users', logsOnly), 403, 'Forbidden');
      expect((await send(t, 'GET', '/odata/$metadata', logsOnly)).status).to.equal(200);
    });

    it('shows the last 7 days by default; a $filter on CreatedAt is the caller\'s own window (seed 004)', async () => {
      const [old] = (await org.db('audit_logs').insert({
        company_id: org.companyId, user_id: org.user('admin'), action: 'update', entity_set: 'Users', entity_key: '1',
        changed_properties: 'Name', changes: '{}', created_at: org.db.raw("now() - interval '8 days'"),
      }).returning('id')) as { id: string | number }[];
      const oldId = Number(old?.id);
      const recent = await expected();
      const listed = await followAll(t, '/odata/AuditLogs?$select=Id', admin);
      expect(listed.rows.map((r) => r.Id)).to.not.include(oldId);
      expect(listed.rows).to.have.length(recent.length - 1);
      expect(Number((await send(t, 'GET', '/odata/AuditLogs/$count', admin)).text)).to.equal(recent.length - 1);
      const since = encodeURIComponent('CreatedAt ge 2000-01-01T00:00:00Z');
      const all = await followAll(t, `/odata/AuditLogs?$select=Id&$filter=${since}`, admin);
      expect(all.rows.map((r) => r.Id)).to.include(oldId);
      expect(all.rows).to.have.length(recent.length);
      const byKey = expectJson(await send(t, 'GET', `/odata/AuditLogs(${oldId})`, admin));
      expect(byKey.Id).to.equal(oldId); // one entry by key, whatever its age
      await org.db('audit_logs').where({ id: oldId }).delete();
    });

    it("shows another company's administrator none of this company's entries", async () => {
      const ours = new Set((await expected()).map((r) => Number(r.id)));
      for (const token of [other.token('boss', 'odata.read logs.read'), t.tokens.admin]) {
        const body = expectJson(await send(t, 'GET', `/odata/AuditLogs?$filter=CompanyId eq ${org.companyId}&$count=true`, token));
        expect(body['@odata.count']).to.equal(0);
        const all = expectJson(await send(t, 'GET', '/odata/AuditLogs?$top=1000&$select=CompanyId', token));
        for (const r of all.value as Row[]) expect(r.CompanyId).not.to.equal(org.companyId);
      }
      expect(ours.size).to.be.greaterThan(0);
    });

    it('is read-only: POST, PATCH and DELETE are 405', async () => {
      const id = Number((await expected())[0]?.id);
      expectWriteError(await send(t, 'POST', '/odata/AuditLogs', admin, { Action: 'create' }), 405, 'MethodNotAllowed');
      expectWriteError(await send(t, 'PATCH', `/odata/AuditLogs(${id})`, admin, { Action: 'x' }), 405, 'MethodNotAllowed');
      expectWriteError(await send(t, 'DELETE', `/odata/AuditLogs(${id})`, admin), 405, 'MethodNotAllowed');
    });
  });
});
