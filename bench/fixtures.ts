/**
 * What the scenarios need from a generated (or reused) benchmark database, found by SQL in the serving
 * process: the company, bench.admin and bench.manager, ids to rotate through, unused (user, team) pairs
 * for the membership writes, a depth-6 team to move between two parents, owner emails of the company's
 * projects, its project-people mappings (0 without the mappings table) and the table sizes.
 * Read-only except `restoreFixtures`, which undoes the writes.
 */
import type { Knex } from 'knex';
import { BENCH_ADMIN, BENCH_MANAGER } from './dataset-plan';

export interface MoveTeamFixture {
  readonly team: number;
  /** The team's parent (depth 5) and a sibling of that parent: the move goes there and back. */
  readonly home: number;
  readonly away: number;
}

export interface Fixtures {
  readonly companyId: number;
  readonly adminId: number;
  readonly managerId: number;
  readonly managerTeamId: number;
  /** Users the manager sees (himself included). */
  readonly managerVisibleUsers: number;
  readonly pointIds: readonly number[];
  /** [userId, teamId] pairs that are not memberships yet, all in the manager's subtree. */
  readonly membershipPairs: ReadonlyArray<readonly [number, number]>;
  readonly moveTeam: MoveTeamFixture | null;
  /** Distinct ProjectOwner emails of the company's projects (up to 200, in a scattered order) for projects-owner. */
  readonly ownerEmails: readonly string[];
  /** The company's project-people mappings with both refs resolved; 0 when the mappings table does not exist. */
  readonly projectPeople: number;
  /** A team at depth 2 (the one with the most teams below it) for the descendants scenario, or null in a shallower tree. */
  readonly depth2Team: number | null;
  /** Memberships with a larger id were created by the benchmark. */
  readonly maxMembershipId: number;
  readonly sizes: Readonly<Record<string, number>>;
}

async function rows<T>(db: Knex, text: string, bindings: readonly unknown[] = []): Promise<T[]> {
  return ((await db.raw(text, bindings as Knex.RawBinding[])) as { rows: T[] }).rows;
}

const num = (v: unknown): number => Number(v);

/**
 * `await findFixtures(db, 200)` → { companyId: 1, adminId: 1, managerId: 2, managerVisibleUsers: 2769,
 *   pointIds: [1000 ids], membershipPairs: [400 pairs], moveTeam: { team: 4120, home: 2301, away: 2299 },
 *   ownerEmails: [200 emails], projectPeople: 3140, … }
 */
