/**
 * Access teams (seed 002, entity set `Teams`) end to end: CRUD with every status code, the default
 * "active only" filter and its overrides, soft delete and reactivation, membership through `$ref`
 * (many-to-many `Users`/`Teams`), `$expand` both ways under a non-administrator's visibility, lambdas and
 * `$count` over the many-to-many navigation, navigation paths. Reads use the demo; writes their own company.
 */
import { expect } from 'chai';
import { testApp, type TestApp } from '../helpers/test-app';
import { buildOrg, expectJson, expectWriteError, ORIGIN, send, unique, type Org, type Row } from './writes/fixtures';

const TEAMS = '/odata/Teams';
const TEAM_KEYS = ['@odata.context', '@odata.etag', 'Id', 'CompanyId', 'Name', 'Description', 'Active', 'CreatedAt', 'UpdatedAt'];

describe('Access teams (Teams, seed 002)', () => {
  let t: TestApp;
  let contoso: number;

  before(async () => {
    t = await testApp();
    contoso = t.database.demo.companies.contoso;
  });

  const db = () => t.database.db;
  const teamRows = async (companyId: number, where: Row = {}) =>
    (await db()('access_teams').where({ company_id: companyId, ...where }).orderBy('id')) as Row[];
  const idsOf = (body: Row) => (body.value as Row[]).map((e) => Number(e.Id));
  const numbers = (rows: Row[], column = 'id') => rows.map((r) => Number(r[column]));
  const membersOf = async (companyId: number, teamId: number) =>
    numbers((await db()('access_team_users').where({ company_id: companyId, team_id: teamId }).orderBy('user_id')) as Row[], 'user_id');
  const teamsOf = async (companyId: number, userId: number) =>
    numbers((await db()('access_team_users').where({ company_id: companyId, user_id: userId }).orderBy('team_id')) as Row[], 'team_id');
  const teamNamed = async (name: string, companyId = contoso) => Number(((await teamRows(companyId, { name }))[0] as Row).id);

  describe('reading the demo', () => {
    it('lists only active teams by default, all with ?inactive=true, and rejects other values of inactive', async () => {
      const active = numbers(await teamRows(contoso, { active: true }));
      const all = numbers(await teamRows(contoso));
      expect(all.length).to.be.at.least(8);
      expect(active.length).to.be.lessThan(all.length);
      const body = expectJson(await send(t, 'GET', TEAMS, t.tokens.admin));
      expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Teams`);
      expect(idsOf(body)).to.deep.equal(active);
      expect(idsOf(expectJson(await send(t, 'GET', `${TEAMS}?inactive=true`, t.tokens.admin)))).to.deep.equal(all);
      expect(idsOf(expectJson(await send(t, 'GET', `${TEAMS}?inactive=false`, t.tokens.admin)))).to.deep.equal(active);
      expectWriteError(await send(t, 'GET', `${TEAMS}?inactive=yes`, t.tokens.admin), 400, 'InvalidQueryOption', 'inactive');
    });

    it('takes a $filter on Active as the caller\'s choice, and counts like the list ($count=true and /$count)', async () => {
      const inactive = numbers(await teamRows(contoso, { active: false }));
      expect(inactive.length).to.be.at.least(1);
      expect(idsOf(expectJson(await send(t, 'GET', `${TEAMS}?$filter=Active%20eq%20false`, t.tokens.admin)))).to.deep.equal(inactive);
      const active = await teamRows(contoso, { active: true });
      const counted = expectJson(await send(t, 'GET', `${TEAMS}?$count=true&$top=1`, t.tokens.admin));
      expect(counted['@odata.count']).to.equal(active.length);
      const plain = await send(t, 'GET', `${TEAMS}/$count`, t.tokens.admin);
      expect(plain.status).to.equal(200);
      expect(plain.text).to.equal(String(active.length));
      const all = await send(t, 'GET', `${TEAMS}/$count?inactive=true`, t.tokens.admin);
      expect(all.text).to.equal(String((await teamRows(contoso)).length));
    });

    it('keeps inactive=true in the nextLink, so every page includes inactive teams', async () => {
      const all = numbers(await teamRows(contoso));
      const first = expectJson(await send(t, 'GET', `${TEAMS}?inactive=true&$select=Id`, t.tokens.admin, undefined, { Prefer: 'odata.maxpagesize=3' }));
      const link = first['@odata.nextLink'] as string;
      expect(link).to.include('inactive=true');
      const seen = idsOf(first);
      let next: string | undefined = link;
      while (next) {
        const page = expectJson(await send(t, 'GET', next.slice(ORIGIN.length), t.tokens.admin, undefined, { Prefer: 'odata.maxpagesize=3' }));
        seen.push(...idsOf(page));
        next = page['@odata.nextLink'] as string | undefined;
      }
      expect(seen).to.deep.equal(all);
    });

    it('returns one team by key whatever its state, with an ETag; another company\'s key is 404', async () => {
      const inactive = (await teamRows(contoso, { active: false }))[0] as Row;
      const res = await send(t, 'GET', `${TEAMS}(${String(inactive.id)})`, t.tokens.admin);
      const body = expectJson(res);
      expect(Object.keys(body)).to.deep.equal(TEAM_KEYS);
      expect(body).to.include({ Id: Number(inactive.id), Active: false, Name: inactive.name });
      expect(res.headers.etag).to.equal(`W/"${String(inactive.row_version)}"`);
      const fabrikamTeam = (await teamRows(t.database.demo.companies.fabrikam))[0] as Row;
      expectWriteError(await send(t, 'GET', `${TEAMS}(${String(fabrikamTeam.id)})`, t.tokens.admin), 404, 'NotFound');
    });

    it('is readable by every user of the company (alice, read-only)', async () => {
      const active = numbers(await teamRows(contoso, { active: true }));
      expect(idsOf(expectJson(await send(t, 'GET', TEAMS, t.tokens.alice)))).to.deep.equal(active);
    });

    it('searches Name and Description', async () => {
      const body = expectJson(await send(t, 'GET', `${TEAMS}?$search=warehouse`, t.tokens.admin));
      expect(idsOf(body)).to.deep.equal([await teamNamed('Data Analysts')]);
    });

    it('reads a team\'s users and a user\'s teams by navigation paths (active teams only by default)', async () => {
      const developers = await teamNamed('Developers');
      const members = await membersOf(contoso, developers);
      expect(members.length).to.be.at.least(3);
      expect(idsOf(expectJson(await send(t, 'GET', `${TEAMS}(${developers})/Users?$select=Id`, t.tokens.admin)))).to.deep.equal(members);
      const count = await send(t, 'GET', `${TEAMS}(${developers})/Users/$count`, t.tokens.admin);
      expect(count.text).to.equal(String(members.length));
      const alice = t.database.demo.users.aliceManager;
      const all = await teamsOf(contoso, alice);
      const activeIds = new Set(numbers(await teamRows(contoso, { active: true })));
      const active = all.filter((id) => activeIds.has(id));
      expect(active.length).to.be.lessThan(all.length); // alice is in an inactive team too
      expect(idsOf(expectJson(await send(t, 'GET', `/odata/Users(${alice})/Teams`, t.tokens.admin)))).to.deep.equal(active);
      expect(idsOf(expectJson(await send(t, 'GET', `/odata/Users(${alice})/Teams?inactive=true`, t.tokens.admin)))).to.deep.equal(all);
      const one = expectJson(await send(t, 'GET', `${TEAMS}(${developers})/Users(${alice})`, t.tokens.admin));
      expect(one.Id).to.equal(alice);
      expectWriteError(await send(t, 'GET', `${TEAMS}(${developers})/Users(${t.database.demo.users.admin})`, t.tokens.admin), 404, 'NotFound');
    });

    it('lists references: GET Teams(n)/Users/$ref', async () => {
      const developers = await teamNamed('Developers');
      const members = await membersOf(contoso, developers);
      const body = expectJson(await send(t, 'GET', `${TEAMS}(${developers})/Users/$ref`, t.tokens.admin));
      expect(body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Collection($ref)`);
      expect(body.value).to.deep.equal(members.map((id) => ({ '@odata.id': `${ORIGIN}/odata/Users(${id})` })));
      expectWriteError(await send(t, 'GET', `${TEAMS}(${developers})/Users/$ref?$select=Id`, t.tokens.admin), 400, 'InvalidQueryOption');
    });

    it('expands Users of teams and Teams of users, with nested options', async () => {
      const developers = await teamNamed('Developers');
      const members = await membersOf(contoso, developers);
      const body = expectJson(await send(t, 'GET', `${TEAMS}(${developers})?$expand=Users($select=Id;$orderby=Id%20desc;$top=2;$count=true)`, t.tokens.admin));
      expect((body.Users as Row[]).map((u) => u.Id)).to.deep.equal([...members].reverse().slice(0, 2));
      expect(body['Users@odata.count']).to.equal(members.length);
      const alice = t.database.demo.users.aliceManager;
      const activeIds = new Set(numbers(await teamRows(contoso, { active: true })));
      const user = expectJson(await send(t, 'GET', `/odata/Users(${alice})?$expand=Teams($select=Id,Name)`, t.tokens.admin));
      expect((user.Teams as Row[]).map((x) => x.Id)).to.deep.equal((await teamsOf(contoso, alice)).filter((id) => activeIds.has(id)));
      const withInactive = expectJson(await send(t, 'GET', `/odata/Users(${alice})?$expand=Teams($filter=Active%20eq%20false)`, t.tokens.admin));
      expect((withInactive.Teams as Row[]).every((x) => x.Active === false)).to.equal(true);
      expect((withInactive.Teams as Row[]).length).to.be.at.least(1);
    });

    it('links the rest of a truncated expanded many-to-many collection (Users@odata.nextLink), which brings exactly the others', async () => {
      const developers = await teamNamed('Developers');
      const members = await membersOf(contoso, developers);
      const prefer = { Prefer: 'odata.maxpagesize=10' };
      const body = expectJson(await send(t, 'GET', `${TEAMS}(${developers})?$expand=Users($select=Id)`, t.tokens.admin, undefined, prefer));
      const seen = (body.Users as Row[]).map((u) => Number(u.Id));
      expect(seen).to.deep.equal(members.slice(0, 10));
      let next = body['Users@odata.nextLink'] as string | undefined;
      expect(next).to.be.a('string');
      while (next) {
        const page = expectJson(await send(t, 'GET', next.slice(ORIGIN.length), t.tokens.admin, undefined, prefer));
        seen.push(...idsOf(page));
        next = page['@odata.nextLink'] as string | undefined;
      }
      expect(seen).to.deep.equal(members);
    });

    it('applies the people visibility of a non-administrator inside the many-to-many navigation', async () => {
      const developers = await teamNamed('Developers');
      const members = await membersOf(contoso, developers);
      const adminBody = expectJson(await send(t, 'GET', `${TEAMS}(${developers})?$expand=Users($select=Id)`, t.tokens.admin));
      const bobBody = expectJson(await send(t, 'GET', `${TEAMS}(${developers})?$expand=Users($select=Id)`, t.tokens.bob));
      const seenByBob = (bobBody.Users as Row[]).map((u) => u.Id);
      expect((adminBody.Users as Row[]).map((u) => u.Id)).to.deep.equal(members);
      expect(seenByBob).to.include(t.database.demo.users.bobReader);
      expect(seenByBob.length).to.be.lessThan(members.length);
      const visible = idsOf(expectJson(await send(t, 'GET', '/odata/Users?$select=Id', t.tokens.bob)));
      expect(seenByBob).to.deep.equal(members.filter((id) => visible.includes(id)));
      const path = idsOf(expectJson(await send(t, 'GET', `${TEAMS}(${developers})/Users?$select=Id`, t.tokens.bob)));
      expect(path).to.deep.equal(seenByBob);
    });

    it('filters and orders by the many-to-many navigation: any/all lambdas and Users/$count', async () => {
      const alice = t.database.demo.users.aliceManager;
      const activeAll = await teamRows(contoso, { active: true });
      const withAlice = (await teamsOf(contoso, alice)).filter((id) => numbers(activeAll).includes(id));
      const any = expectJson(await send(t, 'GET', `${TEAMS}?$filter=Users/any(u:%20u/Id%20eq%20${alice})&$select=Id`, t.tokens.admin));
      expect(idsOf(any)).to.deep.equal(withAlice);
      const counts = new Map<number, number>();
      for (const row of activeAll) counts.set(Number(row.id), (await membersOf(contoso, Number(row.id))).length);
      const big = [...counts].filter(([, n]) => n > 5).map(([id]) => id);
      expect(idsOf(expectJson(await send(t, 'GET', `${TEAMS}?$filter=Users/$count%20gt%205&$select=Id`, t.tokens.admin)))).to.deep.equal(big);
      const ordered = expectJson(await send(t, 'GET', `${TEAMS}?$orderby=Users/$count%20desc,Id&$select=Id`, t.tokens.admin));
      const expected = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
      expect(idsOf(ordered)).to.deep.equal(expected);
      const none = expectJson(await send(t, 'GET', `${TEAMS}?$filter=Users/all(u:%20u/IsAdministrator)&$select=Id`, t.tokens.admin));
      for (const id of idsOf(none)) {
        const admins = numbers((await db()('users').where({ company_id: contoso, is_administrator: true })) as Row[]);
        expect((await membersOf(contoso, id)).every((m) => admins.includes(m))).to.equal(true);
      }
      const users = expectJson(await send(t, 'GET', `/odata/Users?$filter=Teams/any(x:%20x/Name%20eq%20'Developers')&$select=Id`, t.tokens.admin));
      expect(idsOf(users)).to.deep.equal(await membersOf(contoso, await teamNamed('Developers')));
    });
  });

  describe('writes', () => {
    let org: Org;
    let other: Org;
    let admin: string;

    before(async () => {
      org = await buildOrg(t, { users: { boss: { is_administrator: true }, member: {}, second: {} } }, 'AccessTeams');
      other = await buildOrg(t, { users: { foreignBoss: { is_administrator: true }, foreigner: {} } }, 'AccessTeamsOther');
      admin = org.token('boss');
    });

    const create = async (name: string, extra: Row = {}) => expectJson(await send(t, 'POST', TEAMS, admin, { Name: name, ...extra }), 200);
    const audit = async (companyId: number) => (await db()('audit_logs').where({ company_id: companyId, entity_set: 'Teams' }).orderBy('id')) as Row[];

    it('creates a team: 200 with Location and ETag, Active true by default, audited', async () => {
      const name = unique('Ops');
      const res = await send(t, 'POST', TEAMS, admin, { Name: name, Description: 'Operators' });
      const body = expectJson(res, 200);
      expect(Object.keys(body)).to.deep.equal(TEAM_KEYS);
      expect(body).to.include({ Name: name, Description: 'Operators', Active: true, CompanyId: org.companyId });
      expect(res.headers.location).to.equal(`${ORIGIN}${TEAMS}(${String(body.Id)})`);
      expect(res.headers.etag).to.equal('W/"1"');
      const logged = (await audit(org.companyId)).pop() as Row;
      expect(logged).to.include({ action: 'create', entity_key: String(body.Id) });
    });

    it('refuses a duplicate name, ignoring case: 400 with details naming Name', async () => {
      const name = unique('Dup');
      await create(name);
      const error = expectWriteError(await send(t, 'POST', TEAMS, admin, { Name: name.toUpperCase() }), 400, 'ValidationFailed', 'Name');
      expect(error.details).to.deep.include({ code: 'Duplicate', target: 'Name', message: 'is already used by another team of this company (names are compared ignoring case)' });
      // the same name in another company is fine
      expectJson(await send(t, 'POST', TEAMS, other.token('foreignBoss'), { Name: name }), 200);
      const renamed = await create(unique('Other'));
      expectWriteError(await send(t, 'PATCH', `${TEAMS}(${String(renamed.Id)})`, admin, { Name: name.toLowerCase() }), 400, 'ValidationFailed', 'Name');
    });

    it('refuses a bad body: 400 with details (missing Name, wrong type, unknown property)', async () => {
      const missing = expectWriteError(await send(t, 'POST', TEAMS, admin, { Description: 'x' }), 400, 'ValidationFailed');
      expect(JSON.stringify(missing.details)).to.include('Name');
      expectWriteError(await send(t, 'POST', TEAMS, admin, { Name: 'x', Active: 'yes' }), 400, 'ValidationFailed', 'Active');
      expectWriteError(await send(t, 'POST', TEAMS, admin, { Name: 'x', Members: [] }), 400, 'ValidationFailed', 'Members');
    });

    it('lets only administrators write: 403 for others (create, update, delete, $ref)', async () => {
      const team = await create(unique('Guarded'));
      const member = org.token('member');
      const url = `${TEAMS}(${String(team.Id)})`;
      expectWriteError(await send(t, 'POST', TEAMS, member, { Name: unique('No') }), 403, 'Forbidden');
      expectWriteError(await send(t, 'PATCH', url, member, { Name: unique('No') }), 403, 'Forbidden');
      expectWriteError(await send(t, 'DELETE', url, member), 403, 'Forbidden');
      expectWriteError(await send(t, 'POST', `${url}/Users/$ref`, member, { '@odata.id': `Users(${org.user('member')})` }), 403, 'Forbidden');
      expect(await membersOf(org.companyId, Number(team.Id))).to.deep.equal([]);
    });

    it('renames with PATCH (204), honours If-Match (412 when stale), and another company\'s team is 404', async () => {
      const team = await create(unique('Rename'));
      const url = `${TEAMS}(${String(team.Id)})`;
      const res = await send(t, 'PATCH', url, admin, { Name: unique('Renamed') }, { 'If-Match': 'W/"1"' });
      expect(res.status, res.text).to.equal(204);
      expectWriteError(await send(t, 'PATCH', url, admin, { Name: unique('Late') }, { 'If-Match': 'W/"1"' }), 412, 'PreconditionFailed');
      const foreign = expectJson(await send(t, 'POST', TEAMS, other.token('foreignBoss'), { Name: unique('Theirs') }), 200);
      expectWriteError(await send(t, 'PATCH', `${TEAMS}(${String(foreign.Id)})`, admin, { Name: 'Mine' }), 404, 'NotFound');
      expectWriteError(await send(t, 'DELETE', `${TEAMS}(${String(foreign.Id)})`, admin), 404, 'NotFound');
    });

    it('DELETE deactivates (204, row kept, audited), again 204; lists hide it; PATCH Active true reactivates', async () => {
      const team = await create(unique('Retire'));
      const id = Number(team.Id);
      const url = `${TEAMS}(${id})`;
      expect((await send(t, 'DELETE', url, admin)).status).to.equal(204);
      const row = (await teamRows(org.companyId, { id }))[0] as Row;
      expect(row).to.include({ active: false });
      expect(Number(row.row_version)).to.equal(2);
      const logged = (await audit(org.companyId)).pop() as Row;
      expect(logged).to.include({ action: 'delete', entity_key: String(id), changed_properties: 'Active' });
      expect(JSON.parse(logged.changes as string)).to.deep.equal({ Active: { old: true, new: false } });
      const auditCount = (await audit(org.companyId)).length;
      expect((await send(t, 'DELETE', url, admin)).status).to.equal(204);
      expect((await audit(org.companyId)).length).to.equal(auditCount);
      expect(idsOf(expectJson(await send(t, 'GET', TEAMS, admin)))).not.to.include(id);
      expect(idsOf(expectJson(await send(t, 'GET', `${TEAMS}?inactive=true`, admin)))).to.include(id);
      expect(expectJson(await send(t, 'GET', url, admin)).Active).to.equal(false);
      expect((await send(t, 'PATCH', url, admin, { Active: true })).status).to.equal(204);
      expect(idsOf(expectJson(await send(t, 'GET', TEAMS, admin)))).to.include(id);
    });

    it('adds, lists and removes members with $ref (204/409/404), audited; relative and absolute @odata.id', async () => {
      const team = await create(unique('Crew'));
      const id = Number(team.Id);
      const refs = `${TEAMS}(${id})/Users/$ref`;
      const member = org.user('member');
      const second = org.user('second');
      expect((await send(t, 'POST', refs, admin, { '@odata.id': `Users(${member})` })).status).to.equal(204);
      expect((await send(t, 'POST', refs, admin, { '@odata.id': `${ORIGIN}/odata/Users(${second})` })).status).to.equal(204);
      expect(await membersOf(org.companyId, id)).to.deep.equal([member, second].sort((a, b) => a - b));
      expectWriteError(await send(t, 'POST', refs, admin, { '@odata.id': `Users(${member})` }), 409, 'Conflict');
      const listed = expectJson(await send(t, 'GET', refs, admin));
      expect(listed.value).to.deep.equal([member, second].sort((a, b) => a - b).map((u) => ({ '@odata.id': `${ORIGIN}/odata/Users(${u})` })));
      const logged = (await audit(org.companyId)).slice(-2);
      expect(logged.map((r) => r.action)).to.deep.equal(['link', 'link']);
      expect(JSON.parse((logged[0] as Row).changes as string)).to.deep.equal({ Users: { new: member } });
      expect((await send(t, 'DELETE', `${TEAMS}(${id})/Users(${member})/$ref`, admin)).status).to.equal(204);
      expectWriteError(await send(t, 'DELETE', `${TEAMS}(${id})/Users(${member})/$ref`, admin), 404, 'NotFound');
      expect(await membersOf(org.companyId, id)).to.deep.equal([second]);
      expect(((await audit(org.companyId)).pop() as Row).action).to.equal('unlink');
      // the inverse direction: Users(n)/Teams/$ref
      expect((await send(t, 'POST', `/odata/Users(${member})/Teams/$ref`, admin, { '@odata.id': `Teams(${id})` })).status).to.equal(204);
      expect(await membersOf(org.companyId, id)).to.deep.equal([member, second].sort((a, b) => a - b));
      // a user still in an access team cannot be deleted: 409, nothing changes
      expectWriteError(await send(t, 'DELETE', `/odata/Users(${second})`, admin), 409, 'Conflict');
      expect(await membersOf(org.companyId, id)).to.include(second);
    });

    it('removes a member with DELETE …/Users/$ref?$id= (relative to the service root, to the request, or absolute); a bad or misplaced $id is 400', async () => {
      const team = await create(unique('ById'));
      const id = Number(team.Id);
      const refs = `${TEAMS}(${id})/Users/$ref`;
      const [member, second] = [org.user('member'), org.user('second')];
      for (const user of [member, second]) expect((await send(t, 'POST', refs, admin, { '@odata.id': `Users(${user})` })).status).to.equal(204);
      expect((await send(t, 'DELETE', `${refs}?$id=Users(${member})`, admin)).status).to.equal(204);
      expect(await membersOf(org.companyId, id)).to.deep.equal([second]);
      expect(((await audit(org.companyId)).pop() as Row).action).to.equal('unlink');
      expectWriteError(await send(t, 'DELETE', `${refs}?$id=Users(${member})`, admin), 404, 'NotFound');
      expect((await send(t, 'DELETE', `${refs}?$id=${encodeURIComponent(`../../Users(${second})`)}`, admin)).status).to.equal(204);
      expect(await membersOf(org.companyId, id)).to.deep.equal([]);
      expect((await send(t, 'POST', refs, admin, { '@odata.id': `Users(${member})` })).status).to.equal(204);
      expect((await send(t, 'DELETE', `${refs}?$id=${encodeURIComponent(`${ORIGIN}/odata/Users(${member})`)}`, admin)).status).to.equal(204);
      expect(await membersOf(org.companyId, id)).to.deep.equal([]);

      expect((await send(t, 'POST', refs, admin, { '@odata.id': `Users(${member})` })).status).to.equal(204);
      expectWriteError(await send(t, 'DELETE', `${refs}?$id=Teams(${id})`, admin), 400, 'InvalidQueryOption', '$id');
      expectWriteError(await send(t, 'DELETE', `${refs}?$id=`, admin), 400, 'SyntaxError', '$id');
      expectWriteError(await send(t, 'DELETE', `${TEAMS}(${id})/Users(${member})/$ref?$id=Users(${member})`, admin), 400, 'InvalidQueryOption', '$id');
      expectWriteError(await send(t, 'DELETE', `${refs}?$id=Users(${other.user('foreigner')})`, admin), 404, 'NotFound');
      expectWriteError(await send(t, 'GET', `${refs}?$id=Users(${member})`, admin), 400, 'InvalidQueryOption', '$id');
      expectWriteError(await send(t, 'DELETE', `${TEAMS}(${id})?$id=Users(${member})`, admin), 400, 'InvalidQueryOption', '$id');
      expect(await membersOf(org.companyId, id)).to.deep.equal([member]);
      expect(((await send(t, 'GET', `${TEAMS}(${id})`, admin)).body as Row).Active).to.equal(true);
    });

    it('never links across companies: another company\'s user or team is 404, a bad @odata.id 400', async () => {
      const team = await create(unique('Closed'));
      const refs = `${TEAMS}(${String(team.Id)})/Users/$ref`;
      const foreigner = other.user('foreigner');
      expectWriteError(await send(t, 'POST', refs, admin, { '@odata.id': `Users(${foreigner})` }), 404, 'NotFound');
      expectWriteError(await send(t, 'POST', refs, admin, { '@odata.id': `${ORIGIN}/odata/Users(${foreigner})` }), 404, 'NotFound');
      const theirs = expectJson(await send(t, 'POST', TEAMS, other.token('foreignBoss'), { Name: unique('Theirs') }), 200);
      expectWriteError(await send(t, 'POST', `${TEAMS}(${String(theirs.Id)})/Users/$ref`, admin, { '@odata.id': `Users(${org.user('member')})` }), 404, 'NotFound');
      expectWriteError(await send(t, 'GET', `${TEAMS}(${String(theirs.Id)})/Users/$ref`, admin), 404, 'NotFound');
      expectWriteError(await send(t, 'POST', refs, admin, { '@odata.id': `Teams(${String(team.Id)})` }), 400, 'ValidationFailed', '@odata.id');
      expectWriteError(await send(t, 'POST', refs, admin, {}), 400, 'ValidationFailed', '@odata.id');
      expectWriteError(await send(t, 'POST', refs, admin, { '@odata.id': 'http://elsewhere.example/api/Users(1)' }), 400, 'ValidationFailed', '@odata.id');
      expect(await db()('access_team_users').where({ team_id: team.Id })).to.have.length(0);
    });
  });
});
