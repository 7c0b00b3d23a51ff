/**
 * createApp({ db, config, logger }) → the express application: request log → URL limits →
 * authenticate → route (service document, $metadata, entity-set reads) → the one error renderer.
 * No side effects at import; main.ts and the specs build it with their own database.
 */
import express, { type Request, type Response } from 'express';
import type { Knex } from 'knex';
import pino, { type Logger } from 'pino';
import { ODataError } from '../odata/errors';
import { buildMetadataXml } from '../odata/metadata';
import { entitySet, model, type EntitySetDef } from '../odata/model';
import { memoizeParser } from '../odata/parse/memoize';
import { parseQueryOptions, parseResourcePath } from '../odata/parse/parse-query-options';
import { memoizePlanRead } from '../odata/plan/memoize-plan';
import { buildServiceDocument } from '../odata/service-document';
import { createOidcAuthenticator } from './auth/oidc';
import type { PersonalTokenRow } from './auth/personal-tokens';
import { SCOPE_LOGS, SCOPE_READ, SCOPE_WRITE, tokenVerifier } from './auth/tokens';
import { TtlCache } from './auth/ttl-cache';
import { cachedVisibleUsers, MAX_CACHED_VISIBLE_SETS, type VisibleUsers } from './auth/visibility';
import { tokenKeys, type Config } from './config';
import { authenticate, requireAnyScope, requireScope, type AuthenticateOptions, type CallerRow } from './http/authenticate';
import { jsonContentType, negotiateJson } from './http/negotiate';
import { handleRead } from './http/read-handler';
import { expensiveShare, ReadGate } from './http/read-gate';
import { CARDINALITY_TTL_MS, cachedCardinalities, type SetCounts } from './db/cardinalities';
import { connect } from './db/connect';
import { invalidates, InvalidationListener, Notifier, type CacheName } from './db/invalidation';
import { isConnectionFailure } from './db/map-db-error';
import { ReadRouter } from './db/read-router';
import { memoizeCompileRead } from './db/memoize-compile';
import { calledAction, handleWrite, refuseActionMethod } from './http/write-handler';
import { renderError } from './http/render-error';
import { requestLog } from './http/request-log';
import { healthRouter } from './http/health';
import { createMetrics } from './http/metrics';
import { AuthFailureLimiter } from './http/auth-failures';
import { recordTokenActivity } from './http/record-token-activity';
import { TokenActivityLog } from './auth/token-activity';
import { rawQuery, serviceRoot, SERVICE_PATH } from './http/urls';
import { schedulePruning } from './db/prune-deletions';
import { docsRouter } from './http/docs';
import { explorerRouter } from './http/explorer';
import { buildOpenApi } from './http/openapi';

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** Largest request body accepted (JSON); larger → 413. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface AppDeps {
  readonly db: Knex;
  readonly config: Config;
  readonly logger?: Logger;
  /** Where requests made with personal access tokens are recorded; default: a new TokenActivityLog on `db`. */
  readonly tokenActivity?: TokenActivityLog;
}

/**
 * Stops what the app runs in the background — the tombstone pruning, writes the token activity left, closes the LISTEN
 * connection — before the database is closed (main.ts on SIGTERM, specs): `await stopBackground(app)`.
 */
export async function stopBackground(app: express.Express): Promise<void> {
  (app.locals.stopPruning as (() => void) | undefined)?.();
  await tokenActivityOf(app).close();
  await (app.locals.notifier as Notifier | undefined)?.flush();
  await (app.locals.readRouter as ReadRouter | undefined)?.stop();
  const listener = (await app.locals.invalidation) as InvalidationListener | undefined;
  await listener?.stop();
}

/** The replicas' pools (server/db/read-router.ts), checked from now on: `readRouterFor(db, config)`. */
function readRouterFor(db: Knex, config: Config, logger: Logger): ReadRouter {
  const replicas = config.databaseReadUrls.map((url) => ({
    label: url.replace(/\/\/[^@/]*@/, '//'),
    // fail fast: a dead replica must not hold a read for knex's default minute
    db: connect({
      databaseUrl: url, poolMax: config.poolMax, statementTimeoutMs: config.limits.statementTimeoutMs, connectTimeoutMs: 2000,
      log: (message) => logger.debug({ message: String(message) }, 'read replica pool'),
    }),
  }));
  const router = new ReadRouter(db, replicas, { freshnessMs: config.replicaFreshnessMs, maxLagMs: config.replicaMaxLagMs, logger });
  void router.start();
  return router;
}

