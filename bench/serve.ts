/**
 * Child process of `npm run bench`: opens the database ONCE (PGlite allows one process), serves our app
 * and the hand-written baseline on two free 127.0.0.1 ports, and prints one JSON line on stdout:
 * { ours, baseline, fixtures }. The baseline also answers GET /__rss, GET /__ancestor-check, POST /__restore, POST /__changes and
 * the event-loop delay of this process (POST /__eventloop/reset, GET /__eventloop) for the runner.
 * Exits when stdin closes (the runner ended) or on SIGTERM. Environment: BENCH_DATABASE_URL or BENCH_PGLITE_DIR, BENCH_POOL_MAX, BENCH_WRITES.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { connect } from '../server/db/connect';
import { handleClientErrors } from '../server/http/client-error';
import { createBaselineApp, knexRunner, pgRunner } from './baseline/server';
import { measureAncestorCheck } from './ancestor-check';
import { findFixtures, restoreFixtures } from './fixtures';
import { BENCH_JWT_SECRET } from './profiles';

function listen(app: { listen: (port: number, host: string, cb: () => void) => Server }): Promise<Server> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
  const config = loadConfig({
    JWT_SECRET: BENCH_JWT_SECRET,
    DATABASE_URL: databaseUrl,
    PGLITE_DIR: process.env.BENCH_PGLITE_DIR,
    DB_POOL_MAX: process.env.BENCH_POOL_MAX ?? '10',
    LOG_LEVEL: 'silent',
  });
  const db = connect({ databaseUrl, pgliteDir: config.pgliteDir, poolMax: config.poolMax, statementTimeoutMs: config.limits.statementTimeoutMs });
  const pool = databaseUrl ? new pg.Pool({ connectionString: databaseUrl, max: config.poolMax }) : undefined;
  const fixtures = await findFixtures(db, Number(process.env.BENCH_WRITES ?? 200));

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 250);
  const baselineApp = createBaselineApp(pool ? pgRunner(pool) : knexRunner(db));
  baselineApp.get('/__rss', (_req, res) => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    res.json({ rss, peakRss, heapUsed });
  });
  baselineApp.get('/__ancestor-check', async (_req, res) => {
    res.json(await measureAncestorCheck(db, fixtures.companyId));
  });
  // the delta scenario's changes: `n` of the company's users updated, spread over its ids
  baselineApp.post('/__changes', async (req, res) => {
    const n = Math.min(Number(req.query.n ?? 100) || 100, 10_000);
    const result = (await db.raw(
      'WITH pick AS (SELECT id FROM users WHERE company_id = ? AND id % 97 = 0 ORDER BY id LIMIT ?) ' +
        'UPDATE users u SET updated_at = now() FROM pick WHERE u.company_id = ? AND u.id = pick.id RETURNING u.id',
      [fixtures.companyId, n, fixtures.companyId],
    )) as { rows: { id: string }[] };
    res.json({ changed: result.rows.length });
  });
  baselineApp.post('/__restore', async (_req, res) => {
    res.json({ deletedMemberships: await restoreFixtures(db, fixtures) });
  });
  // how long this process's event loop was blocked (both servers share it), sampled every 10 ms
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  baselineApp.post('/__eventloop/reset', (_req, res) => {
    loopDelay.reset();
    loopDelay.enable();
    res.json({ enabled: true });
  });
  baselineApp.get('/__eventloop', (_req, res) => {
    const ms = (ns: number) => ns / 1e6;
    res.json({ p50Ms: ms(loopDelay.percentile(50)), p99Ms: ms(loopDelay.percentile(99)), maxMs: ms(loopDelay.max) });
  });

  const ours = await listen(createApp({ db, config }));
  handleClientErrors(ours, { maxUrlLength: config.limits.maxUrlLength });
  const baseline = await listen(baselineApp);
  const port = (s: Server) => (s.address() as AddressInfo).port;
  process.stdout.write(`${JSON.stringify({ ours: port(ours), baseline: port(baseline), fixtures })}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearInterval(sampler);
    loopDelay.disable();
    for (const s of [ours, baseline]) {
      s.close();
      s.closeAllConnections();
    }
    void Promise.all([db.destroy(), pool?.end()]).finally(() => process.exit(0));
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench/serve: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
