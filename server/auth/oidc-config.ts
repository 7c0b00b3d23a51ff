/**
 * OIDC configuration: reads the OIDC_* / JWT_JWKS_URL / JWT_AUDIENCE variables for server/config.ts
 * (loadConfig calls loadOidcConfig) and checks them strictly at start-up. The result is what
 * server/auth/oidc.ts verifies identity-provider tokens with. Pure: no I/O.
 */
import { KNOWN_SCOPES, SCOPE_READ } from './tokens';

/**
 * Which claim names the user: 'email' (and Entra ID's 'preferred_username' / 'upn', which carry the
 * address) is matched to users.email ignoring case; 'sub' (and Entra ID's 'oid', the object id, stable
 * across app registrations) is matched exactly to users.external_id.
 */
export type OidcUserClaim = 'email' | 'preferred_username' | 'upn' | 'sub' | 'oid';
export const OIDC_USER_CLAIMS: readonly OidcUserClaim[] = ['email', 'preferred_username', 'upn', 'sub', 'oid'];

/** Whether a user claim is matched to users.email (else to users.external_id): 'upn' → true, 'sub' → false. */
export function matchesEmail(claim: OidcUserClaim): boolean {
  return claim === 'email' || claim === 'preferred_username' || claim === 'upn';
}

export interface OidcConfig {
  /** OIDC_ISSUER exactly as configured: the `iss` tokens must carry, and (without jwksUrl) where discovery starts. */
  readonly issuer?: string;
  /** JWT_JWKS_URL: the keys, without discovery. */
  readonly jwksUrl?: string;
  /** JWT_AUDIENCE (comma-separated → several): a token must carry one of them in `aud`. */
  readonly audience: readonly string[];
  /** OIDC_USER_CLAIM, default 'email'. */
  readonly userClaim: OidcUserClaim;
  /** OIDC_COMPANY_ID: every token of this issuer belongs to this company. */
  readonly companyId?: number;
  /** OIDC_COMPANY_CLAIM: the claim carrying the company id. Neither: the user is searched in every company. */
  readonly companyClaim?: string;
  /** OIDC_SCOPES_DEFAULT (default ['odata.read']): granted when the token names none of our scopes. */
  readonly defaultScopes: readonly string[];
  /** OIDC_JWKS_REFRESH_SECONDS (default 30): an unknown `kid` refetches the keys at most once per this long. */
  readonly jwksRefreshSeconds: number;
  /**
   * OIDC_AUTHORIZATION_URI: named in the 401 challenge (`Bearer authorization_uri="…"`) so that a client can
   * find where to sign in — Power BI's "Organizational account" needs Entra ID's
   * `https://login.microsoftonline.com/<tenant-id>/oauth2/authorize`.
   */
  readonly authorizationUri?: string;
}

export const DEFAULT_OIDC_SCOPES: readonly string[] = [SCOPE_READ];
export const DEFAULT_JWKS_REFRESH_SECONDS = 30;
const MAX_JWKS_REFRESH_SECONDS = 86_400;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An absolute https URL (http only on the loopback interface, for tests and local identity providers):
 *   httpsUrl('OIDC_ISSUER', 'https://login.microsoftonline.com/t/v2.0') → same string; 'http://idp.example' → throws
 */
export function httpsUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute URL (https://…), got "${value}"`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new Error(`${name} must be an https:// URL (http:// only for localhost), got "${value}"`);
  }
  if (url.username || url.password || url.hash) throw new Error(`${name} must not carry credentials or a #fragment, got "${value}"`);
  return value;
}

/**
 * OIDC_SCOPES_DEFAULT → scopes: 'odata.read odata.write' (or comma-separated) → ['odata.read', 'odata.write'];
 * an unknown scope or none at all throws naming the variable.
 */
function scopesFrom(raw: string): string[] {
  const scopes = [...new Set(raw.split(/[\s,]+/).filter((s) => s !== ''))];
  const unknown = scopes.filter((s) => !KNOWN_SCOPES.includes(s));
  if (scopes.length === 0 || unknown.length > 0) {
    throw new Error(`OIDC_SCOPES_DEFAULT must name one or more of ${KNOWN_SCOPES.join(', ')} (space-separated), got "${raw}"`);
  }
  return scopes;
}

/**
 * The OIDC settings, or undefined when neither OIDC_ISSUER nor JWT_JWKS_URL is set (then the other OIDC
 * variables must be unset too). Throws with a message naming the variable on any bad value.
 *   loadOidcConfig({ OIDC_ISSUER: 'https://idp.example/realms/acme', JWT_AUDIENCE: 'orgchart' })
 *     → { issuer: 'https://idp.example/realms/acme', audience: ['orgchart'], userClaim: 'email',
 *         defaultScopes: ['odata.read'], jwksRefreshSeconds: 30 }
 */
