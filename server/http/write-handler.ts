/**
 * The write pipeline for entity sets: route (POST on a collection; PATCH, PUT, DELETE on an entity) →
 * validate the body (ajv, from the model) → check CompanyId and Id against the caller and the URL →
 * execute in one transaction (server/db/execute-write.ts) → respond with the seed's status codes:
 * POST 200 + entity + Location, PATCH/PUT/DELETE 204; `Prefer: return=…` switches, with Preference-Applied.
 * `…/<nav>/$ref` (POST adds, DELETE removes a reference of a many-to-many navigation) → server/db/execute-link.ts, 204.
 */
import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import { ODataError } from '../../odata/errors';
import { etagOf, formatEntity, keyLiteral } from '../../odata/format';
import { action, entitySet, keyProperty, navigation, type ActionDef, type EntitySetDef } from '../../odata/model';
import type { PathSegment } from '../../odata/parse/ast';
import { planKey, resolveEntitySet } from '../../odata/plan/plan-read';
import { targetSet } from '../../odata/plan/plan-expr';
import { parseResourcePath } from '../../odata/parse/parse-resource-path';
import type { KeyLookup } from '../../odata/plan/read-plan';
import { asCaller } from '../auth/caller-check';
import type { Principal } from '../auth/principal';
import { same, type Row } from '../auth/write-rules/types';
import type { Config } from '../config';
import { executeLink } from '../db/execute-link';
import { executeWrite } from '../db/execute-write';
import type { AuditAction } from '../db/audit';
import { validateBody, type WriteMode } from '../validation/body-schemas';
import { handleAction } from './action-handler';
import { negotiateJson, type JsonFormat } from './negotiate';
import { sendJsonBody } from './send-json';
import { parsePrefer } from './prefer';
import { SERVICE_PATH, serviceRoot } from './urls';

export interface WriteContext {
  readonly db: Knex;
  readonly config: Config;
  /** The caller as authentication found it, possibly from its cache (checked inside the write). */
  readonly principal: Principal;
  /** Authenticates the caller afresh, for a write that finds the cached caller changed (server/auth/caller-check.ts). */
  readonly refreshPrincipal?: () => Promise<Principal>;
  readonly segments: readonly PathSegment[];
  /** `$id` of a `DELETE Teams(3)/Users/$ref?$id=Users(7)`: the reference to remove. */
  readonly refId?: string;
  /** Called after a committed write to `set` (the read caches are cleared; the other instances are told). */
  readonly onCommitted?: (set: EntitySetDef) => void;
}

const MODES: Readonly<Record<string, { action: AuditAction; mode?: WriteMode }>> = {
  POST: { action: 'create', mode: 'create' },
  PATCH: { action: 'update', mode: 'update' },
  PUT: { action: 'replace', mode: 'replace' },
  DELETE: { action: 'delete' },
};

function route(method: string, segments: readonly PathSegment[]): { set: EntitySetDef; key?: KeyLookup } {
  const [first, ...rest] = segments;
  if (!first) throw new ODataError('MethodNotAllowed', `${method} is not allowed on the service root`);
  const set = resolveEntitySet(first.name, entitySet);
  if (rest.length > 0) {
    throw new ODataError('MethodNotAllowed', `${method} is allowed on ${set.name} or ${set.name}(key) only, not on a property path`);
  }
  if (!set.writable) throw new ODataError('MethodNotAllowed', `${set.name} is read-only`, set.name);
  if (method === 'POST') {
    if (first.key) throw new ODataError('MethodNotAllowed', `POST creates in the collection: POST /odata/${set.name}, not ${set.name}(key)`);
    return { set };
  }
  if (!first.key) throw new ODataError('MethodNotAllowed', `${method} needs an entity: /odata/${set.name}(key)`);
  return { set, key: planKey(set, first.key) };
}

/** The body must not move the entity to another company, nor name another key than the URL (seed 003: 400). */
function checkBodyIdentity(set: EntitySetDef, body: Record<string, unknown>, principal: Principal, key?: KeyLookup): void {
  if ('CompanyId' in body && !same(body.CompanyId, principal.companyId)) {
    throw new ODataError('ValidationFailed', `CompanyId ${String(body.CompanyId)} is not your company (${principal.companyId})`, 'CompanyId');
  }
  const keyName = keyProperty(set).name;
  const given = key?.property.type === 'Edm.Guid' && typeof body[keyName] === 'string' ? body[keyName].toLowerCase() : body[keyName];
  if (key && keyName in body && !(key.property.name === keyName && same(given, key.value.value))) {
    throw new ODataError('ValidationFailed', `${keyName} in the body (${String(body[keyName])}) does not match the URL`, keyName);
  }
}

/**
 * Column-space row → the entity as the client reads it (with "@odata.etag"); a secret made by this very
 * create (EntitySetDef.secret: AccessTokens' Token) last, the only time it is shown.
 */
