/**
 * Configuration from the environment, read once in main.ts / the CLI and passed down as a value
 * (nothing else reads process.env). Limits live here too, in one object (ASP.NET Core OData's idea).
 */
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Limits } from '../odata/limits';
import { loadOidcConfig, type OidcConfig } from './auth/oidc-config';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, describeTtl, MAX_TTL_SECONDS, parseTtl, type TokenKeys } from './auth/tokens';

export type { Limits, OidcConfig };

export interface Config {
  readonly port: number;
  /** Unset → embedded PGlite in pgliteDir. */
  readonly databaseUrl?: string;
  readonly pgliteDir: string;
  /** HS256 key (when hs256), and always the key that signs $skiptoken values. */
  readonly jwtSecret: string;
  readonly jwtSecretIsDevDefault: boolean;
  /** Whether HS256 tokens are accepted: JWT_SECRET is set, or (no JWT_PUBLIC_KEY) the development secret is used. */
  readonly hs256: boolean;
  /** JWT_PUBLIC_KEY as PEM: RS256 tokens (from an identity provider) are verified with it. */
  readonly jwtPublicKey?: string;
  /** MAX_TOKEN_LIFETIME in seconds: a token whose exp is further from now, or from its iat, is refused. */
  readonly maxTokenLifetimeSeconds: number;
  /** ACCESS_TOKEN_MAX_LIFETIME in seconds: the furthest ExpiresAt a personal access token may have (default 365 days). */
  readonly accessTokenMaxLifetimeSeconds: number;
  /** TOKEN_ACTIVITY_FLUSH_MS: how often recorded token activity is written (also every 500 rows, and on shutdown). */
  readonly tokenActivityFlushMs: number;
  /** AUTH_FAILURES_PER_MINUTE: failed authentications one client address may have per minute before 429 (0: no limit). */
  readonly authFailuresPerMinute: number;
  /** CACHE_INVALIDATION (PostgreSQL): `notify` (default) — instances clear their caches on each other's writes (LISTEN/NOTIFY); `off`. */
  readonly cacheInvalidation: boolean;
  /** DATABASE_READ_URL (comma-separated): PostgreSQL read replicas that take the GETs (server/db/read-router.ts). */
  readonly databaseReadUrls: readonly string[];
  /** REPLICA_FRESHNESS_MS: after a company's write, its reads go to the primary this long (read-your-writes). */
  readonly replicaFreshnessMs: number;
  /** REPLICA_MAX_LAG_MS: a replica further behind than this is skipped. */
  readonly replicaMaxLagMs: number;
  /** DRAIN_DELAY_MS: after SIGTERM, how long readiness answers 503 while requests are still served, before closing. */
  readonly drainDelayMs: number;
  /** DELTA_RETENTION in seconds: how long deletions are kept for delta links; an older delta link answers 410 (default 7 days). */
  readonly deltaRetentionSeconds: number;
  /** METRICS_TOKEN: when set, GET /metrics needs `Authorization: Bearer <it>`. */
  readonly metricsToken?: string;
  readonly logLevel: string;
  /** Honour X-Forwarded-Proto/Host when building absolute URLs. */
  readonly trustProxy: boolean;
  readonly poolMax: number;
  /** How long a read may use cached copies of the caller's user row and visible user ids (0: read them on every request). */
  readonly authCacheMs: number;
  /** Expensive reads (large $expand, matchesPattern) one caller may run at once; more → 429. */
  readonly expensiveReadsPerCaller: number;
  readonly limits: Limits;
  /** Sign-in with an identity provider (OIDC_ISSUER / JWT_JWKS_URL, JWT_AUDIENCE, OIDC_*): undefined when neither OIDC_ISSUER nor JWT_JWKS_URL is set. */
  readonly oidc?: OidcConfig;
}

export const HARD_MAX_PAGE_SIZE = 1000;

export const DEFAULT_LIMITS: Limits = {
  maxPageSize: HARD_MAX_PAGE_SIZE,
  maxTop: 1_000_000,
  maxSkip: 1_000_000,
  maxFilterNodes: 100,
  maxOrderByKeys: 5,
  maxUrlLength: 8192,
  maxInListItems: 1000,
  maxExpandDepth: 16,
  maxResponseEntities: 20_000,
  expensiveReadWeight: 2_000,
  regexStatementTimeoutMs: 3_000,
  statementTimeoutMs: 15_000,
};

