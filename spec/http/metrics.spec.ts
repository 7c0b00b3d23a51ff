/**
 * Prometheus metrics (server/http/metrics.ts): the bounded `set` label, then through HTTP on an app of
 * its own — requests counted and timed per entity set, method and status class (OData errors included,
 * health probes and scrapes not), the database pool read on scrape, the cache hook, the optional bearer
 * token, and two apps in one process keeping separate registries.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import express, { type Express } from 'express';
import request from 'supertest';
import { createApp } from '../../server/app';
import { createMetrics, setLabel, statusClass, type Metrics } from '../../server/http/metrics';
import { testApp, testConfig, type TestApp } from '../helpers/test-app';

/** The value of one sample line: `sample(text, 'orgchart_http_requests_total{set="Users",method="GET",status_class="2xx"}')` → 3. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('Metrics', () => {
  it('labels a request by the first path segment after /odata, bounded to the model', () => {
    expect(setLabel('/odata/Users')).to.equal('Users');
    expect(setLabel('/odata/Users(5)/Teams?$top=1')).to.equal('Users');
    expect(setLabel('/odata/Projects(ProjectId=\'a/b\')')).to.equal('Projects');
    expect(setLabel('/odata/Users%285%29')).to.equal('Users');
    expect(setLabel('/odata/$metadata?$format=xml')).to.equal('$metadata');
    expect(setLabel('/odata')).to.equal('$root');
    expect(setLabel('/odata/')).to.equal('$root');
    expect(setLabel('/odata/CreateOrgHierarchyMapping')).to.equal('CreateOrgHierarchyMapping');
    expect(setLabel('/odata/NoSuchSet123')).to.equal('other');
    expect(setLabel('/odata/users')).to.equal('other');
    expect(setLabel('/odata/%E0%A4%A')).to.equal('other');
    expect(setLabel('/odatax/Users')).to.equal('other');
    expect(setLabel('/favicon.ico')).to.equal('other');
    expect(statusClass(204)).to.equal('2xx');
    expect(statusClass(503)).to.equal('5xx');
  });

  describe('through HTTP', () => {
    let t: TestApp;
    let app: Express;
    let metrics: Metrics;
    before(async () => {
      t = await testApp();
      // an app of its own, so that the counts are this spec's
      app = createApp({ db: t.database.db, config: testConfig() });
      metrics = app.locals.metrics as Metrics;
    });

    const scrape = async () => {
      const res = await request(app).get('/metrics');
      expect(res.status).to.equal(200);
      return res.text;
    };

    it('GET /metrics → Prometheus text with the default process metrics, no token needed, never cached', async () => {
      const res = await request(app).get('/metrics');
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.match(/^text\/plain; version=0\.0\.4/);
      expect(res.headers['cache-control']).to.equal('no-store');
      expect(res.headers['odata-version']).to.equal(undefined);
      expect(res.text).to.contain('process_resident_memory_bytes');
      expect(res.text).to.contain('nodejs_eventloop_lag_seconds');
      expect(res.text).to.contain('nodejs_heap_size_used_bytes');
    });

    it('counts and times requests per set, method and status class, OData errors included; not probes or scrapes', async () => {
      const admin = `Bearer ${t.tokens.admin}`;
      await request(app).get('/odata/Users?$top=1').set('Authorization', admin).expect(200);
      await request(app).get(`/odata/Users(${t.database.demo.users.admin})/Teams`).set('Authorization', admin).expect(200);
      await request(app).get("/odata/Users?$filter=Nope eq 1").set('Authorization', admin).expect(400);
      await request(app).get('/odata/Users').expect(401);
      await request(app).get('/odata/$metadata').set('Authorization', admin).expect(200);
      await request(app).get('/odata/').set('Authorization', admin).expect(200);
      await request(app).get('/odata/NoSuchSet').set('Authorization', admin).expect(404);
      await request(app).delete('/odata/Users(999999)').set('Authorization', admin).expect(404);
      await request(app).get('/health/live').expect(200);
      await request(app).get('/health/ready').expect(200);
      const text = await scrape();
      const count = (set: string, method: string, status: string) =>
        sample(text, `orgchart_http_requests_total{set="${set}",method="${method}",status_class="${status}"}`);
      expect(count('Users', 'GET', '2xx')).to.equal(2);
      expect(count('Users', 'GET', '4xx')).to.equal(2);
      expect(count('Users', 'DELETE', '4xx')).to.equal(1);
      expect(count('$metadata', 'GET', '2xx')).to.equal(1);
      expect(count('$root', 'GET', '2xx')).to.equal(1);
      expect(count('other', 'GET', '4xx')).to.equal(1);
      expect(count('other', 'GET', '2xx')).to.equal(undefined); // health probes and scrapes are not counted
      expect(sample(text, 'orgchart_http_request_duration_seconds_count{set="Users",method="GET",status_class="2xx"}')).to.equal(2);
      expect(sample(text, 'orgchart_http_request_duration_seconds_bucket{le="+Inf",set="Users",method="GET",status_class="2xx"}')).to.equal(2);
      expect(text).to.match(/# TYPE orgchart_http_request_duration_seconds histogram/);
    });

    it('reads the database pool on each scrape', async () => {
      const text = await scrape();
      for (const name of ['orgchart_db_pool_used', 'orgchart_db_pool_free', 'orgchart_db_pool_pending_acquires', 'orgchart_db_pool_max']) {
        expect(Number.isFinite(sample(text, name)), name).to.equal(true);
      }
      expect(sample(text, 'orgchart_db_pool_used')).to.equal(0); // nothing runs between requests
      expect(sample(text, 'orgchart_db_pool_max')).to.be.at.least(1);
    });

    it('shows a query waiting for a connection as used / pending while it waits', async () => {
      const db = t.database.db;
      const pool = (db.client as { pool: { max: number } }).pool;
      // hold every connection of the pool in open transactions, then ask for one more
      const held: { release: () => void; done: Promise<unknown> }[] = [];
      for (let i = 0; i < pool.max; i += 1) {
        let release = () => {};
        const gate = new Promise<void>((resolve) => { release = resolve; });
        let started = () => {};
        const begun = new Promise<void>((resolve) => { started = resolve; });
        const done = db.transaction(async () => { started(); await gate; });
        await begun;
        held.push({ release, done });
      }
      const waiting = db.raw('SELECT 1').then(() => undefined); // a knex query runs once awaited
      try {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const text = await scrape();
        expect(sample(text, 'orgchart_db_pool_used')).to.equal(pool.max);
        expect(sample(text, 'orgchart_db_pool_pending_acquires')).to.be.at.least(1);
      } finally {
        for (const h of held) h.release();
        await Promise.all(held.map((h) => h.done));
        await waiting;
      }
    });

    it("counts the caches' hits and misses: a caller's second read finds its row cached", async () => {
      const fresh = createApp({ db: t.database.db, config: testConfig() });
      for (let i = 0; i < 3; i += 1) expect((await request(fresh).get('/odata/Users?$top=1').set('Authorization', `Bearer ${t.tokens.alice}`)).status).to.equal(200);
      const text = (await request(fresh).get('/metrics')).text;
      expect(sample(text, 'orgchart_cache_lookups_total{cache="callers",result="miss"}')).to.equal(1);
      expect(sample(text, 'orgchart_cache_lookups_total{cache="callers",result="hit"}')).to.equal(2);
      expect(sample(text, 'orgchart_cache_lookups_total{cache="visibleUsers",result="hit"}')).to.equal(2);
      expect(metrics.cacheMetrics).to.have.property('hit');
    });

    it('keeps one registry per app: another app in the same process counts its own requests', async () => {
      const other = createApp({ db: t.database.db, config: testConfig() });
      await request(other).get('/odata/Teams').set('Authorization', `Bearer ${t.tokens.admin}`).expect(200);
      const mine = await scrape();
      const theirs = (await request(other).get('/metrics')).text;
      expect(sample(theirs, 'orgchart_http_requests_total{set="Teams",method="GET",status_class="2xx"}')).to.equal(1);
      expect(sample(mine, 'orgchart_http_requests_total{set="Teams",method="GET",status_class="2xx"}')).to.equal(undefined);
    });
  });

  it('counts a request whose client went away before the response ended as aborted, once', async () => {
    const { db } = (await testApp()).database;
    const metrics = createMetrics(db, { defaultMetrics: false });
    const app = express();
    app.use(metrics.middleware);
    let answered!: () => void;
    const done = new Promise<void>((resolve) => { answered = resolve; });
    app.get('/odata/Users', (_req, res) => {
      setTimeout(() => {
        res.json({ value: [] });
        answered();
      }, 100);
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = http.get({ host: '127.0.0.1', port, path: '/odata/Users' });
      client.on('error', () => undefined);
      setTimeout(() => client.destroy(), 20);
      await done;
      await new Promise((resolve) => setTimeout(resolve, 20));
      const text = await metrics.registry.metrics();
      expect(sample(text, 'orgchart_http_requests_total{set="Users",method="GET",status_class="aborted"}')).to.equal(1);
      expect(sample(text, 'orgchart_http_requests_total{set="Users",method="GET",status_class="2xx"}')).to.equal(undefined);
    } finally {
      server.close();
    }
  });

  it('with a token, /metrics answers only Authorization: Bearer <token>', async () => {
    const t = await testApp();
    const metrics = createMetrics(t.database.db, { token: 's3cret', defaultMetrics: false });
    const app = express();
    app.get('/metrics', metrics.handler);
    expect((await request(app).get('/metrics')).status).to.equal(401);
    expect((await request(app).get('/metrics').set('Authorization', 'Bearer wrong')).status).to.equal(401);
    expect((await request(app).get('/metrics').set('Authorization', 'Bearer s3cretX')).status).to.equal(401);
    const ok = await request(app).get('/metrics').set('Authorization', 'Bearer s3cret');
    expect(ok.status).to.equal(200);
    expect(ok.text).to.contain('orgchart_db_pool_used');
    expect(ok.text).to.not.contain('process_resident_memory_bytes');
  });
});
