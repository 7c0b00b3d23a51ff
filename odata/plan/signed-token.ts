/**
 * Signed opaque tokens ($skiptoken, $deltatoken): a JSON payload, base64url-encoded, with an HMAC of it,
 * so that what the service hands out comes back unchanged or is refused. Pure (node:crypto, no I/O).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url').slice(0, 22);
}

/** A JSON payload as `<base64url body>.<signature>`: `signedToken({ v: [1] }, key)` → 'eyJ2IjpbMV19.Xk…'. */
export function signedToken(payload: object, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(body, secret)}`;
}

/** The payload of a signedToken, or why it is not one: 'malformed' or 'bad signature'. */
export function openSignedToken(token: string, secret: string): { payload: Record<string, unknown> } | { invalid: string } {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { invalid: 'malformed' };
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { invalid: 'bad signature' };
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? { payload: parsed as Record<string, unknown> } : { invalid: 'malformed' };
  } catch {
    return { invalid: 'malformed' };
  }
}
