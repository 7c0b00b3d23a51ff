/**
 * Request-body validation for writes: JSON schemas generated from the model (one per entity set and
 * write mode), compiled with ajv once at start-up. A body that fails is a 400 ValidationFailed whose
 * `details` name every offending property (`target`: its path in the body, into complex values too:
 * `Assets/Repositories/0/Url`). Instance annotations (`@odata.etag`…) are ignored.
 *   validateBody(Users, 'create', { UserName: 5 }) → 400 details [{ target: 'UserName', message: 'must be string' }]
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { ODataError, type ODataErrorDetail } from '../../odata/errors';
import { model, type ComplexTypeDef, type EntitySetDef, type MemberDef, type PropertyDef } from '../../odata/model';

/** create = POST, replace = PUT (every required property), update = PATCH (any subset). */
export type WriteMode = 'create' | 'replace' | 'update';

/** Extra constraints on particular properties, beyond what their Edm type says. */
const PATTERNS: Readonly<Record<string, string>> = {
  Email: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
};

/**
 * A complex type as a closed JSON object: `complexSchema(Repository)` → { type:'object', properties:
 * { Name, Platform, Url }, required: ['Name'], additionalProperties: false }.
 */
function complexSchema(type: ComplexTypeDef): Record<string, unknown> {
  const properties = Object.fromEntries(type.members.map((m) => [m.name, propertySchema(m)]));
  const required = type.members.filter((m) => m.required).map((m) => m.name);
  return { type: 'object', properties, required, additionalProperties: false };
}

/** A property or complex member: its value's schema (a collection: an array of them; nullable: or null). */
function propertySchema(prop: PropertyDef | MemberDef): Record<string, unknown> {
  const single = prop.complex ? complexSchema(prop.complex) : primitiveSchema(prop);
  if (prop.collection) return { type: 'array', items: single };
  return prop.nullable ? { anyOf: [single, { type: 'null' }] } : single;
}

function primitiveSchema(prop: PropertyDef | MemberDef): Record<string, unknown> {
  let schema: Record<string, unknown>;
  switch (prop.type) {
    case 'Edm.Int32':
      schema = { type: 'integer', minimum: -2147483648, maximum: 2147483647 };
      break;
    case 'Edm.Int64':
      // a JSON number, or a string of digits (IEEE754Compatible clients)
      schema = { anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^-?[0-9]{1,19}$' }] };
      break;
    case 'Edm.Boolean':
      schema = { type: 'boolean' };
      break;
    case 'Edm.Guid':
      schema = { type: 'string', pattern: '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$' };
      break;
    case 'Edm.String': {
      schema = { type: 'string', minLength: prop.nullable ? 0 : 1 };
      if (prop.maxLength) schema.maxLength = prop.maxLength;
      const pattern = PATTERNS[prop.name];
      if (pattern) schema.pattern = pattern;
      break;
    }
    default:
      schema = {};
  }
  return schema;
}

/** The JSON schema of a body: `bodySchema(Users, 'create')` → { type:'object', properties, required, additionalProperties:false } */
export function bodySchema(set: EntitySetDef, mode: WriteMode): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const prop of set.properties) {
    // Id may appear in PUT/PATCH bodies (it must then match the URL: checked by the write stage)
    if (prop.readOnly && !(prop.name === set.key && mode !== 'create')) continue;
    properties[prop.name] = propertySchema(prop);
  }
  const required = mode === 'update' ? [] : set.properties.filter((p) => p.required).map((p) => p.name);
  return { type: 'object', properties, required, additionalProperties: false };
}

const ajv = new Ajv({ allErrors: true, strict: true });
const validators = new Map<string, ValidateFunction>();
for (const set of model.entitySets.filter((s) => s.writable)) {
  for (const mode of ['create', 'replace', 'update'] as const) validators.set(`${set.name}:${mode}`, ajv.compile(bodySchema(set, mode)));
}

