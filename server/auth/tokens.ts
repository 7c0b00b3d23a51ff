/**
 * JWT access tokens (ARCHITECTURE §8 contract): HS256 with JWT_SECRET or RS256 with JWT_PUBLIC_KEY,
 * claims `sub` (user Id), `companyId`, `scope` and a required `exp`; no lifetime above MAX_TOKEN_LIFETIME,
 * no `iat`/`nbf` ahead of the clock, no `crit` header. The CLI and `npm start` sign HS256; the HTTP
 * authenticate stage verifies and maps a TokenError to 401. No I/O: the caller checks the user in the database.
 */
import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { memoizeParser } from '../../odata/parse/memoize';

/**
 * The HMAC key object of a secret, made once per secret: given a plain string, jsonwebtoken first tries
 * to parse it as a public key and throws internally on every call (a quarter of a point read's CPU).
 */
const keys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

/** RSA public keys (JWT_PUBLIC_KEY), made once per PEM. */
const publicKeys = new Map<string, KeyObject>();
function publicKeyObject(pem: string): KeyObject {
  let key = publicKeys.get(pem);
  if (!key) {
    key = createPublicKey(pem);
    publicKeys.set(pem, key);
  }
  return key;
}

/**
 * What tokens are verified with: an HS256 secret, an RS256 public key (PEM), or both, and the longest
 * lifetime a token may have (default DEFAULT_MAX_TOKEN_LIFETIME_SECONDS). A string is a secret.
 */
export type TokenKeys =
  | string
  | { readonly secret?: string; readonly publicKey?: string; readonly maxLifetimeSeconds?: number };

/** Default of MAX_TOKEN_LIFETIME: tokens cannot be revoked, so none may live longer than 30 days. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 30 * 86_400;
/** How far an issuer's clock may be ahead of ours: for `iat`, `nbf` and the lifetime measured from now. */
export const CLOCK_SKEW_SECONDS = 60;

/** The algorithm a token's header names, or undefined when the header is not readable. */
function headerAlgorithm(token: string): string | undefined {
  const decoded = jwt.decode(token, { complete: true });
  const alg = decoded && typeof decoded === 'object' ? (decoded.header as { alg?: unknown }).alg : undefined;
  return typeof alg === 'string' ? alg : undefined;
}

/** Tokens we sign (CLI, npm start) use HS256; RS256 tokens come from an identity provider. */
export const TOKEN_ALGORITHM = 'HS256';
export const SCOPE_READ = 'odata.read';
export const SCOPE_WRITE = 'odata.write';
/** Reading the logs (AuditLogs, TokenActivityLogs): administrators only, and only with this scope. */
export const SCOPE_LOGS = 'logs.read';
export const KNOWN_SCOPES: readonly string[] = [SCOPE_READ, SCOPE_WRITE, SCOPE_LOGS];

/** The verified claims of a token; `scopes` is `scope` split on spaces. */
export interface TokenClaims {
  readonly sub: string;
  readonly companyId: number;
  readonly scope: string;
  readonly scopes: readonly string[];
  readonly exp: number;
  readonly iat?: number;
}

/**
 * 'refused': well formed, but against this service's token policy (lifetime, iat/nbf ahead, crit); its
 * message says why and is shown to the caller, who can do nothing about a forged or malformed one.
 */
export type TokenErrorReason = 'expired' | 'invalid' | 'refused';

/** A token that must be refused: the HTTP layer answers 401 with WWW-Authenticate. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    readonly reason: TokenErrorReason,
    message: string,
  ) {
    super(message);
  }
}

export interface SignTokenInput {
  /** users.id (int8 arrives from pg as a string of digits; a number is accepted too). */
  readonly userId: number | string;
  readonly companyId: number;
  /** Space-separated, each one of KNOWN_SCOPES: 'odata.read odata.write'. */
  readonly scope: string;
  readonly ttlSeconds: number;
  /** Issue time in seconds since the epoch; defaults to now (tests pin it). */
  readonly issuedAt?: number;
}

const DIGITS = /^[1-9][0-9]*$/;

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** Splits and checks a scope string: 'odata.read  odata.write' → ['odata.read', 'odata.write']. */
export function parseScopes(scope: string): string[] {
  const scopes = scope.split(' ').filter((s) => s !== '');
  const unknown = scopes.filter((s) => !KNOWN_SCOPES.includes(s));
  if (scopes.length === 0) throw new RangeError(`scope must name at least one of: ${KNOWN_SCOPES.join(', ')}`);
  if (unknown.length > 0) {
    throw new RangeError(`unknown scope ${unknown.map((s) => `"${s}"`).join(', ')}; known: ${KNOWN_SCOPES.join(', ')}`);
  }
  return [...new Set(scopes)];
}

