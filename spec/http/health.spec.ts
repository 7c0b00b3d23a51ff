/**
 * Health endpoints (server/http/health.ts) through HTTP: liveness never touches the database, readiness
 * asks `SELECT 1` on the run's database, turns 503 when the database fails or is slow, and once the app
 * is draining; neither needs a token, carries OData headers, or is written to the request log.
 */
import { expect } from 'chai';
import express from 'express';
import type { Knex } from 'knex';
import pino from 'pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../server/app';
import { healthRouter, type Health } from '../../server/http/health';
import { testApp, testConfig, type TestApp } from '../helpers/test-app';

/** A stand-in for knex whose `raw` does what `answer` says and counts its calls. */
function fakeDb(answer: () => Promise<unknown>): { db: Knex; calls: () => number } {
  let calls = 0;
  const db = { raw: () => { calls += 1; return answer(); } } as unknown as Knex;
  return { db, calls: () => calls };
}

function appWith(health: Health): express.Express {
  const app = express();
  app.use(health.router);
  return app;
}

describe('Health endpoints', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });

  it('GET /health/live → 200 {"status":"ok"}, no token, no OData headers, never cached', async () => {
    const res = await request(t.app).get('/health/live');
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ status: 'ok' });
    expect(res.headers['content-type']).to.match(/^application\/json/);
    expect(res.headers['cache-control']).to.equal('no-store');
    expect(res.headers['odata-version']).to.equal(undefined);
  });

  it('GET /health/ready → 200 {"status":"ok"} when the database answers', async () => {
    const res = await request(t.app).get('/health/ready');
    expect(res.status).to.equal(200);
    // a run with a read replica (TEST_READ_DATABASE_URL) also lists it, healthy
    const { replicas = [], ...rest } = res.body as { replicas?: { healthy: boolean }[] };
    expect(rest).to.deep.equal({ status: 'ok' });
    for (const replica of replicas) expect(replica.healthy).to.equal(true);
    expect(res.headers['cache-control']).to.equal('no-store');
  });

  it('liveness makes no database call', async () => {
    const { db, calls } = fakeDb(() => Promise.reject(new Error('must not be called')));
    const res = await request(appWith(healthRouter(db))).get('/health/live');
    expect(res.status).to.equal(200);
    expect(calls()).to.equal(0);
  });

  it('readiness → 503 naming the database when SELECT 1 fails, with the error code but not its message', async () => {
    const failure = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432 for user secret_user'), { code: 'ECONNREFUSED' });
    const { db } = fakeDb(() => Promise.reject(failure));
    const res = await request(appWith(healthRouter(db))).get('/health/ready');
    expect(res.status).to.equal(503);
    expect(res.body).to.deep.equal({ status: 'unavailable', failed: 'database', reason: 'SELECT 1 failed (ECONNREFUSED)' });
    expect(res.text).to.not.contain('10.1.2.3').and.not.contain('secret_user');
  });

  it('readiness → 503 when SELECT 1 does not answer in time', async () => {
    const { db } = fakeDb(() => new Promise(() => {}));
    const started = Date.now();
    const res = await request(appWith(healthRouter(db, { timeoutMs: 50 }))).get('/health/ready');
    expect(res.status).to.equal(503);
    expect(res.body).to.deep.equal({ status: 'unavailable', failed: 'database', reason: 'no answer to SELECT 1 within 50 ms' });
    expect(Date.now() - started).to.be.below(2000);
  });

  it('probes arriving during a check share it', async () => {
    let release = () => {};
    const { db, calls } = fakeDb(() => new Promise((resolve) => { release = () => resolve({ rows: [] }); }));
    const app = appWith(healthRouter(db));
    const probes = [request(app).get('/health/ready'), request(app).get('/health/ready'), request(app).get('/health/ready')].map((r) => r.then((res) => res));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const answers = await Promise.all(probes);
    expect(answers.map((r) => r.status)).to.deep.equal([200, 200, 200]);
    expect(calls()).to.equal(1);
  });

  it('readiness → 503 {"status":"draining"} after app.locals.health.setDraining(); liveness stays 200; OData still answers', async () => {
    // an app of its own: the shared one must stay ready for the other specs
    const app = createApp({ db: t.database.db, config: testConfig() });
    const health = app.locals.health as Health;
    expect((await request(app).get('/health/ready')).status).to.equal(200);
    health.setDraining();
    expect(health.isDraining()).to.equal(true);
    const ready = await request(app).get('/health/ready');
    expect(ready.status).to.equal(503);
    expect(ready.body).to.deep.equal({ status: 'draining' });
    expect((await request(app).get('/health/live')).status).to.equal(200);
    // in-flight and late requests are still served while the balancer takes the instance out
    expect((await request(app).get('/odata/Users?$top=1').set('Authorization', `Bearer ${t.tokens.admin}`)).status).to.equal(200);
  });

  it('health checks are not written to the request log; other requests are', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const app = createApp({ db: t.database.db, config: testConfig(), logger: pino({ level: 'info' }, sink) });
    await request(app).get('/health/live');
    await request(app).get('/health/ready');
    await request(app).get('/odata/$metadata').set('Authorization', `Bearer ${t.tokens.admin}`);
    const logged = lines.map((l) => JSON.parse(l) as { msg?: string; url?: string }).filter((l) => l.msg === 'request').map((l) => l.url);
    expect(logged).to.deep.equal(['/odata/$metadata']);
  });

  it('other methods on /health/* are not answered by the health router (404 from the app)', async () => {
    const res = await request(t.app).post('/health/live');
    expect(res.status).to.equal(404);
  });
});
