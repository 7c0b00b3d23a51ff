/**
 * Sign-in with a company's identity provider (Entra ID, Okta, Keycloak): the authentication stage
 * (server/http/authenticate.ts) hands an RS256/ES256 token here when `handles` says it is the provider's.
 * It is verified with the provider's published keys (OIDC discovery → jwks_uri, cached by jose) and mapped
 * to an active user of this service by one indexed query on users; the stage then builds the Principal.
 */
import type { Knex } from 'knex';
import { createRemoteJWKSet, customFetch, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type FlattenedJWSInput, type JWSHeaderParameters, type JWTPayload } from 'jose';
import { ODataError } from '../../odata/errors';
import { httpsUrl, matchesEmail, type OidcConfig } from './oidc-config';
import { CLOCK_SKEW_SECONDS, KNOWN_SCOPES, TokenError } from './tokens';

export type { OidcConfig } from './oidc-config';

/** The only algorithms an identity provider's token may use (pinned: never HS256, never none). */
export const OIDC_ALGORITHMS: readonly string[] = ['RS256', 'ES256'];
/** How long discovery and a JWKS fetch may take before the request fails with 503. */
const FETCH_TIMEOUT_MS = 5000;

/** The user a verified identity-provider token belongs to. */
export interface OidcIdentity {
  readonly companyId: number;
  /** users.id as a decimal string (bigint-safe), like Principal.userId. */
  readonly userId: string;
  /** Our scopes the token grants (see grantedScopes). */
  readonly scopes: readonly string[];
  /** From the same users row, so the caller needs no second query for the Principal. */
  readonly userName: string;
  readonly isAdministrator: boolean;
}

export interface OidcAuthenticator {
  /**
   * Whether this token should go to the OIDC path: a JWT whose header alg is RS256/ES256 and whose payload
   * iss is the configured issuer (or, with JWT_JWKS_URL and no OIDC_ISSUER, whose header has a kid).
   * Cheap, no I/O, never throws.
   *   handles(<RS256 token with iss = OIDC_ISSUER>) → true; handles(<HS256 token from the CLI>) → false
   */
  handles(token: string): boolean;
  /**
   * Verifies and maps to an active user; throws TokenError ('expired' | 'invalid' | 'refused') for a bad
   * token, ODataError('Unauthenticated') for an unknown, inactive or ambiguous user, and
   * ODataError('ServiceUnavailable', 503) when the provider's discovery document or keys cannot be read.
   *   await authenticate(db, <token { email: 'Ann@Acme.example', scp: 'odata.read' }>)
   *     → { companyId: 7, userId: '42', scopes: ['odata.read'], userName: 'ann', isAdministrator: false }
   */
  authenticate(db: Knex, token: string): Promise<OidcIdentity>;
}

export interface OidcAuthenticatorOptions {
  /** Used for discovery and the JWKS (tests, proxies); defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

type KeySet = ReturnType<typeof createRemoteJWKSet>;

function unavailable(message: string): ODataError {
  return new ODataError('ServiceUnavailable', `The identity provider is unavailable: ${message}; try again shortly`);
}

function unauthenticated(message: string): ODataError {
  return new ODataError('Unauthenticated', message);
}

function errorText(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : '';
  return `${err instanceof Error ? err.message : String(err)}${cause}`;
}

/**
 * The names a `scp` / `scope` claim carries: 'odata.read  openid' → ['odata.read', 'openid'],
 * ['odata.read', 'odata.write'] → the same list; anything else → [].
 */
function claimNames(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter((s) => s !== '');
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === 'string' && s !== '');
  return [];
}

/**
 * Our scopes a token grants: those of KNOWN_SCOPES its `scp` (Entra ID) or `scope` (Okta, Keycloak) claim
 * names, or `defaults` when it names none of them.
 *   grantedScopes({ scp: 'odata.read User.Read' }, ['odata.read']) → ['odata.read']
 *   grantedScopes({ scope: ['openid', 'odata.write'] }, ['odata.read']) → ['odata.write']
 *   grantedScopes({ scope: 'openid email' }, ['odata.read']) → ['odata.read']
 */
