/**
 * The GET pipeline for entity sets: parse → plan → cost (odata/plan/cost.ts: the page cut to the
 * response cap, expensive reads admitted by the read gate) → compile → execute → format (expanded pages
 * written in pieces). One SQL statement for the page, $expand included (two, in one read-only snapshot,
 * when a count is asked). Builds the absolute nextLink with an opaque keyset $skiptoken when more rows
 * remain. A navigation path that reads nothing asks once more whether its source exists: 404 if not,
 * else an empty collection or 204. `Teams(3)/Users/$ref` reads the path without `$ref` and answers its
 * entities as references (`{"@odata.id":…}`), context `$metadata#Collection($ref)`.
 */
import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import { orderValueAlias } from '../../odata/aliases';
import { ODataError } from '../../odata/errors';
import { contextUrl, etagOf, formatCount, formatValue, keyLiteral, type CollectionPage, type FormatOptions } from '../../odata/format';
import { expandsAsText, formatSingle, pageAsText, type ExpandForm } from '../../odata/format-expanded';
import { entitySet, keyProperty, type EntitySetDef } from '../../odata/model';
import type { PathSegment, QueryOptions } from '../../odata/parse/ast';
import { fitToCost, readCost, type Cardinalities } from '../../odata/plan/cost';
import { entityNotFound, planRead, type ReadRequest } from '../../odata/plan/plan-read';
import { canTrackChanges, type ExpandPlan, type ReadPlan } from '../../odata/plan/read-plan';
import { encodeDeltaToken, type DeltaHorizon } from '../../odata/plan/delta-token';
import { encodeSkipToken } from '../../odata/plan/skiptoken';
import { serializeCollectionChunks, utf8Body } from '../../odata/serialize';
import type { Principal } from '../auth/principal';
import { callerKey } from '../auth/ttl-cache';
import { visibilityFor, type VisibleUsers } from '../auth/visibility';
import type { Config } from '../config';
import { compileRead, sourceExists, type CompiledRead } from '../db/compile-read';
import { selectRows } from '../db/run-select';
import { requireReadable } from './authenticate';
import { respondApply } from './apply-handler';
import { respondDelta } from './delta-handler';
import { executeRead } from './execute-read';
import { firstEvent } from './first-event';
import { contentTypeOf, sendJsonBody, setPreferenceApplied } from './send-json';
import type { ReadGate } from './read-gate';
import { negotiateJson, type JsonFormat } from './negotiate';
import { parsePrefer, type Preferences } from './prefer';
import { deltaLink, nextLink, rawQuery, serviceRoot } from './urls';

type Row = Record<string, unknown>;

/** The entity sets a read reaches: its own, every expanded one, and a navigation path's source. */
function setsRead(shape: { readonly set: EntitySetDef; readonly expand: readonly ExpandPlan[]; readonly via?: { readonly set: EntitySetDef } }): EntitySetDef[] {
  return [shape.set, ...(shape.via ? [shape.via.set] : []), ...shape.expand.flatMap((plan) => setsRead(plan))];
}

export interface ReadContext {
  readonly db: Knex;
  readonly config: Config;
  readonly principal: Principal;
  readonly segments: readonly PathSegment[];
  readonly options: QueryOptions;
  /** Custom query parameters (`inactive=true`: see EntitySetDef.defaultFilter). */
  readonly parameters?: Readonly<Record<string, readonly string[]>>;
  /** A non-administrator's visible users, already loaded (else the visibility predicate keeps its subquery). */
  readonly visible?: VisibleUsers;
  /** Plans a read (the app's memoizePlanRead); defaults to planRead over the model. */
  readonly plan?: (request: ReadRequest) => ReadPlan;
  /** Compiles a planned read for the caller (the app's memoizeCompileRead); defaults to compileRead. */
  readonly compile?: (plan: ReadPlan, principal: Principal, visible: VisibleUsers | undefined, form: ExpandForm) => CompiledRead;
  /** Rows and fan-outs in the caller's company, for the cost model of reads with $expand (else: limits only). */
  readonly cardinalities?: () => Promise<Cardinalities>;
  /** Admits expensive reads (cost weight above limits.expensiveReadWeight); none: no per-caller limit. */
  readonly gate?: ReadGate;
}

