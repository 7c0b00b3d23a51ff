/**
 * Personal access tokens (the AccessTokens set): making a secret, its stored hash, and finding the token
 * and its owner from a presented secret — the credential step of server/http/authenticate.ts for
 * `oc_pat_…` tokens. Secrets are 256 random bits, so one unkeyed SHA-256 is enough to store them: no
 * dictionary reaches them, and a key would have to be rotated with every server secret.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { AccessTokens } from '../../odata/model/entity-sets';
import { SCOPE_LOGS } from './tokens';

/** What every personal access token starts with (so that secret scanners can recognise a leaked one). */
export const PERSONAL_TOKEN_PREFIX = AccessTokens.secret?.prefix ?? 'oc_pat_';

/** `newSecret('oc_pat_')` → 'oc_pat_' + 43 base64url characters (32 random bytes). */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a secret: its SHA-256 (32 bytes, a bytea). `secretHash('oc_pat_x').length` → 32. */
export function secretHash(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Whether a presented credential is a personal access token rather than a JWT: `isPersonalToken('oc_pat_…')` → true. */
export function isPersonalToken(token: string): boolean {
  return token.startsWith(PERSONAL_TOKEN_PREFIX);
}

/** A token found by its secret, with what authentication needs of its owner. */
export interface PersonalTokenRow {
  readonly id: string;
  readonly companyId: number;
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly userName: string;
  readonly isAdministrator: boolean;
  readonly isActive: boolean;
}

/**
 * The token a secret belongs to, and its owner, in one indexed statement (access_tokens_by_hash); null
 * when no token has that secret. Expiry, revocation and the owner's state are the caller's to judge.
 *   await findPersonalToken(db, 'oc_pat_…') → { id: '4', companyId: 1, userId: '7', scopes: ['odata.read'], … }
 */
export async function findPersonalToken(db: Knex, secret: string): Promise<PersonalTokenRow | null> {
  const result = (await db.raw(
    'SELECT t.id::text AS id, t.company_id, t.user_id::text AS user_id, t.scopes, t.expires_at, t.revoked_at,' +
      ' u.user_name, u.is_administrator, u.is_active' +
      ' FROM access_tokens AS t JOIN users AS u ON u.company_id = t.company_id AND u.id = t.user_id WHERE t.token_hash = ?',
    [secretHash(secret)],
  )) as { rows: Record<string, unknown>[] };
  const row = result.rows[0];
  if (!row) return null;
  return {
    id: String(row.id),
    companyId: Number(row.company_id),
    userId: String(row.user_id),
    scopes: String(row.scopes).split(' ').filter((s) => s !== ''),
    expiresAt: new Date(row.expires_at as string | Date),
    revokedAt: row.revoked_at === null || row.revoked_at === undefined ? null : new Date(row.revoked_at as string | Date),
    userName: String(row.user_name),
    isAdministrator: row.is_administrator === true,
    isActive: row.is_active === true,
  };
}

/**
 * The scopes a token grants now: those it carries that its owner may still use — logs.read only while
 * the owner is an administrator (a token never carries more than its owner may do).
 *   effectiveScopes(['odata.read', 'logs.read'], false) → ['odata.read']
 */
export function effectiveScopes(scopes: readonly string[], ownerIsAdministrator: boolean): string[] {
  return scopes.filter((scope) => scope !== SCOPE_LOGS || ownerIsAdministrator);
}
