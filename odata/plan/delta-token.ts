/**
 * Delta links (OData 4.01 §11.3): the `$deltatoken` a tracked read ends with, and the change horizon a
 * tracked read's pages carry from the first to the last (skiptoken.ts). A horizon is the PostgreSQL
 * snapshot the read saw (`xmin:xmax:xip,…`, as pg_current_snapshot() writes it): the next delta returns
 * the rows whose last change is not visible in it, so a transaction still in flight when the read ran is
 * in the next delta, which a timestamp or a sequence number would miss. Signed (signed-token.ts) and bound
 * to the query shape, like the $skiptoken. Pure: no I/O.
 *   encodeDeltaToken({ fingerprint: 'f1', since: { s: '750:752:751', t: 1764800000000, a: true } }, key) → 'eyJm….sig'
 */
import { ODataError } from '../errors';
import { openSignedToken, signedToken } from './signed-token';

/** What a read saw: its snapshot, when it was taken, and whether the caller was an administrator then. */
export interface DeltaHorizon {
  /** pg_snapshot text: `xmin:xmax:xip1,xip2` (transaction ids as decimal xid8). */
  readonly s: string;
  /** When it was taken, in ms since the epoch: a delta link older than the retention answers 410. */
  readonly t: number;
  /** The caller was an administrator (a non-administrator's visible users are fewer). */
  readonly a: boolean;
}

export interface DeltaToken {
  /** The query shape it belongs to (ReadPlan.fingerprint). */
  readonly fingerprint: string;
  /** Changes not visible in this horizon are the delta. */
  readonly since: DeltaHorizon;
  /** On a delta's later pages: the horizon of its first page (the next delta link's) … */
  readonly until?: DeltaHorizon;
  /** … and the key of the last entity sent. */
  readonly after?: string;
}

const SNAPSHOT = /^\d{1,20}:\d{1,20}:(?:\d{1,20}(?:,\d{1,20})*)?$/;

/** `isDeltaHorizon({ s: '5:9:7', t: 1, a: false })` → true; anything else (a tampered shape) → false. */
export function isDeltaHorizon(value: unknown): value is DeltaHorizon {
  const h = value as Partial<DeltaHorizon> | null;
  return typeof h === 'object' && h !== null && typeof h.s === 'string' && SNAPSHOT.test(h.s) &&
    typeof h.t === 'number' && Number.isSafeInteger(h.t) && typeof h.a === 'boolean';
}

export function encodeDeltaToken(token: DeltaToken, secret: string): string {
  return signedToken({ f: token.fingerprint, h: token.since, ...(token.until ? { u: token.until } : {}), ...(token.after !== undefined ? { k: token.after } : {}) }, secret);
}

/**
 * `decodeDeltaToken(text, 'f1', key)` → the DeltaToken; 400 InvalidDeltaToken when the text is malformed,
 * tampered with, or was issued for another $filter, $search or $orderby.
 */
export function decodeDeltaToken(text: string, fingerprint: string, secret: string): DeltaToken {
  const invalid = (why: string) =>
    new ODataError('InvalidDeltaToken', `$deltatoken is not valid for this request (${why}); read the set again without it`, '$deltatoken');
  const opened = openSignedToken(text, secret);
  if ('invalid' in opened) throw invalid(opened.invalid);
  const { f, h, u, k } = opened.payload;
  if (f !== fingerprint) throw invalid('it was issued for a different $filter, $search or $orderby');
  if (!isDeltaHorizon(h) || (u !== undefined && !isDeltaHorizon(u)) || (k !== undefined && (typeof k !== 'string' || !/^\d{1,20}$/.test(k)))) throw invalid('malformed');
  return { fingerprint: f, since: h, ...(u !== undefined ? { until: u as DeltaHorizon } : {}), ...(k !== undefined ? { after: k as string } : {}) };
}
