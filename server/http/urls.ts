/**
 * Absolute URLs of a request: the service root (from Host, or X-Forwarded-Proto/Host behind a trusted
 * proxy) and the server-driven @odata.nextLink, which keeps the client's other options, carries the
 * remaining $top and the keyset $skiptoken, and never echoes a `token` (API key) parameter.
 */
import type { Request } from 'express';

export const SERVICE_PATH = '/odata';

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}

/** `http://localhost:3000` (no trailing slash), honouring X-Forwarded-* only when trusted. */
export function origin(req: Request, trustProxy: boolean): string {
  const proto = (trustProxy && firstValue(req.headers['x-forwarded-proto'])) || req.protocol;
  const host = (trustProxy && firstValue(req.headers['x-forwarded-host'])) || req.headers.host || 'localhost';
  return `${proto}://${host}`;
}

export function serviceRoot(req: Request, trustProxy: boolean): string {
  return `${origin(req, trustProxy)}${SERVICE_PATH}`;
}

/** The raw query string of the request, without '?'. */
export function rawQuery(req: Request): string {
  const i = req.originalUrl.indexOf('?');
  return i < 0 ? '' : req.originalUrl.slice(i + 1);
}

const DROPPED = new Set(['skiptoken', 'skip', 'top', 'token']);

function optionName(rawName: string): string {
  let name = rawName;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    // keep the raw name; the parser reports malformed escapes
  }
  return name.replace(/^\$/, '').toLowerCase();
}

/**
 * `nextLink('http://h/odata/Users', '$filter=x&token=abc&$top=1500', 500, 'tok')`
 *   → 'http://h/odata/Users?$filter=x&$top=500&$skiptoken=tok'
 */
export function nextLink(resourceUrl: string, query: string, remainingTop: number | undefined, skipToken: string): string {
  const kept = query
    .split('&')
    .filter((pair) => pair !== '')
    .filter((pair) => !DROPPED.has(optionName(pair.split('=')[0] ?? '')));
  if (remainingTop !== undefined) kept.push(`$top=${remainingTop}`);
  kept.push(`$skiptoken=${encodeURIComponent(skipToken)}`);
  return `${resourceUrl}?${kept.join('&')}`;
}
