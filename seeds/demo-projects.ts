/**
 * The demo's projects (seed 000 "Projects"): deterministic from the company's planned people, who own
 * them (names and emails as in Users), with assets — repositories on several platforms and services with
 * their dependencies. Pure planning plus one batch insert, called by seeds/demo.ts after a company's users.
 */
import type { Knex } from 'knex';
import type { PlannedCompany } from './demo-plan';
import { mulberry32 } from './prng';

/** Projects per demo company, and the first ProjectId of each (Contoso's first is seed 000's '2322345'). */
export const DEMO_PROJECTS: Readonly<Record<string, { readonly count: number; readonly firstId: number; readonly prefix: string; readonly seed: number }>> = {
  Contoso: { count: 48, firstId: 2322345, prefix: '', seed: 0x9a0e1 },
  Fabrikam: { count: 4, firstId: 100, prefix: 'FAB-', seed: 0x9a0e2 },
};

const ADJECTIVES = ['Phase 2', 'Atlas', 'Blue', 'Nimbus', 'Orion', 'Quartz', 'Falcon', 'Harbor', 'Summit', 'Aurora', 'Cobalt', 'Delta'];
const NOUNS = ['Portal', 'Pipeline', 'Gateway', 'Insights', 'Billing', 'Search', 'Identity', 'Mobile App', 'Data Lake', 'Scheduler'];
const PLATFORMS = ['github.com', 'github.com', 'gitlab.com', 'bitbucket.org', 'dev.azure.com'];
const SERVICES = ['ha-proxy', 'postgres', 'redis', 'kafka', 'auth-api', 'search-api', 'billing-api', 'web-frontend', 'scheduler', 'object-store'];

/** A projects row without company_id and id. */
export interface PlannedProject {
  readonly project_id: string;
  readonly project_name: string;
  readonly external_id: string;
  readonly organization: string | null;
  readonly business: string | null;
  readonly department: string | null;
  readonly group_name: string | null;
  readonly team_name: string | null;
  readonly project_owner: { FirstName: string | null; LastName: string | null; Email: string | null } | null;
  readonly assets: {
    Repositories: Array<{ Name: string; Platform: string; Url: string }>;
    Services: Array<{ Name: string; Identifier: string; ExternalId: string; Dependencies: string[] }>;
  } | null;
  readonly created_at: Date;
  readonly updated_at: Date;
}

/** A stable UUID-shaped external id from the PRNG: `'25ce97e1-549b-4f31-bd01-80490847f8a6'`-like. */
function externalId(next: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
}

/**
 * The projects of a planned company: `buildDemoProjects(contoso)` → 48 projects, ProjectId '2322345'… owned
 * by people of the company (the first by alice.manager), every 7th without assets, every 11th without owner.
 */
export function buildDemoProjects(company: PlannedCompany): PlannedProject[] {
  const spec = DEMO_PROJECTS[company.name];
  if (!spec) return [];
  const rng = mulberry32(spec.seed);
  const people = company.users.filter((u) => u.row.email !== null && !u.row.is_administrator);
  const projects: PlannedProject[] = [];
  for (let i = 0; i < spec.count; i += 1) {
    const owner = (i === 0 ? people[0] : rng.pick(people))?.row;
    const name = `${ADJECTIVES[i % ADJECTIVES.length] as string} ${NOUNS[Math.floor(i / ADJECTIVES.length + i) % NOUNS.length] as string}`;
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const repositories = Array.from({ length: i % 4 === 0 ? 3 : 1 + rng.int(2) }, (_, r) => {
      const platform = rng.pick(PLATFORMS);
      const repo = r === 0 ? slug : `${slug}-${['api', 'infra', 'docs'][r - 1] ?? r}`;
      return { Name: repo, Platform: platform, Url: `https://${platform}/${company.name}/${repo}.git` };
    });
    const services = Array.from({ length: i % 5 === 0 ? 4 : rng.int(3) }, (_, s) => {
      const service = SERVICES[(i + s * 3) % SERVICES.length] as string;
      const dependencies = SERVICES.filter((d) => d !== service && rng.chance(0.2)).slice(0, 3);
      return { Name: service, Identifier: `${service.replace(/-/g, '').slice(0, 6)}${String(i).padStart(2, '0')}`, ExternalId: externalId(rng.next), Dependencies: dependencies };
    });
    const created = new Date(company.created_at.getTime() + (i + 1) * 86_400_000);
    projects.push({
      project_id: `${spec.prefix}${spec.firstId + i}`,
      project_name: name,
      external_id: externalId(rng.next),
      organization: company.name,
      business: owner?.business ?? null,
      department: owner?.department ?? null,
      group_name: owner?.group_name ?? null,
      team_name: owner?.team_name ?? null,
      project_owner: i % 11 === 10 || !owner ? null : { FirstName: owner.first_name, LastName: owner.last_name, Email: owner.email },
      assets: i % 7 === 6 ? null : { Repositories: repositories, Services: services },
      created_at: created,
      updated_at: created,
    });
  }
  return projects;
}

/** Inserts the company's demo projects (one statement); → how many. */
export async function insertDemoProjects(trx: Knex.Transaction, companyId: number, company: PlannedCompany): Promise<number> {
  const projects = buildDemoProjects(company);
  if (projects.length === 0) return 0;
  await trx('projects').insert(projects.map((p) => ({
    company_id: companyId,
    ...p,
    project_owner: p.project_owner === null ? null : JSON.stringify(p.project_owner),
    assets: p.assets === null ? null : JSON.stringify(p.assets),
  })));
  return projects.length;
}