function entityOf(set: EntitySetDef, row: Row, ieee754Compatible: boolean): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  for (const prop of set.properties) named[prop.name] = row[prop.column];
  if (set.versionColumn) named.__etag = row[set.versionColumn];
  const entity = formatEntity(named, set.properties, { serviceRoot: '', ieee754Compatible, omitNulls: false });
  const secret = set.secret ? row[set.secret.property] : undefined;
  return typeof secret === 'string' && set.secret ? { ...entity, [set.secret.property]: secret } : entity;
}

export async function handleWrite(req: Request, res: Response, ctx: WriteContext): Promise<void> {
  const { db, config, principal } = ctx;
  const method = req.method.toUpperCase();
  if (ctx.segments[ctx.segments.length - 1]?.name === '$ref') {
    await handleRefWrite(req, res, ctx, method);
    return;
  }
  const called = calledAction(ctx.segments);
  if (called) {
    if (method !== 'POST') refuseActionMethod(res, called);
    await handleAction(req, res, ctx, called);
    return;
  }
  const spec = MODES[method];
  if (!spec) throw new ODataError('MethodNotAllowed', `${method} is not supported`);
  const { set, key } = route(method, ctx.segments);
  let body: Record<string, unknown> | undefined;
  if (spec.mode) {
    if (!req.is('application/json')) {
      throw new ODataError('UnsupportedMediaType', `${method} needs a JSON body with Content-Type: application/json`);
    }
    body = validateBody(set, spec.mode, req.body);
    checkBodyIdentity(set, body, principal, key);
  }
  const prefer = parsePrefer(req.headers.prefer);
  const format = negotiateJson(req.headers.accept, undefined);
  const row = await executeWrite(db, {
    set,
    action: spec.action,
    key,
    body,
    ifMatch: req.headers['if-match'],
    ifNoneMatch: req.headers['if-none-match'],
    principal,
    refreshPrincipal: ctx.refreshPrincipal,
    requestId: String(res.getHeader('x-request-id') ?? ''),
    settings: { accessTokenMaxLifetimeSeconds: config.accessTokenMaxLifetimeSeconds },
  });
  ctx.onCommitted?.(set);

  if (!row) {
    res.status(204).end();
    return;
  }
  const root = serviceRoot(req, config.trustProxy);
  const location = `${root}/${set.name}(${keyLiteral(keyProperty(set), row[keyProperty(set).column])})`;
  if (set.versionColumn) res.setHeader('ETag', etagOf(row[set.versionColumn]));
  // a created secret is shown in the response or never: return=minimal does not apply to it
  const secretMade = method === 'POST' && set.secret !== undefined;
  const representation = method === 'POST' ? prefer.return !== 'minimal' || secretMade : prefer.return === 'representation';
  if (prefer.return && !(secretMade && prefer.return === 'minimal')) res.setHeader('Preference-Applied', `return=${prefer.return}`);
  if (method === 'POST') res.setHeader('Location', location);
  if (!representation) {
    res.setHeader('OData-EntityId', location);
    res.status(204).end();
    return;
  }
  sendEntity(res, root, set, row, format);
}

/** 200 with the written entity (column space in `row`), its context URL first: the answer to a POST and to an action. */
export function sendEntity(res: Response, root: string, set: EntitySetDef, row: Row, format: JsonFormat): void {
  // written as reads are (express's send would rewrite the Content-Type: `application/json; odata.metadata=…`)
  sendJsonBody(res, format, JSON.stringify({ '@odata.context': `${root}/$metadata#${set.name}/$entity`, ...entityOf(set, row, format.ieee754Compatible) }));
}

/** The unbound action a path names (`/CreateOrgHierarchyMapping`), if it names one. */
export function calledAction(segments: readonly PathSegment[]): ActionDef | undefined {
  const [first, ...rest] = segments;
  return first && !first.key && rest.length === 0 ? action(first.name) : undefined;
}

/** 405 for any method but POST on an action. */
export function refuseActionMethod(res: Response, called: ActionDef): never {
  res.setHeader('Allow', 'POST');
  throw new ODataError('MethodNotAllowed', `${called.name} is an action: call it with POST`, called.name);
}

/**
 * `POST Teams(3)/Users/$ref` with `{"@odata.id":"Users(7)"}` (or an absolute URL ending in /odata/Users(7))
 * links, `DELETE Teams(3)/Users(7)/$ref` or `DELETE Teams(3)/Users/$ref?$id=Users(7)` unlinks: 204, in one
 * audited transaction (server/db/execute-link.ts).
 */
