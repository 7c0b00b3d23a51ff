/**
 * The opaque keyset $skiptoken: the order-key values of the last row sent, bound to the query shape
 * (fingerprint) and signed with an HMAC, so a token is only accepted for the query that produced it and
 * cannot be forged. A page of a read that tracks changes carries the change horizon of its first page
 * too (delta-token.ts). Pure computation (node:crypto, no I/O).
 *   encodeSkipToken(['Smith', 42], 'f1', key) → 'eyJ2IjpbIlNtaXRoIiw0Ml0sImYiOiJmMSJ9.sig'
 */
import { ODataError } from '../errors';
import { isDeltaHorizon, type DeltaHorizon } from './delta-token';
import { openSignedToken, signedToken } from './signed-token';

function jsonValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  return v ?? null;
}

/** `delta`: the change horizon a read that tracks changes carries from its first page to its last. */
export function encodeSkipToken(values: readonly unknown[], fingerprint: string, secret: string, delta?: DeltaHorizon): string {
  return signedToken({ v: values.map(jsonValue), f: fingerprint, ...(delta ? { d: delta } : {}) }, secret);
}

/**
 * `decodeSkipTokenState(token, 'f1', key, 2)` → { values: ['Smith', 42], delta?: { … } }; throws 400 InvalidSkipToken
 * when the token is malformed, tampered with, or belongs to another $filter/$orderby.
 */
export function decodeSkipTokenState(token: string, fingerprint: string, secret: string, keyCount: number): { values: unknown[]; delta?: DeltaHorizon } {
  const invalid = (why: string) =>
    new ODataError('InvalidSkipToken', `$skiptoken is not valid for this request (${why}); start again without $skiptoken`, '$skiptoken');
  const opened = openSignedToken(token, secret);
  if ('invalid' in opened) throw invalid(opened.invalid);
  const { v, f, d } = opened.payload;
  if (f !== fingerprint) throw invalid('it was issued for a different $filter or $orderby');
  if (!Array.isArray(v) || v.length !== keyCount || (d !== undefined && !isDeltaHorizon(d))) throw invalid('malformed');
  return { values: v, ...(d !== undefined ? { delta: d as DeltaHorizon } : {}) };
}

/** `decodeSkipToken(token, 'f1', key, 2)` → ['Smith', 42] (see decodeSkipTokenState). */
export function decodeSkipToken(token: string, fingerprint: string, secret: string, keyCount: number): unknown[] {
  return decodeSkipTokenState(token, fingerprint, secret, keyCount).values;
}
