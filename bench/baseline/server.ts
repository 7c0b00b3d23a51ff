/**
 * The baseline for `npm run bench`: a minimal hand-written express server answering the benchmark's
 * requests with the SQL of ./sql.ts, one statement per request, rows straight to JSON ({ value: [...] }).
 * It trusts its headers instead of a JWT: `x-bench-company` (required) and `x-bench-user` (a non-admin
 * caller: reads apply the visibility rule, writes the authorization checks). Never used outside the bench.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type pg from 'pg';
import {
  ALL_TEAMS, COUNT_USERS_IN_DEPARTMENT, INSERT_MEMBERSHIP, MEMBERS_PER_TEAM_NAME, MOVE_TEAM, PROJECTS_BY_OWNER_EMAIL, PROJECTS_WITH_PEOPLE, TEAM_DESCENDANTS, TEAMS_WITH_MEMBERS,
  CURRENT_HORIZON, USER_BY_ID, USERS_BY_LAST_NAME_PREFIX, USERS_CHANGED_SINCE, USERS_DISPLAY_NAME_CONTAINS, USERS_PAGE, USERS_PER_DEPARTMENT, type ScopedSql,
} from './sql';

type Row = Record<string, unknown>;

/** Runs one statement with $1… placeholders → its rows. */
export type SqlRunner = (text: string, params: readonly unknown[]) => Promise<Row[]>;

/** `pgRunner(pool)('SELECT $1::int AS n', [1])` → [{ n: 1 }] (node-postgres, its own pool). */
export function pgRunner(pool: pg.Pool): SqlRunner {
  return async (text, params) => (await pool.query(text, params as unknown[])).rows as Row[];
}

/** Through a knex instance (PGlite): `knexRunner(db)('SELECT $1::int AS n, $1::int AS m', [1])` runs 'SELECT ?::int …' with [1, 1]. */
export function knexRunner(db: Knex): SqlRunner {
  return async (text, params) => {
    const bindings: unknown[] = [];
    const sqlText = text.replace(/\$(\d+)/g, (_, n: string) => {
      bindings.push(params[Number(n) - 1]);
      return '?';
    });
    const result = (await db.raw(sqlText, bindings as Knex.RawBinding[])) as { rows: Row[] };
    return result.rows;
  };
}

const MAX_PAGE = 1000;

interface Caller {
  readonly companyId: number;
  /** Set for a non-admin caller. */
  readonly userId?: string;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function callerOf(req: Request): Caller {
  const companyId = Number(req.header('x-bench-company'));
  if (!Number.isInteger(companyId) || companyId <= 0) throw new HttpError(400, 'x-bench-company is required');
  const user = req.header('x-bench-user');
  return user ? { companyId, userId: user } : { companyId };
}

function pick(sql: ScopedSql, caller: Caller, params: unknown[]): [string, unknown[]] {
  return caller.userId === undefined ? [sql.admin, params] : [sql.visible, [...params, caller.userId]];
}

function limitOf(req: Request): number {
  const n = Number(req.query.limit ?? MAX_PAGE);
  return Number.isInteger(n) && n > 0 ? Math.min(n, MAX_PAGE) : MAX_PAGE;
}

/** Statement errors → status, the way our error renderer would classify them. */
function statusOf(err: unknown): number {
  const code = (err as { code?: string }).code;
  if (code === '23505') return 409;
  if (code === '23503' || code === '22P02') return 400;
  if (code === '23514') return 409;
  return 500;
}

/** Flat teams (key order) → the roots, each with its Children nested: `[{Id:1},{Id:2,ParentId:1}]` → [{Id:1, Children:[{Id:2, Children:[]}]}]. */
export function nestTeams(rows: readonly Row[]): Row[] {
  const byId = new Map<string, Row>();
  for (const row of rows) byId.set(String(row.Id), { ...row, Children: [] });
  const roots: Row[] = [];
  for (const team of byId.values()) {
    const parent = team.ParentId === null ? undefined : byId.get(String(team.ParentId));
    if (parent) (parent.Children as Row[]).push(team);
    else roots.push(team);
  }
  return roots;
}

/**
 * `createBaselineApp(pgRunner(pool))` → express app with:
 *   GET /users/count?department=Platform · GET /users/:id · GET /users?lastNamePrefix=Sm&limit=50
 *   GET /users?displayNameContains=ann&limit=50 · GET /users?after=<id>&limit=100 (keyset, with a nextLink)
 *   GET /teams?limit=50&members=20 (each team's first members nested) · GET /teams/tree (the whole tree, nested)
 *   GET /projects?ownerEmail=a@b.example (projects of that owner) · GET /projects?limit=50&people=1 (each project's people nested)
 *   GET /users/per-department (head-count per department) · GET /teams/member-counts (members per team name, first 1000)
 *   GET /teams/:id/descendants (the teams below, nearest first, first 1000)
 *   GET /users/horizon (the snapshot to ask for changes since) · GET /users/changes?since=<snapshot> (changed users, deleted ids, the next snapshot)
 *   POST /memberships { userId, teamId } · PATCH /teams/:id { parentId }
 */
export function createBaselineApp(run: SqlRunner): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(express.json());

  app.get('/users/per-department', async (req, res) => {
    res.json({ value: await run(USERS_PER_DEPARTMENT, [callerOf(req).companyId]) });
  });