async function handleRefWrite(req: Request, res: Response, ctx: WriteContext, method: string): Promise<void> {
  const [first, navSegment, ref, ...more] = ctx.segments;
  const set = first ? resolveEntitySet(first.name, entitySet) : undefined;
  const nav = set && navSegment ? navigation(set, navSegment.name) : undefined;
  if (!set || !first?.key || !nav || !ref || ref.key || more.length > 0) {
    throw new ODataError('MethodNotAllowed', `${method} …/$ref needs an entity and one of its navigations: /odata/Teams(3)/Users/$ref`, '$ref');
  }
  if (!set.writable || !nav.through) {
    throw new ODataError('MethodNotAllowed', `${set.name}(…)/${nav.name}/$ref: references can be changed on many-to-many navigations only`, nav.name);
  }
  if (nav.through.managedBy) {
    throw new ODataError('MethodNotAllowed', `${set.name}(…)/${nav.name}: its links are ${nav.through.managedBy}; create or delete those instead`, nav.name);
  }
  const target = targetSet(nav);
  let targetKey: KeyLookup;
  if (method === 'POST') {
    if (navSegment?.key) throw new ODataError('MethodNotAllowed', `POST adds a reference to the collection: ${set.name}(…)/${nav.name}/$ref`, '$ref');
    if (!req.is('application/json')) throw new ODataError('UnsupportedMediaType', 'POST …/$ref needs a JSON body with Content-Type: application/json');
    targetKey = referencedKey(target, req.body);
  } else if (method === 'DELETE') {
    // the reference named in the path (Teams(3)/Users(7)/$ref) or by $id (Teams(3)/Users/$ref?$id=Users(7)), not both
    if (navSegment?.key && ctx.refId !== undefined) throw new ODataError('InvalidQueryOption', `DELETE names the reference once: ${set.name}(…)/${nav.name}(key)/$ref, or $id without the key`, '$id');
    if (navSegment?.key) targetKey = planKey(target, navSegment.key);
    else if (ctx.refId !== undefined) targetKey = referencedKey(target, { '@odata.id': resolvedId(ctx.refId, req.originalUrl) }, '$id');
    else throw new ODataError('MethodNotAllowed', `DELETE names the reference to remove: ${set.name}(…)/${nav.name}(key)/$ref or ${set.name}(…)/${nav.name}/$ref?$id=${target.name}(key)`, '$ref');
  } else {
    throw new ODataError('MethodNotAllowed', `${method} is not allowed on $ref: POST adds a reference, DELETE removes one`, '$ref');
  }
  const key = planKey(set, first.key);
  await asCaller(ctx.principal, ctx.refreshPrincipal, (principal) => executeLink(ctx.db, {
    set,
    key,
    navigation: nav,
    targetKey,
    action: method === 'POST' ? 'link' : 'unlink',
    principal,
    requestId: String(res.getHeader('x-request-id') ?? ''),
  }));
  ctx.onCommitted?.(set);
  res.status(204).end();
}

/**
 * A `$id` relative to the request's URL, as the OData examples write it, made a path:
 *   resolvedId('../../Users(7)', '/odata/Teams(3)/Users/$ref?$id=…') → '/odata/Users(7)'; 'Users(7)' and URLs stay as they are.
 */
function resolvedId(id: string, requestUrl: string): string {
  return /^\.\.?\//.test(id) ? new URL(id, `http://service${requestUrl.split('?')[0] ?? ''}`).pathname : id;
}

/**
 * The entity a `$ref` body names: `{"@odata.id":"Users(7)"}`, `"/odata/Users(7)"` or `"http://h/odata/Users(7)"` → Users Id 7;
 * another set, a path, or no `@odata.id` → 400.
 */
export function referencedKey(target: EntitySetDef, body: unknown, from: '@odata.id' | '$id' = '@odata.id'): KeyLookup {
  const id = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)['@odata.id'] : undefined;
  const invalid = (why: string) => from === '$id'
    ? new ODataError('InvalidQueryOption', `$id must name one ${target.typeName}: $id=${target.name}(key): ${why}`, '$id')
    : new ODataError('ValidationFailed', `The body must be {"@odata.id":"${target.name}(key)"}: ${why}`, '@odata.id');
  if (typeof id !== 'string') throw invalid('@odata.id is missing');
  const marker = `${SERVICE_PATH}/`;
  const at = id.lastIndexOf(marker);
  const relative = at >= 0 ? id.slice(at + marker.length) : id;
  if (at < 0 && /^[a-z][a-z0-9+.-]*:/i.test(id)) throw invalid(`'${id}' is not a URL of this service`);
  let segments: readonly PathSegment[];
  try {
    segments = parseResourcePath(relative).segments;
  } catch {
    throw invalid(`'${id}' is not an entity's URL`);
  }
  const [only, ...rest] = segments;
  if (!only || !only.key || rest.length > 0 || only.name !== target.name) throw invalid(`'${id}' is not one ${target.typeName}`);
  return planKey(target, only.key);
}
