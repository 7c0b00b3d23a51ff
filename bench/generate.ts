/**
 * Benchmark dataset, step 3: inserts the planned companies (dataset-plan.ts) in ONE transaction with
 * batched multi-row INSERTs (a JSON array per batch, expanded by json_populate_recordset: one bind
 * parameter, same code on PostgreSQL and PGlite). Ids are reserved from each identity sequence first, so
 * parents are known before children; teams go in level by level (the closure trigger needs the parent).
 * Project-people mappings go in only when the `mappings` table exists (migration 6), with the columns it has.
 */
import type { Knex } from 'knex';
import { planDataset, PROJECT_PEOPLE, type PlannedBenchCompany } from './dataset-plan';

export interface GenerateProgress {
  readonly phase: 'plan' | 'teams' | 'users' | 'memberships' | 'projects' | 'mappings';
  /** Rows inserted so far (all companies) and the total to insert. */
  readonly done: number;
  readonly total: number;
}

export interface GenerateOptions {
  readonly usersPerCompany: number;
  readonly teamsPerCompany: number;
  readonly membershipsPerCompany: number;
  readonly companies?: number;
  readonly seed?: number;
  /** Deepest team at least this deep (default 8). */
  readonly minDepth?: number;
  /** Projects per company (default 0), each with 3–10 project-people mappings. */
  readonly projectsPerCompany?: number;
  /** Rows per INSERT statement (default 5000). */
  readonly batchSize?: number;
  readonly onProgress?: (progress: GenerateProgress) => void;
}

export interface GeneratedCompany {
  readonly id: number;
  readonly name: string;
  readonly users: number;
  readonly teams: number;
  readonly memberships: number;
  readonly maxDepth: number;
  readonly managerSubtreeUsers: number;
  readonly projects: number;
  /** Project-people mappings inserted (0 when the mappings table does not exist). */
  readonly mappings: number;
}

export interface GeneratedDataset {
  readonly companies: readonly GeneratedCompany[];
  /** Whether the database has the mappings table (migration 6). */
  readonly mappingsTable: boolean;
  readonly loadMs: number;
}

const USER_COLUMNS = ['company_id', 'id', 'user_name', 'email', 'first_name', 'last_name', 'display_name', 'external_id',
  'organization', 'business', 'department', 'group_name', 'team_name', 'is_administrator', 'is_active', 'created_at', 'updated_at'];
const TEAM_COLUMNS = ['company_id', 'id', 'name', 'description', 'parent_id', 'created_at', 'updated_at'];
const MEMBERSHIP_COLUMNS = ['company_id', 'id', 'user_id', 'organization_team_hierarchy_id', 'created_at'];
const PROJECT_COLUMNS = ['company_id', 'id', 'project_id', 'project_name', 'external_id', 'organization', 'business', 'department',
  'group_name', 'team_name', 'project_owner', 'assets', 'created_at', 'updated_at'];
/** The agreed schema of migration 6; only those the table has are written (id is its default). */
const MAPPING_COLUMNS = ['company_id', 'attribute1', 'attribute2', 'mapping_type', 'relationship', 'project_ref', 'user_ref', 'created_at'];

/** The columns of `mappings` we write, or null when the table does not exist (yet). */
async function mappingColumns(trx: Knex | Knex.Transaction): Promise<string[] | null> {
  const result = await trx.raw(`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'mappings'`);
  const have = new Set((result.rows as Array<{ column_name: string }>).map((r) => r.column_name));
  return have.size === 0 ? null : MAPPING_COLUMNS.filter((c) => have.has(c));
}

/** Reserves `count` consecutive ids of `table`'s identity column → the first one. */
async function reserveIds(trx: Knex.Transaction, table: string, count: number): Promise<number> {
  const result = await trx.raw(
    `SELECT setval(s.seq, nextval(s.seq) + ?::bigint - 1) - ?::bigint + 1 AS first FROM (SELECT pg_get_serial_sequence(?, 'id') AS seq) s`,
    [count, count, table],
  );
  return Number((result.rows as Array<{ first: string | number }>)[0]?.first);
}

type RowObject = Record<string, unknown>;

async function insertRows(trx: Knex.Transaction, table: string, columns: readonly string[], rows: readonly RowObject[]): Promise<void> {
  const list = columns.map((c) => `"${c}"`).join(', ');
  await trx.raw(`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, ?::json)`, [JSON.stringify(rows)]);
}

