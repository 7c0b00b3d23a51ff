/**
 * OData v2's numeric type suffixes through HTTP, read for compatibility with clients that still write
 * them (the SAP Cloud SDK's default serialisation: `Users(2L)`, `Id eq 2L`): keys of reads and writes,
 * $filter, navigation paths — the same answers as without the suffix, and the service's own URLs in the
 * responses without it.
 */
import { expect } from 'chai';
import { testApp, type TestApp } from '../helpers/test-app';
import { expectJson, HOST, ORIGIN, type Row } from './helpers';
import { buildOrg, MEMBERS, send, TEAMS, USERS, type Org } from './writes/fixtures';

describe('OData v2 numeric suffixes (2L, 1.5M, 2.5D, 2F)', () => {
  let t: TestApp;
  let org: Org;
  let admin: string;
  const get = (url: string) => t.get(url, admin).set('Host', HOST);

  before(async () => {
    t = await testApp();
    org = await buildOrg(t, { users: { admin: { is_administrator: true }, ann: { department: 'Sales' }, bo: {} }, teams: [['Root', null]], memberships: [['ann', 'Root'], ['admin', 'Root'], ['bo', 'Root']] }, 'Suffixes');
    admin = org.token('admin');
  });

  it('reads an entity by an Int64 key with L, as without it, and names it without the suffix', async () => {
    const id = org.user('ann');
    const plain = expectJson(await get(`${USERS}(${id})`));
    const suffixed = expectJson(await get(`${USERS}(${id}L)`));
    expect(suffixed).to.deep.equal(plain);
    expect(suffixed['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Users/$entity`);
    expect(expectJson(await get(`${USERS}(Id=${id}l)?$select=UserName`)).UserName).to.equal('ann');
    expect((expectJson(await get(`${USERS}(${id}L)/Memberships`)).value as Row[])).to.have.length(1);
  });

  it('filters with suffixed numbers of every kind', async () => {
    const id = org.user('ann');
    const names = async (filter: string) => (expectJson(await get(`${USERS}?$filter=${encodeURIComponent(filter)}&$select=UserName`)).value as Row[]).map((u) => u.UserName);
    expect(await names(`Id eq ${id}L`)).to.deep.equal(['ann']);
    expect(await names(`Id eq ${id}M and Id lt ${id + 1}.0D and Id gt ${id - 1}F`)).to.deep.equal(['ann']);
  });

  it('updates and deletes through suffixed keys, with ETags', async () => {
    const id = org.user('ann');
    const etag = String(expectJson(await get(`${USERS}(${id}L)`))['@odata.etag']);
    expect((await send(t, 'PATCH', `${USERS}(${id}L)`, admin, { Department: 'Ops' }, { 'If-Match': etag })).status).to.equal(204);
    expect((await send(t, 'PATCH', `${USERS}(${id}L)`, admin, { Department: 'Late' }, { 'If-Match': etag })).status).to.equal(412);
    const membership = (expectJson(await get(`${MEMBERS}?$filter=UserId eq ${id}L`)).value as Row[])[0]?.Id as number;
    expect((await send(t, 'DELETE', `${MEMBERS}(${membership}L)`, admin)).status).to.equal(204);
    expect((await get(`${MEMBERS}(${membership})`)).status).to.equal(404);
  });

  it('writes its links without the suffixes the client wrote: nextLinks, expanded collections, delta links', async () => {
    const id = org.user('ann');
    const page = expectJson(await get(`${USERS}?$filter=${encodeURIComponent(`Id ge ${id - 1}L or Id eq 0L`)}&$orderby=Id`).set('Prefer', 'odata.maxpagesize=1'));
    const next = String(page['@odata.nextLink']);
    expect(decodeURIComponent(next)).to.match(new RegExp(`\\$filter=Id ge ${id - 1} or Id eq 0&`));
    expect(expectJson(await get(next.slice(ORIGIN.length)).set('Prefer', 'odata.maxpagesize=1')).value).to.have.length(1);

    const team = org.team('Root');
    const viaKey = expectJson(await get(`${TEAMS}(${team}L)/Members?$filter=${encodeURIComponent('UserId gt 0L')}`).set('Prefer', 'odata.maxpagesize=1'));
    expect(decodeURIComponent(String(viaKey['@odata.nextLink']))).to.match(new RegExp(`^${ORIGIN}/odata/OrganizationTeamHierarchies\\(${team}\\)/Members\\?\\$filter=UserId gt 0&\\$skiptoken=`));
    const expanded = expectJson(await get(`${TEAMS}(${team}L)?$expand=${encodeURIComponent('Members($filter=UserId gt 0L)')}`).set('Prefer', 'odata.maxpagesize=1'));
    expect(decodeURIComponent(String(expanded['Members@odata.nextLink']))).to.equal(
      `${ORIGIN}/odata/OrganizationTeamMemberHierarchies?$filter=OrganizationTeamHierarchyId eq ${team} and (UserId gt 0)&$skip=1`);

    const tracked = expectJson(await get(`${USERS}?$filter=${encodeURIComponent(`Id eq ${id}L`)}`).set('Prefer', 'odata.track-changes'));
    expect(decodeURIComponent(String(tracked['@odata.deltaLink']))).to.match(new RegExp(`\\$filter=Id eq ${id}&\\$deltatoken=`));
  });

  it('reads suffixed function parameters: Default.Descendants(MaxDepth=1L)', async () => {
    const team = org.team('Root');
    const child = await org.addTeam('Child', team);
    await org.addTeam('Grandchild', child);
    const ids = async (path: string) => (expectJson(await get(path)).value as Row[]).map((t) => t.Id);
    const plain = await ids(`${TEAMS}(${team})/Default.Descendants(MaxDepth=1)`);
    expect(plain).to.deep.equal([child]);
    expect(await ids(`${TEAMS}(${team}L)/Default.Descendants(MaxDepth=1L)`)).to.deep.equal(plain);
  });

  it('refuses a suffix that does not fit: 1.5L is not an Int64', async () => {
    const res = await get(`${USERS}?$filter=${encodeURIComponent('Id eq 1.5L')}`);
    expect(res.status).to.equal(400);
  });
});
