/**
 * The hand-written SQL the baseline server runs: ONE statement per request, with the same company scope,
 * the same non-admin visibility rule (himself + members of teams in the subtrees of his teams, through
 * team_closure) and, for writes, the same authorization checks and audit row. PostgreSQL placeholders
 * ($1…); pure text, no I/O. Compare with what server/db/compile-read.ts emits for the same request.
 */

const USER_COLUMNS = `u.id AS "Id", u.company_id AS "CompanyId", u.user_name AS "UserName", u.email AS "Email",
  u.first_name AS "FirstName", u.last_name AS "LastName", u.display_name AS "DisplayName", u.external_id AS "ExternalId",
  u.organization AS "Organization", u.business AS "Business", u.department AS "Department", u.group_name AS "Group",
  u.team_name AS "Team", u.is_administrator AS "IsAdministrator", u.is_active AS "IsActive", u.created_at AS "CreatedAt",
  u.updated_at AS "UpdatedAt", u.row_version AS "RowVersion"`;

/**
 * `visibleTo('$3', '$1')` → "AND u.id IN (SELECT $3::bigint UNION ALL SELECT theirs.user_id …)": the caller
 * and every member of a team at or below one of the caller's teams.
 */
function visibleTo(user: string, company: string): string {
  return `AND u.id IN (SELECT ${user}::bigint UNION ALL
    SELECT theirs.user_id FROM organization_team_member_hierarchies mine
    JOIN team_closure c ON c.company_id = mine.company_id AND c.ancestor_id = mine.organization_team_hierarchy_id
    JOIN organization_team_member_hierarchies theirs ON theirs.company_id = c.company_id AND theirs.organization_team_hierarchy_id = c.descendant_id
    WHERE mine.company_id = ${company} AND mine.user_id = ${user}::bigint)`;
}

/** A statement for administrators and one for a non-admin caller (whose id is the last parameter). */
export interface ScopedSql {
  readonly admin: string;
  readonly visible: string;
}

function scoped(build: (visibility: string) => string, userParam: string): ScopedSql {
  return { admin: build(''), visible: build(visibleTo(userParam, '$1')) };
}

/** Users(<id>): $1 company, $2 id [, $3 caller]. */
export const USER_BY_ID = scoped((v) => `SELECT ${USER_COLUMNS} FROM users u WHERE u.company_id = $1 AND u.id = $2 ${v}`, '$3');

/**
 * startswith(LastName, …) ordered by LastName, FirstName: $1 company, $2 'Sm%', $3 limit [, $4 caller]. Ordered by
 * `last_name || ''` so that the prefix range is read from users_by_last_name_prefix and sorted, rather than the
 * name index walked from 'A' (the same choice our compiler makes; 60 ms → 5 ms at 100k users).
 */
export const USERS_BY_LAST_NAME_PREFIX = scoped(
  (v) => `SELECT ${USER_COLUMNS} FROM users u WHERE u.company_id = $1 AND u.last_name LIKE $2 ${v}
    ORDER BY (u.last_name || '') NULLS FIRST, u.first_name NULLS FIRST, u.id LIMIT $3`,
  '$4',
);

/** contains(tolower(DisplayName), …) in key order: $1 company, $2 '%ann%', $3 limit [, $4 caller]. */
export const USERS_DISPLAY_NAME_CONTAINS = scoped(
  (v) => `SELECT ${USER_COLUMNS} FROM users u WHERE u.company_id = $1 AND lower(u.display_name) LIKE $2 ${v} ORDER BY u.id LIMIT $3`,
  '$4',
);

/** A keyset page in key order: $1 company, $2 last id of the previous page (0 for the first), $3 limit [, $4 caller]. */
export const USERS_PAGE = scoped(
  (v) => `SELECT ${USER_COLUMNS} FROM users u WHERE u.company_id = $1 AND u.id > $2 ${v} ORDER BY u.id LIMIT $3`,
  '$4',
);

/** Department eq …, counted: $1 company, $2 department [, $3 caller]. */
export const COUNT_USERS_IN_DEPARTMENT = scoped(
  (v) => `SELECT count(*)::integer AS count FROM users u WHERE u.company_id = $1 AND u.department = $2 ${v}`,
  '$3',
);

/** Checks "is $caller a member of team $team or of a team above it" (depth >= $minDepth: 1 = strict). */
function memberAbove(team: string, caller: string, minDepth: number): string {
  return `EXISTS (SELECT 1 FROM team_closure c JOIN organization_team_member_hierarchies m
    ON m.company_id = c.company_id AND m.organization_team_hierarchy_id = c.ancestor_id
    WHERE c.company_id = $1 AND c.descendant_id = ${team} AND c.depth >= ${minDepth} AND m.user_id = ${caller})`;
}

