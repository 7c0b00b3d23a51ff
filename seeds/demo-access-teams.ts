/**
 * The demo's access teams (seed 002 Teams, entity set `Teams`; not the org chart): a fixed list per
 * company, some inactive, each with members picked deterministically from the company's users. Inserted
 * by seeds/demo.ts after the users, in the demo's transaction.
 */
import type { Knex } from 'knex';
import { DEMO_ADMIN, DEMO_FABRIKAM_ADMIN, DEMO_MANAGER, DEMO_READER } from './demo-plan';

export interface DemoAccessTeam {
  readonly name: string;
  readonly description: string | null;
  readonly active: boolean;
  /** Members named by user name, plus every `every`-th other user from `offset` (in insertion order), `most` at most. */
  readonly named: readonly string[];
  readonly every: number;
  readonly offset: number;
  readonly most: number;
}

const BASE_TIME = Date.UTC(2024, 1, 5, 9, 0, 0);
const DAY = 86_400_000;

/** Access teams per demo company name. Contoso: 10 (2 inactive); Fabrikam: 3 (1 inactive). */
export const DEMO_ACCESS_TEAMS: Readonly<Record<string, readonly DemoAccessTeam[]>> = {
  Contoso: [
    { name: 'AllAccess', description: 'Every application, every environment', active: true, named: [DEMO_ADMIN], every: 0, offset: 0, most: 0 },
    { name: 'Developers', description: 'Source, CI and the test environments', active: true, named: [DEMO_MANAGER, DEMO_READER], every: 5, offset: 3, most: 30 },
    { name: 'Database Administrators', description: 'Production databases', active: true, named: [DEMO_ADMIN], every: 23, offset: 7, most: 6 },
    { name: 'Release Managers', description: 'Deployments to production', active: true, named: [DEMO_MANAGER], every: 29, offset: 11, most: 5 },
    { name: 'Security Auditors', description: 'Read access to audit trails', active: true, named: [], every: 31, offset: 2, most: 4 },
    { name: 'Support On-Call', description: 'Incident tooling and runbooks', active: true, named: [DEMO_READER], every: 13, offset: 5, most: 12 },
    { name: 'Data Analysts', description: 'Warehouse and dashboards', active: true, named: [], every: 17, offset: 1, most: 10 },
    { name: 'Sample App Team', description: null, active: true, named: [DEMO_ADMIN], every: 0, offset: 0, most: 0 },
    { name: 'Legacy ERP Access', description: 'The old ERP, read-only since the migration', active: false, named: [DEMO_MANAGER], every: 37, offset: 4, most: 4 },
    { name: 'Contractors 2023', description: 'Last year\'s contractors', active: false, named: [], every: 41, offset: 9, most: 3 },
  ],
  Fabrikam: [
    { name: 'AllAccess', description: 'Every application, every environment', active: true, named: [DEMO_FABRIKAM_ADMIN], every: 0, offset: 0, most: 0 },
    { name: 'Warehouse Operators', description: 'Inventory and shipping', active: true, named: [], every: 4, offset: 1, most: 5 },
    { name: 'Pilot Program', description: null, active: false, named: [DEMO_FABRIKAM_ADMIN], every: 0, offset: 0, most: 0 },
  ],
};

/** `membersOf(team, ['admin', 'a', 'b', 'c'])` → the team's user names, named ones first, without repeats. */
export function membersOf(team: DemoAccessTeam, userNames: readonly string[]): string[] {
  const members = new Set(team.named.filter((name) => userNames.includes(name)));
  if (team.every > 0) {
    let picked = 0;
    for (let i = team.offset; i < userNames.length && picked < team.most; i += team.every) {
      const name = userNames[i] as string;
      if (!members.has(name)) {
        members.add(name);
        picked += 1;
      }
    }
  }
  return [...members];
}

/**
 * Inserts one company's access teams and their members:
 *   insertAccessTeams(trx, 1, 'Contoso', userIds) → 10 teams in access_teams, their links in access_team_users.
 */
export async function insertAccessTeams(trx: Knex.Transaction, companyId: number, companyName: string, userIds: ReadonlyMap<string, number>): Promise<void> {
  const teams = DEMO_ACCESS_TEAMS[companyName] ?? [];
  if (teams.length === 0) return;
  const inserted: Array<{ id: string | number; name: string }> = await trx('access_teams')
    .insert(teams.map((t, i) => {
      const at = new Date(BASE_TIME + i * DAY);
      return { company_id: companyId, name: t.name, description: t.description, active: t.active, created_at: at, updated_at: at };
    }))
    .returning(['id', 'name']);
  const userNames = [...userIds.keys()];
  const links = teams.flatMap((team, i) => {
    const teamId = inserted.find((row) => row.name === team.name)?.id;
    const at = new Date(BASE_TIME + i * DAY);
    return membersOf(team, userNames).map((name) => ({ company_id: companyId, team_id: teamId, user_id: userIds.get(name), created_at: at }));
  });
  if (links.length > 0) await trx('access_team_users').insert(links);
}
