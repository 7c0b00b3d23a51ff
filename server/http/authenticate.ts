/**
 * Authentication stage: finds the credential (Authorization: Bearer, Basic with it as password, or the
 * `token` query parameter that Power BI's "Web API key" sends) — a personal access token (`oc_pat_…`,
 * found by its hash, not revoked, not expired), or a JWT (verified) — and loads the user: it must exist,
 * be active and belong to the token's company. Produces the Principal; failures are 401 with
 * WWW-Authenticate. One indexed point query per write; reads may take the rows from a cache a few
 * seconds old (server/auth/ttl-cache.ts), which every write through this process clears.
 */
import type { Knex } from 'knex';
import { ODataError } from '../../odata/errors';
import type { EntitySetDef } from '../../odata/model';
import type { Principal } from '../auth/principal';
import type { OidcAuthenticator } from '../auth/oidc';
import { effectiveScopes, findPersonalToken, isPersonalToken, secretHash, type PersonalTokenRow } from '../auth/personal-tokens';
import { SCOPE_READ, TokenError, verifyToken, type TokenClaims, type TokenKeys } from '../auth/tokens';
import { callerKey, type TtlCache } from '../auth/ttl-cache';


/**
 * The 401 challenges, one header line each: Bearer (naming where to sign in when OIDC_AUTHORIZATION_URI is
 * set: Power BI's "Organizational account" reads it), then Basic (the token as password).
 *   challenges('https://login.microsoftonline.com/t/oauth2/authorize')
 *     → ['Bearer realm="orgchart-odata", authorization_uri="https://login.microsoftonline.com/t/oauth2/authorize"', 'Basic realm="orgchart-odata"']
 */
export function challenges(authorizationUri?: string): string[] {
  const bearer = authorizationUri ? `Bearer realm="orgchart-odata", authorization_uri="${authorizationUri}"` : 'Bearer realm="orgchart-odata"';
  return [bearer, 'Basic realm="orgchart-odata"'];
}

function unauthenticated(message: string): ODataError {
  return new ODataError('Unauthenticated', message);
}

/** Values of the `token` query parameter: `a=1&token=x&token=x` → ['x', 'x']. */
export function tokenParameters(query: string): string[] {
  const tokens: string[] = [];
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (name.toLowerCase() !== 'token') continue;
    try {
      tokens.push(decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' ')).trim());
    } catch {
      throw unauthenticated('The token query parameter is not valid percent-encoding');
    }
  }
  return tokens;
}

/**
 * All the places a token may come from, de-duplicated:
 * `findTokens('Bearer abc', 'token=abc')` → ['abc']; two different tokens → 401.
 */
