/**
 * The GET pipeline for delta links (`…/Users?$filter=…&$deltatoken=…`, OData 4.01 §11.3): the planned
 * read (odata/plan/plan-read.ts, with its decoded DeltaToken) → 410 when the link is too old or the
 * caller's visible users changed → ONE statement for the page of changes (server/db/compile-delta.ts),
 * which also returns its own snapshot → entities that changed, and removed entries for the ones deleted
 * or no longer in the result → a next page link, or on the last page the next delta link, whose horizon
 * is the first page's snapshot (later pages carry it in their token).
 */
import type { Request, Response } from 'express';
import { ETAG_ALIAS } from '../../odata/aliases';
import { ODataError } from '../../odata/errors';
import { keyLiteral, type FormatOptions } from '../../odata/format';
import { entitiesAsText } from '../../odata/format-expanded';
import { serializeDelta } from '../../odata/serialize';
import { keyProperty } from '../../odata/model';
import { encodeDeltaToken, type DeltaHorizon, type DeltaToken } from '../../odata/plan/delta-token';
import type { ReadPlan } from '../../odata/plan/read-plan';
import type { Principal } from '../auth/principal';
import { describeTtl } from '../auth/tokens';
import { visibilityFor } from '../auth/visibility';
import { compileDelta, DELTA_ENTITY_ALIAS, DELTA_GONE_ALIAS, DELTA_HORIZON_ALIAS, DELTA_KEY_ALIAS, DELTA_VISIBILITY_ALIAS } from '../db/compile-delta';
import { selectRows } from '../db/run-select';
import type { ReadContext } from './read-handler';
import type { JsonFormat } from './negotiate';
import type { Preferences } from './prefer';
import { sendJsonBody, setPreferenceApplied } from './send-json';
import { deltaLink, rawQuery, serviceRoot } from './urls';

type Row = Record<string, unknown>;

/**
 * 410 DeltaLinkExpired when the horizon is older than the retention (deletions before it may be pruned),
 * or when the caller's administrator flag changed since (the users they may see changed).
 *   requireFreshHorizon({ s, t: now - 8 days, a: true }, admin, now, 7 * 86400) → throws 410
 */
export function requireFreshHorizon(horizon: DeltaHorizon, principal: Pick<Principal, 'isAdministrator'>, nowMs: number, retentionSeconds: number): void {
  if (nowMs - horizon.t > retentionSeconds * 1000) {
    throw new ODataError('DeltaLinkExpired',
      `This delta link is older than the service keeps deletions (${describeTtl(retentionSeconds)}, DELTA_RETENTION); read the set again without $deltatoken for a full refresh`, '$deltatoken');
  }
  if (horizon.a !== principal.isAdministrator) throw visibilityChanged();
}

/** 410: the users the caller may see changed in a way a delta cannot express. */
function visibilityChanged(): ODataError {
  return new ODataError('DeltaLinkExpired',
    'The users you may see changed since this delta link was issued (your own teams, a team move, or your administrator role); read the set again without $deltatoken for a full refresh',
    '$deltatoken');
}

/**
 * Removed entries in the 4.01 form (`{"@removed":{"reason":"deleted"},"@id":…}`) unless the client caps
 * the version at 4.0 (`OData-MaxVersion: 4.0`): then the 4.0 deleted-entity form. Without the header a
 * client takes the service's highest version (OData 4.01 Part 1 §8.2.7).
 *   removedForm('4.0') → '4.0';  removedForm(undefined) → '4.01'
 */
export function removedForm(maxVersion: string | undefined): '4.0' | '4.01' {
  const version = Number((maxVersion ?? '').trim());
  return Number.isFinite(version) && version > 0 && version < 4.01 ? '4.0' : '4.01';
}

/**
 * A key no longer in the result, as the client's OData version writes it:
 *   removedEntry('4.01', 'http://h/odata/Users(42)', 'deleted', root, 'Users') → { "@removed": { reason: 'deleted' }, "@id": 'http://h/odata/Users(42)' }
 *   removedEntry('4.0', …) → { "@odata.context": 'http://h/odata/$metadata#Users/$deletedEntity', id: 'http://h/odata/Users(42)', reason: 'deleted' }
 */
