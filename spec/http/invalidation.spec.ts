/**
 * Cross-instance cache invalidation (server/db/invalidation.ts), PostgreSQL only: two server instances on
 * one database, caches kept a minute (AUTH_CACHE_MS=60000) so that only a notification can clear them — a
 * demoted administrator loses admin reads on the other instance within 200 ms, a revoked personal access
 * token is refused there as fast, and a lost LISTEN connection clears everything when it comes back.
 */
import { expect } from 'chai';
import request from 'supertest';
import { createApp, stopBackground } from '../../server/app';
import { CACHE_NAMES, InvalidationListener, invalidates, Notifier, parseNotice, type WriteNotice } from '../../server/db/invalidation';
import { AccessTokens, OrganizationTeamHierarchies, OrganizationTeamMemberHierarchies, Projects, Users } from '../../odata/model/entity-sets';
import { testTarget } from '../helpers/test-database';
import { testApp, testConfig, type TestApp } from '../helpers/test-app';
import { buildOrg, expectJson, type Org } from './writes/fixtures';

/** Polls `check` every 10 ms until it is true; resolves to the milliseconds it took, or fails after `withinMs`. */
async function within(withinMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > withinMs) expect.fail(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

describe('Cache invalidation across server instances (LISTEN/NOTIFY)', () => {
  it('tells which writes change cached rows, and reads the notices', () => {
    expect(invalidates(Users)).to.deep.equal(['callers', 'visibleUsers', 'personalTokens']);
    expect(invalidates(AccessTokens)).to.deep.equal(['personalTokens']);
    expect([OrganizationTeamMemberHierarchies, OrganizationTeamHierarchies].map(invalidates)).to.deep.equal([['visibleUsers'], ['visibleUsers']]);
    expect(invalidates(Projects)).to.deep.equal([]);
    expect(parseNotice('3:visibleUsers+personalTokens')).to.deep.equal({ companyId: 3, caches: ['visibleUsers', 'personalTokens'] });
    expect(parseNotice('3:data')).to.deep.equal({ companyId: 3, caches: [] });
    // another version's notice, or junk: every cache goes
    expect(parseNotice('3:caches')).to.deep.equal({ companyId: 3, caches: CACHE_NAMES });
    expect(parseNotice('junk')).to.deep.equal({ caches: CACHE_NAMES });
  });

  describe('two instances on one PostgreSQL database', function () {
    let t: TestApp;
    let org: Org;
    let first: ReturnType<typeof createApp>;
    let second: ReturnType<typeof createApp>;

    before(async function () {
      if (testTarget() !== 'postgres') this.skip();
      t = await testApp();
      org = await buildOrg(t, { users: { boss: { is_administrator: true }, chief: { is_administrator: true } } }, 'Invalidation');
      const config = testConfig({ DATABASE_URL: t.database.url, AUTH_CACHE_MS: '60000' });
      first = createApp({ db: t.database.db, config });
      second = createApp({ db: t.database.db, config });
      for (const app of [first, second]) {
        const listener = (await app.locals.invalidation) as InvalidationListener;
        expect(listener.listening).to.equal(true);
      }
    });

    after(async () => {
      for (const app of [first, second]) if (app) await stopBackground(app);
    });

    const auditStatus = async (app: ReturnType<typeof createApp>, token: string) =>
      (await request(app).get('/odata/AuditLogs/$count').set('Authorization', `Bearer ${token}`)).status;

    it('a demoted administrator loses admin reads on the other instance within 200 ms', async () => {
      const chief = org.token('chief', 'odata.read odata.write logs.read');
      expect(await auditStatus(second, chief)).to.equal(200); // the caller's row is now cached on the second instance
      const demoted = await request(first).patch(`/odata/Users(${org.user('chief')})`).set('Authorization', `Bearer ${org.token('boss')}`).send({ IsAdministrator: false });
      expect(demoted.status).to.equal(204);
      const ms = await within(200, async () => (await auditStatus(second, chief)) === 403);
      expect(ms).to.be.lessThan(200);
    });

    it('a personal access token revoked on one instance is refused by the other within 200 ms', async () => {
      const boss = org.token('boss');
      const created = expectJson(await request(first).post('/odata/AccessTokens').set('Authorization', `Bearer ${boss}`)
        .send({ Name: 'two', Scopes: 'odata.read', ExpiresAt: new Date(Date.now() + 86_400_000).toISOString() }), 200);
      const read = async () => (await request(second).get('/odata/Users?$top=1').set('Authorization', `Bearer ${String(created.Token)}`)).status;
      expect(await read()).to.equal(200);
      expect((await request(first).delete(`/odata/AccessTokens(${String(created.Id)})`).set('Authorization', `Bearer ${boss}`)).status).to.equal(204);
      await within(200, async () => (await read()) === 401);
    });

    it('sends the notices of a few milliseconds together, after the commits, duplicates merged', async () => {
      const heard: WriteNotice[] = [];
      const listener = await InvalidationListener.start({ connectionString: String(t.database.url), onInvalidate: (n) => heard.push(n) });
      try {
        const notifier = new Notifier(t.database.db);
        // this notifier's statements only: the apps of the other specs notify on the same database too
        const statements: string[] = [];
        const listen = (q: { sql: string; bindings?: readonly unknown[] }) => {
          if (/pg_notify/.test(q.sql) && String(q.bindings?.[1] ?? '').includes('777:')) statements.push(q.sql);
        };
        t.database.db.on('query', listen);
        for (let i = 0; i < 3; i += 1) notifier.notify(777, ['visibleUsers']);
        notifier.notify(778, []);
        await notifier.flush();
        t.database.db.off('query', listen);
        expect(statements).to.have.length(1);
        await within(1000, async () => heard.length >= 2);
        expect(heard.filter((n) => n.companyId === 777 || n.companyId === 778)).to.deep.equal([{ companyId: 777, caches: ['visibleUsers'] }, { companyId: 778, caches: [] }]);
      } finally {
        await listener.stop();
      }
    });

    it('clears everything when its LISTEN connection is lost, and listens again', async () => {
      const cleared: (number | undefined)[] = [];
      const listener = await InvalidationListener.start({ connectionString: String(t.database.url), onInvalidate: (n) => cleared.push(n.companyId), retryMs: 20 });
      try {
        await t.database.db.raw("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN orgchart_invalidate' AND pid <> pg_backend_pid()");
        await within(2000, async () => cleared.includes(undefined) && listener.listening);
        await t.database.db.raw("SELECT pg_notify('orgchart_invalidate', '42:data')");
        await within(1000, async () => cleared.includes(42));
      } finally {
        await listener.stop();
      }
      // the two apps' listeners were cut too, and came back
      for (const app of [first, second]) await within(3000, async () => ((await app.locals.invalidation) as InvalidationListener).listening);
    });
  });
});
