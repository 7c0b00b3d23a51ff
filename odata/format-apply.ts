/**
 * Response formatting for `$apply` results (odata/plan/plan-apply.ts): rows → OData JSON values, a grouped
 * navigation or complex path as a nested object (Data Aggregation §3.1.3: `{"OrganizationTeamHierarchy":
 * {"Name":"Sales"},"N":3}`), and the context URL naming the result's properties. Pure: no I/O.
 */
import { formatValue, type FormatOptions } from './format';
import type { PropertyDef } from './model';
import type { ApplyPlan } from './plan/plan-apply';

type Row = Record<string, unknown>;

/**
 * `formatApplyRow({ 'Parent/Name': 'Sales', N: '3' }, [Parent/Name, N], o)` → { Parent: { Name: 'Sales' }, N: 3 }
 * (omit-values=nulls leaves nulls out).
 */
export function formatApplyRow(row: Row, columns: readonly PropertyDef[], options: FormatOptions): Row {
  const out: Row = {};
  for (const prop of columns) {
    const value = formatValue(prop, row[prop.name], options);
    if (value === null && options.omitNulls) continue;
    const path = prop.name.split('/');
    let into = out;
    for (const segment of path.slice(0, -1)) {
      const next = into[segment];
      into = (next && typeof next === 'object' ? next : (into[segment] = {})) as Row;
    }
    into[path[path.length - 1] as string] = value;
  }
  return out;
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
