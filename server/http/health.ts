/**
 * Operations endpoints, mounted by server/app.ts before the request log and authentication:
 * `GET /health/live` (the process answers; no database call) and `GET /health/ready` (a `SELECT 1`
 * answers within ~1 s and shutdown has not started). Plain JSON, no OData headers, never cached.
 * main.ts turns readiness off on SIGTERM through `setDraining()` (app.locals.health).
 */
import express, { type Response, type Router } from 'express';
import type { Knex } from 'knex';

export interface HealthOptions {
  /** How long `/health/ready` waits for `SELECT 1` before answering 503 (default 1000 ms). */
  readonly timeoutMs?: number;
  /**
   * The read replicas as the read router last found them (server/db/read-router.ts), shown by
   * `/health/ready` for information: a replica down does not make the instance unready (the primary serves).
   */
  readonly replicas?: () => readonly { readonly label: string; readonly healthy: boolean; readonly lagMs: number }[];
}

export interface Health {
  readonly router: Router;
  /** From now on `/health/ready` answers 503 `{"status":"draining"}` (called once shutdown starts). */
  setDraining(): void;
  isDraining(): boolean;
}

/** What `/health/ready` answers: 200 `{ status: 'ok' }`, or 503 with what failed. */
export type Readiness =
  | { readonly status: 'ok' }
  | { readonly status: 'draining' }
  | { readonly status: 'unavailable'; readonly failed: 'database'; readonly reason: string };

/** The error's code (`ECONNREFUSED`, `57P03`) or class name: no message text, which may name hosts or users. */
function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[\w.-]{1,40}$/.test(code)) return code;
  return err instanceof Error ? err.name : 'unknown error';
}

/**
 * Asks the database `SELECT 1`, giving up after `timeoutMs`:
 *   checkDatabase(db, 1000) → { status: 'ok' }
 *   (database down) → { status: 'unavailable', failed: 'database', reason: 'SELECT 1 failed (ECONNREFUSED)' }
 *   (pool exhausted 1 s) → { status: 'unavailable', failed: 'database', reason: 'no answer to SELECT 1 within 1000 ms' }
 */
export async function checkDatabase(db: Knex, timeoutMs: number): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'unavailable', failed: 'database', reason: `no answer to SELECT 1 within ${timeoutMs} ms` }), timeoutMs);
    timer.unref();
  });
  const query = db.raw('SELECT 1 AS ok').then(
    (): Readiness => ({ status: 'ok' }),
    (err: unknown): Readiness => ({ status: 'unavailable', failed: 'database', reason: `SELECT 1 failed (${errorCode(err)})` }),
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function send(res: Response, status: number, body: unknown): void {
  res.status(status).set('Cache-Control', 'no-store').type('application/json').send(JSON.stringify(body));
}

/**
 * The health router: `const health = healthRouter(db); app.use(health.router)` →
 *   GET /health/live  → 200 {"status":"ok"}
 *   GET /health/ready → 200 {"status":"ok"} | 503 {"status":"unavailable","failed":"database","reason":"…"}
 *   after health.setDraining(): GET /health/ready → 503 {"status":"draining"}
 * Probes arriving while a check is running share it (a slow database is not asked once per probe).
 */
export function healthRouter(db: Knex, options: HealthOptions = {}): Health {
  const timeoutMs = options.timeoutMs ?? 1000;
  let draining = false;
  let inFlight: Promise<Readiness> | undefined;
  const router = express.Router({ caseSensitive: true, strict: false });

  router.get('/health/live', (_req, res) => send(res, 200, { status: 'ok' }));
  router.get('/health/ready', async (_req, res) => {
    if (draining) {
      send(res, 503, { status: 'draining' });
      return;
    }
    inFlight ??= checkDatabase(db, timeoutMs).finally(() => {
      inFlight = undefined;
    });
    const readiness = await inFlight;
    const replicas = options.replicas?.();
    // shutdown may have started while the database answered
    if (draining) send(res, 503, { status: 'draining' });
    else send(res, readiness.status === 'ok' ? 200 : 503, replicas && replicas.length > 0 ? { ...readiness, replicas } : readiness);
  });

  return {
    router,
    setDraining: () => {
      draining = true;
    },
    isDraining: () => draining,
  };
}
