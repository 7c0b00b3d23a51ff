/**
 * Where `npm run bench` puts its data: with DATABASE_URL, a database `orgchart_bench_<yyyymmdd>[_quick]`
 * created next to it on the same server (reused with --reuse when its data is there, dropped at the end
 * of a quick run unless --keep); without, embedded PGlite in a fresh temporary directory.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../server/db/migrate';
import { BENCH_MANAGER, PROJECT_PEOPLE } from './dataset-plan';

export interface BenchDatabase {
  readonly kind: 'postgresql' | 'pglite';
  /** Database name or PGlite directory (never a password). */
  readonly label: string;
  readonly databaseUrl?: string;
  readonly pgliteDir?: string;
  /** True when --reuse found the dataset already there (skip migrate and generate). */
  readonly reused: boolean;
  /** Drops the database / removes the directory. */
  drop(): Promise<void>;
}

export interface DatabaseRequest {
  readonly databaseUrl?: string;
  readonly profile: 'quick' | 'full';
  readonly reuse: boolean;
  /** Users and projects expected in each company for --reuse to accept the data. */
  readonly usersPerCompany: number;
  readonly projectsPerCompany: number;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Does the bench database hold a dataset of this size, on the current schema: every migration of
 * migrations/ applied (one added since, like the mappings', means a new generation), the users and projects
 * of the first company, and project-people mappings when the mappings table exists? Any error (no tables yet…) → false.
 */
async function hasDataset(url: string, usersPerCompany: number, projectsPerCompany: number): Promise<boolean> {
  try {
    return await withClient(url, async (client) => {
      const applied = new Set((await client.query('SELECT name FROM knex_migrations')).rows.map((r: { name: string }) => r.name));
      if (readdirSync(MIGRATIONS_DIR).some((file) => file.endsWith('.ts') && !applied.has(file))) return false;
      const { rows } = await client.query(
        `WITH c AS (SELECT company_id AS id FROM users WHERE user_name = $1 ORDER BY company_id LIMIT 1)
         SELECT (SELECT count(*) FROM users WHERE company_id = (SELECT id FROM c))::integer AS users,
           (SELECT count(*) FROM projects WHERE company_id = (SELECT id FROM c))::integer AS projects,
           to_regclass('mappings') IS NOT NULL AS has_mappings`,
        [BENCH_MANAGER],
      );
      const found = rows[0] as { users: number; projects: number; has_mappings: boolean };
      if (found.users !== usersPerCompany || found.projects !== projectsPerCompany) return false;
      if (!found.has_mappings || projectsPerCompany === 0) return true;
      const mapped = await client.query('SELECT 1 FROM mappings WHERE mapping_type = $1 LIMIT 1', [PROJECT_PEOPLE]);
      return mapped.rowCount === 1;
    });
  } catch {
    return false;
  }
}

/** `benchDatabaseName('quick', new Date('2026-11-24'))` → 'orgchart_bench_20261124_quick'. */
export function benchDatabaseName(profile: 'quick' | 'full', date = new Date()): string {
  return `orgchart_bench_${date.toISOString().slice(0, 10).replace(/-/g, '')}${profile === 'quick' ? '_quick' : ''}`;
}

/**
 * `prepareDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1/postgres', profile: 'quick', reuse: false, usersPerCompany: 10000, projectsPerCompany: 500 })`
 *   → { kind: 'postgresql', label: 'orgchart_bench_20261124_quick', databaseUrl: 'postgres://…/orgchart_bench_20261124_quick', reused: false, drop }
 */
export async function prepareDatabase(request: DatabaseRequest): Promise<BenchDatabase> {
  if (!request.databaseUrl) {
    const root = mkdtempSync(path.join(os.tmpdir(), 'orgchart-bench-'));
    return {
      kind: 'pglite', label: root, pgliteDir: path.join(root, 'pglite'), reused: false,
      drop: async () => rmSync(root, { recursive: true, force: true }),
    };
  }
  const name = benchDatabaseName(request.profile);
  const url = new URL(request.databaseUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const drop = () => withClient(request.databaseUrl as string, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {});
  const exists = await withClient(request.databaseUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  if (exists && request.reuse && (await hasDataset(databaseUrl, request.usersPerCompany, request.projectsPerCompany))) {
    return { kind: 'postgresql', label: name, databaseUrl, reused: true, drop };
  }
  if (exists) await drop();
  await withClient(request.databaseUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return { kind: 'postgresql', label: name, databaseUrl, reused: false, drop };
}
