/**
 * Inserts the demo organisation (seeds/demo-plan.ts) in one transaction with batch inserts: companies,
 * then teams one level at a time (parent first, so the team_closure trigger sees the parent), users,
 * memberships. Used by `orgchart seed --demo`, `npm start` on an empty database, and specs.
 */
import type { Knex } from 'knex';
import {
  buildDemoPlan, DEMO_ADMIN, DEMO_FABRIKAM_ADMIN, DEMO_MANAGER, DEMO_MANAGER_TEAM, DEMO_READER, DEMO_READER_TEAM,
  type PlannedCompany,
} from './demo-plan';
import { insertDemoProjects } from './demo-projects';
import { insertAccessTeams } from './demo-access-teams';
import { insertDemoMappings } from './demo-mappings';

export {
  DEMO_ADMIN, DEMO_FABRIKAM_ADMIN, DEMO_MANAGER, DEMO_MANAGER_TEAM, DEMO_READER, DEMO_READER_TEAM,
} from './demo-plan';

export const DEMO_COMPANY_NAMES = { contoso: 'Contoso', fabrikam: 'Fabrikam' } as const;

/** Ids of what tests and the README rely on. On a fresh database: companies 1 and 2, admin is user 1. */
export interface DemoSummary {
  readonly companies: { readonly contoso: number; readonly fabrikam: number };
  readonly users: {
    readonly admin: number; readonly aliceManager: number; readonly bobReader: number; readonly fabrikamAdmin: number;
  };
  readonly teams: { readonly contoso: number; readonly engineering: number; readonly apiGateway: number; readonly fabrikam: number };
}

type IdByName = Map<string, number>;

async function insertCompany(trx: Knex.Transaction, companyId: number, company: PlannedCompany) {
  const teamIds: IdByName = new Map();
  const maxDepth = Math.max(...company.teams.map((t) => t.depth));
  for (let depth = 0; depth <= maxDepth; depth++) {
    const level = company.teams.filter((t) => t.depth === depth);
    const inserted: Array<{ id: string; name: string }> = await trx('organization_team_hierarchies')
      .insert(level.map((t) => ({
        company_id: companyId,
        name: t.name,
        description: t.description,
        parent_id: t.parentName === null ? null : teamIds.get(t.parentName),
        created_at: t.created_at,
        updated_at: t.created_at,
      })))
      .returning(['id', 'name']);
    for (const row of inserted) teamIds.set(row.name, Number(row.id));
  }
  const users: Array<{ id: string; user_name: string }> = await trx('users')
    .insert(company.users.map((u) => ({ company_id: companyId, ...u.row })))
    .returning(['id', 'user_name']);
  const userIds: IdByName = new Map(users.map((u) => [u.user_name, Number(u.id)]));
  const memberships = company.users.flatMap((u) =>
    u.teamNames.map((teamName) => ({
      company_id: companyId,
      user_id: userIds.get(u.row.user_name),
      organization_team_hierarchy_id: teamIds.get(teamName),
      created_at: u.row.created_at,
    })),
  );
  await trx('organization_team_member_hierarchies').insert(memberships);
  return { teamIds, userIds };
}

function required(map: IdByName, name: string): number {
  const id = map.get(name);
  if (id === undefined) throw new Error(`demo seed: "${name}" is missing`);
  return id;
}

