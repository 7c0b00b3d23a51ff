/**
 * Unbound actions of the model (`POST /odata/CreateOrgHierarchyMapping`): the write stage's branch for an
 * ActionImport. Checks who may call it, validates the parameters against their declarations, turns them
 * into the body of the entity the action creates (ActionDef.assign), and writes that entity like a POST on
 * its set (body validation, write rules, audit: server/db/execute-write.ts) → 200 with the entity.
 */
import type { Request, Response } from 'express';
import { ODataError, type ODataErrorDetail } from '../../odata/errors';
import { etagOf } from '../../odata/format';
import { entitySet, type ActionDef, type ActionParameterDef } from '../../odata/model';
import { asCaller } from '../auth/caller-check';
import { executeWrite } from '../db/execute-write';
import { validateBody } from '../validation/body-schemas';
import { negotiateJson } from './negotiate';
import { serviceRoot } from './urls';
import { sendEntity, type WriteContext } from './write-handler';

/** One parameter's value, checked: `(ParentType oneOf [root, team], 'Team')` → 'team'; a problem → a detail. */
function parameterValue(param: ActionParameterDef, value: unknown): string | ODataErrorDetail {
  const problem = (message: string): ODataErrorDetail => ({ code: 'InvalidValue', message: `${param.name} ${message}`, target: param.name });
  if (value === undefined || value === null) return { code: 'MissingProperty', message: `${param.name} is required`, target: param.name };
  if (param.type !== 'Edm.String' || typeof value !== 'string') return problem(`must be ${param.type}`);
  if (value.trim() === '') return problem('must not be empty');
  if (param.maxLength !== undefined && value.length > param.maxLength) return problem(`must be at most ${param.maxLength} characters`);
  if (param.oneOf) {
    const known = param.oneOf.find((v) => v.toLowerCase() === value.toLowerCase());
    if (!known) return problem(`'${value}' is not one of ${param.oneOf.join(', ')}`);
    return known;
  }
  return value;
}

/**
 * The action's parameters from its JSON body: `{"Parent":"Opsera","ParentType":"Root",…}` → { Parent: 'Opsera', ParentType: 'root', … };
 * missing, unknown, mistyped or not allowed values → 400 with a detail each (the message names them).
 */
export function actionParameters(action: ActionDef, body: unknown): Record<string, string> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ODataError('ValidationFailed', `The body of ${action.name} must be a JSON object with ${action.parameters.map((p) => p.name).join(', ')}`);
  }
  const given = Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([k]) => !k.includes('@')));
  const details: ODataErrorDetail[] = [];
  const values: Record<string, string> = {};
  for (const name of Object.keys(given)) {
    if (!action.parameters.some((p) => p.name === name)) details.push({ code: 'UnknownProperty', message: `${action.name} has no parameter '${name}'`, target: name });
  }
  for (const param of action.parameters) {
    const value = parameterValue(param, given[param.name]);
    if (typeof value === 'string') values[param.name] = value;
    else details.push(value);
  }
  if (details.length > 0) {
    throw new ODataError('ValidationFailed', `The parameters of ${action.name} are not valid: ${details.map((d) => d.message).join('; ')}`, details[0]?.target, details);
  }
  return values;
}

/** `fillTemplate('{ParentType}-{ChildType}', { ParentType: 'root', ChildType: 'team' })` → 'root-team'. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => values[name] ?? '');
}

/**
 * `POST /odata/<Action>`: 403 unless allowed, 400 for bad parameters, then the created entity (200, with its ETag):
 *   POST /odata/CreateOrgHierarchyMapping {"Parent":"Opsera","ParentType":"root","Child":"R&D","ChildType":"business"}
 *   → 200 {"@odata.context":"…/$metadata#Mappings/$entity","Id":"6f1c…","Attribute1":"Opsera",…,"Relationship":"root-business"}
 */
export async function handleAction(req: Request, res: Response, ctx: WriteContext, action: ActionDef): Promise<void> {
  // a refusal to a cached caller is checked again afresh (asCaller); the write checks the caller again itself
  const principal = await asCaller(ctx.principal, ctx.refreshPrincipal, async (caller) => {
    if (action.administratorsOnly && !caller.isAdministrator) throw new ODataError('Forbidden', `Only an administrator can call ${action.name}`);
    return caller;
  });
  if (!req.is('application/json')) throw new ODataError('UnsupportedMediaType', `${action.name} needs a JSON body with Content-Type: application/json`);
  const set = entitySet(action.creates);
  if (!set) throw new Error(`model: action ${action.name} creates unknown entity set ${action.creates}`);
  const parameters = actionParameters(action, req.body);
  const body = validateBody(set, 'create', Object.fromEntries(Object.entries(action.assign).map(([name, template]) => [name, fillTemplate(template, parameters)])));
  const format = negotiateJson(req.headers.accept, undefined);
  const row = await executeWrite(ctx.db, {
    set, action: 'create', body, principal, refreshPrincipal: principal === ctx.principal ? ctx.refreshPrincipal : undefined,
    requestId: String(res.getHeader('x-request-id') ?? ''),
  });
  ctx.onCommitted?.(set);
  if (!row) throw new Error(`${action.name}: the write returned no entity`);
  const root = serviceRoot(req, ctx.config.trustProxy);
  if (set.versionColumn) res.setHeader('ETag', etagOf(row[set.versionColumn]));
  sendEntity(res, root, set, row, format);
}