/** The app's token activity log (app.locals.tokenActivity): main.ts closes it on shutdown, specs flush it. */
export function tokenActivityOf(app: express.Express): TokenActivityLog {
  return app.locals.tokenActivity as TokenActivityLog;
}

export function createApp({ db, config, logger = pino({ level: 'silent' }), tokenActivity }: AppDeps): express.Express {
  const app = express();
  const activity = tokenActivity ?? new TokenActivityLog(db, logger, config.tokenActivityFlushMs);
  app.locals.tokenActivity = activity;
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', () => ({})); // OData options are parsed from the raw query string
  const metadataXml = buildMetadataXml(model, config.limits);
  const parseOptions = memoizeParser(parseQueryOptions, 1000);
  const parsePath = memoizeParser(parseResourcePath, 1000);
  const keys = tokenKeys(config);
  const verify = tokenVerifier(keys);
  const oidc = config.oidc ? createOidcAuthenticator(config.oidc) : undefined;
  const authFailures = new AuthFailureLimiter(config.authFailuresPerMinute);
  const plan = memoizePlanRead(entitySet);
  const compile = memoizeCompileRead();
  // what reads and writes may reuse for AUTH_CACHE_MS; a committed write clears those it made stale
  const metrics = createMetrics(db, { token: config.metricsToken });
  app.locals.metrics = metrics;
  const counted = (name: string) => (hit: boolean) => (hit ? metrics.cacheMetrics.hit(name) : metrics.cacheMetrics.miss(name));
  const callers = new TtlCache<CallerRow | null>(config.authCacheMs, 10_000, Date.now, counted('callers'));
  const visibleUsers = new TtlCache<VisibleUsers>(config.authCacheMs, MAX_CACHED_VISIBLE_SETS, Date.now, counted('visibleUsers'));
  // personal access tokens by their secret's hash: a revocation through this process takes effect at once
  const personalTokens = new TtlCache<PersonalTokenRow | null>(config.authCacheMs, 10_000, Date.now, counted('personalTokens'));
  // a write through this process clears what it made stale at once (server/db/invalidation.ts invalidates)
  const caches: Readonly<Record<CacheName, { clear(): void }>> = { callers, visibleUsers, personalTokens };
  const forget = (names: readonly CacheName[]) => {
    for (const name of names) caches[name].clear();
  };
  // read replicas (DATABASE_READ_URL) take the GETs, but not those of a company that has just written
  const router = config.databaseReadUrls.length > 0 ? readRouterFor(db, config, logger) : undefined;
  app.locals.readRouter = router;
  // PostgreSQL: another instance's write clears these caches too (it NOTIFYs after its commit, we LISTEN)
  const crossInstance = config.databaseUrl !== undefined && config.cacheInvalidation;
  const notifier = crossInstance ? new Notifier(db, logger) : undefined;
  app.locals.notifier = notifier;
  if (crossInstance && config.databaseUrl) {
    app.locals.invalidation = InvalidationListener.start({
      connectionString: config.databaseUrl,
      onInvalidate: (notice) => {
        forget(notice.caches);
        router?.wrote(notice.companyId);
      },
      logger,
    });
  }
  // delta links' tombstones are kept DELTA_RETENTION
  app.locals.stopPruning = schedulePruning(db, config.deltaRetentionSeconds, logger);
  // row counts and fan-outs per company, for the cost model of reads with $expand
  const setCounts = new TtlCache<SetCounts>(CARDINALITY_TTL_MS, 1000);
  // expensive reads: a few per caller, and never the whole pool (PGlite's one connection is taken in turns)
  const gate = new ReadGate({
    perCaller: config.expensiveReadsPerCaller,
    concurrent: config.databaseUrl ? expensiveShare(config.poolMax) : 1,
    queueTimeoutMs: config.limits.statementTimeoutMs || 15_000,
  });

  // operations endpoints: unauthenticated, kept out of the request log and of the request metrics
  const health = healthRouter(db, { replicas: () => router?.status ?? [] });
  app.locals.health = health; // main.ts: health.setDraining() on SIGTERM
  app.use(health.router);
  app.get('/metrics', metrics.handler);
  app.use(metrics.middleware);
  app.use(requestLog(logger));
  app.use(recordTokenActivity(activity));
  app.use((req, _res, next) => {
    if (req.originalUrl.length > config.limits.maxUrlLength) {
      next(new ODataError('UriTooLong', `The URL is longer than ${config.limits.maxUrlLength} characters; narrow the query`));
      return;
    }
    next();
  });

  // the OpenAPI description: public, like the console that reads it
  let openapi: string | undefined;
  app.get(`${SERVICE_PATH}/openapi.json`, (_req, res) => {
    openapi ??= JSON.stringify(buildOpenApi(metadataXml));
    res.type('application/json').setHeader('Cache-Control', 'no-cache');
    res.send(openapi);
  });

  const odata = express.Router({ caseSensitive: true, strict: false });
  // bodies are parsed only when declared as JSON; anything else reaches the write stage as undefined (→ 415)
  odata.use(express.json({ limit: MAX_BODY_BYTES, type: ['application/json', 'application/*+json'], strict: false }));
  odata.use(async (req: Request, res: Response) => {
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    if (!isRead && !WRITE_METHODS.has(req.method)) {
      res.setHeader('Allow', 'GET, HEAD, POST, PATCH, PUT, DELETE');
      throw new ODataError('MethodNotAllowed', `${req.method} is not supported`);
    }
    const query = rawQuery(req);
    // an address that keeps failing to authenticate is turned away before any token is checked
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    authFailures.check(address);
    // reads and writes take the caller from a short-lived cache; a write checks it again inside its own
    // statement and, when it changed, authenticates afresh (refreshPrincipal) and runs again
    const authenticated = (options: AuthenticateOptions) => authenticate(db, keys, req.headers.authorization, query, options)
      .catch((err: unknown) => {
        if (err instanceof ODataError && err.status === 401) authFailures.fail(address);
        throw err;
      });
    const principal = await authenticated({ cache: callers, tokenCache: personalTokens, verify, oidc });
    res.locals.principal = principal; // for the token activity log
    // a read needs odata.read, or logs.read for the logs (checked per set by the read handler)
    if (isRead) requireAnyScope(principal, [SCOPE_READ, SCOPE_LOGS]);
    else requireScope(principal, SCOPE_WRITE);
    const { options, custom } = parseOptions(query);
    const { segments } = parsePath(req.path);
    if (options.id !== undefined && !(req.method === 'DELETE' && segments[segments.length - 1]?.name === '$ref')) {
      throw new ODataError('InvalidQueryOption', '$id names the reference a DELETE …/$ref removes: DELETE /odata/Teams(3)/Users/$ref?$id=Users(7)', '$id');
    }
    if (!isRead) {
      const onCommitted = (set: EntitySetDef) => {
        forget(invalidates(set));
        router?.wrote(principal.companyId);
        notifier?.notify(principal.companyId, invalidates(set));
      };
      await handleWrite(req, res, { db, config, principal, refreshPrincipal: () => authenticated({ verify, oidc }), segments, refId: options.id, onCommitted });
      return;
    }
    const first = segments[0];
    if (!first) {
      const format = negotiateJson(req.headers.accept, options.format);
      res.setHeader('Content-Type', jsonContentType(format));
      res.send(JSON.stringify(buildServiceDocument(model, serviceRoot(req, config.trustProxy))));
      return;
    }
    if (first.name === '$metadata' && segments.length === 1) {
      if (options.format !== undefined && !/xml/i.test(options.format)) {
        throw new ODataError('NotAcceptable', '$metadata is available as XML only (CSDL JSON is not supported)', '$format');
      }
      res.type('application/xml').send(metadataXml);
      return;
    }
    const called = calledAction(segments);
    if (called) refuseActionMethod(res, called);
    if (first.name.startsWith('$')) {
      throw new ODataError('UnsupportedQueryOption', `${first.name} is not supported`, first.name);
    }
    const read = async (from: Knex) => {
      const visible = principal.isAdministrator || !visibleUsers.enabled ? undefined : await cachedVisibleUsers(from, principal, visibleUsers);
      const cardinalities = () => cachedCardinalities(from, model, principal.companyId, setCounts);
      await handleRead(req, res, { db: from, config, principal, segments, options, parameters: custom, visible, plan, compile, cardinalities, gate });
    };
    const from = router?.forRead(principal.companyId) ?? db;
    try {
      await read(from);
    } catch (err) {
      // a replica that went away between two health checks: this read is answered by the primary
      if (from === db || res.headersSent || !isConnectionFailure(err)) throw err;
      router?.failed(from);
      await read(db);
    }
  });
  app.use(SERVICE_PATH, odata);
  // the API console and the explorer page, after the OData router: its requests do not pass through them
  app.use('/docs', docsRouter());
  app.use(explorerRouter());
  app.use((req, _res, next) => {
    next(new ODataError('NotFound', `Nothing at ${req.path}; the OData service root is ${SERVICE_PATH}`));
  });
  app.use(renderError(logger, { authorizationUri: config.oidc?.authorizationUri }));
  return app;
}
