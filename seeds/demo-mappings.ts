/**
 * The demo's mappings (seed 000 "Mappings"): project-people mappings that put several of the company's
 * people on each demo project (some people on several projects, alice.manager on the first three), and
 * org-hierarchy mappings mirroring the org chart (each team under its parent, typed by depth). Pure
 * planning plus one batch insert, called by seeds/demo.ts after a company's users and projects.
 */
import type { Knex } from 'knex';
import { ORG_HIERARCHY, PROJECT_PEOPLE, type ORG_UNIT_TYPES } from '../odata/model/entity-sets';
import type { PlannedCompany } from './demo-plan';
import { buildDemoProjects } from './demo-projects';
import { mulberry32 } from './prng';

/** The org-hierarchy type of a team by its depth: the company's root team is 'root', then business, department, group, team. */
const TYPE_BY_DEPTH: ReadonlyArray<(typeof ORG_UNIT_TYPES)[number]> = ['root', 'business', 'department', 'group', 'team'];

/** A mappings row without company_id, id and the resolved references. */
export interface PlannedMapping {
  readonly attribute1: string;
  readonly attribute2: string;
  readonly mapping_type: string;
  readonly relationship: string;
}

/** `orgUnitType(0)` → 'root'; `orgUnitType(7)` → 'team' (deeper levels are teams too). */
export function orgUnitType(depth: number): string {
  return TYPE_BY_DEPTH[Math.min(depth, TYPE_BY_DEPTH.length - 1)] as string;
}

/**
 * The mappings of a planned company: `buildDemoMappings(contoso)` → project-people mappings ('2322345' ↔
 * 'alice.manager@contoso.example', many-to-many, …: 2–5 people per project, drawn from 40 people so that many
 * are on several projects), then one org-hierarchy mapping per non-root team ('Contoso' ↔ 'Engineering', 'root-business').
 */
export function buildDemoMappings(company: PlannedCompany): PlannedMapping[] {
  const rng = mulberry32(0x3a99 + company.users.length);
  const people = company.users.filter((u) => u.row.email !== null && !u.row.is_administrator).slice(0, 40);
  const mappings: PlannedMapping[] = [];
  buildDemoProjects(company).forEach((project, i) => {
    const members = new Set<string>();
    if (i < 3 && people[0]) members.add(people[0].row.email as string);
    const wanted = 2 + rng.int(4);
    while (members.size < Math.min(wanted, people.length)) members.add(rng.pick(people).row.email as string);
    for (const email of members) mappings.push({ attribute1: project.project_id, attribute2: email, mapping_type: PROJECT_PEOPLE, relationship: 'many-to-many' });
  });
  const depthOf = new Map(company.teams.map((t) => [t.name, t.depth]));
  for (const team of company.teams) {
    if (team.parentName === null) continue;
    const parentType = orgUnitType(depthOf.get(team.parentName) ?? 0);
    mappings.push({ attribute1: team.parentName, attribute2: team.name, mapping_type: ORG_HIERARCHY, relationship: `${parentType}-${orgUnitType(team.depth)}` });
  }
  return mappings;
}

/** Inserts the company's demo mappings, project-people ones with their project_ref/user_ref (one statement); → how many. */
export async function insertDemoMappings(trx: Knex.Transaction, companyId: number, company: PlannedCompany): Promise<number> {
  const mappings = buildDemoMappings(company);
  if (mappings.length === 0) return 0;
  const projects = (await trx('projects').where({ company_id: companyId }).select('id', 'project_id')) as Array<{ id: string | number; project_id: string }>;
  const users = (await trx('users').where({ company_id: companyId }).whereNotNull('email').select('id', 'email')) as Array<{ id: string | number; email: string }>;
  const projectIds = new Map(projects.map((p) => [p.project_id, p.id]));
  const userIds = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
  await trx('mappings').insert(mappings.map((m) => {
    const resolved = m.mapping_type === PROJECT_PEOPLE;
    const projectRef = resolved ? projectIds.get(m.attribute1) : undefined;
    const userRef = resolved ? userIds.get(m.attribute2.toLowerCase()) : undefined;
    if (resolved && (projectRef === undefined || userRef === undefined)) throw new Error(`demo seed: mapping ${m.attribute1} ↔ ${m.attribute2} does not resolve`);
    return { company_id: companyId, ...m, project_ref: projectRef ?? null, user_ref: userRef ?? null, created_at: company.created_at };
  }));
  return mappings.length;
}
