/**
 * Compiler for `$search` → a predicate on one row: each term must occur, case-insensitively, anywhere
 * in the row's searchable text (its searchable columns and complex members joined by newlines, so a phrase never spans two
 * columns); NOT, AND and OR combine them. Terms are bound, with LIKE's wildcards escaped. A trigram
 * index on the same text (migration 3) serves rare terms. No I/O.
 *   Users, alice → lower(coalesce("t0"."user_name", '') || E'\n' || …) LIKE '%' || lower(?) || '%' ESCAPE '\'  ['alice']
 */
import type { EntitySetDef } from '../../odata/model';
import type { SearchExpr } from '../../odata/parse/ast';
import { likeEscape } from './compile-expr';
import { jsonValue } from './compile-json';
import { ident, sql, type SqlFragment } from './sql-fragment';

/**
 * The searchable text of the row aliased `alias` — or, without an alias, the expression the trigram
 * index of migration 3 is built on (the planner matches the two): `searchText(Teams, 't0')` →
 * `lower(coalesce("t0"."name", '') || E'\n' || coalesce("t0"."description", ''))`.
 */
export function searchText(set: EntitySetDef, alias?: string): string {
  const column = (name: string): string => (alias ? ident(alias, name) : ident(name));
  const columns = set.properties.filter((p) => p.searchable).map((p) => `coalesce(${column(p.column)}, '')`);
  // searchable members of single-valued complex properties: `coalesce(("t0"."project_owner" ->> 'Email'), '')`
  for (const p of set.properties.filter((q) => q.complex && !q.collection)) {
    for (const m of p.complex?.members ?? []) {
      if (m.searchable && !m.complex && !m.collection) columns.push(`coalesce(${jsonValue(column(p.column), [m], 'Edm.String')}, '')`);
    }
  }
  if (columns.length === 0) throw new Error(`compile: ${set.name} has no searchable property`);
  return `lower(${columns.join(" || E'\\n' || ")})`;
}

/** `searchPredicate(Teams, 't0', SearchNot(Term 'sales'))` → NOT (lower(…) LIKE '%' || lower(?) || '%' ESCAPE '\') ['sales'] */
export function searchPredicate(set: EntitySetDef, alias: string, expr: SearchExpr): SqlFragment {
  const text = searchText(set, alias);
  const compile = (e: SearchExpr): SqlFragment => {
    switch (e.kind) {
      case 'SearchTerm':
        return sql(`${text} LIKE '%' || lower(?) || '%' ESCAPE '\\'`, [likeEscape(e.text)]);
      case 'SearchNot': {
        const operand = compile(e.operand);
        return sql(`NOT (${operand.sql})`, operand.bindings);
      }
      default: {
        const left = compile(e.left);
        const right = compile(e.right);
        return sql(`(${left.sql} ${e.kind === 'SearchAnd' ? 'AND' : 'OR'} ${right.sql})`, [...left.bindings, ...right.bindings]);
      }
    }
  };
  return compile(expr);
}