/**
 * Signs an HS256 token. Throws RangeError on bad input (it is a programming or operator error).
 * `signToken({ userId: 3, companyId: 1, scope: 'odata.read', ttlSeconds: 3600 }, secret)`
 *   → 'eyJhbGciOiJIUzI1NiIs…' with payload { sub: '3', companyId: 1, scope: 'odata.read', iat, exp: iat + 3600 }
 */
export function signToken(input: SignTokenInput, secret: string): string {
  const sub = String(input.userId);
  if (!DIGITS.test(sub)) throw new RangeError(`userId must be a positive integer, got "${sub}"`);
  if (!isPositiveInteger(input.companyId)) throw new RangeError(`companyId must be a positive integer, got ${input.companyId}`);
  if (!isPositiveInteger(input.ttlSeconds)) throw new RangeError(`ttlSeconds must be a positive integer, got ${input.ttlSeconds}`);
  if (!secret) throw new RangeError('the signing secret must not be empty');
  const iat = input.issuedAt ?? Math.floor(Date.now() / 1000);
  const payload = {
    sub,
    companyId: input.companyId,
    scope: parseScopes(input.scope).join(' '),
    iat,
    exp: iat + input.ttlSeconds,
  };
  return jwt.sign(payload, secret, { algorithm: TOKEN_ALGORITHM });
}

export interface VerifyTokenOptions {
  /** "Now" in seconds since the epoch; defaults to the clock (tests pin it). */
  readonly nowSeconds?: number;
}

/**
 * RFC 7515 §4.1.11: a recipient must refuse a token whose `crit` header lists extensions it does not
 * understand. We understand none, so any `crit` is refused (a malformed one too, with its own message).
 *   refuseCritical({ alg: 'HS256', crit: ['x-unknown'] }) → throws TokenError('refused')
 */
function refuseCritical(header: jwt.JwtHeader): void {
  if (!Object.hasOwn(header, 'crit')) return;
  const crit: unknown = header.crit;
  if (!Array.isArray(crit) || crit.length === 0 || !crit.every((name) => typeof name === 'string' && name !== '')) {
    throw new TokenError('refused', 'the token is invalid: its crit header must be a non-empty list of header names');
  }
  throw new TokenError('refused', `the token is invalid: it requires header extensions this service does not understand (crit: ${crit.join(', ')})`);
}

/**
 * The time claims beyond jsonwebtoken's `exp`: `iat` and `nbf` no more than CLOCK_SKEW_SECONDS ahead of
 * `now`, and a lifetime (exp - now, and exp - iat when there is an iat) within `maxLifetimeSeconds`.
 *   checkTimes({ exp: now + 3600, iat: now }, now, 30 * 86_400) → ok; { exp: 1e14 } → throws TokenError('refused')
 */
function checkTimes(claims: { readonly exp: number; readonly iat?: number; readonly nbf?: unknown }, now: number, maxLifetimeSeconds: number): void {
  const { exp, iat, nbf } = claims;
  if (nbf !== undefined && typeof nbf !== 'number') throw new TokenError('invalid', 'the nbf claim must be a number');
  if (iat !== undefined && iat > now + CLOCK_SKEW_SECONDS) {
    throw new TokenError('refused', `the token was issued in the future: its iat is ${iat - now} s ahead of this server's clock (${CLOCK_SKEW_SECONDS} s allowed)`);
  }
  if (nbf !== undefined && nbf > now + CLOCK_SKEW_SECONDS) {
    throw new TokenError('refused', `the token is not valid yet: its nbf is ${nbf - now} s ahead of this server's clock (${CLOCK_SKEW_SECONDS} s allowed)`);
  }
  const tooLong = (why: string) =>
    new TokenError('refused', `the token's lifetime exceeds the maximum of ${describeTtl(maxLifetimeSeconds)} (MAX_TOKEN_LIFETIME): ${why}`);
  if (exp - now > maxLifetimeSeconds + CLOCK_SKEW_SECONDS) throw tooLong("its exp is more than that ahead of this server's clock");
  if (iat !== undefined && exp - iat > maxLifetimeSeconds) throw tooLong('its exp is more than that after its iat');
}

/**
 * Verifies signature, expiry, claim types and token hygiene (lifetime, iat, nbf, crit: see checkTimes and
 * refuseCritical). The algorithm is pinned by the key it needs: HS256 only with the secret, RS256 only
 * with the public key; 'none', HS512, ES256… and an algorithm without its key are refused (so an RS256
 * public key can never serve as an HMAC secret).
 * `verifyToken(signToken({ userId: 3, companyId: 1, scope: 'odata.read', ttlSeconds: 60 }, s), s)`
 *   → { sub: '3', companyId: 1, scope: 'odata.read', scopes: ['odata.read'], exp, iat }
 * Throws TokenError('expired') past exp, TokenError('refused') against the token policy (lifetime, iat/nbf
 * ahead, crit), TokenError('invalid') for anything else.
 */
