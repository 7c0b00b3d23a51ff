/**
 * Writes by a caller taken from the authentication cache (server/auth/caller-check.ts): the caller is
 * checked inside the write's own statement, so a change the cache has not heard of (another instance's
 * write whose notice was lost: here, a change made straight in the database, caches kept a minute) can
 * neither lend a demoted administrator their old rights nor refuse a promoted one; a deactivated user
 * or a revoked token is 401. And the round trips this saves: a membership create is ONE statement, and
 * so is a team move (the hierarchy lock, the row, the checks, the write and its audit row).
 */
import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../../server/app';
import { testApp, testConfig, type TestApp } from '../../helpers/test-app';
import { buildOrg, expectJson, expectWriteError, MEMBERS, TEAMS, unique, type Org } from './fixtures';

describe('Writes by a cached caller', () => {
  let t: TestApp;
  let org: Org;
  let app: ReturnType<typeof createApp>;

  before(async () => {
    t = await testApp();
    org = await buildOrg(t, {
      users: { boss: { is_administrator: true }, chief: { is_administrator: true }, mia: {}, newbie: {}, lee: {} },
      teams: [['Root', null], ['Ops', 'Root'], ['Ops Night', 'Ops'], ['Sales', 'Root']],
      memberships: [['mia', 'Ops'], ['lee', 'Ops']],
    }, 'CachedCaller');
    // caches kept a minute and no notices: only the write's own check can see a change
    app = createApp({ db: t.database.db, config: testConfig({ AUTH_CACHE_MS: '60000', CACHE_INVALIDATION: 'off' }) });
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const cache = async (token: string) => expect((await request(app).get('/odata/Users?$top=1').set(as(token))).status).to.equal(200);
  const setUser = (name: string, values: Record<string, unknown>) => org.db('users').where({ company_id: org.companyId, id: org.user(name) }).update(values);
  const membership = (user: string, team: string) => ({ UserId: org.user(user), OrganizationTeamHierarchyId: org.team(team) });
  const memberships = async (user: string) => org.db('organization_team_member_hierarchies').where({ company_id: org.companyId, user_id: org.user(user) }).count({ n: '*' });
  const countOf = async (user: string) => Number((await memberships(user))[0]?.n);

  it('a demoted administrator, cached as one, is refused (403) and nothing is written', async () => {
    const chief = org.token('chief');
    await cache(chief);
    await setUser('chief', { is_administrator: false });
    try {
      // an administrators-only create, and a membership create (one statement) in a team chief is not in
      expectWriteError(await request(app).post('/odata/Teams').set(as(chief)).send({ Name: unique('demoted') }), 403, 'Forbidden');
      expectWriteError(await request(app).post(MEMBERS).set(as(chief)).send(membership('newbie', 'Sales')), 403, 'Forbidden');
      expect(await countOf('newbie')).to.equal(0);
      const logged = await org.db('audit_logs').where({ company_id: org.companyId, user_id: org.user('chief') }).count({ n: '*' });
      expect(Number(logged[0]?.n)).to.equal(0);
    } finally {
      await setUser('chief', { is_administrator: true });
    }
  });

  it('a promoted user, cached as a non-administrator, may write as an administrator at once', async () => {
    const lee = org.token('lee');
    await cache(lee);
    await setUser('lee', { is_administrator: true });
    try {
      const created = expectJson(await request(app).post('/odata/Teams').set(as(lee)).send({ Name: unique('promoted') }), 200);
      expect(created.Active).to.equal(true);
      // and outside the teams lee is a member of
      expectJson(await request(app).post(MEMBERS).set(as(lee)).send(membership('newbie', 'Sales')), 200);
    } finally {
      await setUser('lee', { is_administrator: false });
      await org.db('organization_team_member_hierarchies').where({ company_id: org.companyId, user_id: org.user('newbie') }).delete();
    }
  });

  it('a deactivated user, cached as active, gets 401 and writes nothing', async () => {
    const mia = org.token('mia');
    await cache(mia);
    await setUser('mia', { is_active: false });
    try {
      const res = await request(app).post(MEMBERS).set(as(mia)).send(membership('newbie', 'Ops Night'));
      expectWriteError(res, 401, 'Unauthenticated');
      expect(await countOf('newbie')).to.equal(0);
    } finally {
      await setUser('mia', { is_active: true });
    }
  });

  it('a personal access token revoked since it was cached gets 401', async () => {
    const created = expectJson(await request(app).post('/odata/AccessTokens').set(as(org.token('mia')))
      .send({ Name: 'cli', Scopes: 'odata.read odata.write', ExpiresAt: new Date(Date.now() + 86_400_000).toISOString() }), 200);
    const secret = String(created.Token);
    await cache(secret);
    await org.db('access_tokens').where({ company_id: org.companyId, id: String(created.Id) }).update({ revoked_at: org.db.fn.now() });
    expectWriteError(await request(app).post(MEMBERS).set(as(secret)).send(membership('newbie', 'Ops Night')), 401, 'Unauthenticated');
    expect(await countOf('newbie')).to.equal(0);
  });

  describe('round trips', () => {
    const statementsOf = async (run: () => Promise<unknown>): Promise<string[]> => {
      const seen: string[] = [];
      const listen = (q: { sql: string }) => seen.push(q.sql.trim().split(/\s+/).slice(0, 3).join(' '));
      t.database.db.on('query', listen);
      try {
        await run();
      } finally {
        t.database.db.off('query', listen);
      }
      return seen;
    };

    it('a membership create by a cached caller is one statement: caller, rules, insert and audit row', async () => {
      const mia = org.token('mia');
      await cache(mia);
      const seen = await statementsOf(async () => expectJson(await request(app).post(MEMBERS).set(as(mia)).send(membership('newbie', 'Ops Night')), 200));
      expect(seen).to.deep.equal(['WITH ok AS']);
      const logged = await org.db('audit_logs').where({ company_id: org.companyId, user_id: org.user('mia'), entity_set: 'OrganizationTeamMemberHierarchies' });
      expect(logged.map((row: { action: string }) => row.action)).to.include('create');
    });

    it('a team move by a cached caller is one statement too: the hierarchy lock, the row, the checks, the write and its audit row', async () => {
      const boss = org.token('boss');
      await cache(boss);
      const move = (parent: string) => request(app).patch(`${TEAMS}(${org.team('Ops Night')})`).set(as(boss)).send({ ParentId: org.team(parent) });
      const seen = await statementsOf(async () => expect((await move('Sales')).status).to.equal(204));
      expect(seen).to.deep.equal(['WITH locked AS']);
      expect((await move('Ops')).status).to.equal(204);
      // the same parent again changes nothing: no new version, no audit row (one more statement reads the row for its ETag)
      const logged = async () => Number((await org.db('audit_logs').where({ company_id: org.companyId, entity_set: 'OrganizationTeamHierarchies' }).count({ n: '*' }))[0]?.n);
      const before = await logged();
      const again = await move('Ops');
      expect(again.status).to.equal(204);
      expect(again.headers.etag).to.be.a('string');
      expect(await logged()).to.equal(before);
    });
  });
});