async function insertDemo(trx: Knex.Transaction): Promise<DemoSummary> {
  const plan = buildDemoPlan();
  const companies: Array<{ id: number; name: string }> = await trx('companies')
    .insert(plan.map((c) => ({ name: c.name, created_at: c.created_at })))
    .returning(['id', 'name']);
  const companyIds: IdByName = new Map(companies.map((c) => [c.name, c.id]));
  const [contoso, fabrikam] = [DEMO_COMPANY_NAMES.contoso, DEMO_COMPANY_NAMES.fabrikam].map((n) => required(companyIds, n)) as [number, number];
  const ids = [];
  for (const company of plan) {
    ids.push(await insertCompany(trx, required(companyIds, company.name), company));
    await insertAccessTeams(trx, required(companyIds, company.name), company.name, (ids[ids.length - 1] as Awaited<ReturnType<typeof insertCompany>>).userIds);
    await insertDemoProjects(trx, required(companyIds, company.name), company);
    await insertDemoMappings(trx, required(companyIds, company.name), company);
  }
  const [c, f] = ids as [Awaited<ReturnType<typeof insertCompany>>, Awaited<ReturnType<typeof insertCompany>>];
  return {
    companies: { contoso, fabrikam },
    users: {
      admin: required(c.userIds, DEMO_ADMIN),
      aliceManager: required(c.userIds, DEMO_MANAGER),
      bobReader: required(c.userIds, DEMO_READER),
      fabrikamAdmin: required(f.userIds, DEMO_FABRIKAM_ADMIN),
    },
    teams: {
      contoso: required(c.teamIds, DEMO_COMPANY_NAMES.contoso),
      engineering: required(c.teamIds, DEMO_MANAGER_TEAM),
      apiGateway: required(c.teamIds, DEMO_READER_TEAM),
      fabrikam: required(f.teamIds, DEMO_COMPANY_NAMES.fabrikam),
    },
  };
}

/**
 * Seeds the demo organisation in one transaction (a savepoint when `db` is already a transaction).
 * `await seedDemo(db)` on a fresh database →
 *   { companies: { contoso: 1, fabrikam: 2 }, users: { admin: 1, aliceManager: 2, bobReader: 3, fabrikamAdmin: 228 }, teams: … }
 */
export async function seedDemo(db: Knex): Promise<DemoSummary> {
  return db.transaction((trx) => insertDemo(trx));
}

/**
 * Seeds only when the companies table is empty; true when it seeded. Concurrent callers serialise on a
 * transaction-scoped advisory lock, so two servers starting together seed once.
 */
export async function seedDemoIfEmpty(db: Knex): Promise<boolean> {
  return db.transaction(async (trx) => {
    await trx.raw("SELECT pg_advisory_xact_lock(hashtext('orgchart:seed-demo'))");
    const existing = await trx('companies').first('id');
    if (existing) return false;
    await insertDemo(trx);
    return true;
  });
}

/**
 * Finds the demo's well-known ids in an already seeded database (for `npm start` printing tokens):
 * → DemoSummary, or null when the demo companies or users are not there.
 */
export async function loadDemoSummary(db: Knex): Promise<DemoSummary | null> {
  const rows: Array<{ kind: string; company: string; name: string; id: string | number }> = await db
    .select(db.raw("'company' AS kind"), 'name AS company', 'name', 'id')
    .from('companies')
    .unionAll((q) => q.select(db.raw("'user'"), 'c.name', 'u.user_name', 'u.id').from('users AS u').join('companies AS c', 'c.id', 'u.company_id')
      .whereIn('u.user_name', [DEMO_ADMIN, DEMO_MANAGER, DEMO_READER, DEMO_FABRIKAM_ADMIN]))
    .unionAll((q) => q.select(db.raw("'team'"), 'c.name', 't.name', 't.id').from('organization_team_hierarchies AS t')
      .join('companies AS c', 'c.id', 't.company_id')
      .whereIn('t.name', [DEMO_COMPANY_NAMES.contoso, DEMO_COMPANY_NAMES.fabrikam, DEMO_MANAGER_TEAM, DEMO_READER_TEAM]))
    .orderBy('id');
  const find = (kind: string, company: string, name: string): number | undefined => {
    const row = rows.find((r) => r.kind === kind && r.company === company && r.name === name);
    return row === undefined ? undefined : Number(row.id);
  };
  const { contoso: C, fabrikam: F } = DEMO_COMPANY_NAMES;
  const values = {
    companies: { contoso: find('company', C, C), fabrikam: find('company', F, F) },
    users: {
      admin: find('user', C, DEMO_ADMIN), aliceManager: find('user', C, DEMO_MANAGER),
      bobReader: find('user', C, DEMO_READER), fabrikamAdmin: find('user', F, DEMO_FABRIKAM_ADMIN),
    },
    teams: {
      contoso: find('team', C, C), engineering: find('team', C, DEMO_MANAGER_TEAM),
      apiGateway: find('team', C, DEMO_READER_TEAM), fabrikam: find('team', F, F),
    },
  };
  const complete = Object.values(values).every((group) => Object.values(group).every((v) => v !== undefined));
  return complete ? (values as DemoSummary) : null;
}
