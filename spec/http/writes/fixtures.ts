/**
 * Fixtures of the write specs. Every write spec builds its OWN company (never Contoso or Fabrikam: other
 * specs read the demo rows) straight through knex — company, users, teams (parents first; the trigger
 * maintains team_closure) and memberships — and then acts through HTTP with tokens of those users.
 *   const org = await buildOrg(t, { users: { boss: { is_administrator: true }, lead: {} },
 *                                   teams: [['Root', null]], memberships: [['lead', 'Root']] });
 *   await send(t, 'PATCH', `/odata/OrganizationTeamHierarchies(${org.team('Root')})`, org.token('boss'), { Name: 'X' });
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import request from 'supertest';
import type { Response } from 'supertest';
import type { TestApp } from '../../helpers/test-app';
import { HOST, type Row } from '../helpers';

export { HOST, ORIGIN, expectError, expectJson, type Row } from '../helpers';

export const TEAMS = '/odata/OrganizationTeamHierarchies';
export const MEMBERS = '/odata/OrganizationTeamMemberHierarchies';
export const USERS = '/odata/Users';
export const READ_ONLY = 'odata.read';

export interface OrgSpec {
  /** Users by user_name, with extra column values (`{ is_administrator: true }`). */
  readonly users: Readonly<Record<string, Row>>;
  /** `[name, parentName | null]`, parents first. */
  readonly teams?: readonly (readonly [string, string | null])[];
  /** `[userName, teamName]`. */
  readonly memberships?: readonly (readonly [string, string])[];
}

export interface Org {
  readonly companyId: number;
  readonly db: Knex;
  user(name: string): number;
  team(name: string): number;
  /** A token of one of the org's users; scope defaults to read + write. */
  token(userName: string, scope?: string): string;
  /** Inserts another user straight into the table; returns its id. */
  addUser(userName: string, extra?: Row): Promise<number>;
  /** Inserts another team under `parentId` (null: a root); returns its id. */
  addTeam(name: string, parentId: number | null): Promise<number>;
  /** Inserts a membership; returns its id. */
  addMembership(userId: number, teamId: number): Promise<number>;
}

let counter = 0;

/** A name unique in the whole run: `unique('team')` → 'team-4711-12'. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

const idOf = (rows: unknown): number => Number((rows as { id: unknown }[])[0]?.id);

export async function buildOrg(t: TestApp, spec: OrgSpec, label = 'Writes'): Promise<Org> {
  const { db, demo } = t.database;
  const companyId = idOf(await db('companies').insert({ name: unique(label) }).returning('id'));
  expect([demo.companies.contoso, demo.companies.fabrikam]).not.to.include(companyId);
  const users = new Map<string, number>();
  const teams = new Map<string, number>();
  const domain = `${label.toLowerCase().replace(/\W/g, '')}${companyId}.example`;

  const org: Org = {
    companyId,
    db,
    user(name) {
      const id = users.get(name);
      if (id === undefined) throw new Error(`fixture: no user ${name}`);
      return id;
    },
    team(name) {
      const id = teams.get(name);
      if (id === undefined) throw new Error(`fixture: no team ${name}`);
      return id;
    },
    token: (name, scope) => t.token(org.user(name), companyId, scope),
    async addUser(userName, extra = {}) {
      const id = idOf(await db('users').insert({ company_id: companyId, user_name: userName, email: `${userName}@${domain}`, ...extra }).returning('id'));
      users.set(userName, id);
      return id;
    },
    async addTeam(name, parentId) {
      const id = idOf(await db('organization_team_hierarchies').insert({ company_id: companyId, name, parent_id: parentId }).returning('id'));
      teams.set(name, id);
      return id;
    },
    async addMembership(userId, teamId) {
      return idOf(
        await db('organization_team_member_hierarchies').insert({ company_id: companyId, user_id: userId, organization_team_hierarchy_id: teamId }).returning('id'),
      );
    },
  };

  for (const [name, extra] of Object.entries(spec.users)) await org.addUser(name, extra);
  for (const [name, parent] of spec.teams ?? []) await org.addTeam(name, parent === null ? null : org.team(parent));
  for (const [user, team] of spec.memberships ?? []) await org.addMembership(org.user(user), org.team(team));
  return org;
}

export type Method = 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'GET';

/** One request with a Bearer token (none when undefined), the spec's Host, optional JSON body and headers. */
export function send(t: TestApp, method: Method, url: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}): request.Test {
  const agent = request(t.app);
  let req = (method === 'GET' ? agent.get(url) : method === 'POST' ? agent.post(url) : method === 'PATCH' ? agent.patch(url) : method === 'PUT' ? agent.put(url) : agent.delete(url)).set('Host', HOST);
  if (token !== undefined) req = req.set('Authorization', `Bearer ${token}`);
  for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
  return body === undefined ? req : req.send(body as object);
}