export async function findFixtures(db: Knex, writesPerServer: number): Promise<Fixtures> {
  const [people] = await rows<{ company_id: number; admin: string; manager: string }>(db,
    `SELECT a.company_id, a.id AS admin, m.id AS manager FROM users a JOIN users m ON m.company_id = a.company_id AND m.user_name = ?
     WHERE a.user_name = ? ORDER BY a.company_id LIMIT 1`, [BENCH_MANAGER, BENCH_ADMIN]);
  if (!people) throw new Error(`no ${BENCH_ADMIN} / ${BENCH_MANAGER} in the database: generate the benchmark dataset first`);
  const companyId = num(people.company_id);
  const managerId = num(people.manager);
  const [team] = await rows<{ team: string }>(db,
    'SELECT organization_team_hierarchy_id AS team FROM organization_team_member_hierarchies WHERE company_id = ? AND user_id = ? ORDER BY 1 LIMIT 1',
    [companyId, managerId]);
  const managerTeamId = num(team?.team);
  const [visible] = await rows<{ n: string }>(db,
    `SELECT count(DISTINCT theirs.user_id) + 1 AS n FROM team_closure c JOIN organization_team_member_hierarchies theirs
       ON theirs.company_id = c.company_id AND theirs.organization_team_hierarchy_id = c.descendant_id
     WHERE c.company_id = ? AND c.ancestor_id = ? AND theirs.user_id <> ?`, [companyId, managerTeamId, managerId]);
  const pointIds = (await rows<{ id: string }>(db,
    'SELECT id FROM users WHERE company_id = ? ORDER BY (id * 2654435761) % 1000003 LIMIT 1000', [companyId])).map((r) => num(r.id));
  const teams = 8;
  const perTeam = Math.ceil((2 * writesPerServer) / teams) + 1;
  const membershipPairs = (await rows<{ user_id: string; team_id: string }>(db,
    `SELECT u.id AS user_id, t.id AS team_id
     FROM (SELECT descendant_id AS id FROM team_closure WHERE company_id = ? AND ancestor_id = ? ORDER BY descendant_id LIMIT ?) t
     CROSS JOIN LATERAL (SELECT u.id FROM users u WHERE u.company_id = ? AND NOT EXISTS (SELECT 1 FROM organization_team_member_hierarchies m
       WHERE m.company_id = u.company_id AND m.user_id = u.id AND m.organization_team_hierarchy_id = t.id) ORDER BY u.id LIMIT ?) u
     ORDER BY u.id, t.id`, [companyId, managerTeamId, teams, companyId, perTeam])).map((r) => [num(r.user_id), num(r.team_id)] as const);
  const [move] = await rows<{ team: string; home: string; away: string }>(db,
    `SELECT t.id AS team, t.parent_id AS home, s.id AS away
     FROM team_closure sub
     JOIN organization_team_hierarchies t ON t.company_id = sub.company_id AND t.id = sub.descendant_id
     JOIN organization_team_hierarchies p ON p.company_id = t.company_id AND p.id = t.parent_id
     JOIN organization_team_hierarchies s ON s.company_id = p.company_id AND s.parent_id = p.parent_id AND s.id <> p.id
     WHERE sub.company_id = ? AND sub.ancestor_id = ?
       AND (SELECT max(depth) FROM team_closure d WHERE d.company_id = t.company_id AND d.descendant_id = t.id) = 6
     ORDER BY t.id, s.id LIMIT 1`, [companyId, managerTeamId]);
  const [depth2] = await rows<{ id: string }>(db,
    `SELECT c.descendant_id AS id FROM team_closure c JOIN organization_team_hierarchies r ON r.company_id = c.company_id AND r.id = c.ancestor_id AND r.parent_id IS NULL
     WHERE c.company_id = ? AND c.depth = 2
     ORDER BY (SELECT count(*) FROM team_closure d WHERE d.company_id = c.company_id AND d.ancestor_id = c.descendant_id) DESC, c.descendant_id LIMIT 1`, [companyId]);
  const [max] = await rows<{ id: string | null }>(db, 'SELECT max(id) AS id FROM organization_team_member_hierarchies');
  const [tables] = await rows<{ projects: boolean; mappings: boolean }>(db,
    `SELECT to_regclass('projects') IS NOT NULL AS projects, to_regclass('mappings') IS NOT NULL AS mappings`);
  const ownerEmails = tables?.projects
    ? (await rows<{ email: string }>(db,
      `SELECT email FROM (SELECT DISTINCT project_owner ->> 'Email' AS email FROM projects WHERE company_id = ? AND project_owner ->> 'Email' IS NOT NULL) o
       ORDER BY md5(email) LIMIT 200`, [companyId])).map((r) => r.email)
    : [];
  const [mapped] = tables?.mappings
    ? await rows<{ n: string }>(db,
      'SELECT count(*) AS n FROM mappings WHERE company_id = ? AND project_ref IS NOT NULL AND user_ref IS NOT NULL', [companyId])
    : [];
  const [sizes] = await rows<Record<string, string>>(db,
    `SELECT (SELECT count(*) FROM companies) AS companies, (SELECT count(*) FROM users) AS users,
       (SELECT count(*) FROM organization_team_hierarchies) AS teams, (SELECT count(*) FROM team_closure) AS closure_rows,
       (SELECT max(depth) FROM team_closure) AS max_depth, (SELECT count(*) FROM organization_team_member_hierarchies) AS memberships
       ${tables?.projects ? ', (SELECT count(*) FROM projects) AS projects' : ''}${tables?.mappings ? ', (SELECT count(*) FROM mappings) AS mappings' : ''}`);
  return {
    companyId,
    adminId: num(people.admin),
    managerId,
    managerTeamId,
    managerVisibleUsers: num(visible?.n),
    pointIds,
    membershipPairs,
    moveTeam: move ? { team: num(move.team), home: num(move.home), away: num(move.away) } : null,
    ownerEmails,
    projectPeople: num(mapped?.n ?? 0),
    depth2Team: depth2 ? num(depth2.id) : null,
    maxMembershipId: num(max?.id ?? 0),
    sizes: Object.fromEntries(Object.entries(sizes ?? {}).map(([k, v]) => [k, num(v)])),
  };
}

/** Deletes the memberships the benchmark created and puts the moved team back: → rows deleted. */
export async function restoreFixtures(db: Knex, fixtures: Fixtures): Promise<number> {
  const deleted = await db('organization_team_member_hierarchies').where('company_id', fixtures.companyId).andWhere('id', '>', fixtures.maxMembershipId).delete();
  const move = fixtures.moveTeam;
  if (move) {
    await db('organization_team_hierarchies').where({ company_id: fixtures.companyId, id: move.team }).whereNot('parent_id', move.home).update({ parent_id: move.home });
  }
  return deleted;
}
