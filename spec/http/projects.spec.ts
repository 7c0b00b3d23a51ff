/**
 * /odata/Projects end to end on the run's database (PGlite or PostgreSQL): reads of the demo projects
 * (alternate key ProjectId, $select/$filter/$orderby into the complex properties ProjectOwner and Assets,
 * lambdas and $count over their collections, $search into the owner) with expected rows computed in JS
 * from the table, and writes in a company of the spec's own (CRUD with every status, validation paths,
 * PATCH replacing a complex property as a whole, administrators only, audit).
 */
import { expect } from 'chai';
import { testApp, type TestApp } from '../helpers/test-app';
import { expectError, expectJson, followAll, HOST, ids, ORIGIN, type Row } from './helpers';
import { auditRows, buildOrg, expectWriteError, send, unique, type Org } from './writes/fixtures';

const PROJECTS = '/odata/Projects';
const PROJECT_KEYS = [
  '@odata.etag', 'Id', 'CompanyId', 'ProjectId', 'ProjectName', 'ExternalId', 'Organization', 'Business', 'Department', 'Group', 'Team',
  'ProjectOwner', 'Assets', 'CreatedAt', 'UpdatedAt',
];

interface Owner { FirstName: string | null; LastName: string | null; Email: string | null }
interface Assets {
  Repositories?: Array<{ Name: string; Platform: string | null; Url: string | null }>;
  Services?: Array<{ Name: string; Identifier: string | null; ExternalId: string | null; Dependencies?: string[] }>;
}
interface ProjectRow { id: number; project_id: string; project_name: string; project_owner: Owner | null; assets: Assets | null }

const byId = (a: number, b: number) => a - b;

