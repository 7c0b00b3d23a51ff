/**
 * /odata/Mappings and the CreateOrgHierarchyMapping action end to end on the run's database (PGlite or
 * PostgreSQL): reads of the demo mappings by GUID key and $filter, the Project/User navigations and the
 * many-to-many Projects(…)/People and Users(…)/Projects through them (with a non-administrator's
 * visibility), and writes in companies of the spec's own (every status code, the owner rule, audit).
 */
import { expect } from 'chai';
import { testApp, type TestApp } from '../helpers/test-app';
import { expectError, expectJson, HOST, ORIGIN, type Row } from './helpers';
import { auditRows, buildOrg, expectWriteError, send, unique, type Org } from './writes/fixtures';

const MAPPINGS = '/odata/Mappings';
const ACTION = '/odata/CreateOrgHierarchyMapping';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEYS = ['@odata.etag', 'Id', 'CompanyId', 'Attribute1', 'Attribute2', 'MappingType', 'Relationship', 'CreatedAt'];

interface MappingRow { id: string; attribute1: string; attribute2: string; mapping_type: string; project_ref: string | number | null; user_ref: string | number | null }

describe('Mappings', () => {
  let t: TestApp;
  let contoso: MappingRow[];
  const get = (url: string, token?: string) => t.get(url, token ?? t.tokens.admin).set('Host', HOST);

  before(async () => {
    t = await testApp();
    contoso = (await t.database.db('mappings').where({ company_id: t.database.demo.companies.contoso }).orderBy('id')) as MappingRow[];
  });

  describe('the demo data', () => {
    it('links several people to each demo project (some on several projects) and mirrors every non-root team as org-hierarchy', async () => {
      const people = contoso.filter((m) => m.mapping_type === 'project-people');
      const perProject = new Map<string, number>();
      const perUser = new Map<string, number>();
      for (const m of people) {
        perProject.set(m.attribute1, (perProject.get(m.attribute1) ?? 0) + 1);
        perUser.set(String(m.user_ref), (perUser.get(String(m.user_ref)) ?? 0) + 1);
        expect(m.project_ref).not.to.equal(null);
      }
      const projects = await t.database.db('projects').where({ company_id: t.database.demo.companies.contoso }).count({ n: '*' });
      expect(perProject.size).to.equal(Number(projects[0]?.n));
      expect(Math.min(...perProject.values())).to.be.at.least(2);
      expect([...perUser.values()].filter((n) => n > 1).length).to.be.at.least(5);
      const teams = await t.database.db('organization_team_hierarchies').where({ company_id: t.database.demo.companies.contoso }).whereNotNull('parent_id').count({ n: '*' });
      const hierarchy = contoso.filter((m) => m.mapping_type === 'org-hierarchy');
      expect(hierarchy.length).to.equal(Number(teams[0]?.n));
      expect(hierarchy.find((m) => m.attribute2 === 'Engineering')).to.include({ attribute1: 'Contoso', relationship: 'root-business' });
    });
  });

  describe('GET', () => {
    it('lists the company mappings with @odata.count, GUID ids, in key order', async () => {
      const body = expectJson(await get(`${MAPPINGS}?$count=true&$top=1000`));
      expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Mappings`);
      expect(body['@odata.count']).to.equal(contoso.length);
      const value = body.value as Row[];
      expect(value.map((m) => m.Id)).to.deep.equal(contoso.map((m) => m.id));
      expect(Object.keys(value[0] as Row)).to.deep.equal(KEYS);
      expect(value[0]?.Id).to.match(GUID);
    });

    it('reads one mapping by its GUID key (unquoted), 404 for an unknown GUID or another company’s, 400 for a quoted or non-GUID key', async () => {
      const first = contoso[0] as MappingRow;
      const res = await get(`${MAPPINGS}(${first.id})`);
      const body = expectJson(res);
      expect(body).to.include({ Id: first.id, Attribute1: first.attribute1, Attribute2: first.attribute2 });
      expect(res.headers.etag).to.equal('W/"1"');
      expectError(await get(`${MAPPINGS}(00000000-0000-4000-8000-000000000000)`), 404, 'NotFound');
      expectError(await get(`${MAPPINGS}(${first.id})`, t.tokens.fabrikamAdmin), 404, 'NotFound');
      expectError(await get(`${MAPPINGS}('${first.id}')`), 400, 'InvalidKey');
      expectError(await get(`${MAPPINGS}(5)`), 400, 'InvalidKey');
    });

    it('filters by Id eq <guid>, pages with a nextLink whose skiptoken resumes after a GUID', async () => {
      const target = contoso[3] as MappingRow;
      const body = expectJson(await get(`${MAPPINGS}?$filter=${encodeURIComponent(`Id eq ${target.id.toUpperCase()}`)}`));
      expect((body.value as Row[]).map((m) => m.Id)).to.deep.equal([target.id]);
      expectError(await get(`${MAPPINGS}?$filter=${encodeURIComponent(`Id eq '${target.id}'`)}`), 400, 'TypeMismatch');
      const page1 = expectJson(await get(MAPPINGS).set('Prefer', 'odata.maxpagesize=5'));
      const next = String(page1['@odata.nextLink']);
      expect(next).to.match(/\$skiptoken=/);
      const page2 = expectJson(await get(next.replace(ORIGIN, '')).set('Prefer', 'odata.maxpagesize=5'));
      expect((page2.value as Row[]).map((m) => m.Id)).to.deep.equal(contoso.slice(5, 10).map((m) => m.id));
    });

    it('expands Project and User of a project-people mapping; a non-administrator gets null for a user he may not see', async () => {
      const mapping = contoso.find((m) => m.mapping_type === 'project-people') as MappingRow;
      const body = expectJson(await get(`${MAPPINGS}(${mapping.id})?$expand=Project($select=ProjectId),User($select=Email)`));
      expect((body.Project as Row).ProjectId).to.equal(mapping.attribute1);
      expect(String((body.User as Row).Email).toLowerCase()).to.equal(mapping.attribute2.toLowerCase());
      const visible = new Set(((expectJson(await get('/odata/Users?$select=Id&$top=1000', t.tokens.bob)).value as Row[]).map((u) => String(u.Id))));
      const hidden = contoso.find((m) => m.user_ref !== null && !visible.has(String(m.user_ref))) as MappingRow;
      const asBob = expectJson(await get(`${MAPPINGS}(${hidden.id})?$expand=User`, t.tokens.bob));
      expect(asBob.User).to.equal(null);
      const orgHierarchy = contoso.find((m) => m.mapping_type === 'org-hierarchy') as MappingRow;
      expect(expectJson(await get(`${MAPPINGS}(${orgHierarchy.id})?$expand=Project,User`))).to.include({ Project: null, User: null });
    });

    it("Projects(ProjectId='2322345')?$expand=People and Users(Email=…)/Projects follow the project-people mappings", async () => {
      const on = contoso.filter((m) => m.mapping_type === 'project-people' && m.attribute1 === '2322345');
      const body = expectJson(await get(`/odata/Projects(ProjectId='2322345')?$expand=People($select=Id,DisplayName,Email;$orderby=Id)`));
      expect((body.People as Row[]).map((u) => String(u.Id))).to.deep.equal(on.map((m) => String(m.user_ref)).sort((a, b) => Number(a) - Number(b)));
      const email = (on[0] as MappingRow).attribute2;
      const projects = expectJson(await get(`/odata/Users(Email='${email.toUpperCase()}')/Projects?$select=ProjectId&$orderby=ProjectId`));
      const expected = contoso.filter((m) => m.mapping_type === 'project-people' && m.attribute2 === email).map((m) => m.attribute1).sort();
      expect((projects.value as Row[]).map((p) => p.ProjectId)).to.deep.equal(expected);
      const counted = expectJson(await get(`/odata/Projects?$filter=People/any(p: p/Email eq '${email}')&$select=ProjectId&$orderby=ProjectId`));
      expect((counted.value as Row[]).map((p) => p.ProjectId)).to.deep.equal(expected);
    });

    it('People of a project as a non-administrator: only the users he may see', async () => {
      const visible = new Set(((expectJson(await get('/odata/Users?$select=Id&$top=1000', t.tokens.bob)).value as Row[]).map((u) => String(u.Id))));
      const body = expectJson(await get('/odata/Projects?$select=ProjectId&$expand=People($select=Id)&$orderby=ProjectId', t.tokens.bob));
      let seen = 0;
      for (const project of body.value as Row[]) {
        const expected = contoso
          .filter((m) => m.mapping_type === 'project-people' && m.attribute1 === project.ProjectId && visible.has(String(m.user_ref)))
          .map((m) => String(m.user_ref)).sort();
        expect((project.People as Row[]).map((u) => String(u.Id)).sort()).to.deep.equal(expected);
        seen += expected.length;
      }
      const all = contoso.filter((m) => m.mapping_type === 'project-people').length;
      expect(seen).to.be.below(all);
    });

    it("the README's examples read the demo (200), and its POST examples would create, not conflict", async () => {
      const first = contoso[0] as MappingRow;
      for (const url of [
        `${MAPPINGS}?$count=true&$top=5`,
        `${MAPPINGS}?$filter=${encodeURIComponent("MappingType eq 'project-people'")}&$count=true`,
        `${MAPPINGS}(${first.id})?$expand=Project($select=ProjectName),User($select=DisplayName)`,
        `/odata/Projects(ProjectId='2322345')?$expand=People($select=DisplayName,Email)`,
        `/odata/Users(Email='alice.manager@contoso.example')/Projects?$select=ProjectId,ProjectName`,
        '/odata/Projects?$select=ProjectId,ProjectName&$expand=People($select=DisplayName)',
        '/odata/Projects?$filter=People/$count%20gt%203&$select=ProjectId',
        `${MAPPINGS}?$search=engineering&$select=Attribute1,Attribute2`,
      ]) {
        expectJson(await get(url));
      }
      const alice = expectJson(await get(`/odata/Users(Email='alice.manager@contoso.example')/Projects?$select=ProjectId&$orderby=ProjectId`));
      expect((alice.value as Row[]).map((p) => p.ProjectId)).to.include.members(['2322345', '2322346', '2322347']);
      const busy = expectJson(await get('/odata/Projects?$filter=People/$count%20gt%203&$select=ProjectId'));
      const counts = new Map<string, number>();
      for (const m of contoso) if (m.mapping_type === 'project-people') counts.set(m.attribute1, (counts.get(m.attribute1) ?? 0) + 1);
      expect((busy.value as Row[]).map((p) => p.ProjectId).sort()).to.deep.equal([...counts].filter(([, n]) => n > 3).map(([id]) => id).sort());
      const searched = expectJson(await get(`${MAPPINGS}?$search=engineering&$select=Id&$top=1000`));
      expect((searched.value as Row[]).length).to.equal(contoso.filter((m) => `${m.attribute1} ${m.attribute2} ${m.mapping_type}`.toLowerCase().includes('engineering')).length);
      expect(contoso.some((m) => m.attribute1 === '2322345' && m.attribute2 === 'bob.reader@contoso.example')).to.equal(false);
      expect(contoso.some((m) => m.attribute1 === 'Opsera')).to.equal(false);
    });

    it('refuses $ref on the navigations whose links are Mappings (405)', async () => {
      const res = await send(t, 'POST', `/odata/Projects(ProjectId='2322345')/People/$ref`, t.tokens.admin, { '@odata.id': 'Users(2)' });
      expectWriteError(res, 405, 'MethodNotAllowed');
    });
  });

  describe('writes', () => {
    let org: Org;
    let admin: string;
    let owner: string;
    let dev: string;
    let projectId: string;

    before(async () => {
      org = await buildOrg(t, { users: { boss: { is_administrator: true }, owner: {}, dev: {}, ann: {}, leaver: {}, stayer: {} } }, 'Mappings');
      admin = org.token('boss');
      owner = org.token('owner');
      dev = org.token('dev');
      projectId = unique('p');
      const ownerEmail = ((await org.db('users').where({ id: org.user('owner') }).first('email')) as { email: string }).email;
      await org.db('projects').insert({ company_id: org.companyId, project_id: projectId, project_name: 'Mapped', project_owner: JSON.stringify({ Email: ownerEmail.toUpperCase() }) });
    });

    const emailOf = async (name: string) => ((await org.db('users').where({ id: org.user(name) }).first('email')) as { email: string }).email;
    const body = async (user: string, project = projectId) => ({ Attribute1: project, Attribute2: (await emailOf(user)).toUpperCase(), MappingType: 'project-people', Relationship: 'many-to-many' });

    it('POST creates a project-people mapping: 200, GUID Id, Location and ETag, resolved references, audited; the same pair again (any case) → 409', async () => {
      const res = await send(t, 'POST', MAPPINGS, admin, await body('ann'));
      const created = expectJson(res, 200);
      expect(created.Id).to.match(GUID);
      expect(res.headers.location).to.equal(`${ORIGIN}/odata/Mappings(${String(created.Id)})`);
      expect(res.headers.etag).to.equal('W/"1"');
      expect(created).to.include({ Attribute1: projectId, Attribute2: await emailOf('ann'), MappingType: 'project-people', Relationship: 'many-to-many', CompanyId: org.companyId });
      const row = (await org.db('mappings').where({ id: created.Id }).first()) as MappingRow;
      expect(Number(row.user_ref)).to.equal(org.user('ann'));
      expect(expectJson(await send(t, 'GET', String(res.headers.location).replace(ORIGIN, ''), admin))).to.deep.equal(created);
      const audit = (await auditRows(org.db, org.companyId)).filter((a) => a.entity_key === created.Id);
      expect(audit.map((a) => [a.action, a.entity_set])).to.deep.equal([['create', 'Mappings']]);
      expectWriteError(await send(t, 'POST', MAPPINGS, admin, { ...(await body('ann')), Attribute2: (await emailOf('ann')).toLowerCase() }), 409, 'Conflict');
      const people = expectJson(await send(t, 'GET', `/odata/Projects(ProjectId='${projectId}')/People?$select=Id`, admin));
      expect((people.value as Row[]).map((u) => u.Id)).to.deep.equal([org.user('ann')]);
    });

    it('400 naming Attribute1 for an unknown ProjectId, Attribute2 for an unknown Email, and for missing or unknown properties', async () => {
      expectWriteError(await send(t, 'POST', MAPPINGS, admin, { ...(await body('dev')), Attribute1: 'no-such-project' }), 400, 'ValidationFailed', 'Attribute1');
      expectWriteError(await send(t, 'POST', MAPPINGS, admin, { ...(await body('dev')), Attribute2: 'nobody@nowhere.example' }), 400, 'ValidationFailed', 'Attribute2');
      expectWriteError(await send(t, 'POST', MAPPINGS, admin, { Attribute1: 'x', MappingType: 'other' }), 400, 'ValidationFailed', 'Attribute2');
      expectWriteError(await send(t, 'POST', MAPPINGS, admin, { ...(await body('dev')), Id: '00000000-0000-4000-8000-000000000000' }), 400, 'ValidationFailed', 'Id');
      const other = await buildOrg(t, { users: { chief: { is_administrator: true } } }, 'MappingsOther');
      expectWriteError(await send(t, 'POST', MAPPINGS, other.token('chief'), await body('dev')), 400, 'ValidationFailed', 'Attribute1');
    });

    it("the project's owner creates and deletes its project-people mappings; others (403) do not; other types are for administrators", async () => {
      const created = expectJson(await send(t, 'POST', MAPPINGS, owner, await body('dev')), 200);
      const url = `${MAPPINGS}(${String(created.Id)})`;
      expectWriteError(await send(t, 'DELETE', url, dev), 403, 'Forbidden');
      expectWriteError(await send(t, 'PATCH', url, owner, { Relationship: 'one-to-one' }), 403, 'Forbidden');
      expect((await send(t, 'DELETE', url, owner)).status).to.equal(204);
      expectWriteError(await send(t, 'POST', MAPPINGS, dev, await body('ann')), 403, 'Forbidden');
      expectWriteError(await send(t, 'POST', MAPPINGS, owner, { Attribute1: 'a', Attribute2: 'b', MappingType: 'free-form' }), 403, 'Forbidden');
      expect((await send(t, 'POST', MAPPINGS, admin, { Attribute1: 'a', Attribute2: 'b', MappingType: 'free-form' })).status).to.equal(200);
      expectWriteError(await send(t, 'POST', MAPPINGS, org.token('owner', 'odata.read'), await body('owner')), 403, 'Forbidden');
    });

    it('PATCH changes Relationship only (204, new ETag, If-Match 412); Attribute1/Attribute2/MappingType → 400; DELETE 204 then 404; other company 404', async () => {
      const created = expectJson(await send(t, 'POST', MAPPINGS, admin, await body('boss')), 200);
      const url = `${MAPPINGS}(${String(created.Id)})`;
      const patched = await send(t, 'PATCH', url, admin, { Relationship: 'one-to-many' }, { 'If-Match': 'W/"1"' });
      expect(patched.status, patched.text).to.equal(204);
      expectWriteError(await send(t, 'PATCH', url, admin, { Relationship: 'x' }, { 'If-Match': 'W/"1"' }), 412, 'PreconditionFailed');
      for (const name of ['Attribute1', 'Attribute2', 'MappingType']) {
        expectWriteError(await send(t, 'PATCH', url, admin, { [name]: 'changed' }), 400, 'ValidationFailed', name);
      }
      expect((await send(t, 'PATCH', url, admin, { MappingType: 'project-people', Id: String(created.Id).toUpperCase() })).status).to.equal(204);
      expectWriteError(await send(t, 'PATCH', url, admin, { Id: '00000000-0000-4000-8000-000000000000' }), 400, 'ValidationFailed', 'Id');
      expectWriteError(await send(t, 'PATCH', url, admin, { Id: 'not-a-guid' }), 400, 'ValidationFailed', 'Id');
      const read = expectJson(await send(t, 'GET', url, admin));
      expect(read).to.include({ Relationship: 'one-to-many', '@odata.etag': 'W/"2"' });
      const same = { Attribute1: read.Attribute1, Attribute2: read.Attribute2, MappingType: read.MappingType };
      expectWriteError(await send(t, 'PUT', url, admin, { ...same, Attribute2: 'other@x.example' }), 400, 'ValidationFailed', 'Attribute2');
      expect((await send(t, 'PUT', url, admin, same)).status).to.equal(204);
      expect(expectJson(await send(t, 'GET', url, admin))).to.include({ Relationship: null, '@odata.etag': 'W/"3"' });
      const other = await buildOrg(t, { users: { chief: { is_administrator: true } } }, 'MappingsOther');
      expectWriteError(await send(t, 'DELETE', url, other.token('chief')), 404, 'NotFound');
      expectWriteError(await send(t, 'PATCH', url, other.token('chief'), { Relationship: 'x' }), 404, 'NotFound');
      expect((await send(t, 'DELETE', url, admin)).status).to.equal(204);
      expectWriteError(await send(t, 'DELETE', url, admin), 404, 'NotFound');
    });

    it('deleting a project or a user deletes its mappings (ON DELETE CASCADE), each audited as a delete in the same transaction', async () => {
      const auditOf = async (key: unknown) => (await auditRows(org.db, org.companyId)).filter((a) => a.entity_key === key);
      const project = unique('gone');
      await org.db('projects').insert({ company_id: org.companyId, project_id: project, project_name: 'Gone' });
      const created = expectJson(await send(t, 'POST', MAPPINGS, admin, await body('dev', project)), 200);
      const deleted = await send(t, 'DELETE', `/odata/Projects(ProjectId='${project}')`, admin);
      expect(deleted.status).to.equal(204);
      expect(await org.db('mappings').where({ id: created.Id })).to.have.length(0);
      const logged = await auditOf(created.Id);
      expect(logged.map((a) => [a.action, a.entity_set])).to.deep.equal([['create', 'Mappings'], ['delete', 'Mappings']]);
      const gone = logged[1] as Row;
      expect(JSON.parse(gone.changes as string)).to.deep.include({ Attribute1: { old: project }, MappingType: { old: 'project-people' } });
      expect(gone.request_id).to.equal(deleted.headers['x-request-id']);
      expect(Number(gone.user_id)).to.equal(org.user('boss'));

      // a user's mappings go with the user
      const leaving = expectJson(await send(t, 'POST', MAPPINGS, admin, await body('leaver')), 200);
      expect((await send(t, 'DELETE', `/odata/Users(${org.user('leaver')})`, admin)).status).to.equal(204);
      expect((await auditOf(leaving.Id)).map((a) => a.action)).to.deep.equal(['create', 'delete']);

      // a delete that fails (the user is still in an access team: 409) changes nothing and logs nothing
      const staying = expectJson(await send(t, 'POST', MAPPINGS, admin, await body('stayer')), 200);
      const team = expectJson(await send(t, 'POST', '/odata/Teams', admin, { Name: unique('Keepers') }), 200);
      expect((await send(t, 'POST', `/odata/Teams(${String(team.Id)})/Users/$ref`, admin, { '@odata.id': `Users(${org.user('stayer')})` })).status).to.equal(204);
      expectWriteError(await send(t, 'DELETE', `/odata/Users(${org.user('stayer')})`, admin), 409, 'Conflict');
      expect(await org.db('mappings').where({ id: staying.Id })).to.have.length(1);
      expect((await auditOf(staying.Id)).map((a) => a.action)).to.deep.equal(['create']);
    });
  });

  describe('CreateOrgHierarchyMapping', () => {
    let org: Org;
    before(async () => {
      org = await buildOrg(t, { users: { boss: { is_administrator: true }, dev: {} } }, 'OrgMappings');
    });
    const call = (token: string, body: unknown) => send(t, 'POST', ACTION, token, body);

    it("creates the org-hierarchy Mapping (seed 000's example, types in any case) → 200 with it; audited; again → 409", async () => {
      const res = await call(org.token('boss'), { Parent: 'Opsera', ParentType: 'root', Child: 'R&D', ChildType: 'Department' });
      const created = expectJson(res, 200);
      expect(created['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Mappings/$entity`);
      expect(created).to.include({ Attribute1: 'Opsera', Attribute2: 'R&D', MappingType: 'org-hierarchy', Relationship: 'root-department', CompanyId: org.companyId });
      expect(created.Id).to.match(GUID);
      expect(res.headers.etag).to.equal('W/"1"');
      const audit = await auditRows(org.db, org.companyId);
      expect(audit.map((a) => [a.action, a.entity_set, a.entity_key])).to.deep.equal([['create', 'Mappings', created.Id]]);
      expectWriteError(await call(org.token('boss'), { Parent: 'Opsera', ParentType: 'root', Child: 'R&D', ChildType: 'business' }), 409, 'Conflict');
      const listed = expectJson(await send(t, 'GET', `${MAPPINGS}?$filter=MappingType eq 'org-hierarchy'`.replace(/ /g, '%20'), org.token('dev')));
      expect((listed.value as Row[]).map((m) => m.Id)).to.deep.equal([created.Id]);
    });

    it('400 naming an unknown type, a missing or an unknown parameter; 403 for a non-administrator; 405 for GET; 415 without JSON', async () => {
      const boss = org.token('boss');
      const bad = expectWriteError(await call(boss, { Parent: 'A', ParentType: 'galaxy', Child: 'B', ChildType: 'team' }), 400, 'ValidationFailed', 'ParentType');
      expect(bad.message).to.include('galaxy');
      expectWriteError(await call(boss, { Parent: 'A', ParentType: 'root', Child: 'B' }), 400, 'ValidationFailed', 'ChildType');
      expectWriteError(await call(boss, { Parent: 'A', ParentType: 'root', Child: 'B', ChildType: 'team', Extra: 1 }), 400, 'ValidationFailed', 'Extra');
      expectWriteError(await call(boss, { Parent: 5, ParentType: 'root', Child: 'B', ChildType: 'team' }), 400, 'ValidationFailed', 'Parent');
      expectWriteError(await call(org.token('dev'), { Parent: 'A', ParentType: 'root', Child: 'B', ChildType: 'team' }), 403, 'Forbidden');
      expectWriteError(await call(org.token('boss', 'odata.read'), { Parent: 'A', ParentType: 'root', Child: 'B', ChildType: 'team' }), 403, 'Forbidden');
      const get = await send(t, 'GET', ACTION, boss);
      expectWriteError(get, 405, 'MethodNotAllowed');
      expect(get.headers.allow).to.equal('POST');
      expectWriteError(await send(t, 'PATCH', ACTION, boss, {}), 405, 'MethodNotAllowed');
      expectWriteError(await send(t, 'POST', ACTION, boss, 'x', { 'Content-Type': 'text/plain' }), 415, 'UnsupportedMediaType');
      expect(await org.db('mappings').where({ company_id: org.companyId, attribute1: 'A' })).to.have.length(0);
    });

    it('is declared in $metadata (Action + ActionImport) and left out of the service document', async () => {
      const xml = (await send(t, 'GET', '/odata/$metadata', org.token('dev'))).text;
      expect(xml).to.include('<Action Name="CreateOrgHierarchyMapping" IsBound="false">');
      expect(xml).to.include('<ActionImport Name="CreateOrgHierarchyMapping" Action="OrgChart.CreateOrgHierarchyMapping" EntitySet="Mappings"/>');
      const doc = expectJson(await send(t, 'GET', '/odata', org.token('dev')));
      const names = (doc.value as Row[]).map((e) => e.name);
      expect(names).to.include('Mappings');
      expect(names).not.to.include('CreateOrgHierarchyMapping');
    });
  });
});