export async function handleRead(req: Request, res: Response, ctx: ReadContext): Promise<void> {
  const { config, principal, options } = ctx;
  const refs = isRefPath(ctx.segments, options);
  const segments = refs ? ctx.segments.slice(0, -1) : ctx.segments;
  const prefer = parsePrefer(req.headers.prefer);
  const lastSegment = segments[segments.length - 1]?.name;
  const isCount = lastSegment === '$count';
  const isRawValue = lastSegment === '$value';
  const format = isCount || isRawValue ? undefined : negotiateJson(req.headers.accept, options.format);
  if (options.apply || options.compute) {
    if (refs) throw new ODataError('InvalidQueryOption', `${options.apply ? '$apply' : '$compute'} does not apply to references ($ref)`, options.apply ? '$apply' : '$compute');
    if (options.deltatoken !== undefined) throw new ODataError('InvalidQueryOption', `${options.apply ? '$apply' : '$compute'} cannot be combined with $deltatoken`, '$deltatoken');
    await respondApply(req, res, ctx, segments, prefer, format);
    return;
  }
  const request: ReadRequest = { segments, options, limits: config.limits, preferredPageSize: prefer.maxPageSize, skipTokenSecret: config.jwtSecret, parameters: ctx.parameters };
  const planned = ctx.plan ? ctx.plan(request) : planRead(request, entitySet);
  if (planned.delta) {
    for (const set of setsRead(planned)) requireReadable(principal, set);
    await respondDelta(req, res, ctx, planned, planned.delta, format, prefer);
    return;
  }
  if (refs && !(planned.via && (planned.target.kind === 'collection' || planned.target.kind === 'related'))) {
    throw new ODataError('UnsupportedQueryOption', '$ref reads the references of a navigation: Teams(3)/Users/$ref, OrganizationTeamHierarchies(5)/Parent/$ref', '$ref');
  }
  for (const set of setsRead(planned)) requireReadable(principal, set);
  // the cost model: a page that could carry too many entities is shrunk (or refused) before any SQL runs
  const sizes = planned.expand.length > 0 && ctx.cardinalities ? await ctx.cardinalities() : undefined;
  const plan = fitToCost(planned, config.limits, sizes);
  const cost = readCost(plan, sizes);
  const expensive = ctx.gate !== undefined && cost.weight > config.limits.expensiveReadWeight;
  const release = expensive ? await ctx.gate?.admit(callerKey(principal.companyId, principal.userId)) : undefined;
  // regular expressions run under a lower statement timeout (PostgreSQL; PGlite cannot cancel one)
  const timeoutMs = cost.regexes > 0 && config.databaseUrl && config.limits.regexStatementTimeoutMs > 0 ? config.limits.regexStatementTimeoutMs : undefined;
  try {
    await respond(req, res, ctx, plan, format, prefer, { timeoutMs, stream: cost.entities > config.limits.expensiveReadWeight, refs });
  } finally {
    release?.();
  }
}