/** Default of EXPENSIVE_READS_PER_CALLER: a Power BI refresh runs a few queries in parallel. */
export const DEFAULT_EXPENSIVE_READS_PER_CALLER = 4;

/** Default of AUTH_CACHE_MS: how long a change made outside this process's API may take to reach reads. */
export const DEFAULT_AUTH_CACHE_MS = 5000;

/** Default of ACCESS_TOKEN_MAX_LIFETIME: personal access tokens can be revoked, so they may live a year. */
export const DEFAULT_ACCESS_TOKEN_MAX_LIFETIME_SECONDS = 365 * 86_400;

/** Default of DELTA_RETENTION: a weekly refresh still gets a delta. */
export const DEFAULT_DELTA_RETENTION_SECONDS = 7 * 86_400;

export const DEV_JWT_SECRET = 'orgchart-dev-secret-do-not-use-in-production';

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

/**
 * A lifetime variable, read with the CLI's --ttl parser (parseTtl): MAX_TOKEN_LIFETIME=12h → 43200,
 * unset → `fallback`; 'forever' or '400d' → throws naming the variable.
 */
function lifetimeFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  try {
    return parseTtl(raw);
  } catch {
    throw new Error(`${name} must be a lifetime of at most ${describeTtl(MAX_TTL_SECONDS)}: seconds (3600) or <n>s|m|h|d (90m, 12h, 30d); got "${raw}"`);
  }
}

/**
 * JWT_PUBLIC_KEY → PEM: the PEM itself (literal `\n` sequences allowed, as one-line environments need) or
 * the path of a PEM file. Throws with a clear message unless it is an RSA public key.
 *   readPublicKey('-----BEGIN PUBLIC KEY-----\\nMIIB…') → '-----BEGIN PUBLIC KEY-----\nMIIB…'
 */
export function readPublicKey(value: string): string {
  let pem = value.trim().startsWith('-----BEGIN') ? value.trim().replace(/\\n/g, '\n') : undefined;
  if (pem === undefined) {
    try {
      pem = readFileSync(value, 'utf8');
    } catch {
      throw new Error(`JWT_PUBLIC_KEY must be a PEM public key or the path of one; cannot read "${value}"`);
    }
  }
  let key;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Error('JWT_PUBLIC_KEY is not a PEM public key');
  }
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`JWT_PUBLIC_KEY must be an RSA key for RS256 (it is ${key.asymmetricKeyType ?? 'unknown'})`);
  return pem;
}

/**
 * What tokens are verified with: `{ secret }` for HS256 when accepted, `{ publicKey }` for RS256 when
 * configured, and the maximum lifetime: `tokenKeys(loadConfig({ JWT_SECRET: 's' }))` → { secret: 's', maxLifetimeSeconds: 2592000 }.
 */
export function tokenKeys(config: Config): Exclude<TokenKeys, string> {
  return {
    ...(config.hs256 ? { secret: config.jwtSecret } : {}),
    ...(config.jwtPublicKey ? { publicKey: config.jwtPublicKey } : {}),
    maxLifetimeSeconds: config.maxTokenLifetimeSeconds,
  };
}

/**
 * `readUrlsFrom('postgres://r1/db, postgres://r2/db', 'postgres://p/db')` → both URLs; replicas need a primary
 * (DATABASE_URL) and must be postgres:// URLs.
 */
function readUrlsFrom(raw: string | undefined, databaseUrl: string | undefined): string[] {
  const urls = (raw ?? '').split(',').map((u) => u.trim()).filter((u) => u !== '');
  if (urls.length > 0 && !databaseUrl) throw new Error('DATABASE_READ_URL needs DATABASE_URL (the primary, which takes the writes)');
  for (const url of urls) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`DATABASE_READ_URL must list postgres:// URLs, got "${url.replace(/:[^:@/]*@/, ':***@')}"`);
  }
  return urls;
}

