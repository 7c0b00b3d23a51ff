/**
 * `npm run bench [-- --quick] [--connections N] [--duration S] [--reuse] [--keep] [--only point,page-1,abuse]`: prepares the database
 * (DATABASE_URL → a fresh orgchart_bench_<date> next to it; else PGlite in a temp dir), migrates, generates
 * the dataset, starts bench/serve.ts (our app + the hand-written baseline, one process), drives every
 * scenario with autocannon from THIS process, then the `abuse` scenario (bench/abuse.ts), and writes
 * bench/results/<ISO date>.json + a Markdown table.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signToken } from '../server/auth/tokens';
import { connect } from '../server/db/connect';
import { migrateLatest } from '../server/db/migrate';
import { ABUSE_SCENARIO, measureAbuse } from './abuse';
import type { AncestorCheck } from './ancestor-check';
import { prepareDatabase, type BenchDatabase } from './database';
import type { Fixtures } from './fixtures';
import { generateDataset } from './generate';
import { alternatingLoads, fullPull, medianPull, pageRequest, probe, runLoad, type LoadResult, type Probe, type PullResult } from './measure';
import { BENCH_JWT_SECRET, BENCH_SEED, PROFILES, withOverrides, type Profile } from './profiles';
import { loadProgress } from './progress';
import { deriveFindings, renderMarkdown, writeReport, type BenchReport, type ScenarioOutcome } from './report';
import { buildScenarios, firstPages, prepareDelta, type Scenario } from './scenarios';

const log = (line: string) => process.stderr.write(`${line}\n`);
/** Writes each server makes before a write scenario is measured (its pairs are fixtures too). */
const WRITE_WARM_UP = 40;

interface Served {
  readonly ours: number;
  readonly baseline: number;
  readonly fixtures: Fixtures;
}

/** Starts bench/serve.ts and waits for its JSON line. */
function startServer(database: BenchDatabase, profile: Profile): { child: ChildProcess; ready: Promise<Served> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(__dirname, 'serve.ts')], {
    cwd: path.resolve(__dirname, '..'),
    stdio: ['pipe', 'pipe', 'inherit'],
    env: {
      ...process.env,
      BENCH_DATABASE_URL: database.databaseUrl ?? '',
      BENCH_PGLITE_DIR: database.pgliteDir ?? '',
      BENCH_POOL_MAX: String(profile.poolMax),
      BENCH_WRITES: String(profile.writes + WRITE_WARM_UP),
    },
  });
  const ready = new Promise<Served>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolve(JSON.parse(buffered.slice(0, newline)) as Served);
    });
    child.once('exit', (code) => reject(new Error(`bench/serve.ts exited with code ${code} before it was ready`)));
  });
  return { child, ready };
}

async function getJson<T>(port: number, route: string, method = 'GET'): Promise<T> {
  return (await (await fetch(`http://127.0.0.1:${port}${route}`, { method })).json()) as T;
}

function agreement(ours: Probe, baseline: Probe): string {
  if (ours.status !== 200 || baseline.status !== 200) return `status ${ours.status} vs ${baseline.status}`;
  if (ours.count !== baseline.count) return `count ${ours.count} vs ${baseline.count}`;
  if (ours.entities !== baseline.entities) return `entities at any depth ${ours.entities} vs ${baseline.entities}`;
  if (ours.values !== baseline.values) return `aggregated rows differ (${ours.values?.slice(0, 80) ?? 'none'} vs ${baseline.values?.slice(0, 80) ?? 'none'})`;
  if (JSON.stringify(ours.ids) !== JSON.stringify(baseline.ids)) {
    return `rows differ (${ours.ids?.length ?? 0} vs ${baseline.ids?.length ?? 0}; first ids ${ours.ids?.slice(0, 3).join(',')} vs ${baseline.ids?.slice(0, 3).join(',')})`;
  }
  return 'same';
}

const perSec = (r: LoadResult) => `${r.reqPerSec.toFixed(0)} req/s (p50 ${r.p50Ms} ms)`;