/**
 * A non-admin adds a membership (member of the team or above), with its audit row:
 * $1 company, $2 user, $3 team, $4 caller → the created row, or no row when not allowed.
 */
export const INSERT_MEMBERSHIP = `WITH created AS (
    INSERT INTO organization_team_member_hierarchies (company_id, user_id, organization_team_hierarchy_id)
    SELECT $1, $2, $3 WHERE ${memberAbove('$3', '$4', 0)}
    RETURNING id, company_id, user_id, organization_team_hierarchy_id, created_at, row_version
  ), audited AS (
    INSERT INTO audit_logs (company_id, user_id, action, entity_set, entity_key, changed_properties, changes)
    SELECT company_id, $4, 'create', 'OrganizationTeamMemberHierarchies', id::text, 'Id,CompanyId,UserId,OrganizationTeamHierarchyId',
      json_build_object('Id', json_build_object('new', id), 'CompanyId', json_build_object('new', company_id),
        'UserId', json_build_object('new', user_id), 'OrganizationTeamHierarchyId', json_build_object('new', organization_team_hierarchy_id))::text
    FROM created
  )
  SELECT id AS "Id", company_id AS "CompanyId", user_id AS "UserId", organization_team_hierarchy_id AS "OrganizationTeamHierarchyId",
    created_at AS "CreatedAt", row_version AS "RowVersion" FROM created`;

/**
 * A non-admin moves a team under a new parent, under the company's hierarchy lock (the same advisory key
 * as server/auth/hierarchy.ts): member of a strict ancestor of the team AND of the new parent or above,
 * never under its own subtree; with its audit row. $1 company, $2 team, $3 new parent, $4 caller.
 */
export const MOVE_TEAM = `WITH locked AS MATERIALIZED (SELECT pg_advisory_xact_lock(${0x7eab}, $1::integer)),
  before AS (SELECT parent_id FROM organization_team_hierarchies WHERE company_id = $1 AND id = $2),
  moved AS (
    UPDATE organization_team_hierarchies t SET parent_id = $3, row_version = t.row_version + 1, updated_at = now()
    FROM before
    WHERE t.company_id = $1 AND t.id = $2 AND (SELECT count(*) FROM locked) = 1
      AND ${memberAbove('$2', '$4', 1)}
      AND ${memberAbove('$3', '$4', 0)}
      AND NOT EXISTS (SELECT 1 FROM team_closure s WHERE s.company_id = $1 AND s.ancestor_id = $2 AND s.descendant_id = $3)
    RETURNING t.id, t.company_id, t.parent_id, before.parent_id AS old_parent_id
  ), audited AS (
    INSERT INTO audit_logs (company_id, user_id, action, entity_set, entity_key, changed_properties, changes)
    SELECT company_id, $4, 'update', 'OrganizationTeamHierarchies', id::text, 'ParentId',
      json_build_object('ParentId', json_build_object('old', old_parent_id, 'new', parent_id))::text
    FROM moved
  )
  SELECT id AS "Id" FROM moved`;

const TEAM_COLUMNS = `t.id AS "Id", t.company_id AS "CompanyId", t.name AS "Name", t.description AS "Description", t.parent_id AS "ParentId",
  t.created_at AS "CreatedAt", t.updated_at AS "UpdatedAt", t.row_version AS "RowVersion"`;

/**
 * Teams in key order, each with its first members (by membership id) nested as a JSON array, built by a
 * LATERAL subquery per team: $1 company, $2 teams, $3 members per team.
 */
export const TEAMS_WITH_MEMBERS = `SELECT ${TEAM_COLUMNS}, members.list AS "Members"
  FROM organization_team_hierarchies t
  CROSS JOIN LATERAL (
    SELECT coalesce(json_agg(m ORDER BY m."Id"), '[]'::json) AS list FROM (
      SELECT m.id AS "Id", m.company_id AS "CompanyId", m.user_id AS "UserId", m.organization_team_hierarchy_id AS "OrganizationTeamHierarchyId",
        m.created_at AS "CreatedAt", m.row_version AS "RowVersion"
      FROM organization_team_member_hierarchies m
      WHERE m.company_id = t.company_id AND m.organization_team_hierarchy_id = t.id
      ORDER BY m.id LIMIT $3
    ) m
  ) members
  WHERE t.company_id = $1 ORDER BY t.id LIMIT $2`;

/** Every team of the company, flat, for the whole-tree request (the server nests them): $1 company. */
export const ALL_TEAMS = `SELECT ${TEAM_COLUMNS} FROM organization_team_hierarchies t WHERE t.company_id = $1 ORDER BY t.id`;