/** `cacheInvalidationFrom('off')` → false; unset or 'notify' → true; anything else throws naming CACHE_INVALIDATION. */
function cacheInvalidationFrom(raw: string | undefined): boolean {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '' || value === 'notify') return true;
  if (value === 'off') return false;
  throw new Error(`CACHE_INVALIDATION must be notify or off, got "${raw}"`);
}

/** Reads the environment. Throws with a clear message on a bad value (checked at start-up). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  const secret = env.JWT_SECRET || undefined;
  const publicKey = env.JWT_PUBLIC_KEY ? readPublicKey(env.JWT_PUBLIC_KEY) : undefined;
  if (!secret && !publicKey && databaseUrl) {
    throw new Error('JWT_SECRET (HS256) or JWT_PUBLIC_KEY (RS256) must be set when DATABASE_URL is set (the dev default is only for the embedded database)');
  }
  const oidc = loadOidcConfig(env);
  const pageSize = Math.min(intFrom(env, 'MAX_PAGE_SIZE', HARD_MAX_PAGE_SIZE), HARD_MAX_PAGE_SIZE);
  return {
    port: intFrom(env, 'PORT', 3000),
    databaseUrl,
    pgliteDir: env.PGLITE_DIR || './data/pglite',
    // without JWT_SECRET, $skiptoken values are signed with a key derived from the public key: the same on
    // every instance behind a load balancer (a forged token could only move the caller within their own results)
    jwtSecret: secret ?? (publicKey ? createHash('sha256').update(`orgchart-skiptoken\n${publicKey}`).digest('hex') : DEV_JWT_SECRET),
    jwtSecretIsDevDefault: !secret && !publicKey,
    hs256: secret !== undefined || publicKey === undefined,
    jwtPublicKey: publicKey,
    maxTokenLifetimeSeconds: lifetimeFrom(env, 'MAX_TOKEN_LIFETIME', DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
    accessTokenMaxLifetimeSeconds: lifetimeFrom(env, 'ACCESS_TOKEN_MAX_LIFETIME', DEFAULT_ACCESS_TOKEN_MAX_LIFETIME_SECONDS),
    tokenActivityFlushMs: Math.max(1, intFrom(env, 'TOKEN_ACTIVITY_FLUSH_MS', 1000)),
    authFailuresPerMinute: intFrom(env, 'AUTH_FAILURES_PER_MINUTE', 30),
    cacheInvalidation: cacheInvalidationFrom(env.CACHE_INVALIDATION),
    databaseReadUrls: readUrlsFrom(env.DATABASE_READ_URL, databaseUrl),
    replicaFreshnessMs: intFrom(env, 'REPLICA_FRESHNESS_MS', 2000),
    replicaMaxLagMs: intFrom(env, 'REPLICA_MAX_LAG_MS', 5000),
    drainDelayMs: intFrom(env, 'DRAIN_DELAY_MS', 0),
    deltaRetentionSeconds: lifetimeFrom(env, 'DELTA_RETENTION', DEFAULT_DELTA_RETENTION_SECONDS),
    ...(env.METRICS_TOKEN ? { metricsToken: env.METRICS_TOKEN } : {}),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: ['1', 'true', 'yes'].includes((env.TRUST_PROXY ?? '').toLowerCase()),
    poolMax: intFrom(env, 'DB_POOL_MAX', 10),
    authCacheMs: intFrom(env, 'AUTH_CACHE_MS', DEFAULT_AUTH_CACHE_MS),
    expensiveReadsPerCaller: Math.max(1, intFrom(env, 'EXPENSIVE_READS_PER_CALLER', DEFAULT_EXPENSIVE_READS_PER_CALLER)),
    limits: {
      ...DEFAULT_LIMITS,
      maxPageSize: Math.max(1, pageSize),
      statementTimeoutMs: intFrom(env, 'STATEMENT_TIMEOUT_MS', DEFAULT_LIMITS.statementTimeoutMs),
      maxResponseEntities: Math.max(1, intFrom(env, 'MAX_RESPONSE_ENTITIES', DEFAULT_LIMITS.maxResponseEntities)),
      regexStatementTimeoutMs: intFrom(env, 'REGEX_STATEMENT_TIMEOUT_MS', DEFAULT_LIMITS.regexStatementTimeoutMs),
    },
    ...(oidc ? { oidc } : {}),
  };
}
