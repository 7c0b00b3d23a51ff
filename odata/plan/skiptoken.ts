/**
 * The opaque keyset $skiptoken: the order-key values of the last row sent, bound to the query shape
 * (fingerprint) and signed with an HMAC, so a token is only accepted for the query that produced it and
 * cannot be forged. Pure computation (node:crypto, no I/O).
 *   encodeSkipToken(['Smith', 42], 'f1', key) → 'WyJTbWl0aCIsNDJd.f1….sig'
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ODataError } from '../errors';

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url').slice(0, 22);
}

function jsonValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  return v ?? null;
}

export function encodeSkipToken(values: readonly unknown[], fingerprint: string, secret: string): string {
  const body = Buffer.from(JSON.stringify({ v: values.map(jsonValue), f: fingerprint })).toString('base64url');
  return `${body}.${sign(body, secret)}`;
}

/**
 * `decodeSkipToken(token, 'f1', key, 2)` → ['Smith', 42]; throws 400 InvalidSkipToken when the token is
 * malformed, tampered with, or belongs to another $filter/$orderby.
 */
export function decodeSkipToken(token: string, fingerprint: string, secret: string, keyCount: number): unknown[] {
  const invalid = (why: string) =>
    new ODataError('InvalidSkipToken', `$skiptoken is not valid for this request (${why}); start again without $skiptoken`, '$skiptoken');
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) throw invalid('malformed');
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid('bad signature');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw invalid('malformed');
  }
  const payload = parsed as { v?: unknown; f?: unknown };
  if (payload.f !== fingerprint) throw invalid('it was issued for a different $filter or $orderby');
  if (!Array.isArray(payload.v) || payload.v.length !== keyCount) throw invalid('malformed');
  return payload.v;
}
