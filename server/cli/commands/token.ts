/**
 * `orgchart token --user <userName> --company <id> [--scope …] [--ttl 1h]`: signs a JWT for an existing,
 * active user of that company with the configured JWT_SECRET (server/auth/tokens.ts), never for longer
 * than MAX_TOKEN_LIFETIME. `tokenCommand(db, config, { user: 'admin', company: '1' })` →
 * 'eyJhbGciOiJIUzI1NiIs…' (scope 'odata.read odata.write', valid one hour).
 */
import type { Knex } from 'knex';
import { describeTtl, parseScopes, parseTtl, SCOPE_LOGS, SCOPE_READ, SCOPE_WRITE, signToken } from '../../auth/tokens';
import type { Config } from '../../config';
import { CliError } from '../errors';

export const DEFAULT_TOKEN_SCOPE = `${SCOPE_READ} ${SCOPE_WRITE}`;
export const DEFAULT_TOKEN_TTL = '1h';

export interface TokenOptions {
  readonly user: string;
  /** The company id as typed ('1') or a number. */
  readonly company: string | number;
  readonly scope?: string;
  readonly ttl?: string;
  /** Issue time in seconds since the epoch (tests); defaults to now. */
  readonly issuedAt?: number;
}

function parseCompanyId(value: string | number): number {
  const id = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new CliError(`--company must be a company id (a positive integer), got "${value}"`);
  return id;
}

/**
 * --ttl in seconds, at most MAX_TOKEN_LIFETIME (a longer token would be refused by the server):
 * '7d' → 604800; '60d' with the default maximum → CliError('--ttl "60d" is longer than …').
 */
function parseTtlOption(ttl: string, maxLifetimeSeconds: number): number {
  const seconds = checked(() => parseTtl(ttl));
  if (seconds > maxLifetimeSeconds) {
    throw new CliError(`--ttl "${ttl}" is longer than the maximum token lifetime of ${describeTtl(maxLifetimeSeconds)} (MAX_TOKEN_LIFETIME); the server would refuse the token`);
  }
  return seconds;
}

function checked<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
}

export async function tokenCommand(db: Knex, config: Config, options: TokenOptions): Promise<string> {
  if (!config.hs256) {
    throw new CliError('JWT_SECRET is not set: this service verifies RS256 tokens from your identity provider (JWT_PUBLIC_KEY); the CLI signs HS256 tokens with JWT_SECRET');
  }
  const companyId = parseCompanyId(options.company);
  const ttlSeconds = parseTtlOption(options.ttl ?? DEFAULT_TOKEN_TTL, config.maxTokenLifetimeSeconds);
  const scope = checked(() => parseScopes(options.scope ?? DEFAULT_TOKEN_SCOPE).join(' '));
  const company = await db('companies').where({ id: companyId }).first('id');
  if (!company) throw new CliError(`company ${companyId} does not exist`);
  const user: { id: number | string; is_active: boolean; is_administrator: boolean } | undefined = await db('users')
    .where({ company_id: companyId, user_name: options.user })
    .first('id', 'is_active', 'is_administrator');
  if (!user) throw new CliError(`company ${companyId} has no user named "${options.user}"`);
  if (!user.is_active) throw new CliError(`user "${options.user}" of company ${companyId} is inactive`);
  // a token never carries more than its owner may do: the logs are for administrators
  if (scope.split(' ').includes(SCOPE_LOGS) && !user.is_administrator) throw new CliError(`${SCOPE_LOGS} is for administrators; "${options.user}" is not one`);
  return signToken({ userId: user.id, companyId, scope, ttlSeconds, issuedAt: options.issuedAt }, config.jwtSecret);
}