/**
 * The declaration a body path leads to, through complex members and collection indexes:
 *   (Projects, ['Assets','Repositories','0','Url']) → the Url member of Repository; unknown → undefined
 */
function declarationAt(set: EntitySetDef, path: readonly string[]): PropertyDef | MemberDef | undefined {
  const [first, ...rest] = path;
  let current: PropertyDef | MemberDef | undefined = set.properties.find((p) => p.name === first);
  let indexed = false;
  for (const segment of rest) {
    if (!current) return undefined;
    if (current.collection && !indexed && /^\d+$/.test(segment)) {
      indexed = true;
      continue;
    }
    current = current.complex?.members.find((m) => m.name === segment);
    indexed = false;
  }
  return current;
}

/** What a value at a path must be: `Edm.String or null of at most 100 characters`, `a Repository`, `a collection`. */
function expectation(decl: PropertyDef | MemberDef | undefined, indexed: boolean): string {
  if (!decl) return 'a valid value';
  if (decl.collection && !indexed) return `a JSON array of ${decl.complex ? decl.complex.name : decl.type}`;
  if (decl.complex) return `a ${decl.complex.name} object${decl.nullable && !indexed ? ' or null' : ''}`;
  return `${decl.type}${decl.nullable && !decl.collection ? ' or null' : ''}${decl.maxLength ? ` of at most ${decl.maxLength} characters` : ''}`;
}

/** One ajv error → a detail whose target is the path in the body: `Assets/Repositories/0/Url`. */
function detail(set: EntitySetDef, error: ErrorObject): ODataErrorDetail {
  const params = error.params as Record<string, unknown>;
  const path = error.instancePath.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const at = (name: string) => [...path, name].join('/');
  if (error.keyword === 'additionalProperties') {
    const name = String(params.additionalProperty);
    if (path.length > 0) {
      const owner = declarationAt(set, path);
      return { code: 'UnknownProperty', message: `${owner?.complex?.name ?? 'The object'} has no property '${name}'`, target: at(name) };
    }
    const prop = set.properties.find((p) => p.name === name);
    return prop?.readOnly
      ? { code: 'ReadOnlyProperty', message: `${name} is computed by the service and cannot be written`, target: name }
      : { code: 'UnknownProperty', message: `${set.typeName} has no property '${name}'`, target: name };
  }
  if (error.keyword === 'required') {
    const name = at(String(params.missingProperty));
    return { code: 'MissingProperty', message: `${name} is required`, target: name };
  }
  const name = path.join('/');
  const decl = declarationAt(set, path);
  const indexed = /^\d+$/.test(path[path.length - 1] ?? '');
  const what = error.keyword === 'pattern' ? `is not a valid ${path[path.length - 1] ?? ''}` : `must be ${expectation(decl, indexed)}`;
  return { code: 'InvalidValue', message: `${name} ${what}`, target: name };
}

/** Strips instance annotations (`@odata.etag`, `@odata.context`…): clients often send entities back as read. */
function withoutAnnotations(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([k]) => !k.startsWith('@') && !k.includes('@')));
}

/** Validates a parsed JSON body; returns it without annotations, or throws 400 with a detail per problem. */
export function validateBody(set: EntitySetDef, mode: WriteMode, body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ODataError('ValidationFailed', `The body must be a JSON object with ${set.typeName} properties`);
  }
  const clean = withoutAnnotations(body as Record<string, unknown>);
  const validate = validators.get(`${set.name}:${mode}`);
  if (!validate) throw new ODataError('MethodNotAllowed', `${set.name} is read-only`);
  if (validate(clean)) return clean;
  const seen = new Set<string>();
  const details = (validate.errors ?? [])
    .map((e) => detail(set, e))
    .filter((d) => {
      const key = `${d.target}:${d.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const names = [...new Set(details.map((d) => d.target))].join(', ');
  throw new ODataError('ValidationFailed', `The ${set.typeName} in the body is not valid: ${names}`, details[0]?.target, details);
}
