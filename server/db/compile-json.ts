/**
 * SQL for values inside complex (jsonb) properties, used by the expression compiler (compile-expr.ts),
 * $select of complex members (compile-read.ts), $search (compile-search.ts) and the indexes of migration 5,
 * which are built from these very functions so that the planner matches them. JSON keys come from the
 * model only and are written as SQL string literals (quotes doubled). No I/O.
 */
import type { ExprType } from '../../odata/plan/typed-expr';
import type { MemberDef } from '../../odata/model';

/** A JSON key from the model as an SQL literal: `jsonKey("O'Key")` → `'O''Key'`. */
export function jsonKey(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Casts of a member's text (`->>`) to its Edm type; strings stay text. */
const TEXT_CASTS: Partial<Record<ExprType, string>> = {
  'Edm.Int32': 'integer',
  'Edm.Int64': 'bigint',
  'Edm.Decimal': 'numeric',
  'Edm.Double': 'double precision',
  'Edm.Boolean': 'boolean',
  'Edm.DateTimeOffset': 'timestamptz',
  'Edm.Date': 'date',
  'Edm.TimeOfDay': 'time',
  'Edm.Guid': 'uuid',
};

/**
 * The JSON below `base` along `members`, as jsonb: `jsonPath('"t0"."assets"', [Repositories])` →
 * `("t0"."assets" -> 'Repositories')`; no members → `base` itself.
 */
export function jsonPath(base: string, members: readonly Pick<MemberDef, 'name'>[]): string {
  return members.reduce((sql, m) => `(${sql} -> ${jsonKey(m.name)})`, base);
}

/**
 * The primitive value at the end of `members`, typed: `jsonValue('"t0"."project_owner"', [Email], 'Edm.String')`
 * → `("t0"."project_owner" ->> 'Email')`; an Int32 member → `(("x" ->> 'N'))::integer`. A JSON null or a
 * missing key is SQL NULL. Without members (a lambda variable over a collection of primitives) the element
 * itself: `("t3"."value" #>> '{}')`.
 */
export function jsonValue(base: string, members: readonly Pick<MemberDef, 'name'>[], type: ExprType): string {
  const last = members[members.length - 1];
  const text = last ? `(${jsonPath(base, members.slice(0, -1))} ->> ${jsonKey(last.name)})` : `(${base} #>> '{}')`;
  const cast = TEXT_CASTS[type];
  return cast ? `(${text})::${cast}` : text;
}

/** Number of elements of a JSON collection, 0 when absent: `jsonCount('("t0"."assets" -> \'Services\')')` → `coalesce(jsonb_array_length(…), 0)`. */
export function jsonCount(collection: string): string {
  return `coalesce(jsonb_array_length(${collection}), 0)`;
}

type MemberTree = Map<string, MemberTree>;

/**
 * The selected members of a complex value, as an object with only them (null stays null):
 *   jsonSelect('"t0"."project_owner"', [['Email']]) →
 *     CASE WHEN jsonb_typeof("t0"."project_owner") = 'object' THEN jsonb_build_object('Email', ("t0"."project_owner" -> 'Email')) END
 */
export function jsonSelect(base: string, paths: readonly (readonly string[])[]): string {
  const tree: MemberTree = new Map();
  for (const path of paths) {
    let node = tree;
    for (const name of path) {
      let next = node.get(name);
      if (!next) node.set(name, (next = new Map()));
      node = next;
    }
  }
  const build = (value: string, node: MemberTree): string => {
    const pairs = [...node].map(([name, children]) => {
      const child = `(${value} -> ${jsonKey(name)})`;
      return `${jsonKey(name)}, ${children.size > 0 ? build(child, children) : `coalesce(${child}, 'null'::jsonb)`}`;
    });
    return `CASE WHEN jsonb_typeof(${value}) = 'object' THEN jsonb_build_object(${pairs.join(', ')}) END`;
  };
  return build(base, tree);
}
