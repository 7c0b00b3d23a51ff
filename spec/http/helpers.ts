/**
 * Shared helpers of the HTTP read specs: header checks every OData response must pass, a nextLink
 * follower, a private company factory (specs never modify the demo companies' rows) and OData's
 * ordering rules in JS. Expected values are always computed from the database, never from a response.
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import type { Response } from 'supertest';
import type { TestApp } from '../helpers/test-app';

export type Row = Record<string, unknown>;

/** Fragments that betray a stack trace or SQL text in an error body. */
export const LEAK_MARKERS = ['select ', ' from ', 'at /', '.ts:'] as const;

/** The host the specs send, so absolute URLs are predictable. */
export const HOST = 'feeds.example';
export const ORIGIN = `http://${HOST}`;

/** Every response of the service carries `OData-Version: 4.0` exactly once (a delta in the 4.01 form: 4.01). */
export function expectODataVersionOnce(res: Response, version = '4.0'): void {
  const raw = (res as unknown as { res: { rawHeaders: string[] } }).res.rawHeaders;
  const found: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (raw[i]?.toLowerCase() === 'odata-version') found.push(raw[i + 1] as string);
  expect(found, 'OData-Version headers').to.deep.equal([version]);
}

/** 200 + OData JSON headers; returns the body. */
export function expectJson(res: Response, status = 200, version = '4.0'): Row {
  expect(res.status, res.text).to.equal(status);
  expect(res.headers['content-type']).to.match(/^application\/json/);
  expectODataVersionOnce(res, version);
  return res.body as Row;
}

/** An OData error response: status, code, the `{"error":{code,message,target?}}` shape, no leaks. */
export function expectError(
  res: Response,
  status: number,
  code: string,
  markers: readonly string[] = LEAK_MARKERS,
): { code: string; message: string; target?: string } {
  expect(res.status, res.text).to.equal(status);
  expect(res.headers['content-type']).to.match(/^application\/json/);
  expectODataVersionOnce(res);
  const error = (res.body as { error: { code: string; message: string; target?: string } }).error;
  expect(error, res.text).to.be.an('object');
  expect(error.code).to.equal(code);
  expect(error.message).to.be.a('string').and.not.equal('');
  for (const key of Object.keys(error)) expect(['code', 'message', 'target', 'details']).to.include(key);
  if (error.target !== undefined) expect(error.target).to.be.a('string');
  for (const marker of markers) expect(res.text.toLowerCase(), `error body contains '${marker}'`).not.to.include(marker);
  return error;
}

/** The Ids of a collection response, in response order. */
export function ids(body: Row): number[] {
  return (body.value as Row[]).map((e) => e.Id as number);
}

/** The request path of an absolute nextLink, verbatim, after checking its origin. */
export function pathOf(link: string, origin = ORIGIN): string {
  expect(link.startsWith(`${origin}/odata/`), link).to.equal(true);
  return link.slice(origin.length);
}

export interface Followed {
  readonly pages: Row[];
  readonly rows: Row[];
  readonly links: string[];
}

/** Follows @odata.nextLink verbatim from `firstUrl` until the last page; every page must be a 200. */
export async function followAll(t: TestApp, firstUrl: string, token: string, headers: Record<string, string> = {}): Promise<Followed> {
  const pages: Row[] = [];
  const links: string[] = [];
  let url: string | undefined = firstUrl;
  while (url !== undefined) {
    let req = t.get(url, token).set('Host', HOST);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    const body = expectJson(await req);
    pages.push(body);
    const link = body['@odata.nextLink'] as string | undefined;
    if (link !== undefined) links.push(link);
    url = link === undefined ? undefined : pathOf(link);
    if (pages.length > 200) throw new Error('followAll: more than 200 pages');
  }
  return { pages, links, rows: pages.flatMap((p) => p.value as Row[]) };
}

/** A users row of a private company; user_name is required, the rest defaults. */
export type UserSeed = { user_name: string } & Row;

export interface PrivateCompany {
  readonly companyId: number;
  /** Ids by user_name. */
  readonly users: Map<string, number>;
  /** Team ids by name. */
  readonly teams: Map<string, number>;
}

let companyCounter = 0;

/**
 * Creates a company of the spec's own (never touching Contoso or Fabrikam) with users, teams
 * (`[name, parentName|null]`, parents first) and memberships (`[userName, teamName]`).
 */