const PROJECT_COLUMNS = `p.id AS "Id", p.company_id AS "CompanyId", p.project_id AS "ProjectId", p.project_name AS "ProjectName",
  p.external_id AS "ExternalId", p.organization AS "Organization", p.business AS "Business", p.department AS "Department",
  p.group_name AS "Group", p.team_name AS "Team", p.project_owner AS "ProjectOwner", p.assets AS "Assets", p.created_at AS "CreatedAt",
  p.updated_at AS "UpdatedAt", p.row_version AS "RowVersion"`;

/**
 * Projects whose owner has this email, in key order, on the expression index projects_by_owner_email
 * (company_id, (project_owner ->> 'Email')) of migration 5: $1 company, $2 email, $3 limit.
 */
export const PROJECTS_BY_OWNER_EMAIL = `SELECT ${PROJECT_COLUMNS} FROM projects p
  WHERE p.company_id = $1 AND (p.project_owner ->> 'Email') = $2 ORDER BY p.id LIMIT $3`;

/**
 * Projects in key order, each with its people (users linked by a project-people mapping: project_ref →
 * user_ref, index mappings_by_project) as a JSON array of Id, DisplayName, Email in user-id order, built
 * by a LATERAL subquery per project like TEAMS_WITH_MEMBERS: $1 company, $2 projects.
 */
export const PROJECTS_WITH_PEOPLE = `SELECT ${PROJECT_COLUMNS}, people.list AS "People"
  FROM projects p
  CROSS JOIN LATERAL (
    SELECT coalesce(json_agg(u ORDER BY u."Id"), '[]'::json) AS list FROM (
      SELECT u.id AS "Id", u.display_name AS "DisplayName", u.email AS "Email"
      FROM mappings m JOIN users u ON u.company_id = m.company_id AND u.id = m.user_ref
      WHERE m.company_id = p.company_id AND m.project_ref = p.id
    ) u
  ) people
  WHERE p.company_id = $1 ORDER BY p.id LIMIT $2`;

/** Head-count per department ($apply=groupby((Department),aggregate($count as N))): $1 company. */
export const USERS_PER_DEPARTMENT = `SELECT u.department AS "Department", count(*)::integer AS "N"
  FROM users u WHERE u.company_id = $1 GROUP BY u.department ORDER BY u.department ASC NULLS FIRST LIMIT 1000`;

/**
 * Members per team name (groupby((OrganizationTeamHierarchy/Name),aggregate($count as N))), the first 1000
 * names: $1 company.
 */
export const MEMBERS_PER_TEAM_NAME = `SELECT t.name AS "Name", count(*)::integer AS "N"
  FROM organization_team_member_hierarchies m
  JOIN organization_team_hierarchies t ON t.company_id = m.company_id AND t.id = m.organization_team_hierarchy_id
  WHERE m.company_id = $1 GROUP BY t.name ORDER BY t.name LIMIT 1000`;

/**
 * The teams below a team, nearest first (Descendants()), the first 1000, each with its distance: $1 company,
 * $2 the team.
 */
export const TEAM_DESCENDANTS = `SELECT ${TEAM_COLUMNS}, c.depth AS "Depth"
  FROM team_closure c JOIN organization_team_hierarchies t ON t.company_id = c.company_id AND t.id = c.descendant_id
  WHERE c.company_id = $1 AND c.ancestor_id = $2 AND c.depth > 0 ORDER BY c.depth, t.id LIMIT 1000`;

/** The snapshot a client keeps after a full pull of Users, to ask later for what changed since: → [{ Horizon: '750:760:751' }]. */
export const CURRENT_HORIZON = 'SELECT pg_current_snapshot()::text AS "Horizon"';

/**
 * What changed in the company's Users since a snapshot, as one statement: the changed users (change_xid
 * not visible in it, the first 1000 by id), the deleted ones' ids (tombstones), and the snapshot of this
 * statement, the next horizon: $1 company, $2 the snapshot.
 */
export const USERS_CHANGED_SINCE = `SELECT pg_current_snapshot()::text AS "Horizon",
  (SELECT coalesce(json_agg(c ORDER BY c."Id"), '[]'::json) FROM (SELECT ${USER_COLUMNS} FROM users u
    WHERE u.company_id = $1 AND u.change_xid >= pg_snapshot_xmin($2::pg_snapshot) AND NOT pg_visible_in_snapshot(u.change_xid, $2::pg_snapshot)
    ORDER BY u.id LIMIT 1000) c) AS "Changed",
  (SELECT coalesce(json_agg(d.entity_id ORDER BY d.entity_id), '[]'::json) FROM deleted_entities d
    WHERE d.company_id = $1 AND d.source_table = 'users' AND d.deleted_xid >= pg_snapshot_xmin($2::pg_snapshot)
    AND NOT pg_visible_in_snapshot(d.deleted_xid, $2::pg_snapshot)) AS "Removed"`;