async function insertCompany(
  trx: Knex.Transaction,
  company: PlannedBenchCompany,
  insert: (table: string, columns: readonly string[], rows: RowObject[]) => Promise<void>,
  mappings: readonly string[] | null,
): Promise<number> {
  const result = await trx.raw('INSERT INTO companies (name, created_at) VALUES (?, ?) RETURNING id', [company.name, company.teams[0]?.created_at ?? null]);
  const companyId = Number((result.rows as Array<{ id: number }>)[0]?.id);
  const firstTeam = await reserveIds(trx, 'organization_team_hierarchies', company.teams.length);
  const maxDepth = Math.max(...company.teams.map((t) => t.depth));
  const byLevel: RowObject[][] = Array.from({ length: maxDepth + 1 }, () => []);
  company.teams.forEach((t, i) => {
    (byLevel[t.depth] as RowObject[]).push({
      company_id: companyId, id: firstTeam + i, name: t.name, description: t.description,
      parent_id: t.parent === null ? null : firstTeam + t.parent, created_at: t.created_at, updated_at: t.created_at,
    });
  });
  for (const level of byLevel) {
    await insert('organization_team_hierarchies', TEAM_COLUMNS, level);
    // fresh statistics re-plan the trigger's and the foreign keys' cached lookups as index scans (planned
    // while the tables were empty they scan them: quadratic)
    await trx.raw('ANALYZE organization_team_hierarchies, team_closure');
  }

  const firstUser = await reserveIds(trx, 'users', company.users.length);
  await insert('users', USER_COLUMNS, company.users.map((u, i) => ({ company_id: companyId, id: firstUser + i, ...u })));

  await trx.raw('ANALYZE users');
  const firstMembership = await reserveIds(trx, 'organization_team_member_hierarchies', company.memberships.length);
  await insert('organization_team_member_hierarchies', MEMBERSHIP_COLUMNS, company.memberships.map(([user, team], i) => ({
    company_id: companyId, id: firstMembership + i, user_id: firstUser + user, organization_team_hierarchy_id: firstTeam + team,
    created_at: company.users[user]?.created_at,
  })));
  if (company.projects.length === 0) return companyId;

  const firstProject = await reserveIds(trx, 'projects', company.projects.length);
  await insert('projects', PROJECT_COLUMNS, company.projects.map(({ owner: _owner, ...p }, i) => ({ company_id: companyId, id: firstProject + i, ...p })));
  if (mappings) {
    await insert('mappings', mappings, company.projectPeople.map(({ project, user }) => ({
      company_id: companyId, attribute1: company.projects[project]?.project_id, attribute2: company.users[user]?.email,
      mapping_type: PROJECT_PEOPLE, relationship: null, project_ref: firstProject + project, user_ref: firstUser + user,
      created_at: company.projects[project]?.created_at,
    })));
  }
  return companyId;
}

/**
 * Plans and inserts the dataset in one transaction.
 *   await generateDataset(db, { usersPerCompany: 300, teamsPerCompany: 60, membershipsPerCompany: 450, projectsPerCompany: 20, seed: 7 })
 *   → { companies: [{ id: 1, name: 'Benchmark Corp 1', users: 300, teams: 60, memberships: 450, maxDepth: 9, projects: 20, mappings: 131, … }, …],
 *       mappingsTable: true, loadMs: 412 }
 */
export async function generateDataset(db: Knex, options: GenerateOptions): Promise<GeneratedDataset> {
  const started = Date.now();
  const report = options.onProgress ?? (() => {});
  const companies = options.companies ?? 2;
  report({ phase: 'plan', done: 0, total: 0 });
  const plan = planDataset({
    usersPerCompany: options.usersPerCompany,
    teamsPerCompany: options.teamsPerCompany,
    membershipsPerCompany: options.membershipsPerCompany,
    companies,
    minDepth: options.minDepth ?? 8,
    projectsPerCompany: options.projectsPerCompany ?? 0,
  }, options.seed ?? 20261124);
  const mappings = await mappingColumns(db);
  const total = plan.reduce((n, c) => n + c.users.length + c.teams.length + c.memberships.length + c.projects.length + (mappings ? c.projectPeople.length : 0), 0);
  const batchSize = options.batchSize ?? 5000;
  let done = 0;
  const ids = await db.transaction(async (trx) => {
    const insert = async (table: string, columns: readonly string[], rows: RowObject[]) => {
      const phase = table === 'users' ? 'users' : table === 'organization_team_hierarchies' ? 'teams' : table === 'projects' ? 'projects'
        : table === 'mappings' ? 'mappings' : 'memberships';
      for (let i = 0; i < rows.length; i += batchSize) {
        const batch = rows.slice(i, i + batchSize);
        await insertRows(trx, table, columns, batch);
        done += batch.length;
        report({ phase, done, total });
      }
    };
    const out: number[] = [];
    for (const company of plan) out.push(await insertCompany(trx, company, insert, mappings));
    return out;
  });
  return {
    companies: plan.map((c, i) => ({
      id: ids[i] as number, name: c.name, users: c.users.length, teams: c.teams.length, memberships: c.memberships.length,
      maxDepth: c.maxDepth, managerSubtreeUsers: c.managerSubtreeUsers, projects: c.projects.length, mappings: mappings ? c.projectPeople.length : 0,
    })),
    mappingsTable: mappings !== null,
    loadMs: Date.now() - started,
  };
}