/** An error response of a write: status, code and (when given) the top-level target. */
export function expectWriteError(res: Response, status: number, code: string, target?: string): { code: string; message: string; target?: string; details?: Row[] } {
  expect(res.status, `${res.status} ${res.text}`).to.equal(status);
  expect(res.headers['content-type']).to.match(/^application\/json/);
  const error = (res.body as { error: { code: string; message: string; target?: string; details?: Row[] } }).error;
  expect(error, res.text).to.be.an('object');
  expect(error.code, res.text).to.equal(code);
  expect(error.message).to.be.a('string').and.not.equal('');
  if (target !== undefined) expect(error.target, res.text).to.equal(target);
  return error;
}

/** Status check that names the case on failure. */
export function expectStatus(res: Response, status: number, what: string): void {
  expect(res.status, `${what}: got ${res.status} ${res.text}`).to.equal(status);
}

/** Every row of the company's writable tables (and its audit rows), for before/after comparisons. */
export async function snapshot(db: Knex, companyId: number): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const table of ['users', 'organization_team_hierarchies', 'organization_team_member_hierarchies', 'team_closure', 'audit_logs']) {
    const order = table === 'team_closure' ? ['ancestor_id', 'descendant_id'] : ['id'];
    out[table] = (await db(table).where({ company_id: companyId }).orderBy(order)) as Row[];
  }
  return out;
}

/** The company's audit rows, oldest first. */
export async function auditRows(db: Knex, companyId: number): Promise<Row[]> {
  return (await db('audit_logs').where({ company_id: companyId }).orderBy('id')) as Row[];
}

export type Pair = readonly [number, number, number];

/** team_closure of the company as sorted [ancestor, descendant, depth] triples. */
export async function closureOf(db: Knex, companyId: number): Promise<Pair[]> {
  const rows = (await db('team_closure').where({ company_id: companyId }).select('ancestor_id', 'descendant_id', 'depth')) as Row[];
  return sortPairs(rows.map((r) => [Number(r.ancestor_id), Number(r.descendant_id), Number(r.depth)] as const));
}

/** The transitive closure recomputed from parent_id alone with a recursive CTE (depth bounded). */
export async function recomputedClosure(db: Knex, companyId: number): Promise<Pair[]> {
  const result = (await db.raw(
    `WITH RECURSIVE walk(ancestor_id, descendant_id, depth) AS (
       SELECT id, id, 0 FROM organization_team_hierarchies WHERE company_id = ?
       UNION ALL
       SELECT w.ancestor_id, t.id, w.depth + 1
       FROM walk w JOIN organization_team_hierarchies t ON t.company_id = ? AND t.parent_id = w.descendant_id
       WHERE w.depth < 1000
     )
     SELECT ancestor_id, descendant_id, depth FROM walk`,
    [companyId, companyId],
  )) as { rows: Row[] };
  return sortPairs(result.rows.map((r) => [Number(r.ancestor_id), Number(r.descendant_id), Number(r.depth)] as const));
}

function sortPairs(pairs: Pair[]): Pair[] {
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
}

/** Walking parent_id from every team reaches a root within (number of teams) steps: no cycle. */
export async function expectNoCycle(db: Knex, companyId: number): Promise<void> {
  const rows = (await db('organization_team_hierarchies').where({ company_id: companyId }).select('id', 'parent_id')) as Row[];
  const parent = new Map(rows.map((r) => [Number(r.id), r.parent_id === null ? null : Number(r.parent_id)]));
  for (const start of parent.keys()) {
    let at: number | null = start;
    let steps = 0;
    while (at !== null) {
      expect(parent.has(at), `team ${at} (reached from ${start}) exists`).to.equal(true);
      at = parent.get(at) ?? null;
      steps += 1;
      expect(steps, `walking up from team ${start} ends at a root`).to.be.at.most(parent.size);
    }
  }
}

/** The closure table agrees with parent_id, and parent_id has no cycle. */
export async function expectConsistentHierarchy(db: Knex, companyId: number): Promise<void> {
  await expectNoCycle(db, companyId);
  expect(await closureOf(db, companyId)).to.deep.equal(await recomputedClosure(db, companyId));
}

/** The parent of a team, read from the table. */
export async function parentOf(db: Knex, companyId: number, teamId: number): Promise<number | null> {
  const row = (await db('organization_team_hierarchies').first('parent_id').where({ company_id: companyId, id: teamId })) as Row | undefined;
  return row?.parent_id === null || row?.parent_id === undefined ? null : Number(row.parent_id);
}