export async function createCompany(
  db: Knex,
  label: string,
  users: readonly UserSeed[],
  teams: readonly (readonly [string, string | null])[] = [],
  memberships: readonly (readonly [string, string])[] = [],
): Promise<PrivateCompany> {
  companyCounter += 1;
  const [company] = (await db('companies').insert({ name: `${label} ${process.pid}-${companyCounter}` }).returning('id')) as { id: number }[];
  const companyId = Number(company?.id);
  const userRows = users.map((u) => ({ company_id: companyId, email: `${u.user_name}@${label.toLowerCase().replace(/\W/g, '')}.example`, ...u }));
  const userMap = new Map<string, number>();
  for (let i = 0; i < userRows.length; i += 500) {
    const inserted = (await db('users').insert(userRows.slice(i, i + 500)).returning(['id', 'user_name'])) as { id: string; user_name: string }[];
    for (const r of inserted) userMap.set(r.user_name, Number(r.id));
  }
  const teamMap = new Map<string, number>();
  for (const [name, parent] of teams) {
    const parentId = parent === null ? null : teamMap.get(parent);
    const [row] = (await db('organization_team_hierarchies').insert({ company_id: companyId, name, parent_id: parentId }).returning('id')) as { id: string }[];
    teamMap.set(name, Number(row?.id));
  }
  if (memberships.length > 0) {
    await db('organization_team_member_hierarchies').insert(
      memberships.map(([user, team]) => ({ company_id: companyId, user_id: userMap.get(user), organization_team_hierarchy_id: teamMap.get(team) })),
    );
  }
  return { companyId, users: userMap, teams: teamMap };
}

/** Ranks of text values in the database's collation, so JS sorts agree with the server's ORDER BY. */
export async function collationRanks(db: Knex, values: readonly unknown[]): Promise<Map<string, number>> {
  const distinct = [...new Set(values.filter((v): v is string => typeof v === 'string'))];
  const result = (await db.raw('SELECT v FROM unnest(?::text[]) AS v ORDER BY v', [distinct])) as { rows: { v: string }[] };
  return new Map(result.rows.map((r, i) => [r.v, i]));
}

export interface SortKey {
  readonly column: string;
  readonly desc?: boolean;
}

/**
 * OData's order in JS: null before every value ascending, after every value descending; text by the
 * database collation ranks; numbers and dates numerically.
 */
export function odataComparator(keys: readonly SortKey[], ranks: Map<string, number>) {
  const value = (v: unknown): number => (typeof v === 'string' ? (ranks.get(v) as number) : v instanceof Date ? v.getTime() : Number(v));
  return (a: Row, b: Row): number => {
    for (const { column, desc } of keys) {
      const x = a[column];
      const y = b[column];
      if (x === y) continue;
      let c: number;
      if (x === null || x === undefined) c = y === null || y === undefined ? 0 : -1;
      else if (y === null || y === undefined) c = 1;
      else c = value(x) - value(y);
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  };
}

/** A timestamptz column as read through knex (ISO text on PostgreSQL, Date on PGlite) → Date. */
export const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

/** All users rows of a company, ordered by id, with numeric ids and Date timestamps. */
export async function usersOf(db: Knex, companyId: number): Promise<Row[]> {
  const rows = (await db('users').where({ company_id: companyId }).orderBy('id')) as Row[];
  return rows.map((r) => ({ ...r, id: Number(r.id), company_id: Number(r.company_id), created_at: asDate(r.created_at), updated_at: asDate(r.updated_at) }));
}

/** Ascending numeric sort of a copy. */
export function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/**
 * Who may see whom, computed independently of the service's closure table: the user's own teams, then
 * every team below them by walking parent_id recursively, then the members of those teams, plus the user.
 */
export async function expectedVisibleUserIds(db: Knex, companyId: number, userId: number): Promise<number[]> {
  const result = (await db.raw(
    `WITH RECURSIVE subtree(id) AS (
       SELECT organization_team_hierarchy_id FROM organization_team_member_hierarchies WHERE company_id = ? AND user_id = ?
       UNION
       SELECT t.id FROM organization_team_hierarchies t JOIN subtree s ON t.parent_id = s.id WHERE t.company_id = ?
     )
     SELECT DISTINCT m.user_id FROM organization_team_member_hierarchies m JOIN subtree s ON m.organization_team_hierarchy_id = s.id
     WHERE m.company_id = ?`,
    [companyId, userId, companyId, companyId],
  )) as { rows: { user_id: string }[] };
  return sorted([...new Set([userId, ...result.rows.map((r) => Number(r.user_id))])]);
}