async function runScenario(scenario: Scenario, served: Served, profile: Profile): Promise<ScenarioOutcome> {
  const { name, what } = scenario;
  if (scenario.kind === 'missing') return { name, what, kind: 'missing' };
  if (scenario.kind === 'pull') {
    // a pull is one long request chain: alternate the servers for several rounds and keep the median
    const rounds: { ours: PullResult; baseline: PullResult }[] = [];
    for (let round = 0; round < profile.pullRounds; round += 1) {
      rounds.push({ ours: await fullPull(served.ours, scenario.ours), baseline: await fullPull(served.baseline, scenario.baseline) });
    }
    const ours = medianPull(rounds.map((r) => r.ours));
    const baseline = medianPull(rounds.map((r) => r.baseline));
    log(`  ${name}: ours ${ours.rowsPerSec.toFixed(0)} rows/s, baseline ${baseline.rowsPerSec.toFixed(0)} rows/s (median of ${profile.pullRounds})`);
    const same = ours.rows === baseline.rows ? 'same' : `rows ${ours.rows} vs ${baseline.rows}`;
    return { name, what, kind: 'pull', pull: { ours, baseline }, ratio: ours.rowsPerSec / baseline.rowsPerSec, agreement: same };
  }
  let same: string | undefined;
  if (!scenario.write) same = agreement(await probe(served.ours, scenario.ours()), await probe(served.baseline, scenario.baseline()));
  // warm-up: reads for a while, writes a few requests each (unique ones: the fixtures hold enough pairs)
  const warmUp = scenario.write ? { connections: profile.connections, amount: WRITE_WARM_UP } : { connections: profile.connections, durationSeconds: profile.warmUpSeconds };
  await runLoad(served.ours, scenario.ours, warmUp);
  await runLoad(served.baseline, scenario.baseline, warmUp);
  // alternating rounds (a busy moment hits both): reads of a few seconds, writes of a fixed number each
  const { ours, baseline, ratios } = await alternatingLoads(served, scenario, {
    connections: profile.connections, rounds: profile.loadRounds, roundSeconds: Math.max(1, Math.round(profile.durationSeconds / profile.loadRounds)),
    ...(scenario.write ? { roundAmount: Math.ceil(profile.writes / profile.loadRounds) } : {}),
  });
  const spread = ratios ? ` (rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})` : '';
  log(`  ${name}: ours ${perSec(ours)}, baseline ${perSec(baseline)}, ratio ${(ours.reqPerSec / baseline.reqPerSec).toFixed(2)}${spread}${same && same !== 'same' ? ` ⚠ ${same}` : ''}`);
  return { name, what, kind: 'load', ours, baseline, ratio: ours.reqPerSec / baseline.reqPerSec, ...(ratios ? { roundRatios: ratios } : {}), ...(same ? { agreement: same } : {}) };
}

