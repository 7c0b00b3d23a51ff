/**
 * Child process of `npm run bench`: opens the database ONCE (PGlite allows one process), serves our app
 * and the hand-written baseline on two free 127.0.0.1 ports, and prints one JSON line on stdout:
 * { ours, baseline, fixtures }. The baseline also answers GET /__rss, GET /__ancestor-check and POST /__restore
 * for the runner.
 * Exits when stdin closes (the runner ended) or on SIGTERM. Environment: BENCH_DATABASE_URL or BENCH_PGLITE_DIR, BENCH_POOL_MAX, BENCH_WRITES.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pg from 'pg';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { connect } from '../server/db/connect';
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
  baselineApp.post('/__restore', async (_req, res) => {
    res.json({ deletedMemberships: await restoreFixtures(db, fixtures) });
  });

  const ours = await listen(createApp({ db, config }));
  const baseline = await listen(baselineApp);
  const port = (s: Server) => (s.address() as AddressInfo).port;
  process.stdout.write(`${JSON.stringify({ ours: port(ours), baseline: port(baseline), fixtures })}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearInterval(sampler);
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
