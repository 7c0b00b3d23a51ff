/**
 * Plan stage: a set's default filter (EntitySetDef.defaultFilter, Teams: `Active eq true`; the logs:
 * `CreatedAt ge now() sub duration'P7D'`) added to the
 * $filter of a collection read — top level, navigation path or $expand — unless the request overrides it
 * (`?inactive=true`) or the collection's own $filter mentions the property (the caller's own choice).
 * Lambdas and `/$count` inside a $filter are not affected: they see every related entity. Pure: no I/O.
 */
import { ODataError } from '../errors';
import { property, type EntitySetDef } from '../model';
import type { TypedExpr } from './typed-expr';

/**
 * Whether the request turns the default filters off, from its custom query parameters:
 *   defaultFilterOverridden(Teams, { inactive: ['true'] }) → true; { inactive: ['false'] } or {} → false;
 *   { inactive: ['yes'] } → 400 naming the parameter.
 */
export function defaultFilterOverridden(set: EntitySetDef, parameters: Readonly<Record<string, readonly string[]>> | undefined): boolean {
  const name = set.defaultFilter?.overrideParameter;
  const values = name === undefined ? undefined : parameters?.[name];
  if (name === undefined || values === undefined) return false;
  if (values.length !== 1 || (values[0] !== 'true' && values[0] !== 'false')) {
    throw new ODataError('InvalidQueryOption', `${name} must be true or false (once): ${name}=true includes the ${set.name} a list hides by default`, name);
  }
  return values[0] === 'true';
}

/** Keys of typed expressions that hold model declarations, not sub-expressions. */
const NOT_EXPRESSIONS = new Set(['set', 'property', 'navPath', 'navigation', 'variable', 'source', 'base', 'members', 'element']);

/** Whether `expr` reads `name` of the entity it filters (`$it`, not through a navigation): `Active eq false` → true. */
export function mentionsProperty(expr: unknown, name: string): boolean {
  if (Array.isArray(expr)) return expr.some((item) => mentionsProperty(item, name));
  if (typeof expr !== 'object' || expr === null) return false;
  const node = expr as Record<string, unknown>;
  if (node.kind === 'Column') {
    const column = node as unknown as Extract<TypedExpr, { kind: 'Column' }>;
    if (column.variable === '$it' && column.navPath.length === 0 && column.property.name === name) return true;
  }
  return Object.entries(node).some(([key, value]) => !NOT_EXPRESSIONS.has(key) && mentionsProperty(value, name));
}

/**
 * The filter of a collection over `set`, with the set's default filter when it applies:
 *   withDefaultFilter(Teams, undefined, false) → Compare(eq, Column(Active), true)
 *   withDefaultFilter(Teams, Name eq 'x', false) → (Active eq true) and (Name eq 'x')
 *   withDefaultFilter(Teams, Active eq false, false) → Active eq false (mentions Active); overridden → the filter as given
 *   withDefaultFilter(AuditLogs, undefined, false) → CreatedAt ge now() sub duration'P7D'
 */
export function withDefaultFilter(set: EntitySetDef, filter: TypedExpr | undefined, overridden: boolean): TypedExpr | undefined {
  const rule = set.defaultFilter;
  if (!rule || overridden || mentionsProperty(filter, rule.property)) return filter;
  const prop = property(set, rule.property);
  if (!prop) throw new Error(`model: ${set.name}.defaultFilter names no property ${rule.property}`);
  const column: TypedExpr = { kind: 'Column', variable: '$it', navPath: [], set, property: prop, type: prop.type, nullable: prop.nullable };
  // the window is now() in SQL, not a time fixed when the plan is made: plans are reused
  const since: TypedExpr = {
    kind: 'Arithmetic',
    op: 'sub',
    left: { kind: 'Function', name: 'now', args: [], type: 'Edm.DateTimeOffset', nullable: false },
    right: { kind: 'Value', type: 'Edm.Duration', value: `P${'withinDays' in rule ? rule.withinDays : 0}D`, nullable: false },
    type: 'Edm.DateTimeOffset',
    nullable: false,
  };
  const condition: TypedExpr = 'withinDays' in rule
    ? { kind: 'Compare', op: 'ge', left: column, right: since, type: 'Edm.Boolean', nullable: false }
    : { kind: 'Compare', op: 'eq', left: column, right: { kind: 'Value', type: 'Edm.Boolean', value: rule.equals, nullable: false }, type: 'Edm.Boolean', nullable: false };
  return filter ? { kind: 'Logical', op: 'and', left: condition, right: filter, type: 'Edm.Boolean', nullable: false } : condition;
}
