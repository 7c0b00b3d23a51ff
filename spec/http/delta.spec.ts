/**
 * Delta links through HTTP on the run's database, on companies of the spec's own: `Prefer:
 * odata.track-changes` ends a read with an `@odata.deltaLink` (also after paging); following it returns
 * the entities added or changed since, and removed entries for the deleted ones (4.01 form, or 4.0 under
 * `OData-MaxVersion: 4.0`) and for those that left the link's $filter or the caller's sight, then a new
 * delta link. A change still in flight when the read ran is in the next delta (PostgreSQL: a second
 * connection holds it; in the replica run the reads, and so the horizons, come from a hot standby, whose
 * snapshots list no running transactions). Old, tampered or misplaced tokens answer 410 or 400.
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import { encodeDeltaToken } from '../../odata/plan/delta-token';
import { testApp, TEST_SECRET, type TestApp } from '../helpers/test-app';
import { expectError, expectJson, HOST, ORIGIN, pathOf, type Row } from './helpers';
import { buildOrg, MEMBERS, send, unique, USERS, type Org } from './writes/fixtures';

const TRACK = { Prefer: 'odata.track-changes' };

describe('Delta links (Prefer: odata.track-changes, $deltatoken)', () => {
  let t: TestApp;
  let db: Knex;
  let org: Org;
  let admin: string;

  const get = (url: string, token: string, headers: Record<string, string> = {}) => t.get(url, token).set('Host', HOST).set(headers);
  /** Pages followed through their nextLinks, each checked with expectJson: → every page's body. */
  const follow = async (url: string, token: string, headers: Record<string, string>, version: string) => {
    const pages: { body: Row; preference: string }[] = [];
    for (let next: string | undefined = url; next !== undefined;) {
      const res = await get(next, token, headers);
      const body = expectJson(res, 200, version);
      pages.push({ body, preference: String(res.headers['preference-applied'] ?? '') });
      next = body['@odata.nextLink'] === undefined ? undefined : pathOf(body['@odata.nextLink'] as string);
    }
    return { pages, last: (pages[pages.length - 1] as { body: Row }).body, rows: pages.flatMap((p) => p.body.value as Row[]) };
  };
  /** A tracked read followed to its last page, the only one with the delta link: its rows and the link. */
  const track = async (url: string, token: string, headers: Record<string, string> = {}) => {
    const read = await follow(url, token, { ...TRACK, ...headers }, '4.0');
    expect(read.pages[0]?.preference).to.include('odata.track-changes');
    expect(read.pages.slice(0, -1).map((p) => p.body['@odata.deltaLink'])).to.deep.equal(read.pages.slice(0, -1).map(() => undefined));
    expect(read.last['@odata.deltaLink'], 'the last page carries the delta link').to.be.a('string');
    return { rows: read.rows, pages: read.pages.length, deltaLink: pathOf(read.last['@odata.deltaLink'] as string) };
  };
  /** A delta followed through its pages: its entries and the next delta link. */
  const delta = async (link: string, token: string, headers: Record<string, string> = {}) => {
    const read = await follow(link, token, headers, headers['OData-MaxVersion'] === '4.0' ? '4.0' : '4.01');
    return { entries: read.rows, pages: read.pages.length, body: read.last, deltaLink: pathOf(read.last['@odata.deltaLink'] as string) };
  };
  const removedId = (entry: Row) => entry['@id'] as string | undefined;
  const userUrl = (id: number) => `${ORIGIN}/odata/Users(${id})`;

  before(async () => {
    t = await testApp();
    db = t.database.db;
    org = await buildOrg(t, {
      users: { admin: { is_administrator: true }, boss: {}, ann: { department: 'Sales' }, ben: { department: 'Sales' }, cat: { department: 'Ops' }, out: {}, loner: {} },
      teams: [['Top', null], ['Sub', 'Top'], ['Other', null]],
      memberships: [['boss', 'Top'], ['ann', 'Sub'], ['ben', 'Sub'], ['cat', 'Sub'], ['out', 'Other']],
    }, 'Delta');
    admin = org.token('admin');
  });

  it('ends a tracked read with a delta link that returns adds, changes and deletions, then a new link', async () => {
    const url = `${USERS}?$select=Id,UserName,Department&$orderby=UserName`;
    const first = await track(url, admin);
    expect(first.rows.map((r) => r.UserName)).to.include.members(['admin', 'ann', 'loner']);
    expect(first.deltaLink).to.match(/^\/odata\/Users\?\$select=Id,UserName,Department&\$orderby=UserName&\$deltatoken=/);
    // nothing changed yet
    const quiet = await delta(first.deltaLink, admin);
    expect(quiet.entries).to.deep.equal([]);
    expect(quiet.body['@odata.context']).to.equal(`${ORIGIN}/odata/$metadata#Users(Id,UserName,Department)/$delta`);

    // an add (through HTTP), a change (through HTTP) and a delete (straight in the database)
    const hire = unique('hire');
    const created = expectJson(await send(t, 'POST', USERS, admin, { UserName: hire, Department: 'New' }));
    expect((await send(t, 'PATCH', `${USERS}(${org.user('ann')})`, admin, { Department: 'Marketing' })).status).to.equal(204);
    await db('users').where({ company_id: org.companyId, id: org.user('loner') }).delete();

    const changes = await delta(quiet.deltaLink, admin);
    const byName = new Map(changes.entries.filter((e) => e.UserName).map((e) => [e.UserName, e]));
    expect(byName.get(hire)).to.include({ Id: created.Id, Department: 'New' });
    expect(byName.get('ann')).to.include({ Id: org.user('ann'), Department: 'Marketing' });
    expect(Object.keys(byName.get('ann') as Row)).to.deep.equal(['@odata.etag', 'Id', 'UserName', 'Department']);
    expect(changes.entries.filter(removedId)).to.deep.equal([{ '@removed': { reason: 'deleted' }, '@id': userUrl(org.user('loner')) }]);
    expect(changes.entries).to.have.length(3);
    // in key order: the delta pages by key
    expect(changes.entries.map((e) => e.Id ?? Number(/\((\d+)\)$/.exec(removedId(e) ?? '')?.[1]))).to.deep.equal(
      [org.user('ann'), org.user('loner'), Number(created.Id)].sort((a, b) => a - b));
    // the next link starts from here
    expect((await delta(changes.deltaLink, admin)).entries).to.deep.equal([]);
    // the same link again answers the same changes (a client that lost the response may retry)
    expect((await delta(quiet.deltaLink, admin)).entries).to.have.length(3);
  });

  it('writes a changed entity as a read of it does, as PostgreSQL writes it or (IEEE754Compatible, omit-values=nulls) as the formatter does', async () => {
    const first = await track(`${USERS}?$select=Id,UserName,Email,IsActive,CreatedAt,UpdatedAt,Group`, admin);
    await db('users').where({ company_id: org.companyId, id: org.user('cat') }).update({ updated_at: new Date('2026-02-03T04:05:06.789Z'), group_name: null });
    const single = expectJson(await get(`${USERS}(${org.user('cat')})?$select=Id,UserName,Email,IsActive,CreatedAt,UpdatedAt,Group`, admin));
    delete single['@odata.context'];
    const [asText] = (await delta(first.deltaLink, admin)).entries;
    expect(asText).to.deep.equal(single);
    expect(Object.keys(asText as Row)).to.deep.equal(Object.keys(single));
    expect((asText as Row).UpdatedAt).to.equal('2026-02-03T04:05:06.789Z');
    // the other form: Int64 as a string under IEEE754Compatible, nulls left out under omit-values=nulls
    const wide = expectJson(await get(first.deltaLink, admin, { Accept: 'application/json;IEEE754Compatible=true', Prefer: 'omit-values=nulls' }), 200, '4.01');
    const expected: Row = { ...single, Id: String(single.Id) };
    delete expected.Group;
    expect(wide.value).to.deep.equal([expected]);
  });

  it('writes removed entries in the OData 4.0 form for a client that caps the version at 4.0', async () => {
    const first = await track(`${MEMBERS}?$select=Id,UserId`, admin);
    const membership = await org.addMembership(org.user('out'), org.team('Top'));
    await db('organization_team_member_hierarchies').where({ company_id: org.companyId, id: membership }).delete();
    const v40 = await get(first.deltaLink, admin, { 'OData-MaxVersion': '4.0' });
    expect(expectJson(v40).value).to.deep.equal([{
      '@odata.context': `${ORIGIN}/odata/$metadata#OrganizationTeamMemberHierarchies/$deletedEntity`,
      id: `${ORIGIN}/odata/OrganizationTeamMemberHierarchies(${membership})`,
      reason: 'deleted',
    }]);
    const v401 = await get(first.deltaLink, admin, { 'OData-MaxVersion': '4.01' });
    expect(expectJson(v401, 200, '4.01').value).to.deep.equal([{ '@removed': { reason: 'deleted' }, '@id': `${ORIGIN}/odata/OrganizationTeamMemberHierarchies(${membership})` }]);
  });

  it('applies the link\'s $filter: an entity that leaves it is removed (changed), one that enters it is added', async () => {
    const first = await track(`${USERS}?$filter=Department eq 'Sales'&$select=UserName`, admin);
    expect(first.rows.map((r) => r.UserName).sort()).to.deep.equal(['ben']); // ann moved to Marketing above
    await db('users').where({ company_id: org.companyId, id: org.user('ben') }).update({ department: 'Ops' });
    await db('users').where({ company_id: org.companyId, id: org.user('cat') }).update({ department: 'Sales' });
    const changes = await delta(first.deltaLink, admin);
    expect(changes.entries).to.deep.include({ '@removed': { reason: 'changed' }, '@id': userUrl(org.user('ben')) });
    expect(changes.entries.find((e) => e.UserName === 'cat')).to.be.an('object');
    expect(changes.entries).to.have.length(2);
    expect(changes.deltaLink).to.include('$filter=Department%20eq%20');
  });

  it('pages a tracked read and a long delta with nextLinks; a change made between pages is in the delta', async () => {
    const url = `/odata/OrganizationTeamHierarchies?$select=Id,Name`;
    const pageSize = { Prefer: 'odata.maxpagesize=1' };
    // the first page, then a change, then the rest
    const firstPage = expectJson(await get(url, admin, { Prefer: 'odata.track-changes, odata.maxpagesize=1' }));
    expect(firstPage['@odata.nextLink']).to.be.a('string');
    await db('organization_team_hierarchies').where({ company_id: org.companyId, id: org.team('Top') }).update({ description: 'changed while paging' });
    const rest = await track(pathOf(firstPage['@odata.nextLink'] as string), admin, { Prefer: 'odata.track-changes, odata.maxpagesize=1' });
    expect(rest.pages).to.equal(2);
    const changes = await delta(rest.deltaLink, admin);
    expect(changes.entries.map((e) => e.Name)).to.deep.equal(['Top']);

    // five changes, one per page
    const teams = [];
    for (let i = 0; i < 5; i += 1) teams.push(await org.addTeam(unique('paged'), org.team('Other')));
    const paged = await delta(changes.deltaLink, admin, pageSize);
    expect(paged.pages).to.equal(5); // one change per page; the fifth knows it is the last and carries the delta link
    expect(paged.entries.map((e) => e.Id)).to.deep.equal(teams);
    expect((await delta(paged.deltaLink, admin)).entries).to.deep.equal([]);
  });

  it('gives a non-administrator the users they may see: a user who leaves their teams is removed, one who joins is added', async () => {
    const boss = org.token('boss', 'odata.read');
    const first = await track(`${USERS}?$select=UserName`, boss);
    expect(first.rows.map((r) => r.UserName).sort()).to.deep.equal(['ann', 'ben', 'boss', 'cat']);
    // out joins Sub (under boss's Top); cat leaves it
    await org.addMembership(org.user('out'), org.team('Sub'));
    await db('organization_team_member_hierarchies').where({ company_id: org.companyId, user_id: org.user('cat') }).delete();
    const changes = await delta(first.deltaLink, boss);
    expect(changes.entries).to.deep.include({ '@removed': { reason: 'changed' }, '@id': userUrl(org.user('cat')) });
    expect(changes.entries.find((e) => e.UserName === 'out')).to.be.an('object');
    await org.addMembership(org.user('cat'), org.team('Sub')); // back, for the specs after

    // the caller's own teams change: the delta cannot tell whom they stopped seeing → 410
    await db('organization_team_member_hierarchies').where({ company_id: org.companyId, user_id: org.user('boss') }).delete();
    expect(expectError(await get(changes.deltaLink, boss), 410, 'DeltaLinkExpired').target).to.equal('$deltatoken');
    await org.addMembership(org.user('boss'), org.team('Top'));
    // so does a team move
    const again = await track(`${USERS}?$select=UserName`, boss);
    await db('organization_team_hierarchies').where({ company_id: org.companyId, id: org.team('Other') }).update({ parent_id: org.team('Top') });
    expect(expectError(await get(again.deltaLink, boss), 410, 'DeltaLinkExpired').target).to.equal('$deltatoken');
    await db('organization_team_hierarchies').where({ company_id: org.companyId, id: org.team('Other') }).update({ parent_id: null });
  });

  it('includes a change that was still in flight when the read ran (PostgreSQL: a second connection)', async function () {
    if (t.database.target !== 'postgres') this.skip(); // PGlite has one connection: no transaction can be in flight beside a read
    const trx = await db.transaction();
    try {
      await trx('users').where({ company_id: org.companyId, id: org.user('boss') }).update({ department: 'In flight' });
      // a later transaction commits first: the read's snapshot then lists the first as running below its
      // xmax, which a horizon of "everything after the newest transaction seen" would skip for ever
      await db('users').where({ company_id: org.companyId, id: org.user('out') }).update({ department: 'Committed' });
      // the read runs while the update is uncommitted: it cannot see it, and its horizon must not pass it
      const first = await track(`${USERS}?$select=UserName,Department`, admin);
      expect(first.rows.find((r) => r.UserName === 'boss')?.Department).not.to.equal('In flight');
      await trx.commit();
      const changes = await delta(first.deltaLink, admin);
      expect(changes.entries.find((e) => e.UserName === 'boss')).to.include({ Department: 'In flight' });
    } finally {
      if (!trx.isCompleted()) await trx.rollback();
    }
  });

  it('answers 410 for a link older than the retention, 400 for a tampered or misplaced one', async () => {
    const first = await track(`${USERS}?$select=UserName`, admin);
    const token = decodeURIComponent(/\$deltatoken=([^&]+)/.exec(first.deltaLink)?.[1] ?? '');
    // signed with the service's key but issued 8 days ago (the retention is 7 days)
    const old = encodeDeltaToken({ fingerprint: JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString()).f, since: { s: '1:1:', t: Date.now() - 8 * 86_400_000, a: true } }, TEST_SECRET);
    const expired = expectError(await get(`${USERS}?$select=UserName&$deltatoken=${encodeURIComponent(old)}`, admin), 410, 'DeltaLinkExpired');
    expect(expired.target).to.equal('$deltatoken');
    expect(expired.message).to.include('7 days');
    // tampered, or for another $filter
    expect(expectError(await get(`${USERS}?$select=UserName&$deltatoken=${encodeURIComponent(`${token}x`)}`, admin), 400, 'InvalidDeltaToken').target).to.equal('$deltatoken');
    expect(expectError(await get(`${USERS}?$filter=Department eq 'Ops'&$deltatoken=${encodeURIComponent(token)}`, admin), 400, 'InvalidDeltaToken').target).to.equal('$deltatoken');
    // on a set that does not track changes, beside $top, or on a navigation
    expect(expectError(await get(`/odata/Projects?$deltatoken=${encodeURIComponent(token)}`, admin), 400, 'InvalidQueryOption').target).to.equal('$deltatoken');
    expect(expectError(await get(`${USERS}?$select=UserName&$top=5&$deltatoken=${encodeURIComponent(token)}`, admin), 400, 'InvalidQueryOption').target).to.equal('$top');
    // an administrator demoted since (through the API, which clears the cached caller): their visible users changed
    const demoted = await org.addUser(unique('demoted'), { is_administrator: true });
    const theirs = t.token(demoted, org.companyId, 'odata.read');
    const link = (await track(`${USERS}?$select=UserName`, theirs)).deltaLink;
    expect((await send(t, 'PATCH', `${USERS}(${demoted})`, admin, { IsAdministrator: false })).status).to.equal(204);
    expect(expectError(await get(link, theirs), 410, 'DeltaLinkExpired').target).to.equal('$deltatoken');
  });

  it('does not track what it cannot: $top, $expand, another set — the preference is not applied', async () => {
    for (const url of [`${USERS}?$top=2`, `${USERS}?$expand=Memberships`, '/odata/Projects', `/odata/OrganizationTeamHierarchies(${org.team('Top')})/Members`]) {
      const res = await get(url, admin, TRACK);
      const body = expectJson(res);
      expect(body['@odata.deltaLink'], url).to.equal(undefined);
      expect(res.headers['preference-applied'] ?? '', url).not.to.include('odata.track-changes');
    }
  });
});