export function loadOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const issuer = value('OIDC_ISSUER');
  const jwksUrl = value('JWT_JWKS_URL');
  if (issuer === undefined && jwksUrl === undefined) {
    const stray = ['JWT_AUDIENCE', 'OIDC_USER_CLAIM', 'OIDC_COMPANY_ID', 'OIDC_COMPANY_CLAIM', 'OIDC_SCOPES_DEFAULT', 'OIDC_JWKS_REFRESH_SECONDS', 'OIDC_AUTHORIZATION_URI'].filter((n) => value(n) !== undefined);
    if (stray.length > 0) throw new Error(`${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} set, but neither OIDC_ISSUER nor JWT_JWKS_URL is: set one of them to sign in with an identity provider`);
    return undefined;
  }
  if (issuer !== undefined) httpsUrl('OIDC_ISSUER', issuer);
  if (jwksUrl !== undefined) httpsUrl('JWT_JWKS_URL', jwksUrl);

  const audienceRaw = value('JWT_AUDIENCE');
  if (audienceRaw === undefined) {
    throw new Error(`JWT_AUDIENCE must be set when ${issuer !== undefined ? 'OIDC_ISSUER' : 'JWT_JWKS_URL'} is: the aud of this service's tokens (Entra ID: the Application ID URI or client id; Okta/Keycloak: the API audience or client id)`);
  }
  const audience = [...new Set(audienceRaw.split(',').map((a) => a.trim()).filter((a) => a !== ''))];
  if (audience.length === 0) throw new Error(`JWT_AUDIENCE must name at least one audience, got "${audienceRaw}"`);

  const userClaimRaw = value('OIDC_USER_CLAIM') ?? 'email';
  const userClaim = OIDC_USER_CLAIMS.find((c) => c === userClaimRaw.toLowerCase());
  if (userClaim === undefined) throw new Error(`OIDC_USER_CLAIM must be one of ${OIDC_USER_CLAIMS.join(', ')}, got "${userClaimRaw}"`);

  const companyIdRaw = value('OIDC_COMPANY_ID');
  const companyClaim = value('OIDC_COMPANY_CLAIM');
  if (companyIdRaw !== undefined && companyClaim !== undefined) throw new Error('OIDC_COMPANY_ID and OIDC_COMPANY_CLAIM are both set: set one (a fixed company) or the other (a claim naming it)');
  let companyId: number | undefined;
  if (companyIdRaw !== undefined) {
    companyId = /^[1-9][0-9]*$/.test(companyIdRaw) ? Number(companyIdRaw) : NaN;
    if (!Number.isSafeInteger(companyId) || companyId > 2_147_483_647) throw new Error(`OIDC_COMPANY_ID must be a company id (a positive integer), got "${companyIdRaw}"`);
  }
  if (companyClaim !== undefined && !/^[\w.:/-]{1,200}$/.test(companyClaim)) {
    throw new Error(`OIDC_COMPANY_CLAIM must be a claim name (letters, digits, _ . : / -), got "${companyClaim}"`);
  }

  const scopesRaw = value('OIDC_SCOPES_DEFAULT');
  const defaultScopes = scopesRaw === undefined ? DEFAULT_OIDC_SCOPES : scopesFrom(scopesRaw);

  const authorizationUri = value('OIDC_AUTHORIZATION_URI');
  const refreshRaw = value('OIDC_JWKS_REFRESH_SECONDS');
  const jwksRefreshSeconds = refreshRaw === undefined ? DEFAULT_JWKS_REFRESH_SECONDS : /^[0-9]+$/.test(refreshRaw) ? Number(refreshRaw) : NaN;
  if (!(jwksRefreshSeconds >= 1 && jwksRefreshSeconds <= MAX_JWKS_REFRESH_SECONDS)) {
    throw new Error(`OIDC_JWKS_REFRESH_SECONDS must be a whole number of seconds from 1 to ${MAX_JWKS_REFRESH_SECONDS}, got "${refreshRaw}"`);
  }

  return {
    ...(issuer !== undefined ? { issuer } : {}),
    ...(jwksUrl !== undefined ? { jwksUrl } : {}),
    audience,
    userClaim,
    ...(companyId !== undefined ? { companyId } : {}),
    ...(companyClaim !== undefined ? { companyClaim } : {}),
    defaultScopes,
    jwksRefreshSeconds,
    ...(authorizationUri !== undefined ? { authorizationUri: httpsUrl('OIDC_AUTHORIZATION_URI', authorizationUri) } : {}),
  };
}
