/**
 * Plan stage: the fingerprint a $skiptoken or delta link is bound to — a short hash of what a query
 * means (set, filter, order, …, as parsed), so that a token is refused on another query. Text positions
 * are left out: a nextLink that spells the query differently (other spaces, `2` for the client's `2L`)
 * still fits. Pure.
 */
import { createHash } from 'node:crypto';

/** Where the parser saw things in the client's text: not part of what a query means. */
const TEXT_POSITIONS = new Set(['pos', 'suffixAt']);

/**
 * e.g. queryFingerprint({ s: 'Users', f: parseFilter('Id eq 2L') }) === queryFingerprint({ s: 'Users', f: parseFilter('Id  eq 2') })
 *   → a 16-character base64url string, e.g. 'q0Vf3m1…'
 */
export function queryFingerprint(shape: unknown): string {
  const text = JSON.stringify(shape, (name, value: unknown) => (TEXT_POSITIONS.has(name) ? undefined : value));
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}
