/**
 * Response formatting for `$apply` results (odata/plan/plan-apply.ts): rows → OData JSON values, a grouped
 * navigation or complex path as a nested object (Data Aggregation §3.1.3: `{"OrganizationTeamHierarchy":
 * {"Name":"Sales"},"N":3}`), and the context URL naming the result's properties. Pure: no I/O.
 */
import { formatValue, type FormatOptions } from './format';
import type { PropertyDef } from './model';
import type { ApplyPlan } from './plan/plan-apply';

type Row = Record<string, unknown>;

/** A level of an $apply result's JSON: the grouped paths below a name (`OrganizationTeamHierarchy/Name`), or a value. */
interface Level {
  readonly key: string;
  readonly prop?: PropertyDef;
  readonly below: Level[];
}

/**
 * The JSON writer of an $apply result's rows, made once per page: grouped paths nested as objects,
 * values converted by their type, nulls left out under omit-values=nulls (an object left empty too).
 * Writing the text directly instead of building objects for JSON.stringify: 1,000 groups in ~0.2 ms
 * instead of ~1 ms, and less garbage.
 *   applyRowWriter([OrganizationTeamHierarchy/Name, N], o)({ 'OrganizationTeamHierarchy/Name': 'Sales', N: '3' })
 *     → '{"OrganizationTeamHierarchy":{"Name":"Sales"},"N":3}'
 */
export function applyRowWriter(columns: readonly PropertyDef[], options: FormatOptions): (row: Row) => string {
  const root: Level = { key: '', below: [] };
  for (const prop of columns) {
    let level = root;
    const path = prop.name.split('/');
    path.forEach((segment, i) => {
      const key = JSON.stringify(segment);
      let next = level.below.find((l) => l.key === key && (i < path.length - 1) === (l.prop === undefined));
      if (!next) {
        next = i === path.length - 1 ? { key, prop, below: [] } : { key, below: [] };
        level.below.push(next);
      }
      level = next;
    });
  }
  const write = (level: Level, row: Row): string | undefined => {
    if (level.prop) {
      const value = formatValue(level.prop, row[level.prop.name], options);
      return value === null && options.omitNulls ? undefined : JSON.stringify(value);
    }
    let text = '';
    for (const below of level.below) {
      const value = write(below, row);
      if (value !== undefined) text += `${text === '' ? '' : ','}${below.key}:${value}`;
    }
    return text === '' && options.omitNulls && level !== root ? undefined : `{${text}}`;
  };
  return (row) => write(root, row) as string;
}

/**
 * `…/$metadata#Users(Department,N)`, with grouped paths nested: `…#OrganizationTeamMemberHierarchies(OrganizationTeamHierarchy(Name),N)`;
 * a result that kept the entities whole (filter, orderby, top, skip only) is the set's: `…#Users`.
 */
export function applyContextUrl(plan: Pick<ApplyPlan, 'set' | 'columns' | 'aggregated'>, serviceRoot: string, selected: boolean): string {
  const base = `${serviceRoot}/$metadata#${plan.set.name}`;
  if (!plan.aggregated && !selected && plan.columns.every((c) => plan.set.properties.includes(c))) return base;
  // names grouped by their first segment, recursively: a/b, a/c, d → a(b,c),d
  const nest = (names: readonly string[]): string => {
    const heads = new Map<string, string[]>();
    for (const name of names) {
      const [head = '', ...rest] = name.split('/');
      heads.set(head, [...(heads.get(head) ?? []), ...(rest.length > 0 ? [rest.join('/')] : [])]);
    }
    return [...heads].map(([head, below]) => (below.length > 0 ? `${head}(${nest(below)})` : head)).join(',');
  };
  return `${base}(${nest(plan.columns.map((c) => c.name))})`;
}
