/**
 * Prometheus metrics of one app instance (prom-client, a registry of its own: several apps in one process
 * do not clash). server/app.ts mounts `handler` at `GET /metrics` before the request log, and `middleware`
 * ahead of the request log so that it times every OData request, errors included; the database pool is
 * read on each scrape. `cacheMetrics.hit('callers')` is the hook for the caches (wired by app.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Knex } from 'knex';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { action, entitySet } from '../../odata/model';
import { SERVICE_PATH } from './urls';

export interface MetricsOptions {
  /** When set, `/metrics` answers only `Authorization: Bearer <token>` (else 401). The lead wires it from config. */
  readonly token?: string;
  /** Collect the default process metrics (memory, CPU, event loop lag, GC); default true. */
  readonly defaultMetrics?: boolean;
}

/** Counts lookups in a cache, by cache name: `cacheMetrics.hit('callers')`, `cacheMetrics.miss('visibleUsers')`. */
export interface CacheMetrics {
  hit(cache: string): void;
  miss(cache: string): void;
}

export interface Metrics {
  /** Times and counts every request that reaches it (mount it before everything it should see). */
  readonly middleware: RequestHandler;
  /** `GET /metrics`: the registry in Prometheus text format. */
  readonly handler: RequestHandler;
  readonly registry: Registry;
  readonly cacheMetrics: CacheMetrics;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS']);

/**
 * The `set` label of a request path — bounded: the model's entity sets and actions, `$metadata`, `$root`
 * (the service document), else `other`:
 *   '/odata/Users(5)/Teams?$top=1' → 'Users';  '/odata/' → '$root';  '/odata/$batch' → 'other';  '/favicon.ico' → 'other'
 */
export function setLabel(originalUrl: string): string {
  const path = originalUrl.split('?', 1)[0] ?? '';
  if (path !== SERVICE_PATH && !path.startsWith(`${SERVICE_PATH}/`)) return 'other';
  const rest = path.slice(SERVICE_PATH.length).replace(/^\/+/, '');
  if (rest === '') return '$root';
  let first = rest.split('/', 1)[0] ?? '';
  try {
    first = decodeURIComponent(first);
  } catch {
    return 'other';
  }
  const name = first.split('(', 1)[0] ?? '';
  if (name === '$metadata') return '$metadata';
  return entitySet(name) || action(name) ? name : 'other';
}

/** `statusClass(404)` → '4xx' */
export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other';
}

/** The part of knex's pool read here (tarn's Pool; PGlite's knex client has one of size 1). */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max?: number;
}

function poolOf(db: Knex): TarnPool | undefined {
  const pool = (db.client as { pool?: Partial<TarnPool> }).pool;
  return pool && typeof pool.numUsed === 'function' ? (pool as TarnPool) : undefined;
}

/** `bearerMatches('Bearer s3cret', 's3cret')` → true, in constant time for equal lengths. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The metrics of one app on `db`:
 *   const metrics = createMetrics(db); app.use('/metrics', metrics.handler); app.use(metrics.middleware)
 *   GET /metrics → 200 text/plain; version=0.0.4 …
 *     orgchart_http_requests_total{set="Users",method="GET",status_class="2xx"} 3
 *     orgchart_db_pool_used 0 …
 */
export function createMetrics(db: Knex, options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const labelNames = ['set', 'method', 'status_class'] as const;
  const requests = new Counter({
    name: 'orgchart_http_requests_total',
    help: 'HTTP requests answered, by entity set (first path segment after /odata), method and status class',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'orgchart_http_request_duration_seconds',
    help: 'Time from receiving a request to the end of its response, by entity set, method and status class',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const poolGauge = (name: string, help: string, read: (pool: TarnPool) => number | undefined) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const pool = poolOf(db);
        const value = pool ? read(pool) : undefined;
        this.set(typeof value === 'number' && Number.isFinite(value) ? value : 0);
      },
    });
  poolGauge('orgchart_db_pool_used', 'Database connections in use (knex pool)', (p) => p.numUsed());
  poolGauge('orgchart_db_pool_free', 'Idle database connections in the pool', (p) => p.numFree());
  poolGauge('orgchart_db_pool_pending_acquires', 'Queries waiting for a database connection', (p) => p.numPendingAcquires());
  poolGauge('orgchart_db_pool_max', 'Largest size of the database pool (DB_POOL_MAX; 1 on PGlite)', (p) => p.max);
  const cacheLookups = new Counter({
    name: 'orgchart_cache_lookups_total',
    help: 'Lookups in the in-process caches, by cache and result (hit or miss)',
    labelNames: ['cache', 'result'] as const,
    registers: [registry],
  });

  // the labelled children, made once per label set (a few dozen: sets × methods × status classes), so that a
  // request does not pay prom-client's label hashing twice
  const series = new Map<string, { requests: ReturnType<typeof requests.labels>; duration: ReturnType<typeof duration.labels> }>();
  const seriesOf = (set: string, method: string, statusClassLabel: string) => {
    const key = `${set}\n${method}\n${statusClassLabel}`;
    let found = series.get(key);
    if (!found) {
      const labels = { set, method, status_class: statusClassLabel };
      found = { requests: requests.labels(labels), duration: duration.labels(labels) };
      series.set(key, found);
    }
    return found;
  };
  const cacheSeries = new Map<string, ReturnType<typeof cacheLookups.labels>>();
  const lookup = (cache: string, result: 'hit' | 'miss') => {
    const key = `${cache}\n${result}`;
    let found = cacheSeries.get(key);
    if (!found) {
      found = cacheLookups.labels({ cache, result });
      cacheSeries.set(key, found);
    }
    found.inc();
  };

  const middleware: RequestHandler = (req, res, next) => {
    const started = process.hrtime.bigint();
    // 'close' follows the end of every response, and comes alone when the client went away before it ended
    res.once('close', () => {
      const status = res.writableFinished ? statusClass(res.statusCode) : 'aborted';
      const series = seriesOf(setLabel(req.originalUrl), METHODS.has(req.method) ? req.method : 'other', status);
      series.requests.inc();
      series.duration.observe(Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };

  const handler: RequestHandler = async (req, res) => {
    res.set('Cache-Control', 'no-store');
    if (options.token && !bearerMatches(req.headers.authorization, options.token)) {
      res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain').send('metrics need Authorization: Bearer <METRICS_TOKEN>\n');
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  };

  return {
    middleware,
    handler,
    registry,
    cacheMetrics: {
      hit: (cache) => lookup(cache, 'hit'),
      miss: (cache) => lookup(cache, 'miss'),
    },
  };
}
