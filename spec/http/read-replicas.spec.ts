/**
 * Read replicas (DATABASE_READ_URL, server/db/read-router.ts): the router's choices on a fake clock, then
 * through HTTP on PostgreSQL — GETs run on the replica, a company that has just written reads from the
 * primary for REPLICA_FRESHNESS_MS (read-your-writes), and a dead replica is skipped while the primary
 * serves. With TEST_READ_DATABASE_URL (CI's streaming replica) the replica is real; otherwise the run's
 * own database stands in for it, which is enough to see where each statement runs.
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import request from 'supertest';
import { createApp, stopBackground } from '../../server/app';
import { isConnectionFailure } from '../../server/db/map-db-error';
import { ReadRouter } from '../../server/db/read-router';
import { testTarget } from '../helpers/test-database';
import { testApp, testConfig, type TestApp } from '../helpers/test-app';
import { buildOrg, type Org } from './writes/fixtures';

describe('Read replicas', () => {
  describe('ReadRouter', () => {
    const fake = (name: string) => ({ name, raw: async () => ({ rows: [{ standby: true, lag_ms: 0 }] }), destroy: async () => {} }) as unknown as Knex;

    it('takes healthy replicas in turn, the primary for a company that has just written, and the primary when none is left', async () => {
      let now = 0;
      const primary = fake('primary');
      const [a, b] = [fake('a'), fake('b')];
      const router = new ReadRouter(primary, [{ label: 'a', db: a }, { label: 'b', db: b }], { freshnessMs: 1000, now: () => now });
      expect(router.forRead(1)).to.equal(primary); // not checked yet: not trusted
      await router.start();
      expect([router.forRead(1), router.forRead(1), router.forRead(2)]).to.deep.equal([a, b, a]);
      router.wrote(1);
      expect(router.forRead(1)).to.equal(primary);
      expect(router.forRead(2)).to.not.equal(primary);
      now = 1001;
      expect(router.forRead(1)).to.not.equal(primary);
      router.failed(a);
      router.failed(b);
      expect(router.forRead(3)).to.equal(primary);
      router.wrote(undefined); // a lost notification channel: every company, for the window
      await router.stop();
    });

    it('skips a replica that lags more than REPLICA_MAX_LAG_MS, or does not answer', async () => {
      const primary = fake('primary');
      const lagging = { raw: async () => ({ rows: [{ standby: true, lag_ms: 9000 }] }), destroy: async () => {} } as unknown as Knex;
      const dead = { raw: async () => { throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }); }, destroy: async () => {} } as unknown as Knex;
      const router = new ReadRouter(primary, [{ label: 'lagging', db: lagging }, { label: 'dead', db: dead }], { maxLagMs: 5000 });
      await router.start();
      expect(router.forRead(1)).to.equal(primary);
      expect(router.status).to.deep.equal([{ label: 'lagging', healthy: true, lagMs: 9000 }, { label: 'dead', healthy: false, lagMs: 0 }]);
      await router.stop();
    });

    it('tells a database that cannot be reached from a statement that failed', () => {
      expect(['ECONNREFUSED', '57P01', '08006'].map((code) => isConnectionFailure({ code }))).to.deep.equal([true, true, true]);
      expect(isConnectionFailure({ name: 'KnexTimeoutError' })).to.equal(true);
      expect(['22012', '23505', undefined].map((code) => isConnectionFailure({ code }))).to.deep.equal([false, false, false]);
    });
  });

  describe('through HTTP (PostgreSQL)', function () {
    let t: TestApp;
    let org: Org;

    before(async function () {
      if (testTarget() !== 'postgres') this.skip();
      t = await testApp();
      org = await buildOrg(t, { users: { boss: { is_administrator: true } } }, 'Replicas');
    });

    /** The page statements (`… from "users" as "t0" …`) each knex runs while `run` runs. */
    async function pageStatementsOn(dbs: Record<string, Knex>, run: () => Promise<unknown>): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      const listeners = Object.entries(dbs).map(([name, db]) => {
        counts[name] = 0;
        const listener = (q: { sql: string }) => {
          if (/from "users" as "t0"/.test(q.sql)) counts[name] = (counts[name] ?? 0) + 1;
        };
        db.on('query', listener);
        return () => db.removeListener('query', listener);
      });
      try {
        await run();
      } finally {
        for (const off of listeners) off();
      }
      return counts;
    }

    it('reads on the replica; a company that has just written reads on the primary for REPLICA_FRESHNESS_MS', async () => {
      const replicaUrl = t.database.readUrl ?? String(t.database.url);
      const app = createApp({ db: t.database.db, config: testConfig({ DATABASE_URL: t.database.url, DATABASE_READ_URL: replicaUrl, REPLICA_FRESHNESS_MS: '400', CACHE_INVALIDATION: 'off' }) });
      try {
        const router = app.locals.readRouter as ReadRouter;
        for (let i = 0; i < 50 && !router.status[0]?.healthy; i += 1) await new Promise((r) => setTimeout(r, 20));
        expect(router.status[0]?.healthy).to.equal(true);
        const dbs = { primary: t.database.db, replica: router.replicaDbs[0] as Knex };
        const boss = org.token('boss');
        const read = () => request(app).get('/odata/Users?$select=Id').set('Authorization', `Bearer ${boss}`).expect(200);
        expect(await pageStatementsOn(dbs, read)).to.deep.equal({ primary: 0, replica: 1 });
        const created = await request(app).post('/odata/Users').set('Authorization', `Bearer ${boss}`).send({ UserName: `replica.${Date.now()}` });
        expect(created.status, created.text).to.equal(200);
        let sawIt = false;
        expect(await pageStatementsOn(dbs, async () => {
          sawIt = ((await read()).body as { value: { Id: number }[] }).value.some((u) => u.Id === (created.body as { Id: number }).Id);
        })).to.deep.equal({ primary: 1, replica: 0 });
        expect(sawIt).to.equal(true);
        await new Promise((r) => setTimeout(r, 450));
        expect(await pageStatementsOn(dbs, read)).to.deep.equal({ primary: 0, replica: 1 });
      } finally {
        await stopBackground(app);
      }
    });

    it('skips a replica that cannot be reached: the primary serves, nothing fails', async () => {
      const app = createApp({ db: t.database.db, config: testConfig({ DATABASE_URL: t.database.url, DATABASE_READ_URL: 'postgres://postgres@127.0.0.1:1/nowhere', CACHE_INVALIDATION: 'off' }) });
      try {
        const res = await request(app).get('/odata/Users?$top=1').set('Authorization', `Bearer ${org.token('boss')}`);
        expect(res.status).to.equal(200);
        await new Promise((r) => setTimeout(r, 100));
        expect((app.locals.readRouter as ReadRouter).status).to.deep.equal([{ label: 'postgres://127.0.0.1:1/nowhere', healthy: false, lagMs: 0 }]);
        // readiness shows it, and stays ready: the primary serves
        const ready = await request(app).get('/health/ready');
        expect(ready.status).to.equal(200);
        expect(ready.body).to.deep.equal({ status: 'ok', replicas: [{ label: 'postgres://127.0.0.1:1/nowhere', healthy: false, lagMs: 0 }] });
      } finally {
        await stopBackground(app);
      }
    });
  });
});
