/**
 * `npm run bench:profile -- <scenario> [seconds] [baseline]`: a CPU profile of our server under one benchmark
 * scenario's load, for finding what a slow ratio spends its time on. Starts bench/serve.ts with
 * --cpu-prof on the kept benchmark database (DATABASE_URL's server), loads it, and prints the top
 * functions by self time: ours, or with `baseline` the hand-written server's (the other server idles).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { signToken } from '../server/auth/tokens';
import { benchDatabaseName } from './database';
import type { Fixtures } from './fixtures';
import { runLoad } from './measure';
import { BENCH_JWT_SECRET, PROFILES } from './profiles';
import { buildScenarios, firstPages, prepareDelta } from './scenarios';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[] }

/** Self samples per function (name + file:line), largest first: → [['serializeCollectionChunks serialize.ts:143', 0.123], …]. */
export function topSelf(profile: CpuProfile, limit = 30): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<string, number>();
  for (const id of profile.samples) {
    const { functionName, url, lineNumber } = (byId.get(id) as ProfileNode).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([k, n]) => [k, n / profile.samples.length]);
}

async function main(): Promise<void> {
  const [name, secondsText = '15', side = 'ours'] = process.argv.slice(2);
  if (!name || !process.env.DATABASE_URL) throw new Error('usage: DATABASE_URL=… npm run bench:profile -- <scenario> [seconds]');
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${benchDatabaseName('full')}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'orgchart-profile-'));
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', path.join(__dirname, 'serve.ts')], {
    env: { ...process.env, BENCH_DATABASE_URL: url.toString() },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  const { ours, baseline, fixtures } = JSON.parse(first) as { ours: number; baseline: number; fixtures: Fixtures };
  const token = (userId: number) => signToken({ userId, companyId: fixtures.companyId, scope: 'odata.read odata.write', ttlSeconds: 7200 }, BENCH_JWT_SECRET);
  const base = { fixtures, adminToken: token(fixtures.adminId), managerToken: token(fixtures.managerId) };
  const delta = name === 'delta' ? await prepareDelta({ ours, baseline }, base) : undefined;
  const scenario = buildScenarios({ ...base, page50: firstPages(base), ...(delta ? { delta } : {}) }).find((s) => s.name === name);
  if (!scenario || scenario.kind !== 'load') throw new Error(`no load scenario ${name}`);
  const result = side === 'baseline'
    ? await runLoad(baseline, scenario.baseline, { connections: PROFILES.full.connections, durationSeconds: Number(secondsText) })
    : await runLoad(ours, scenario.ours, { connections: PROFILES.full.connections, durationSeconds: Number(secondsText) });
  child.stdin!.end();
  await new Promise((resolve) => child.once('exit', resolve));
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile')) as string;
  process.stdout.write(`${name} (${side}): ${result.reqPerSec.toFixed(0)} req/s; profile ${path.join(dir, file)}\n`);
  for (const [fn, share] of topSelf(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile)) {
    process.stdout.write(`${(share * 100).toFixed(1).padStart(5)}%  ${fn}\n`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench/profile: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