describe('Projects', () => {
  let t: TestApp;
  let contoso: ProjectRow[];
  const get = (url: string, token?: string) => t.get(url, token ?? t.tokens.admin).set('Host', HOST);
  /** Ids of the Contoso projects for which `pick` holds, ascending (the default order). */
  const where = (pick: (p: ProjectRow) => boolean) => contoso.filter(pick).map((p) => p.id).sort(byId);
  const filtered = async (filter: string) => ids(expectJson(await get(`${PROJECTS}?$select=Id&$filter=${encodeURIComponent(filter)}`)));

  before(async () => {
    t = await testApp();
    const rows = (await t.database.db('projects').where({ company_id: t.database.demo.companies.contoso }).orderBy('id')) as Row[];
    contoso = rows.map((r) => ({ ...(r as unknown as ProjectRow), id: Number(r.id) }));
  });

  describe('the demo data', () => {
    it('has at least 40 Contoso projects with owners and assets, some with several repositories and services, and a few for Fabrikam', async () => {
      expect(contoso.length).to.be.at.least(40);
      expect(contoso.filter((p) => (p.assets?.Repositories?.length ?? 0) > 1).length).to.be.at.least(5);
      expect(contoso.filter((p) => (p.assets?.Services?.length ?? 0) > 2).length).to.be.at.least(5);
      expect(contoso.filter((p) => p.project_owner === null).length).to.be.at.least(1);
      const fabrikam = await t.database.db('projects').where({ company_id: t.database.demo.companies.fabrikam }).count({ n: '*' });
      expect(Number(fabrikam[0]?.n)).to.be.within(1, 10);
      const owners = await t.database.db('users').whereIn('email', contoso.map((p) => p.project_owner?.Email).filter((e): e is string => !!e));
      expect(owners.length, 'owners are demo people').to.be.at.least(10);
    });
  });

  describe('GET', () => {
    it('lists the company projects with @odata.count, complex properties as nested JSON, in model order', async () => {
      const body = expectJson(await get(`${PROJECTS}?$count=true`));
      expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Projects`);
      expect(body['@odata.count']).to.equal(contoso.length);
      const value = body.value as Row[];
      expect(ids(body)).to.deep.equal(contoso.map((p) => p.id));
      expect(Object.keys(value[0] as Row)).to.deep.equal(PROJECT_KEYS);
      for (const [i, entity] of value.entries()) {
        const row = contoso[i] as ProjectRow;
        expect(entity.ProjectOwner).to.deep.equal(row.project_owner);
        expect(entity.Assets).to.deep.equal(row.assets);
      }
    });

    it("reads one project by key and by its alternate key ProjectId (seed 000's '2322345'), the same entity", async () => {
      const byKey = expectJson(await get(`${PROJECTS}(${contoso[0]?.id ?? 0})`));
      const byProjectId = expectJson(await get(`${PROJECTS}(ProjectId='2322345')`));
      expect(byProjectId['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Projects/$entity`);
      expect(byProjectId).to.deep.equal(byKey);
      expect(byProjectId.ProjectId).to.equal('2322345');
      expect(byProjectId.ProjectOwner).to.have.keys(['FirstName', 'LastName', 'Email']);
    });

    it('answers 404 for an unknown ProjectId and for a project of another company', async () => {
      expectError(await get(`${PROJECTS}(ProjectId='nope')`), 404, 'NotFound');
      expectError(await get(`${PROJECTS}(${contoso[0]?.id ?? 0})`, t.tokens.fabrikamAdmin), 404, 'NotFound');
      expectError(await get(`${PROJECTS}(ProjectId='2322345')`, t.tokens.fabrikamAdmin), 404, 'NotFound');
      expectError(await get(`${PROJECTS}(Email='x')`), 400, 'InvalidKey');
    });

    it('lets every user of the company read (not only administrators)', async () => {
      const body = expectJson(await get(`${PROJECTS}?$count=true&$top=1`, t.tokens.bob));
      expect(body['@odata.count']).to.equal(contoso.length);
    });

    it('reads one complex property by path', async () => {
      const body = expectJson(await get(`${PROJECTS}(ProjectId='2322345')/ProjectOwner`));
      expect(body.value).to.deep.equal(contoso[0]?.project_owner);      expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Projects(ProjectId='2322345')/ProjectOwner`);
      expectError(await get(`${PROJECTS}(ProjectId='2322345')/ProjectOwner/$value`), 400, 'UnsupportedQueryOption');
      expectError(await get(`${PROJECTS}(ProjectId='2322345')/ProjectOwner/Email`), 400, 'UnsupportedQueryOption');
    });
  });

  describe('$select into complex properties', () => {
    it('$select=ProjectOwner/Email returns the owner with only Email, and null for a project without owner', async () => {
      const body = expectJson(await get(`${PROJECTS}?$select=ProjectId,ProjectOwner/Email`));
      expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Projects(ProjectId,ProjectOwner/Email)`);
      for (const [i, entity] of (body.value as Row[]).entries()) {
        const owner = contoso[i]?.project_owner;
        expect(Object.keys(entity)).to.deep.equal(['@odata.etag', 'ProjectId', 'ProjectOwner']);
        expect(entity.ProjectOwner).to.deep.equal(owner ? { Email: owner.Email } : null);
      }
    });

    it('$select=ProjectOwner returns the whole owner; a whole property wins over its members', async () => {
      const body = expectJson(await get(`${PROJECTS}?$select=ProjectOwner,ProjectOwner/Email&$top=3`));
      expect((body.value as Row[]).map((e) => e.ProjectOwner)).to.deep.equal(contoso.slice(0, 3).map((p) => p.project_owner));
    });

    it('answers 400 for an unknown member and for a path into a collection', async () => {
      expect(expectError(await get(`${PROJECTS}?$select=ProjectOwner/Phone`), 400, 'UnknownProperty').target).to.equal('$select');
      expectError(await get(`${PROJECTS}?$select=Assets/Repositories/Url`), 400, 'UnsupportedQueryOption');
    });
  });

  describe('$filter into complex properties', () => {
    it('ProjectOwner/Email eq … finds the projects of one owner', async () => {
      const email = contoso[0]?.project_owner?.Email as string;
      expect(await filtered(`ProjectOwner/Email eq '${email}'`)).to.deep.equal(where((p) => p.project_owner?.Email === email)).and.to.have.length.above(0);
    });

    it('follows OData nulls: ne includes projects without owner, eq null finds none-valued members', async () => {
      const email = contoso[0]?.project_owner?.Email as string;
      expect(await filtered(`ProjectOwner/Email ne '${email}'`)).to.deep.equal(where((p) => p.project_owner?.Email !== email));
      expect(await filtered('ProjectOwner/Email eq null')).to.deep.equal(where((p) => (p.project_owner?.Email ?? null) === null)).and.to.have.length.above(0);
      expect(await filtered('ProjectOwner eq null')).to.deep.equal(where((p) => p.project_owner === null)).and.to.have.length.above(0);
      expect(await filtered('null ne Assets')).to.deep.equal(where((p) => p.assets !== null)).and.to.have.length.above(0);
    });

    it('string functions on nested values: tolower, contains, startswith', async () => {
      expect(await filtered("contains(tolower(ProjectOwner/LastName),'a')")).to.deep.equal(where((p) => (p.project_owner?.LastName ?? '').toLowerCase().includes('a')));
      const email = (contoso[0]?.project_owner?.Email as string).toUpperCase();
      expect(await filtered(`tolower(ProjectOwner/Email) eq '${email.toLowerCase()}'`)).to.deep.equal(where((p) => p.project_owner?.Email?.toLowerCase() === email.toLowerCase()));
    });

    it("Assets/Repositories/any(r: r/Platform eq 'github.com') (a containment) and any with another predicate (EXISTS)", async () => {
      const onGithub = where((p) => (p.assets?.Repositories ?? []).some((r) => r.Platform === 'github.com'));
      expect(await filtered("Assets/Repositories/any(r: r/Platform eq 'github.com')")).to.deep.equal(onGithub).and.to.have.length.above(0);
      expect(onGithub.length).to.be.below(contoso.length);
      expect(await filtered("Assets/Repositories/any(r: startswith(r/Url,'https://gitlab.com/'))")).to.deep.equal(
        where((p) => (p.assets?.Repositories ?? []).some((r) => (r.Url ?? '').startsWith('https://gitlab.com/'))),
      );
      expect(await filtered('Assets/Repositories/any()')).to.deep.equal(where((p) => (p.assets?.Repositories ?? []).length > 0));
    });

    it('all() holds for projects without assets, and nested lambdas reach the Dependencies strings', async () => {
      expect(await filtered("Assets/Services/all(s: s/Name ne 'redis')")).to.deep.equal(where((p) => (p.assets?.Services ?? []).every((s) => s.Name !== 'redis')));
      expect(await filtered("Assets/Services/any(s: s/Dependencies/any(d: d eq 'redis'))")).to.deep.equal(
        where((p) => (p.assets?.Services ?? []).some((s) => (s.Dependencies ?? []).includes('redis'))),
      ).and.to.have.length.above(0);
    });

    it('Assets/Services/$count gt 2 counts the elements (0 when absent), also in $orderby', async () => {
      const count = (p: ProjectRow) => p.assets?.Services?.length ?? 0;
      expect(await filtered('Assets/Services/$count gt 2')).to.deep.equal(where((p) => count(p) > 2)).and.to.have.length.above(0);
      expect(await filtered('Assets/Services/$count eq 0')).to.deep.equal(where((p) => count(p) === 0)).and.to.have.length.above(0);
      const ordered = ids(expectJson(await get(`${PROJECTS}?$select=Id&$orderby=Assets/Services/$count desc`)));
      expect(ordered).to.deep.equal([...contoso].sort((a, b) => count(b) - count(a) || a.id - b.id).map((p) => p.id));
    });

    it('answers 400 naming the mistake: unknown member, a collection used as a value, a complex value compared', async () => {
      expect(expectError(await get(`${PROJECTS}?$filter=ProjectOwner/Mail eq 'x'`), 400, 'UnknownProperty').message).to.include("ProjectOwner has no property 'Mail'");
      expect(expectError(await get(`${PROJECTS}?$filter=Assets/Repositories/Url eq 'x'`), 400, 'TypeMismatch').message).to.include('any(');
      expectError(await get(`${PROJECTS}?$filter=ProjectOwner eq 'x'`), 400, 'TypeMismatch');
      expectError(await get(`${PROJECTS}?$filter=ProjectOwner/$count gt 1`), 400, 'TypeMismatch');
    });
  });

  describe('$orderby and $search into complex properties', () => {
    it('$orderby=ProjectOwner/LastName puts projects without owner first, and pages by keyset consistently', async () => {
      const all = ids(expectJson(await get(`${PROJECTS}?$select=Id&$orderby=ProjectOwner/LastName,Id`)));
      const lastNameOf = new Map(contoso.map((p) => [p.id, p.project_owner?.LastName ?? null]));
      const withoutOwner = all.filter((id) => lastNameOf.get(id) === null);
      expect(all.slice(0, withoutOwner.length)).to.deep.equal(withoutOwner);
      expect(withoutOwner).to.have.length.above(0);
      const paged = await followAll(t, `${PROJECTS}?$select=Id&$orderby=ProjectOwner/LastName`, t.tokens.admin, { Prefer: 'odata.maxpagesize=7' });
      expect(paged.pages.length).to.be.above(2);
      expect(paged.rows.map((r) => r.Id)).to.deep.equal(all);
    });

    it("$search looks in ProjectName, ProjectId, ExternalId and the owner's names and email", async () => {
      const owner = contoso[0]?.project_owner as Owner;
      const term = (owner.LastName as string).toLowerCase();
      const expected = where((p) => [p.project_name, p.project_id, p.project_owner?.FirstName, p.project_owner?.LastName, p.project_owner?.Email]
        .some((v) => (v ?? '').toLowerCase().includes(term)));
      expect(ids(expectJson(await get(`${PROJECTS}?$select=Id&$search=${encodeURIComponent(term)}`)))).to.deep.equal(expected).and.include(contoso[0]?.id);
      expect(ids(expectJson(await get(`${PROJECTS}?$select=Id&$search=2322345`)))).to.deep.equal([contoso[0]?.id]);
    });
  });

  describe('writes', () => {
    let org: Org;
    let admin: string;
    let member: string;
    const body = (projectId: string) => ({
      ProjectId: projectId,
      ProjectName: 'Phase 2',
      ProjectOwner: { FirstName: 'John', LastName: 'Doe', Email: 'jd@opsera.io' },
      ExternalId: '25ce97e1-549b-4f31-bd01-80490847f8a6',
      Organization: 'Opsera', Business: 'Engineering', Department: 'Platform', Group: 'Phase 2', Team: 'AOD',
      Assets: {
        Repositories: [{ Name: 'web-portal', Platform: 'github.com', Url: 'https://github.com/Opsera/web-portal.git' }],
        Services: [{ Name: 'ha-proxy', Identifier: 'haprox01', Dependencies: [], ExternalId: 'b558c4d4-1eba-45e8-92bb-b255df6abd87' }],
      },
    });
    const stored = async (id: number) => (await org.db('projects').where({ company_id: org.companyId, id }).first()) as Row | undefined;
    const create = async (projectId = unique('p')) => expectJson(await send(t, 'POST', PROJECTS, admin, body(projectId)), 200);

    before(async () => {
      org = await buildOrg(t, { users: { boss: { is_administrator: true }, dev: {} } }, 'Projects');
      admin = org.token('boss');
      member = org.token('dev');
    });

    it('POST creates (200, Location, ETag) and stores the complex values as sent', async () => {
      const res = await send(t, 'POST', PROJECTS, admin, body('2322345'));
      const created = expectJson(res, 200);
      expect(Object.keys(created)).to.deep.equal(['@odata.context', ...PROJECT_KEYS]);
      expect(created).to.deep.include({ CompanyId: org.companyId, ProjectId: '2322345', ProjectOwner: body('x').ProjectOwner, Assets: body('x').Assets });
      expect(res.headers.location).to.equal(`${ORIGIN}${PROJECTS}(${created.Id as number})`);
      expect(res.headers.etag).to.equal('W/"1"');
      const row = (await stored(created.Id as number)) as Row;
      expect(row.project_owner).to.deep.equal(body('x').ProjectOwner);
      expect(row.assets).to.deep.equal(body('x').Assets);
      const [audit] = (await auditRows(org.db, org.companyId)).slice(-1);
      expect(audit).to.include({ action: 'create', entity_set: 'Projects', entity_key: String(created.Id) });
      expect(JSON.parse(audit?.changes as string).Assets.new).to.deep.equal(body('x').Assets);
    });

    it('POST with a ProjectId the company already has is 409 (target ProjectId); another company may use it', async () => {
      const first = await create();
      const again = await send(t, 'POST', PROJECTS, admin, body(first.ProjectId as string));
      expectWriteError(again, 409, 'Conflict', 'ProjectId');
      const other = await buildOrg(t, { users: { chief: { is_administrator: true } } }, 'ProjectsOther');
      expectJson(await send(t, 'POST', PROJECTS, other.token('chief'), body(first.ProjectId as string)), 200);
    });

    it('POST without ProjectId or ProjectName, or with an unknown or wrongly typed nested property, is 400 with its path as target', async () => {
      const { ProjectId: _p, ...noId } = body('x');
      expectWriteError(await send(t, 'POST', PROJECTS, admin, noId), 400, 'ValidationFailed', 'ProjectId');
      const unknownNested = { ...body(unique('p')), Assets: { Repositories: [{ Name: 'a', Urll: 'x' }] } };
      const err = expectWriteError(await send(t, 'POST', PROJECTS, admin, unknownNested), 400, 'ValidationFailed', 'Assets/Repositories/0/Urll');
      expect(err.details).to.deep.include({ code: 'UnknownProperty', message: "Repository has no property 'Urll'", target: 'Assets/Repositories/0/Urll' });
      const wrongType = { ...body(unique('p')), Assets: { Repositories: [{ Name: 'a', Url: 42 }] } };
      expectWriteError(await send(t, 'POST', PROJECTS, admin, wrongType), 400, 'ValidationFailed', 'Assets/Repositories/0/Url');
      expectWriteError(await send(t, 'POST', PROJECTS, admin, { ...body(unique('p')), ProjectOwner: 'John' }), 400, 'ValidationFailed', 'ProjectOwner');
    });

    it('a user who is not an administrator gets 403 for POST, PATCH and DELETE and changes nothing', async () => {
      const created = await create();
      const url = `${PROJECTS}(${created.Id as number})`;
      expectWriteError(await send(t, 'POST', PROJECTS, member, body(unique('p'))), 403, 'Forbidden');
      expectWriteError(await send(t, 'PATCH', url, member, { ProjectName: 'Mine' }), 403, 'Forbidden');
      expectWriteError(await send(t, 'DELETE', url, member), 403, 'Forbidden');
      expect(await stored(created.Id as number)).to.include({ project_name: 'Phase 2' });
      expectJson(await get(url, member));
    });

    it('PATCH of a complex property replaces it as a whole: members not sent become absent', async () => {
      const created = await create();
      const url = `${PROJECTS}(${created.Id as number})`;
      const res = await send(t, 'PATCH', url, admin, { ProjectOwner: { Email: 'new.owner@opsera.io' } }, { Prefer: 'return=representation' });
      const patched = expectJson(res, 200);
      expect(patched.ProjectOwner).to.deep.equal({ Email: 'new.owner@opsera.io' });
      expect(patched.Assets).to.deep.equal(body('x').Assets);
      expect(patched.ProjectName).to.equal('Phase 2');
      expect(((await stored(created.Id as number)) as Row).project_owner).to.deep.equal({ Email: 'new.owner@opsera.io' });
      expect(res.headers.etag).to.equal('W/"2"');
      const [audit] = (await auditRows(org.db, org.companyId)).slice(-1);
      expect(audit).to.include({ action: 'update', changed_properties: 'ProjectOwner' });
      expect(JSON.parse(audit?.changes as string)).to.deep.equal({
        ProjectOwner: { old: body('x').ProjectOwner, new: { Email: 'new.owner@opsera.io' } },
      });
    });

    it('PATCH with the same complex value (keys in another order) changes nothing: no new ETag, no audit row', async () => {
      const created = await create();
      const before = (await auditRows(org.db, org.companyId)).length;
      const owner = { Email: 'jd@opsera.io', LastName: 'Doe', FirstName: 'John' };
      expect((await send(t, 'PATCH', `${PROJECTS}(${created.Id as number})`, admin, { ProjectOwner: owner })).status).to.equal(204);
      expect(((await stored(created.Id as number)) as Row).row_version).to.satisfy((v: unknown) => String(v) === '1');
      expect((await auditRows(org.db, org.companyId)).length).to.equal(before);
    });

    it('PATCH and DELETE address a project by ProjectId too; If-Match with an old ETag is 412', async () => {
      const created = await create();
      const url = `${PROJECTS}(ProjectId='${created.ProjectId as string}')`;
      expect((await send(t, 'PATCH', url, admin, { Assets: null })).status).to.equal(204);
      expect(((await stored(created.Id as number)) as Row).assets).to.equal(null);
      expectWriteError(await send(t, 'PATCH', url, admin, { ProjectName: 'x' }, { 'If-Match': 'W/"1"' }), 412, 'PreconditionFailed');
      expect((await send(t, 'DELETE', url, admin)).status).to.equal(204);
      expect(await stored(created.Id as number)).to.equal(undefined);
      expectError(await get(url, admin), 404, 'NotFound');
      expectWriteError(await send(t, 'DELETE', url, admin), 404, 'NotFound');
    });

    it('PUT replaces the entity: omitted optional properties, complex ones included, become null', async () => {
      const created = await create();
      const url = `${PROJECTS}(${created.Id as number})`;
      expect((await send(t, 'PUT', url, admin, { ProjectId: created.ProjectId, ProjectName: 'Renamed' })).status).to.equal(204);
      expect(await stored(created.Id as number)).to.include({ project_name: 'Renamed', project_owner: null, assets: null, external_id: null });
    });

    it("another company's project is 404 for PATCH and DELETE", async () => {
      const created = await create();
      const other = await buildOrg(t, { users: { chief: { is_administrator: true } } }, 'ProjectsOther');
      expectWriteError(await send(t, 'PATCH', `${PROJECTS}(${created.Id as number})`, other.token('chief'), { ProjectName: 'x' }), 404, 'NotFound');
      expectWriteError(await send(t, 'DELETE', `${PROJECTS}(${created.Id as number})`, other.token('chief')), 404, 'NotFound');
      expect(await stored(created.Id as number)).to.include({ project_name: 'Phase 2' });
    });
  });
});
