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
    });

    it('reads a member of a complex property by path: a primitive one, its $value, a collection, a nested complex one', async () => {
      const first = contoso[0] as ProjectRow;
      const email = expectJson(await get(`${PROJECTS}(${first.id})/ProjectOwner/Email`));
      expect(email).to.deep.equal({ '@odata.context': `${ORIGIN}/odata/$metadata#Projects(${first.id})/ProjectOwner/Email`, value: first.project_owner?.Email });
      const byAlternateKey = expectJson(await get(`${PROJECTS}(ProjectId='2322345')/ProjectOwner/LastName`));
      expect(byAlternateKey).to.deep.equal({
        '@odata.context': `${ORIGIN}/odata/$metadata#Projects(ProjectId='2322345')/ProjectOwner/LastName`,
        value: first.project_owner?.LastName,
      });
      const raw = await get(`${PROJECTS}(${first.id})/ProjectOwner/Email/$value`);
      expect(raw.status).to.equal(200);
      expect(raw.headers['content-type']).to.match(/^text\/plain/);
      expect(raw.text).to.equal(first.project_owner?.Email);
      const withRepositories = contoso.find((p) => (p.assets?.Repositories?.length ?? 0) > 1) as ProjectRow;
      const repositories = expectJson(await get(`${PROJECTS}(${withRepositories.id})/Assets/Repositories`));
      expect(repositories).to.deep.equal({
        '@odata.context': `${ORIGIN}/odata/$metadata#Projects(${withRepositories.id})/Assets/Repositories`,
        value: withRepositories.assets?.Repositories,
      });
      const services = expectJson(await get(`${PROJECTS}(${withRepositories.id})/Assets/Services`));
      expect(services.value).to.deep.equal(withRepositories.assets?.Services ?? null);
    });

    it('answers 204 for a null member (no owner, or an owner without that member), 404 for an unknown project', async () => {
      const ownerless = contoso.find((p) => p.project_owner === null) as ProjectRow;
      expect((await get(`${PROJECTS}(${ownerless.id})/ProjectOwner/Email`)).status).to.equal(204);
      expect((await get(`${PROJECTS}(${ownerless.id})/ProjectOwner/Email/$value`)).status).to.equal(204);
      const noAssets = contoso.find((p) => p.assets === null || p.assets.Repositories === undefined);
      expect(noAssets, 'the demo has projects without assets (every 7th)').to.not.equal(undefined);
      expect((await get(`${PROJECTS}(${(noAssets as ProjectRow).id})/Assets/Repositories`)).status).to.equal(204);
      expectError(await get(`${PROJECTS}(ProjectId='nope')/ProjectOwner/Email`), 404, 'NotFound');
      expectError(await get(`${PROJECTS}(${contoso[0]?.id ?? 0})/ProjectOwner/Email`, t.tokens.fabrikamAdmin), 404, 'NotFound');
    });

    it('answers 400 naming an unknown member, $value of a complex value or a collection, and a path into a collection', async () => {
      const id = contoso[0]?.id ?? 0;
      const unknown = expectError(await get(`${PROJECTS}(${id})/ProjectOwner/Phone`), 400, 'UnknownProperty');
      expect(unknown.message).to.include("ProjectOwner has no property 'Phone'");
      expect(unknown.target).to.equal('Phone');
      expectError(await get(`${PROJECTS}(${id})/ProjectOwner/Email/Domain`), 400, 'UnknownProperty');
      expectError(await get(`${PROJECTS}(${id})/Assets/Repositories/$value`), 400, 'UnsupportedQueryOption');
      expectError(await get(`${PROJECTS}(${id})/Assets/Repositories/Url`), 400, 'UnsupportedQueryOption');
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

  describe('$select into complex properties inside $expand', () => {
    const ALICE = "/odata/Users(Email='alice.manager@contoso.example')";
    const owned = (email: string | null | undefined) => (email === undefined ? null : { Email: email });
    let aliceProjects: ProjectRow[];
    before(async () => {
      const ofAlice = expectJson(await get(`${ALICE}/Projects?$select=ProjectId&$orderby=ProjectId`));
      const projectIds = (ofAlice.value as Row[]).map((p) => p.ProjectId);
      aliceProjects = contoso.filter((p) => projectIds.includes(p.project_id)).sort((a, b) => a.project_id.localeCompare(b.project_id));
      expect(aliceProjects.length).to.be.at.least(3);
    });

    it('Users(…)?$expand=Projects($select=ProjectName,ProjectOwner/Email) carries only the selected members, with the context URL of the top level', async () => {
      const body = expectJson(await get(`${ALICE}?$select=Id&$expand=Projects($select=ProjectName,ProjectOwner/Email;$orderby=ProjectId)`));
      expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Users(Id,Projects(ProjectName,ProjectOwner/Email))/$entity`);
      const projects = body.Projects as Row[];
      expect(projects.map((p) => p.ProjectName)).to.deep.equal(aliceProjects.map((p) => p.project_name));
      for (const [i, entity] of projects.entries()) {
        expect(Object.keys(entity)).to.deep.equal(['@odata.etag', 'ProjectName', 'ProjectOwner']);
        const owner = aliceProjects[i]?.project_owner;
        expect(entity.ProjectOwner).to.deep.equal(owner ? owned(owner.Email ?? null) : null);
      }
    });

    it('$select=ProjectOwner inside $expand gives the whole owner; Mappings?$expand=Project($select=…) narrows a single entity too', async () => {
      const whole = expectJson(await get(`${ALICE}?$select=Id&$expand=Projects($select=ProjectOwner;$orderby=ProjectId)`));
      expect(whole['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Users(Id,Projects(ProjectOwner))/$entity`);
      expect((whole.Projects as Row[]).map((p) => p.ProjectOwner)).to.deep.equal(aliceProjects.map((p) => p.project_owner));
      const mappings = expectJson(await get(`/odata/Mappings?$select=Id&$filter=${encodeURIComponent("MappingType eq 'project-people'")}&$top=20&$expand=Project($select=ProjectId,ProjectOwner/LastName,Assets/Repositories)`));
      expect(mappings['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Mappings(Id,Project(ProjectId,ProjectOwner/LastName,Assets/Repositories))`);
      const byProjectId = new Map(contoso.map((p) => [p.project_id, p]));
      const seen = (mappings.value as Row[]).filter((m) => m.Project !== null);
      expect(seen.length).to.be.above(0);
      for (const m of seen) {
        const project = m.Project as Row;
        const row = byProjectId.get(project.ProjectId as string) as ProjectRow;
        expect(Object.keys(project)).to.deep.equal(['@odata.etag', 'ProjectId', 'ProjectOwner', 'Assets']);
        expect(project.ProjectOwner).to.deep.equal(row.project_owner ? { LastName: row.project_owner.LastName ?? null } : null);
        expect(project.Assets).to.deep.equal(row.assets ? { Repositories: row.assets.Repositories ?? null } : null);
      }
    });

    it('the nextLink of a truncated expansion keeps the nested $select, and the rest comes narrowed the same way', async () => {
      const res = await get(`${ALICE}?$select=Id&$expand=Projects($select=ProjectName,ProjectOwner/Email;$orderby=ProjectId)`).set('Prefer', 'odata.maxpagesize=2');
      const body = expectJson(res);
      expect((body.Projects as Row[]).length).to.equal(2);
      const link = body['Projects@odata.nextLink'] as string;
      expect(decodeURIComponent(link)).to.include('$select=ProjectName,ProjectOwner/Email');
      const rest = expectJson(await get(link.slice(ORIGIN.length)));
      expect(rest['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Projects(ProjectName,ProjectOwner/Email)`);
      const all = [...(body.Projects as Row[]), ...(rest.value as Row[])];
      expect(all.map((p) => p.ProjectName)).to.deep.equal(aliceProjects.map((p) => p.project_name));
      for (const [i, entity] of all.entries()) {
        const owner = aliceProjects[i]?.project_owner;
        expect(entity.ProjectOwner).to.deep.equal(owner ? owned(owner.Email ?? null) : null);
      }
    });

    it('answers 400 for an unknown member or a path into a collection inside $expand', async () => {
      expectError(await get(`${ALICE}?$expand=Projects($select=ProjectOwner/Phone)`), 400, 'UnknownProperty');
      expectError(await get(`${ALICE}?$expand=Projects($select=Assets/Repositories/Url)`), 400, 'UnsupportedQueryOption');
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