export function grantedScopes(payload: JWTPayload, defaults: readonly string[]): string[] {
  const named = new Set([...claimNames(payload.scp), ...claimNames(payload.scope)]);
  const ours = KNOWN_SCOPES.filter((s) => named.has(s));
  return ours.length > 0 ? ours : [...defaults];
}

/**
 * The company a token names in `claim`: a positive integer or a string of digits.
 *   companyFromClaim({ tenant_company: '7' }, 'tenant_company') → 7; a missing or non-numeric claim → throws TokenError('refused')
 */
function companyFromClaim(payload: JWTPayload, claim: string): number {
  const value = payload[claim];
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) {
    throw new TokenError('refused', `the token's ${claim} claim (OIDC_COMPANY_CLAIM) must be a company id (a positive integer)${value === undefined ? ', and the token has none' : ''}`);
  }
  return id;
}

/** A JOSE verification failure as the TokenError the HTTP layer answers 401 for. */
function tokenError(err: errors.JOSEError): TokenError {
  if (err instanceof errors.JWTExpired) return new TokenError('expired', 'the token has expired');
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf') return new TokenError('refused', `the token is not valid yet: its nbf is ahead of this server's clock by more than ${CLOCK_SKEW_SECONDS} s`);
    if (err.claim === 'iss') return new TokenError('invalid', 'the token is invalid: it was not issued by the configured identity provider (iss)');
    if (err.claim === 'aud') return new TokenError('invalid', 'the token is invalid: it was not issued for this service (aud)');
    if (err.claim === 'exp') return new TokenError('invalid', 'the token is invalid: it has no valid exp claim');
    return new TokenError('invalid', `the token is invalid: ${err.message}`);
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return new TokenError('invalid', `the token is invalid: identity-provider tokens must be signed ${OIDC_ALGORITHMS.join(' or ')}`);
  if (err instanceof errors.JWKSNoMatchingKey) return new TokenError('invalid', "the token is invalid: no key of the identity provider matches its kid");
  // e.g. a crit header naming an extension we do not understand
  if (err instanceof errors.JOSENotSupported) return new TokenError('refused', `the token is invalid: ${err.message}`);
  return new TokenError('invalid', `the token is invalid: ${err.message}`);
}

/** The users row the lookup reads. */
interface UserRow {
  readonly company_id: number;
  readonly id: string | number;
  readonly user_name: string;
  readonly is_administrator: boolean;
  readonly is_active: boolean;
}

/**
 * Builds the authenticator of one identity provider; keys are discovered and fetched on first use.
 *   const oidc = createOidcAuthenticator(config.oidc); if (oidc.handles(token)) identity = await oidc.authenticate(db, token)
 */
export function createOidcAuthenticator(config: OidcConfig, options: OidcAuthenticatorOptions = {}): OidcAuthenticator {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const { issuer, jwksUrl, audience, userClaim, companyId, companyClaim, defaultScopes, jwksRefreshSeconds } = config;
  if (issuer === undefined && jwksUrl === undefined) throw new RangeError('OIDC needs OIDC_ISSUER or JWT_JWKS_URL');

  const keySetAt = (url: string): KeySet =>
    createRemoteJWKSet(new URL(url), {
      cooldownDuration: jwksRefreshSeconds * 1000,
      timeoutDuration: FETCH_TIMEOUT_MS,
      [customFetch]: (resource, init) => fetchImpl(resource, init),
    });

  /** The key set: from JWT_JWKS_URL at once, or discovered on first use (a failure is retried by the next request). */
  let keySet: Promise<KeySet> | undefined = jwksUrl !== undefined ? Promise.resolve(keySetAt(jwksUrl)) : undefined;
  const discover = async (from: string): Promise<KeySet> => {
    const url = `${from.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let document: unknown;
    try {
      const response = await fetchImpl(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      document = await response.json();
    } catch (err) {
      throw unavailable(`its OpenID configuration could not be read from ${url} (${errorText(err)})`);
    }
    const jwksUri = typeof document === 'object' && document !== null ? (document as { jwks_uri?: unknown }).jwks_uri : undefined;
    if (typeof jwksUri !== 'string') throw unavailable(`its OpenID configuration at ${url} has no jwks_uri`);
    try {
      httpsUrl('jwks_uri', jwksUri);
    } catch (err) {
      throw unavailable(`its OpenID configuration at ${url} has an unusable jwks_uri (${errorText(err)})`);
    }
    return keySetAt(jwksUri);
  };
  const currentKeySet = (): Promise<KeySet> => {
    if (keySet === undefined) {
      const pending = discover(issuer as string);
      keySet = pending;
      pending.catch(() => {
        if (keySet === pending) keySet = undefined;
      });
    }
    return keySet;
  };

  /** jose's key resolver, with a provider that cannot be reached reported as 503 rather than a bad token. */
  const key = async (header: JWSHeaderParameters, input: FlattenedJWSInput) => {
    const keys = await currentKeySet();
    try {
      return await keys(header, input);
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) throw err;
      throw unavailable(`its keys could not be read (${errorText(err)})`);
    }
  };

  const verifyOptions = {
    algorithms: [...OIDC_ALGORITHMS],
    audience: [...audience],
    ...(issuer !== undefined ? { issuer } : {}),
    requiredClaims: ['exp'],
    clockTolerance: CLOCK_SKEW_SECONDS,
  };

  const lookUp = async (db: Knex, payload: JWTPayload): Promise<OidcIdentity> => {
    const value = payload[userClaim];
    if (typeof value !== 'string' || value.trim() === '') throw new TokenError('refused', `the token carries no ${userClaim} claim, which names the user (OIDC_USER_CLAIM)`);
    const byEmail = matchesEmail(userClaim);
    if (byEmail && (payload.email_verified === false || payload.email_verified === 'false')) {
      throw new TokenError('refused', 'the token says its email address is not verified (email_verified: false)');
    }
    const company = companyId ?? (companyClaim !== undefined ? companyFromClaim(payload, companyClaim) : undefined);
    // one indexed query: users_email_unique (company_id, lower(email)) or users_by_external_id (company_id, external_id);
    // active rows first, so two rows tell "ambiguous" from "one active (and some inactive)"
    const query = db('users').select('company_id', 'id', 'user_name', 'is_administrator', 'is_active');
    if (company !== undefined) query.where('company_id', company);
    if (byEmail) query.whereRaw('lower(email) = lower(?)', [value.trim()]);
    else query.where('external_id', value);
    const rows = (await query.orderBy('is_active', 'desc').limit(2)) as UserRow[];
    const [first, second] = rows;
    const who = `${byEmail ? 'email' : 'external id'} '${value}'${company !== undefined ? ` in company ${company}` : ''}`;
    if (!first) throw unauthenticated(`The identity provider's token names no user of this service (${who})`);
    if (!first.is_active) throw unauthenticated(`The identity provider's token names an inactive user (${who})`);
    if (second?.is_active) throw unauthenticated(`The identity provider's token is ambiguous: more than one active user has the ${who}`);
    return {
      companyId: Number(first.company_id),
      userId: String(first.id),
      scopes: grantedScopes(payload, defaultScopes),
      userName: first.user_name,
      isAdministrator: first.is_administrator,
    };
  };

  return {
    handles(token: string): boolean {
      try {
        if (typeof token !== 'string' || token.split('.').length !== 3) return false;
        const header = decodeProtectedHeader(token);
        if (typeof header.alg !== 'string' || !OIDC_ALGORITHMS.includes(header.alg)) return false;
        if (issuer !== undefined) return decodeJwt(token).iss === issuer;
        return typeof header.kid === 'string' && header.kid !== '';
      } catch {
        return false;
      }
    },

    async authenticate(db: Knex, token: string): Promise<OidcIdentity> {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, key, verifyOptions));
      } catch (err) {
        if (err instanceof errors.JOSEError) throw tokenError(err);
        throw err;
      }
      return lookUp(db, payload);
    },
  };
}