export function verifyToken(token: string, keys: TokenKeys, options: VerifyTokenOptions = {}): TokenClaims {
  const { secret, publicKey, maxLifetimeSeconds = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS }: Exclude<TokenKeys, string> = typeof keys === 'string' ? { secret: keys } : keys;
  const alg = headerAlgorithm(token);
  const key = alg === 'HS256' && secret !== undefined ? secretKey(secret) : alg === 'RS256' && publicKey !== undefined ? publicKeyObject(publicKey) : undefined;
  if (!key) {
    const accepted = [secret !== undefined ? 'HS256' : undefined, publicKey !== undefined ? 'RS256' : undefined].filter(Boolean).join(' or ');
    throw new TokenError('invalid', `the token is invalid: it is signed ${alg ?? 'unreadably'}, and this service accepts ${accepted || 'no tokens'}`);
  }
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  let verified: jwt.Jwt;
  try {
    // nbf is checked in checkTimes with the clock skew (jsonwebtoken's clockTolerance would stretch exp too)
    verified = jwt.verify(token, key, { algorithms: [alg as jwt.Algorithm], clockTimestamp: now, ignoreNotBefore: true, complete: true });
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError) throw new TokenError('expired', 'the token has expired');
    const detail = err instanceof Error ? err.message : String(err);
    throw new TokenError('invalid', `the token is invalid: ${detail}`);
  }
  const { header, payload } = verified;
  if (typeof payload !== 'object' || payload === null) throw new TokenError('invalid', 'the token payload is not a JSON object');
  const { sub, companyId, scope, exp, iat, nbf } = payload as Record<string, unknown>;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new TokenError('invalid', 'the token has no exp claim');
  if (typeof sub !== 'string' || !DIGITS.test(sub)) throw new TokenError('invalid', 'the sub claim must be a user Id (digits)');
  if (!isPositiveInteger(companyId)) throw new TokenError('invalid', 'the companyId claim must be a positive integer');
  if (typeof scope !== 'string') throw new TokenError('invalid', 'the scope claim must be a space-separated string');
  if (iat !== undefined && typeof iat !== 'number') throw new TokenError('invalid', 'the iat claim must be a number');
  refuseCritical(header);
  checkTimes({ exp, iat, nbf }, now, maxLifetimeSeconds);
  return {
    sub,
    companyId,
    scope,
    scopes: scope.split(' ').filter((s) => s !== ''),
    exp,
    ...(iat === undefined ? {} : { iat }),
  };
}

/**
 * verifyToken for one secret, remembering the claims of recently verified tokens (a BI refresh sends
 * the same token hundreds of times; the HMAC and the JSON parse are 4% of a point read): only verified
 * tokens are remembered, and expiry is checked again on every call. The lifetime, iat, nbf and crit
 * checks run before a token is remembered; time only makes them truer (exp - now shrinks, now passes
 * iat and nbf), so a remembered token would pass them again.
 *   const verify = tokenVerifier(secret); verify(t) → claims (the second call of t needs no HMAC)
 */
export function tokenVerifier(keys: TokenKeys, maxEntries = 1000, nowSeconds: () => number = () => Date.now() / 1000): (token: string) => TokenClaims {
  const verified = memoizeParser((token: string) => verifyToken(token, keys, { nowSeconds: Math.floor(nowSeconds()) }), maxEntries, 8192);
  return (token) => {
    const claims = verified(token);
    if (nowSeconds() >= claims.exp) throw new TokenError('expired', 'the token has expired');
    return claims;
  };
}

const TTL_UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };
/** Longest lifetime parseTtl accepts, and so the largest MAX_TOKEN_LIFETIME (which is what tokens are held to). */
export const MAX_TTL_SECONDS = 366 * 86_400;

/**
 * A token lifetime in seconds: '3600' → 3600, '45s' → 45, '30m' → 1800, '1h' → 3600, '7d' → 604800.
 * Throws RangeError for anything else ('', '0', '-1h', '1.5h', '1w', more than 366 days).
 */
export function parseTtl(text: string): number {
  const match = /^\s*(\d+)\s*([smhd]?)\s*$/i.exec(text);
  const unit = TTL_UNITS[(match?.[2] || 's').toLowerCase()];
  const seconds = match && unit ? Number(match[1]) * unit : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0 || seconds > MAX_TTL_SECONDS) {
    throw new RangeError(`invalid TTL "${text}": use seconds or <n>s|m|h|d between 1s and 366d, e.g. 1h`);
  }
  return seconds;
}

const DESCRIBED_UNITS: ReadonlyArray<readonly [string, number]> = [['day', 86_400], ['hour', 3600], ['minute', 60]];

/**
 * A lifetime in seconds as people say it, in the largest whole unit: 2592000 → '30 days', 86400 → '1 day',
 * 7200 → '2 hours', 5400 → '90 minutes', 45 → '45 seconds'.
 */
export function describeTtl(seconds: number): string {
  const [unit, size] = DESCRIBED_UNITS.find(([, length]) => seconds % length === 0) ?? ['second', 1];
  const n = seconds / size;
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