/** Compile → execute → format of a planned read, within its cost. */
async function respond(
  req: Request, res: Response, ctx: ReadContext, plan: ReadPlan, format: JsonFormat | undefined, prefer: Preferences,
  how: { readonly timeoutMs?: number; readonly stream: boolean; readonly refs?: boolean },
): Promise<void> {
  const { db, config, principal } = ctx;
  const root = serviceRoot(req, config.trustProxy);
  const formatOptions: FormatOptions = {
    serviceRoot: root,
    ieee754Compatible: format?.ieee754Compatible ?? false,
    omitNulls: prefer.omitNulls,
  };
  // a collection page's expansions, or a plain page's entities, as the response's own JSON, written by
  // PostgreSQL, where the format allows
  const form: ExpandForm = plan.target.kind === 'collection' && !how.refs && (expandsAsText(plan, formatOptions) || pageAsText(plan, formatOptions)) ? 'text' : 'objects';
  // Prefer: odata.track-changes on a first page, or a later page of a read that does: its horizon
  const tracks = plan.tracking !== undefined || (prefer.trackChanges && !how.refs && canTrackChanges(plan));
  // a read that tracks changes sees the visible users as they are now, not as cached: a user it missed
  // through a stale cache would be missing from every delta after it
  const visible = tracks ? undefined : ctx.visible;
  const visibility = visibilityFor(principal, visible);
  const compiled = ctx.compile ? ctx.compile(plan, principal, visible, form) : compileRead(plan, principal.companyId, visibility, form);
  const takenAt = Date.now();
  const result = await executeRead(db, compiled, how.timeoutMs, tracks && plan.tracking === undefined);
  const horizon: DeltaHorizon | undefined = plan.tracking ??
    (result.horizon !== undefined ? { s: result.horizon, t: takenAt, a: principal.isAdministrator } : undefined);

  // a navigation path that read nothing: 404 when its source entity is not there for the caller
  const requireSource = async () => {
    if (plan.via && (await selectRows(db, sourceExists(plan.via, principal.companyId, visibility))).length === 0) {
      throw entityNotFound(plan.via.set, plan.via.key);
    }
  };
  if (plan.target.kind === 'count') {
    if (!result.count) await requireSource();
    res.status(200).type('text/plain').send(String(result.count ?? 0));
    return;
  }
  const applied: string[] = [];
  if (prefer.omitNulls) applied.push('omit-values=nulls');

  if (plan.target.kind === 'collection') {
    if (result.rows.length === 0 && !plan.after) await requireSource();
    const hasMore = result.rows.length > compiled.pageLimit;
    const rows = hasMore ? result.rows.slice(0, compiled.pageLimit) : result.rows;
    let link: string | undefined;
    if (hasMore) {
      const last = rows[rows.length - 1] as Row;
      const token = encodeSkipToken(plan.orderBy.map((_, i) => last[orderValueAlias(i)] ?? null), plan.fingerprint, config.jwtSecret, horizon);
      const remaining = plan.top === undefined ? undefined : plan.top - rows.length;
      link = nextLink(`${root}${req.path}`, rawQuery(req), remaining, token);
    }
    if (prefer.maxPageSize !== undefined) applied.push(`odata.maxpagesize=${plan.pageSize}`);
    if (horizon && prefer.trackChanges) applied.push('odata.track-changes');
    setPreferenceApplied(res, applied);
    // the last page of a read that tracks changes: the link to what changes from now on
    const delta = horizon && !hasMore ? deltaLink(`${root}${req.path}`, rawQuery(req), encodeDeltaToken({ fingerprint: plan.fingerprint, since: horizon }, config.jwtSecret)) : undefined;
    const page = { rows, count: result.count, nextLink: link, deltaLink: delta };
    if (how.refs) {
      sendJson(res, format, referencesOf(plan, page, formatOptions));
      return;
    }
    // a page that may carry thousands of entities goes out in pieces; a small one in one buffer (cheaper)
    const chunks = serializeCollectionChunks(plan, page, formatOptions, form);
    if (how.stream) await streamJson(res, format, chunks);
    else sendJsonBody(res, format, utf8Body(chunks));
    return;
  }

  const row = result.rows[0];
  if (!row) {
    await requireSource();
    if (plan.target.kind !== 'related') throw entityNotFound(plan.set, plan.target.key);
    res.status(204).end(); // the navigation leads nowhere (a root team's Parent)
    return;
  }
  setPreferenceApplied(res, applied);
  if (how.refs && plan.target.kind === 'related') {
    sendJson(res, format, referenceOf(plan, row, formatOptions));
    return;
  }
  if (plan.target.kind === 'entity' || plan.target.kind === 'related') {
    if (row.__etag !== undefined) res.setHeader('ETag', etagOf(row.__etag));
    sendJson(res, format, formatSingle(plan, row, formatOptions));
    return;
  }
  const { property: prop, members = [] } = plan.target;
  // a member of a complex property: a primitive one formatted by its own type, a complex or collection one as read
  const last = members[members.length - 1];
  const stored = row[prop.name];
  const value = !last ? formatValue(prop, stored, formatOptions) : last.complex || last.collection ? (stored ?? null) : formatValue({ ...prop, type: last.type }, stored, formatOptions);
  if (value === null) {
    res.status(204).end();
    return;
  }
  if (plan.target.raw) {
    res.status(200).type('text/plain').send(String(value));
    return;
  }
  const { key } = plan.target;
  // an alternate key keeps its name: Projects(ProjectId='2322345')/ProjectOwner
  const literal = keyLiteral(key.property, key.value.value);
  const keyText = key.property.name === plan.set.key ? literal : `${key.property.name}=${literal}`;
  sendJson(res, format, { '@odata.context': contextUrl(plan, root, keyText), value });
}