function parseOptions(): { profile: Profile; reuse: boolean; keep: boolean; only?: ReadonlySet<string> } {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      connections: { type: 'string' },
      duration: { type: 'string' },
      reuse: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const positive = (flag: string, raw?: string) => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${flag} must be a positive number, got "${raw}"`);
    return n;
  };
  const profile = withOverrides(values.quick ? PROFILES.quick : PROFILES.full, {
    connections: positive('connections', values.connections),
    durationSeconds: positive('duration', values.duration),
  });
  const only = values.only === undefined ? undefined : new Set(values.only.split(',').map((name) => name.trim()));
  return { profile, reuse: values.reuse, keep: values.keep, only };
}

async function main(): Promise<void> {
  const { profile, reuse, keep, only } = parseOptions();
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const database = await prepareDatabase({ databaseUrl: process.env.DATABASE_URL, profile: profile.name, reuse, usersPerCompany: profile.usersPerCompany, projectsPerCompany: profile.projectsPerCompany });
  log(`orgchart-odata bench (${profile.name}) on ${database.kind}: ${database.label}${database.reused ? ' (reused)' : ''}`);
  const timings = { migrateMs: null as number | null, generateMs: null as number | null, analyzeMs: null as number | null };
  let child: ChildProcess | undefined;
  try {
    if (!database.reused) {
      const db = connect({ databaseUrl: database.databaseUrl, pgliteDir: database.pgliteDir });
      try {
        let t = Date.now();
        await migrateLatest(db);
        timings.migrateMs = Date.now() - t;
        const bar = loadProgress();
        const generated = await generateDataset(db, { ...profile, seed: BENCH_SEED, onProgress: (p) => bar.update(p) });
        bar.stop();
        timings.generateMs = generated.loadMs;
        t = Date.now();
        await db.raw('VACUUM ANALYZE');
        timings.analyzeMs = Date.now() - t;
        log(`  loaded in ${(generated.loadMs / 1000).toFixed(1)} s (+ VACUUM ANALYZE ${(timings.analyzeMs / 1000).toFixed(1)} s); deepest team: ${generated.companies.map((c) => c.maxDepth).join(', ')}`);
      } finally {
        await db.destroy();
      }
    }
    const server = startServer(database, profile);
    child = server.child;
    const served = await server.ready;
    const { fixtures } = served;
    const token = (userId: number, scope = 'odata.read odata.write') => signToken({ userId, companyId: fixtures.companyId, scope, ttlSeconds: 7200 }, BENCH_JWT_SECRET);
    const base = { fixtures, adminToken: token(fixtures.adminId), managerToken: token(fixtures.managerId) };
    const afterStart = await getJson<{ rss: number }>(served.baseline, '/__rss');
    const first = firstPages(base);
    const page50 = { ours: await pageRequest(served.ours, first.ours, 50), baseline: await pageRequest(served.baseline, first.baseline, 50) };
    // the delta scenario: a full read that ends with a delta link (ours) or a snapshot (the baseline), then the changes
    const delta = !only || only.has('delta') ? await prepareDelta(served, base, log) : undefined;
    const outcomes: ScenarioOutcome[] = [];
    const all = buildScenarios({ ...base, page50, ...(delta ? { delta } : {}) });
    const unknown = [...(only ?? [])].filter((name) => name !== ABUSE_SCENARIO && !all.some((s) => s.name === name));
    if (unknown.length > 0) throw new Error(`--only: unknown scenario ${unknown.join(', ')} (known: ${[...all.map((s) => s.name), ABUSE_SCENARIO].join(', ')})`);
    for (const scenario of all.filter((s) => !only || only.has(s.name))) outcomes.push(await runScenario(scenario, served, profile));
    await getJson(served.baseline, '/__restore', 'POST');
    const ancestorCheck = await getJson<AncestorCheck | null>(served.baseline, '/__ancestor-check');
    if (ancestorCheck) log(`  ancestor check at depth ${ancestorCheck.depth}: median ${ancestorCheck.medianMs.toFixed(2)} ms, p99 ${ancestorCheck.p99Ms.toFixed(2)} ms`);
    // last: read-only, and the attack's cut-off requests may still hold database connections for a while
    const abuse = !only || only.has(ABUSE_SCENARIO)
      ? await measureAbuse(served, { fixtures, adminToken: base.adminToken, attackerToken: token(fixtures.managerId, 'odata.read') }, profile, log)
      : undefined;
    const atEnd = await getJson<{ rss: number; peakRss: number }>(served.baseline, '/__rss');
    const report: BenchReport = {
      startedAt,
      finishedAt: new Date().toISOString(),
      profile: { name: profile.name, connections: profile.connections, durationSeconds: profile.durationSeconds, loadRounds: profile.loadRounds, writes: profile.writes },
      database: { kind: database.kind, label: database.label, reused: database.reused },
      machine: { node: process.version, cpus: os.cpus().length },
      sizes: fixtures.sizes,
      managerVisibleUsers: fixtures.managerVisibleUsers,
      timings: { ...timings, totalMs: Date.now() - started },
      rssBytes: { afterStart: afterStart.rss, atEnd: atEnd.rss, peak: atEnd.peakRss },
      scenarios: outcomes,
      ancestorCheck,
      ...(abuse ? { abuse } : {}),
      ...deriveFindings(outcomes, ancestorCheck, abuse),
    };
    const file = writeReport(report);
    process.stdout.write(`\n${renderMarkdown(report)}\nwritten to ${path.relative(process.cwd(), file)}\n`);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.stdin?.end();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    const dropIt = !keep && (database.kind === 'pglite' || profile.name === 'quick') && !database.reused;
    if (dropIt) await database.drop();
    else log(`  kept ${database.kind === 'pglite' ? 'PGlite directory' : 'database'} ${database.label}${database.kind === 'postgresql' ? ' (npm run bench -- --reuse uses it again)' : ''}`);
  }
}

main().catch((err: unknown) => {
  log(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
