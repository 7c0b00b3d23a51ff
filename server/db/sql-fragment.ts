/**
 * A piece of SQL with its `?` bindings — the unit the compilers pass around before handing it to knex
 * (`knex.raw(f.sql, f.bindings)`). Identifiers inside come only from the model, quoted by `ident`.
 */

export interface SqlFragment {
  readonly sql: string;
  readonly bindings: readonly unknown[];
}

/** `ident('t0', 'group_name')` → `"t0"."group_name"`. Only ever called with names from the model. */
export function ident(...parts: readonly string[]): string {
  return parts.map((p) => `"${p.replace(/"/g, '""')}"`).join('.');
}

/** `sql('a = ?', [1])` → { sql: 'a = ?', bindings: [1] } */
export function sql(text: string, bindings: readonly unknown[] = []): SqlFragment {
  return { sql: text, bindings };
}

/** `joinFragments([a, b], ' AND ')` → a AND b, bindings concatenated in order. */
export function joinFragments(parts: readonly SqlFragment[], separator: string): SqlFragment {
  return { sql: parts.map((p) => p.sql).join(separator), bindings: parts.flatMap((p) => p.bindings) };
}

/** The knex binding list of a fragment (values are plain JSON scalars). */
export function knexBindings(fragment: SqlFragment): readonly import('knex').Knex.RawBinding[] {
  return fragment.bindings as readonly import('knex').Knex.RawBinding[];
}
