/**
 * GET of an entity set with `$apply` (Data Aggregation) or `$compute`: plan (odata/plan/plan-apply.ts) → one SQL
 * statement (server/db/compile-apply.ts) under the caller's company and visibility → rows formatted by
 * odata/format-apply.ts, paged at the page size with a signed $skiptoken carrying the offset. Reached
 * from read-handler.ts when the query has $apply.
 */
import type { Request, Response } from 'express';
import { ODataError } from '../../odata/errors';
import type { FormatOptions } from '../../odata/format';
import { collectionHead, collectionTail } from '../../odata/serialize';
import { applyContextUrl, applyRowWriter } from '../../odata/format-apply';
import { entitySet } from '../../odata/model';
import type { PathSegment } from '../../odata/parse/ast';
import { planApply } from '../../odata/plan/plan-apply';
import { resolveEntitySet } from '../../odata/plan/plan-read';
import { encodeSkipToken } from '../../odata/plan/skiptoken';
import { visibilityFor } from '../auth/visibility';
import { compileApply } from '../db/compile-apply';
import { requireReadable } from './authenticate';
import { executeRead } from './execute-read';
import type { JsonFormat } from './negotiate';
import type { Preferences } from './prefer';
import type { ReadContext } from './read-handler';
import { sendJsonBody, setPreferenceApplied } from './send-json';
import { nextLink, rawQuery, serviceRoot } from './urls';

/**
 * `GET /odata/Users?$apply=groupby((Department),aggregate($count as N))`
 *   → 200 { "@odata.context": "…/$metadata#Users(Department,N)", "value": [{ "Department": "Platform", "N": 4 }, …] }
 */
export async function respondApply(req: Request, res: Response, ctx: ReadContext, segments: readonly PathSegment[], prefer: Preferences, format: JsonFormat | undefined): Promise<void> {
  const { config, principal, options } = ctx;
  const [first, ...more] = segments;
  if (!first || first.key || more.length > 0) {
    const option = options.apply ? '$apply' : '$compute';
    throw new ODataError('UnsupportedQueryOption', `${option} applies to an entity set here: /odata/${first?.name ?? 'Users'}?${option}=…`, option);
  }
  const set = resolveEntitySet(first.name, entitySet);
  requireReadable(principal, set);
  const plan = planApply(set, { options, limits: config.limits, preferredPageSize: prefer.maxPageSize, skipTokenSecret: config.jwtSecret, parameters: ctx.parameters });
  const compiled = compileApply(plan, principal.companyId, visibilityFor(principal, ctx.visible));
  const result = await executeRead(ctx.db, compiled);

  const root = serviceRoot(req, config.trustProxy);
  const formatOptions: FormatOptions = { serviceRoot: root, ieee754Compatible: format?.ieee754Compatible ?? false, omitNulls: prefer.omitNulls };
  const { pageLimit } = compiled;
  const rows = result.rows.length > pageLimit ? result.rows.slice(0, pageLimit) : result.rows;
  const link = result.rows.length > pageLimit
    ? nextLink(`${root}${req.path}`, rawQuery(req), plan.top === undefined ? undefined : plan.top - pageLimit, encodeSkipToken([plan.offset + pageLimit], plan.fingerprint, config.jwtSecret))
    : undefined;
  const write = applyRowWriter(plan.columns, formatOptions);
  const body = `${collectionHead(applyContextUrl(plan, root, options.select !== undefined), result.count, formatOptions)}${rows.map(write).join(',')}${collectionTail({ nextLink: link })}`;
  setPreferenceApplied(res, [...(prefer.omitNulls ? ['omit-values=nulls'] : []), ...(prefer.maxPageSize !== undefined ? [`odata.maxpagesize=${plan.pageSize}`] : [])]);
  sendJsonBody(res, format, body);
}