  app.get('/teams/:id/descendants', async (req, res) => {
    res.json({ value: await run(TEAM_DESCENDANTS, [callerOf(req).companyId, req.params.id]) });
  });

  app.get('/teams/member-counts', async (req, res) => {
    res.json({ value: (await run(MEMBERS_PER_TEAM_NAME, [callerOf(req).companyId])).map((r) => ({ OrganizationTeamHierarchy: { Name: r.Name }, N: r.N })) });
  });

  app.get('/users/horizon', async (_req, res) => {
    res.json({ horizon: (await run(CURRENT_HORIZON, []))[0]?.Horizon });
  });

  app.get('/users/changes', async (req, res) => {
    const caller = callerOf(req);
    const since = String(req.query.since ?? '');
    if (!/^\d+:\d+:[\d,]*$/.test(since)) throw new HttpError(400, 'since must be a snapshot (xmin:xmax:xip)');
    const row = (await run(USERS_CHANGED_SINCE, [caller.companyId, since]))[0] as { Horizon: string; Changed: Row[]; Removed: string[] };
    const removed = row.Removed.map((id) => ({ '@removed': { reason: 'deleted' }, '@id': `Users(${id})` }));
    res.json({ value: [...row.Changed, ...removed], deltaLink: `/users/changes?since=${row.Horizon}` });
  });

  app.get('/users/count', async (req, res) => {
    const caller = callerOf(req);
    const rows = await run(...pick(COUNT_USERS_IN_DEPARTMENT, caller, [caller.companyId, String(req.query.department ?? '')]));
    res.type('text/plain').send(String(rows[0]?.count ?? 0));
  });

  app.get('/users/:id', async (req, res) => {
    const caller = callerOf(req);
    const rows = await run(...pick(USER_BY_ID, caller, [caller.companyId, req.params.id]));
    if (rows.length === 0) throw new HttpError(404, 'no such user');
    res.json(rows[0]);
  });

  app.get('/users', async (req, res) => {
    const caller = callerOf(req);
    const limit = limitOf(req);
    const { lastNamePrefix, displayNameContains } = req.query as Record<string, string | undefined>;
    if (lastNamePrefix !== undefined) {
      res.json({ value: await run(...pick(USERS_BY_LAST_NAME_PREFIX, caller, [caller.companyId, `${lastNamePrefix}%`, limit])) });
      return;
    }
    if (displayNameContains !== undefined) {
      res.json({ value: await run(...pick(USERS_DISPLAY_NAME_CONTAINS, caller, [caller.companyId, `%${displayNameContains.toLowerCase()}%`, limit])) });
      return;
    }
    const after = String(req.query.after ?? '0');
    const rows = await run(...pick(USERS_PAGE, caller, [caller.companyId, after, limit + 1]));
    const more = rows.length > limit;
    const value = more ? rows.slice(0, limit) : rows;
    const body: Row = { value };
    if (more) body['@odata.nextLink'] = `http://${req.headers.host}/users?limit=${limit}&after=${String(value[value.length - 1]?.Id)}`;
    res.json(body);
  });

  app.get('/teams', async (req, res) => {
    const caller = callerOf(req);
    const members = Math.min(Number(req.query.members ?? 20) || 20, MAX_PAGE);
    res.json({ value: await run(TEAMS_WITH_MEMBERS, [caller.companyId, limitOf(req), members]) });
  });

  app.get('/teams/tree', async (req, res) => {
    res.json({ value: nestTeams(await run(ALL_TEAMS, [callerOf(req).companyId])) });
  });

  app.get('/projects', async (req, res) => {
    const caller = callerOf(req);
    const { ownerEmail, people } = req.query as Record<string, string | undefined>;
    if (ownerEmail !== undefined) {
      res.json({ value: await run(PROJECTS_BY_OWNER_EMAIL, [caller.companyId, ownerEmail, limitOf(req)]) });
      return;
    }
    if (people === undefined) throw new HttpError(400, 'ownerEmail or people is required');
    res.json({ value: await run(PROJECTS_WITH_PEOPLE, [caller.companyId, limitOf(req)]) });
  });

  app.post('/memberships', async (req, res) => {
    const caller = callerOf(req);
    if (caller.userId === undefined) throw new HttpError(400, 'writes need x-bench-user (the caller)');
    const { userId, teamId } = req.body as { userId?: unknown; teamId?: unknown };
    const rows = await run(INSERT_MEMBERSHIP, [caller.companyId, userId, teamId, caller.userId]);
    if (rows.length === 0) throw new HttpError(403, 'not a member of the team or of a team above it');
    res.status(200).json(rows[0]);
  });

  app.patch('/teams/:id', async (req, res) => {
    const caller = callerOf(req);
    if (caller.userId === undefined) throw new HttpError(400, 'writes need x-bench-user (the caller)');
    const { parentId } = req.body as { parentId?: unknown };
    const rows = await run(MOVE_TEAM, [caller.companyId, req.params.id, parentId, caller.userId]);
    if (rows.length === 0) throw new HttpError(403, 'not allowed, or a move under its own subtree');
    res.status(204).end();
  });

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = err instanceof HttpError ? err.status : statusOf(err);
    res.status(status).json({ error: { message: err instanceof Error ? err.message : String(err) } });
  });
  return app;
}
