/**
 * The caller, checked inside the write: a write authenticates from the same short-lived caches as a read
 * (no round trip of its own), and this check, folded into the write's statement, makes sure the cached
 * caller is still what the write assumed — an active user with the same administrator flag, and the
 * personal access token (if one was used) neither revoked nor expired. When it fails the executor
 * authenticates afresh and runs the write again (server/db/execute-write.ts).
 */
import { ODataError } from '../../odata/errors';
import { sql } from '../db/sql-fragment';
import { must, type Check } from './write-rules/checks';
import type { Principal } from './principal';

/** The caller changed between the cache and the write: the executor authenticates afresh and tries again. */
export class StaleCaller extends ODataError {
  constructor() {
    super('Forbidden', 'Your account changed while this request ran (deactivated, role changed or token revoked); send the request again');
  }
}

/**
 * `callerCheck(alice)` → must(EXISTS (SELECT 1 FROM users WHERE company_id = 1 AND id = alice AND is_active AND
 * is_administrator = false)); with a personal access token, also that token's row is still valid.
 */
export function callerCheck(principal: Principal): Check {
  const user = 'SELECT 1 FROM users AS cu WHERE cu.company_id = ?::integer AND cu.id = ?::bigint AND cu.is_active AND cu.is_administrator = ?::boolean';
  const bindings: unknown[] = [principal.companyId, principal.userId, principal.isAdministrator];
  let token = '';
  if (principal.tokenId !== undefined) {
    token = ' AND EXISTS (SELECT 1 FROM access_tokens AS ct WHERE ct.company_id = cu.company_id AND ct.id = ?::bigint AND ct.user_id = cu.id' +
      ' AND ct.revoked_at IS NULL AND ct.expires_at > now())';
    bindings.push(principal.tokenId);
  }
  return must(sql(`EXISTS (${user}${token})`, bindings), () => new StaleCaller());
}

/**
 * Runs `run` as the caller authentication found (possibly from its cache); when the caller changed since
 * (StaleCaller), or a refusal (403/404) came to a caller whose administrator flag reads differently afresh,
 * runs it once more as the fresh caller. Without `refresh` (the caller was read afresh), runs it once.
 *   asCaller(cachedAlice, () => authenticate(…), (p) => executeWrite(db, { …, principal: p }))
 */
export async function asCaller<T>(principal: Principal, refresh: (() => Promise<Principal>) | undefined, run: (principal: Principal) => Promise<T>): Promise<T> {
  try {
    return await run(principal);
  } catch (err) {
    const stale = err instanceof StaleCaller;
    const refused = err instanceof ODataError && (err.status === 403 || err.status === 404);
    if (!refresh || !(stale || refused)) throw err;
    const fresh = await refresh();
    if (!stale && fresh.isAdministrator === principal.isAdministrator) throw err;
    return run(fresh);
  }
}
