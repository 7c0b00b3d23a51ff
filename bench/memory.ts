/**
 * `npm run bench:memory [-- --quick] [--seconds S] [--only point,levels]`: the production server's footprint, as an operator
 * would see it. Builds dist/ when stale, starts `node scripts/start.mjs` (what `npm start` runs) on the
 * benchmark's kept PostgreSQL database, and reports the time to the first `$metadata`, the idle RSS,
 * then each benchmark scenario's load in turn with the RSS after it and the peak so far (VmHWM, read
 * from /proc). Needs DATABASE_URL and a database left by `npm run bench -- --keep`; Linux only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signToken } from '../server/auth/tokens';
import { connect } from '../server/db/connect';
import { benchDatabaseName } from './database';
import { findFixtures, restoreFixtures } from './fixtures';
import { fullPull, runLoad } from './measure';
import { BENCH_JWT_SECRET, PROFILES } from './profiles';
import { buildScenarios, firstPages } from './scenarios';

const ROOT = path.resolve(__dirname, '..');
const MB = 1024 * 1024;

/** `memoryOf(1234)` → { rssMb: 91.2, peakMb: 140.5 } from /proc/1234/status (VmRSS, VmHWM). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: (kb('VmRSS') * 1024) / MB, peakMb: (kb('VmHWM') * 1024) / MB };
}

/**
 * The server's V8 heap from its Prometheus metrics (prom-client's defaults): '21 / 64, 9' (used / total,
 * external, in MB), or '–' when /metrics does not answer (METRICS_TOKEN set).
 */
async function heapOf(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  if (response.status !== 200) return '–';
  const text = await response.text();
  const mb = (name: string) => (Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) / MB).toFixed(0);
  return `${mb('nodejs_heap_size_used_bytes')} / ${mb('nodejs_heap_size_total_bytes')}, ${mb('nodejs_external_memory_bytes')}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Polls GET /odata/$metadata until it answers 200: → seconds since `started`. */
async function firstMetadata(port: number, token: string, child: ChildProcess, started: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode}) before answering`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/odata/$metadata`, { headers: { authorization: `Bearer ${token}` } });
      await response.arrayBuffer();
      if (response.status === 200) return (performance.now() - started) / 1000;
      if (response.status !== 503) throw new Error(`GET $metadata answered ${response.status}`);
    } catch (err) {
      if (!(err instanceof TypeError)) throw err; // TypeError: fetch failed, not listening yet
    }
    if (performance.now() - started > 120_000) throw new Error('no $metadata within 120 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, seconds: { type: 'string', default: '10' }, only: { type: 'string' } } });
  const only = values.only ? new Set(values.only.split(',').map((name) => name.trim())) : undefined;
  const profile = values.quick ? PROFILES.quick : PROFILES.full;
  const seconds = Number(values.seconds);
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required (the server holding the kept benchmark database)');
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${benchDatabaseName(profile.name)}`;
  const databaseUrl = url.toString();

  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');

  const db = connect({ databaseUrl, poolMax: 2 });
  const fixtures = await findFixtures(db, profile.writes).catch((err: unknown) => {
    throw new Error(`no benchmark dataset in ${url.pathname.slice(1)} (run \`npm run bench -- --keep\` first): ${String(err)}`);
  });
  const token = (userId: number) => signToken({ userId, companyId: fixtures.companyId, scope: 'odata.read odata.write', ttlSeconds: 7200 }, BENCH_JWT_SECRET);
  const base = { fixtures, adminToken: token(fixtures.adminId), managerToken: token(fixtures.managerId) };
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), JWT_SECRET: BENCH_JWT_SECRET, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const pid = child.pid as number;
  try {
    const boot = await firstMetadata(port, base.adminToken, child, started);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idle = memoryOf(pid);
    process.stdout.write(`orgchart-odata memory (${profile.name}, ${databaseUrl.replace(/\/\/[^@]*@/, '//')}): first $metadata ${boot.toFixed(2)} s, idle RSS ${idle.rssMb.toFixed(0)} MB\n`);
    process.stdout.write('| scenario | req/s | RSS after (MB) | peak so far (MB) | V8 heap used / total, external (MB) |\n|---|---|---|---|---|\n');

    // page 50 is page-1's concern (cost of a deep skiptoken), not memory's: the first page stands in for it
    const first = firstPages(base);
    for (const scenario of buildScenarios({ ...base, page50: first })) {
      let rate: string;
      if (scenario.kind === 'missing' || (only && !only.has(scenario.name))) continue;
      if (scenario.kind === 'pull') {
        rate = `${(await fullPull(port, scenario.ours)).rowsPerSec.toFixed(0)} rows/s`;
      } else {
        const load = scenario.write ? { connections: profile.connections, amount: profile.writes } : { connections: profile.connections, durationSeconds: seconds };
        rate = (await runLoad(port, scenario.ours, load)).reqPerSec.toFixed(0);
      }
      const now = memoryOf(pid);
      const heap = await heapOf(port);
      process.stdout.write(`| ${scenario.name} | ${rate} | ${now.rssMb.toFixed(0)} | ${now.peakMb.toFixed(0)} | ${heap} |\n`);
    }
  } finally {
    child.kill('SIGTERM');
    await restoreFixtures(db, fixtures);
    await db.destroy();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench:memory: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
