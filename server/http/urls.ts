/**
 * Absolute URLs of a request: the service root (from Host, or X-Forwarded-Proto/Host behind a trusted
 * proxy) and the server-driven @odata.nextLink, which keeps the client's other options, carries the
 * remaining $top and the keyset $skiptoken, and never echoes a `token` (API key) parameter. Links repeat
 * the client's path and options in the v4 form: without the v2 number suffixes it may have written.
 */
import type { Request } from 'express';
import { canonicalPath, canonicalQueryPair, optionName } from '../../odata/parse/canonical-link';

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
/** What a delta link leaves out too: the previous $deltatoken, and $count (a delta has no total). */
const DROPPED_FROM_DELTA = new Set([...DROPPED, 'deltatoken', 'count']);

/**
 * `nextLink('http://h/odata/Users', '$filter=x&token=abc&$top=1500', 500, 'tok')`
 *   → 'http://h/odata/Users?$filter=x&$top=500&$skiptoken=tok'
 * `nextLink('http://h/odata/Users(2L)/Memberships', '$filter=Id%20gt%205L', undefined, 'tok')`
 *   → 'http://h/odata/Users(2)/Memberships?$filter=Id%20gt%205&$skiptoken=tok'
 */
export function nextLink(resourceUrl: string, query: string, remainingTop: number | undefined, skipToken: string): string {
  const kept = keptOptions(query, DROPPED);
  if (remainingTop !== undefined) kept.push(`$top=${remainingTop}`);
  kept.push(`$skiptoken=${encodeURIComponent(skipToken)}`);
  return `${canonicalPath(resourceUrl)}?${kept.join('&')}`;
}

/**
 * A delta link (or a delta's next page): the read's own options — $filter, $select, $search, $orderby,
 * custom parameters — with the new token:
 *   deltaLink('http://h/odata/Users', '$filter=x&$skiptoken=s&$count=true', 'd1') → 'http://h/odata/Users?$filter=x&$deltatoken=d1'
 */
export function deltaLink(resourceUrl: string, query: string, deltaToken: string): string {
  const kept = keptOptions(query, DROPPED_FROM_DELTA);
  kept.push(`$deltatoken=${encodeURIComponent(deltaToken)}`);
  return `${canonicalPath(resourceUrl)}?${kept.join('&')}`;
}

/** The `name=value` pairs of a query string whose option is not in `dropped`, as written (less any number suffixes). */
function keptOptions(query: string, dropped: ReadonlySet<string>): string[] {
  return query
    .split('&')
    .filter((pair) => pair !== '' && !dropped.has(optionName(pair.split('=')[0] ?? '')))
    .map(canonicalQueryPair);
}
