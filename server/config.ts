/**
 * Configuration from the environment, read once in main.ts / the CLI and passed down as a value
 * (nothing else reads process.env). Limits live here too, in one object (ASP.NET Core OData's idea).
 */
import type { Limits } from '../odata/limits';

export type { Limits };

export interface Config {
  readonly port: number;
  /** Unset → embedded PGlite in pgliteDir. */
  readonly databaseUrl?: string;
  readonly pgliteDir: string;
  readonly jwtSecret: string;
  readonly jwtSecretIsDevDefault: boolean;
  readonly logLevel: string;
  /** Honour X-Forwarded-Proto/Host when building absolute URLs. */
  readonly trustProxy: boolean;
  readonly poolMax: number;
  /** How long a read may use cached copies of the caller's user row and visible user ids (0: read them on every request). */
  readonly authCacheMs: number;
  readonly limits: Limits;
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
  statementTimeoutMs: 15_000,
};

/** Default of AUTH_CACHE_MS: how long a change made outside this process's API may take to reach reads. */
export const DEFAULT_AUTH_CACHE_MS = 5000;

export const DEV_JWT_SECRET = 'orgchart-dev-secret-do-not-use-in-production';

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

/** Reads the environment. Throws with a clear message on a bad value (checked at start-up). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  const secret = env.JWT_SECRET || undefined;
  if (!secret && databaseUrl) {
    throw new Error('JWT_SECRET must be set when DATABASE_URL is set (the dev default is only for the embedded database)');
  }
  const pageSize = Math.min(intFrom(env, 'MAX_PAGE_SIZE', HARD_MAX_PAGE_SIZE), HARD_MAX_PAGE_SIZE);
  return {
    port: intFrom(env, 'PORT', 3000),
    databaseUrl,
    pgliteDir: env.PGLITE_DIR || './data/pglite',
    jwtSecret: secret ?? DEV_JWT_SECRET,
    jwtSecretIsDevDefault: !secret,
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: ['1', 'true', 'yes'].includes((env.TRUST_PROXY ?? '').toLowerCase()),
    poolMax: intFrom(env, 'DB_POOL_MAX', 10),
    authCacheMs: intFrom(env, 'AUTH_CACHE_MS', DEFAULT_AUTH_CACHE_MS),
    limits: {
      ...DEFAULT_LIMITS,
      maxPageSize: Math.max(1, pageSize),
      statementTimeoutMs: intFrom(env, 'STATEMENT_TIMEOUT_MS', DEFAULT_LIMITS.statementTimeoutMs),
    },
  };
}