/**
 * `Teams(3)/Users/$ref` (any collection navigation path, with its $filter/$orderby/$top/$skip/$count):
 * the path without `$ref` is read; `$select` and `$expand` do not apply to references (400).
 */
function isRefPath(segments: readonly PathSegment[], options: QueryOptions): boolean {
  const last = segments[segments.length - 1];
  if (last?.name !== '$ref') return false;
  if (last.key || segments.length < 3) throw new ODataError('UnsupportedQueryOption', '$ref follows a navigation: Teams(3)/Users/$ref', '$ref');
  if (options.select !== undefined || options.expand !== undefined) {
    throw new ODataError('InvalidQueryOption', '$select and $expand do not apply to references ($ref)', '$ref');
  }
  return true;
}

/**
 * A page of entities as references:
 *   { "@odata.context": "http://h/odata/$metadata#Collection($ref)", "value": [{ "@odata.id": "http://h/odata/Users(7)" }] }
 */
function referencesOf(plan: ReadPlan, page: CollectionPage, options: FormatOptions): Record<string, unknown> {
  const key = keyProperty(plan.set);
  const count = page.count === undefined ? {} : { '@odata.count': formatCount(page.count, options) };
  const value = page.rows.map((row) => ({ '@odata.id': `${options.serviceRoot}/${plan.set.name}(${keyLiteral(key, row[key.name])})` }));
  return { '@odata.context': `${options.serviceRoot}/$metadata#Collection($ref)`, ...count, value, ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}) };
}

/**
 * The entity a single-valued navigation leads to, as a reference (no entity: 204 before this):
 *   OrganizationTeamHierarchies(5)/Parent/$ref → { "@odata.context": "http://h/odata/$metadata#$ref", "@odata.id": "http://h/odata/OrganizationTeamHierarchies(2)" }
 */
function referenceOf(plan: ReadPlan, row: Row, options: FormatOptions): Record<string, unknown> {
  const key = keyProperty(plan.set);
  return { '@odata.context': `${options.serviceRoot}/$metadata#$ref`, '@odata.id': `${options.serviceRoot}/${plan.set.name}(${keyLiteral(key, row[key.name])})` };
}

function sendJson(res: Response, format: JsonFormat | undefined, body: unknown): void {
  sendJsonBody(res, format, JSON.stringify(body));
}

/**
 * A body written piece by piece (an expanded page): the event loop serves other requests between the
 * pieces, and a slow client holds back the next piece (backpressure) instead of a whole body in memory.
 */
async function streamJson(res: Response, format: JsonFormat | undefined, chunks: Iterable<string>): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', contentTypeOf(format));
  for (const chunk of chunks) {
    if (res.destroyed) return; // the client went away: stop formatting
    if (res.write(chunk)) await new Promise<void>((resolve) => setImmediate(resolve));
    else await firstEvent(res, ['drain', 'close']);
  }
  res.end();
}