export function findToken(authorization: string | undefined, query: string): string | undefined {
  const found: string[] = [];
  if (authorization) {
    const [scheme = '', ...rest] = authorization.trim().split(/\s+/);
    const credentials = rest.join(' ');
    if (scheme.toLowerCase() === 'bearer') {
      found.push(credentials);
    } else if (scheme.toLowerCase() === 'basic') {
      const decoded = Buffer.from(credentials, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      found.push(colon < 0 ? decoded : decoded.slice(colon + 1));
    } else {
      throw unauthenticated(`Unsupported Authorization scheme '${scheme}'; use Bearer <token>`);
    }
  }
  found.push(...tokenParameters(query));
  const distinct = [...new Set(found.filter((t) => t !== ''))];
  if (distinct.length > 1) throw unauthenticated('The request carries two different tokens; send one');
  return distinct[0];
}

/** What authentication needs of the caller's users row. */
export interface CallerRow {
  readonly id: string;
  readonly userName: string;
  readonly isAdministrator: boolean;
  readonly isActive: boolean;
}

async function loadCaller(db: Knex, companyId: number, userId: string): Promise<CallerRow | null> {
  const row = (await db('users')
    .select('id', 'user_name', 'is_administrator', 'is_active')
    .where({ company_id: companyId, id: userId })
    .first()) as { id: string | number; user_name: string; is_administrator: boolean; is_active: boolean } | undefined;
  return row ? { id: String(row.id), userName: row.user_name, isAdministrator: row.is_administrator, isActive: row.is_active } : null;
}

export interface AuthenticateOptions {
  /** Accept the caller's row from this cache (reads); without it the row is read fresh (writes). */
  readonly cache?: TtlCache<CallerRow | null>;
  /** Accept a personal access token's row (and its owner's) from this cache (reads), keyed by the secret's hash. */
  readonly tokenCache?: TtlCache<PersonalTokenRow | null>;
  /** Tokens of the company's identity provider (OIDC_ISSUER / JWT_JWKS_URL), when configured. */
  readonly oidc?: OidcAuthenticator;
  /** Verifies a token with `keys` (tokenVerifier's memo); defaults to verifyToken. */
  readonly verify?: (token: string) => TokenClaims;
}

export async function authenticate(
  db: Knex,
  keys: TokenKeys,
  authorization: string | undefined,
  query: string,
  options: AuthenticateOptions = {},
): Promise<Principal> {
  const token = findToken(authorization, query);
  if (!token) throw unauthenticated('Authentication required: send Authorization: Bearer <token> (or ?token=<token>)');
  if (isPersonalToken(token)) return personalTokenPrincipal(db, token, options.tokenCache);
  if (options.oidc?.handles(token)) {
    const identity = await refusedAs401(() => (options.oidc as OidcAuthenticator).authenticate(db, token));
    return { userId: identity.userId, companyId: identity.companyId, userName: identity.userName, isAdministrator: identity.isAdministrator, scopes: new Set(identity.scopes) };
  }
  const claims = await refusedAs401(async () => (options.verify ? options.verify(token) : verifyToken(token, keys)));
  const { cache } = options;
  const key = callerKey(claims.companyId, claims.sub);
  let user = cache?.get(key);
  if (user === undefined) {
    const generation = cache?.generation;
    user = await loadCaller(db, claims.companyId, claims.sub);
    cache?.set(key, user, generation);
  }
  if (!user || !user.isActive) throw unauthenticated('The token does not belong to an active user of its company');
  return {
    userId: user.id,
    companyId: claims.companyId,
    userName: user.userName,
    isAdministrator: user.isAdministrator,
    scopes: new Set(claims.scopes),
  };
}

/**
 * A token check, its TokenError as a 401: a policy refusal says why (the holder can get a compliant token);
 * a bad signature or shape does not.
 */
async function refusedAs401<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (err) {
    if (err instanceof TokenError) {
      const message = err.reason === 'expired' ? 'The token has expired' : err.reason === 'refused' ? `${err.message[0]?.toUpperCase()}${err.message.slice(1)}` : 'The token is invalid';
      throw unauthenticated(message);
    }
    throw err;
  }
}

/**
 * The caller of a personal access token: its row and its owner's, in one statement (or from the cache);
 * unknown, revoked or expired → 401, an inactive owner → 401, logs.read dropped while the owner is no
 * administrator.
 */
async function personalTokenPrincipal(db: Knex, secret: string, cache?: TtlCache<PersonalTokenRow | null>): Promise<Principal> {
  const key = secretHash(secret).toString('hex');
  let row = cache?.get(key);
  if (row === undefined) {
    const generation = cache?.generation;
    row = await findPersonalToken(db, secret);
    cache?.set(key, row, generation);
  }
  if (!row) throw unauthenticated('The token is invalid');
  if (row.revokedAt) throw unauthenticated('The token has been revoked');
  if (row.expiresAt.getTime() <= Date.now()) throw unauthenticated('The token has expired');
  if (!row.isActive) throw unauthenticated('The token does not belong to an active user of its company');
  return {
    userId: row.userId,
    companyId: row.companyId,
    userName: row.userName,
    isAdministrator: row.isAdministrator,
    scopes: new Set(effectiveScopes(row.scopes, row.isAdministrator)),
    tokenId: row.id,
  };
}

/** 403 unless the principal's token carries one of the scopes: `requireAnyScope(p, ['odata.read', 'logs.read'])`. */
export function requireAnyScope(principal: Principal, scopes: readonly string[]): void {
  if (!scopes.some((scope) => principal.scopes.has(scope))) {
    throw new ODataError('Forbidden', `This token lacks the '${scopes.join("' or '")}' scope`);
  }
}

/**
 * 403 unless the caller may read the set: an administrator-only set (AuditLogs) needs an administrator,
 * and every set its read scope (odata.read, or logs.read for the logs): `requireReadable(alice, AuditLogs)` throws.
 */
export function requireReadable(principal: Principal, set: EntitySetDef): void {
  if (!principal.isAdministrator && set.readableBy === 'administrators') throw new ODataError('Forbidden', `${set.name} can be read by administrators only`, set.name);
  requireScope(principal, set.readScope ?? SCOPE_READ);
}

/** 403 unless the principal's token carries the scope: `requireScope(p, 'odata.read')`. */
export function requireScope(principal: Principal, scope: string): void {
  if (!principal.scopes.has(scope)) {
    throw new ODataError('Forbidden', `This token lacks the '${scope}' scope`);
  }
}