export function removedEntry(form: '4.0' | '4.01', id: string, reason: 'deleted' | 'changed', serviceRoot: string, setName: string): Row {
  if (form === '4.01') return { '@removed': { reason }, '@id': id };
  return { '@odata.context': `${serviceRoot}/$metadata#${setName}/$deletedEntity`, id, reason };
}

/** One page of a delta, with its link: the next page's, or (last page) the next delta link. */
export async function respondDelta(
  req: Request, res: Response, ctx: ReadContext, plan: ReadPlan, token: DeltaToken, format: JsonFormat | undefined, prefer: Preferences,
): Promise<void> {
  const { db, config, principal } = ctx;
  requireFreshHorizon(token.since, principal, Date.now(), config.deltaRetentionSeconds);
  const root = serviceRoot(req, config.trustProxy);
  const options: FormatOptions = { serviceRoot: root, ieee754Compatible: format?.ieee754Compatible ?? false, omitNulls: prefer.omitNulls };
  // the changed entities as PostgreSQL writes them, where the format allows
  const asText = entitiesAsText(plan, options);
  const takenAt = Date.now();
  const statement = compileDelta(plan, {
    // the visible users as they are now (the subquery), never a cached list: see read-handler.ts
    since: token.since.s, after: token.after, companyId: principal.companyId, visibility: visibilityFor(principal), pageLimit: plan.pageSize, asText,
    ...(!token.until && !principal.isAdministrator && plan.set.policy === 'users' ? { checkVisibility: { userId: principal.userId } } : {}),
  });
  // a named statement: its text is the same for every delta of this query, parsed once per connection
  const read = await selectRows(db, statement, { prepare: true });
  if (read[0]?.[DELTA_VISIBILITY_ALIAS] === true) throw visibilityChanged();
  // the first page's snapshot is the next delta link's horizon; later pages carry it
  const until: DeltaHorizon = token.until ?? { s: String(read[0]?.[DELTA_HORIZON_ALIAS]), t: takenAt, a: principal.isAdministrator };
  const rows = read.filter((row) => row[DELTA_KEY_ALIAS] !== null);

  const resource = `${root}${req.path}`;
  const hasMore = rows.length > plan.pageSize;
  const page = hasMore ? rows.slice(0, plan.pageSize) : rows;
  const link = hasMore
    ? { nextLink: deltaLink(resource, rawQuery(req), encodeDeltaToken({ ...token, until, after: String(page[page.length - 1]?.[DELTA_KEY_ALIAS]) }, config.jwtSecret)) }
    : { deltaLink: deltaLink(resource, rawQuery(req), encodeDeltaToken({ fingerprint: token.fingerprint, since: until }, config.jwtSecret)) };

  const form = removedForm(req.header('odata-maxversion'));
  const key = keyProperty(plan.set);
  // a key whose row the delta link's query still reads has its entity (text) or columns (the row version is never null)
  const present = (row: Row) => (asText ? row[DELTA_ENTITY_ALIAS] !== null : row[ETAG_ALIAS] !== null && row[ETAG_ALIAS] !== undefined);
  const removed = (row: Row): Row | undefined => {
    if (present(row)) return undefined;
    const id = `${root}/${plan.set.name}(${keyLiteral(key, row[DELTA_KEY_ALIAS])})`;
    return removedEntry(form, id, row[DELTA_GONE_ALIAS] === true ? 'deleted' : 'changed', root, plan.set.name);
  };
  const text = asText ? (row: Row) => (row[DELTA_ENTITY_ALIAS] as string | null) ?? undefined : undefined;
  const body = serializeDelta(plan, page, options, { removed, ...(text ? { text } : {}) }, link);
  if (form === '4.01') res.setHeader('OData-Version', '4.01');
  setPreferenceApplied(res, prefer.omitNulls ? ['omit-values=nulls'] : []);
  sendJsonBody(res, format, body);
}
