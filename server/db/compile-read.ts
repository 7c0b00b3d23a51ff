/**
 * Compiler for ReadPlans → SQL statements (text with `?` placeholders and bindings, in the form knex's
 * builder wrote them; run by server/db/run-select.ts): ONE statement for the page (company scope, visibility predicate,
 * the user's $filter in parentheses, keyset predicate from $skiptoken, ORDER BY with OData's null order,
 * LIMIT page+1 to detect a next page) and, when $count is asked, one count statement over the same
 * FROM/WHERE. A navigation path reads the rows related to its source entity (a subquery on the source's
 * key). Expanded navigations are columns of the page statement (compile-expand.ts). Pure: no I/O and
 * no knex (its query builder and runner took ~12% of a small read's CPU). Identifiers come only from the model.
 *   Users?$filter=Department eq 'Sales'&$top=2 →
 *     select "t0"."id" as "Id", … from "users" as "t0"
 *     where "t0"."company_id" = ? AND (("t0"."department" = ?::text)) order by "t0"."id" ASC limit ?
 */
import type { EntitySetDef, MemberDef, PropertyDef } from '../../odata/model';
import type { KeyLookup, NavigationSource, OrderKey, ReadPlan } from '../../odata/plan/read-plan';
import type { ExprType, TypedExpr } from '../../odata/plan/typed-expr';
import { DEPTH_ANNOTATION, ENTITY_JSON_ALIAS, ETAG_ALIAS, orderValueAlias } from '../../odata/aliases';
import type { ExpandForm } from '../../odata/format-expanded';
import { expandFields, fieldColumn, selectList, sentFields } from './compile-expand';
import { jsonPath, jsonSelect, jsonValue } from './compile-json';
import { searchPredicate } from './compile-search';
import { ExprCompiler, orderSql, param, type Scope, type VisibilityFn } from './compile-expr';
import { ident, joinFragments, sql, type SqlFragment } from './sql-fragment';

export interface CompiledRead {
  /** Rows of the page (or the entity), or null for a pure /$count. */
  readonly rows: SqlFragment | null;
  /** The total count, when $count=true or /$count. */
  readonly count: SqlFragment | null;
  /** Rows this page may return; the query fetches one more to know whether a next page exists. */
  readonly pageLimit: number;
  /**
   * Run `rows` as a prepared statement (prepared.ts): an entity or property by key, whose text is the same
   * for every key and whose plan (an index lookup) suits any key: parsed and planned once per connection.
   */
  readonly prepare?: boolean;
}

/** The top-level AND terms of a filter: `a and (b and c)` → [a, b, c]. */
function conjuncts(expr: TypedExpr | undefined): TypedExpr[] {
  if (!expr) return [];
  if (expr.kind === 'Logical' && expr.op === 'and') return [...conjuncts(expr.left), ...conjuncts(expr.right)];
  return [expr];
}

/**
 * Does the filter require a literal prefix of this root column, which has a prefix index?
 *   startswith(LastName,'Sm') and IsActive, ordered by LastName → true
 * Then the page is read range-first: see `orderSql`.
 */
export function filtersByIndexedPrefix(plan: ReadPlan, key: OrderKey | undefined): boolean {
  const column = key?.expr;
  if (column?.kind !== 'Column' || column.variable !== '$it' || column.navPath.length > 0 || !column.property.prefixIndexed) return false;
  return conjuncts(plan.filter).some((term) => {
    if (term.kind !== 'Function' || term.name !== 'startswith') return false;
    const [subject, prefix] = term.args;
    return subject?.kind === 'Column' && subject.variable === '$it' && subject.navPath.length === 0 &&
      subject.property === column.property && prefix?.kind === 'Value' && typeof prefix.value === 'string' && prefix.value !== '';
  });
}

/**
 * Rows strictly after the last row sent, for any mix of directions and nullable keys:
 * (k1 after v1) OR (k1 = v1 AND k2 after v2) OR … — or a row comparison when it is equivalent.
 */
export function keysetPredicate(keys: readonly { compiled: SqlFragment; key: OrderKey }[], values: readonly unknown[]): SqlFragment {
  const typeOf = (i: number): ExprType => (keys[i] as { key: OrderKey }).key.expr.type;
  const allAscOrDesc = keys.every((k) => k.key.direction === keys[0]?.key.direction);
  if (allAscOrDesc && keys.every((k) => !k.key.expr.nullable) && values.every((v) => v !== null)) {
    const left = joinFragments(keys.map((k) => k.compiled), ', ');
    const right = joinFragments(values.map((v, i) => param(typeOf(i), v)), ', ');
    const op = keys[0]?.key.direction === 'desc' ? '<' : '>';
    return sql(`(${left.sql}) ${op} (${right.sql})`, [...left.bindings, ...right.bindings]);
  }
  const disjuncts: SqlFragment[] = [];
  for (let i = 0; i < keys.length; i += 1) {
    const conjuncts: SqlFragment[] = [];
    for (let j = 0; j < i; j += 1) {
      const { compiled } = keys[j] as { compiled: SqlFragment };
      const v = values[j];
      conjuncts.push(v === null ? sql(`${compiled.sql} IS NULL`, compiled.bindings) : sql(`${compiled.sql} = ${param(typeOf(j), v).sql}`, [...compiled.bindings, v]));
    }
    const { compiled, key } = keys[i] as { compiled: SqlFragment; key: OrderKey };
    const v = values[i];
    let after: SqlFragment;
    if (key.direction === 'asc') {
      after = v === null ? sql(`${compiled.sql} IS NOT NULL`, compiled.bindings) : sql(`${compiled.sql} > ${param(typeOf(i), v).sql}`, [...compiled.bindings, v]);
    } else if (v === null) {
      continue; // descending, nulls last: nothing sorts after a null except equal nulls (handled by the next key)
    } else {
      const gt = sql(`${compiled.sql} < ${param(typeOf(i), v).sql}`, [...compiled.bindings, v]);
      after = key.expr.nullable ? sql(`(${gt.sql} OR ${compiled.sql} IS NULL)`, [...gt.bindings, ...compiled.bindings]) : gt;
    }
    disjuncts.push(joinFragments([...conjuncts, after], ' AND '));
  }
  if (disjuncts.length === 0) return sql('FALSE');
  const joined = joinFragments(disjuncts.map((d) => sql(`(${d.sql})`, d.bindings)), ' OR ');
  return sql(`(${joined.sql})`, joined.bindings);
}

/**
 * The row an entity key addresses, for reads and for the locked read of a write:
 *   keyCondition('t0', Id 5) → "t0"."id" = ?::bigint [5];  keyCondition('users', Email 'A@x') → lower("users"."email") = lower(?) ['A@x']
 */
export function keyCondition(alias: string, key: KeyLookup): SqlFragment {
  const column = ident(alias, key.property.column);
  if (key.property.caseInsensitive) return sql(`lower(${column}) = lower(?)`, [String(key.value.value)]);
  const value = param(key.value.type, key.value.value);
  return sql(`${column} = ${value.sql}`, value.bindings);
}

/** The source entity of a navigation path, as the caller may see it: FROM … WHERE (no SELECT list). */
function sourceRow(via: NavigationSource, companyId: number, visibility: VisibilityFn): SqlFragment {
  const conditions = [sql(`${ident('s0', 'company_id')} = ?`, [companyId]), keyCondition('s0', via.key)];
  const visible = visibility(via.set, 's0');
  if (visible) conditions.push(visible);
  const where = joinFragments(conditions, ' AND ');
  return sql(`FROM ${ident(via.set.table)} AS ${ident('s0')} WHERE ${where.sql}`, where.bindings);
}

/** How a read is tied to a navigation path's source entity: a condition, or a JOIN (hierarchy functions). */
interface Related {
  readonly condition?: SqlFragment;
  readonly join?: SqlFragment;
}

/**
 * Rows related to a navigation path's source entity (`source`: its FROM … WHERE, sourceRow):
 *   Teams(5)/Members → "t0"."organization_team_hierarchy_id" = (SELECT "s0"."id" FROM "organization_team_hierarchies" AS "s0"
 *     WHERE "s0"."company_id" = ? AND "s0"."id" = ?::bigint)
 */
function relatedTo(via: NavigationSource, source: SqlFragment): Related {
  if (via.hierarchy) return hierarchyRelated(via.hierarchy, source);
  const { navigation: nav } = via;
  if (nav.through) {
    // many-to-many: Teams(3)/Users → EXISTS (SELECT 1 FROM "access_team_users" AS "l0" WHERE "l0"."company_id" = "t0"."company_id"
    //   AND "l0"."user_id" = "t0"."id" AND "l0"."team_id" = (SELECT "s0"."id" FROM "access_teams" AS "s0" WHERE …))
    const { table, sourceColumn, targetColumn } = nav.through;
    return {
      condition: sql(
        `EXISTS (SELECT 1 FROM ${ident(table)} AS ${ident('l0')} WHERE ${ident('l0', 'company_id')} = ${ident('t0', 'company_id')}` +
          ` AND ${ident('l0', targetColumn)} = ${ident('t0', nav.targetColumn)} AND ${ident('l0', sourceColumn)} = (SELECT ${ident('s0', nav.sourceColumn)} ${source.sql}))`,
        source.bindings,
      ),
    };
  }
  return { condition: sql(`${ident('t0', via.navigation.targetColumn)} = (SELECT ${ident('s0', via.navigation.sourceColumn)} ${source.sql})`, source.bindings) };
}

/**
 * Rows a hierarchy function returns, from the closure table (strict: the bound team itself is not one).
 * Ancestors() and Descendants() JOIN it as "h0" (one closure row per team, so no duplicates), which also
 * gives each team's depth ("h0"."depth", the HierarchyDepth expression) without another lookup:
 *   Descendants(MaxDepth=2) → JOIN "team_closure" AS "h0" ON "h0"."company_id" = "t0"."company_id"
 *     AND "h0"."descendant_id" = "t0"."id" AND "h0"."depth" > 0 AND "h0"."depth" <= 2 AND "h0"."ancestor_id" = (SELECT "s0"."id" …)
 * Managers() is a condition: users who are members of a team above a team of the bound user (EXISTS).
 */
function hierarchyRelated(hierarchy: NonNullable<NavigationSource['hierarchy']>, source: SqlFragment): Related {
  const h = (column: string) => ident('h0', column);
  const bound = `(SELECT ${ident('s0', 'id')} ${source.sql})`;
  if (hierarchy.relation === 'managers') {
    return {
      condition: sql(
        `EXISTS (SELECT 1 FROM ${ident('organization_team_member_hierarchies')} AS ${ident('hm')}` +
          ` JOIN ${ident('team_closure')} AS ${ident('h0')} ON ${h('company_id')} = ${ident('hm', 'company_id')} AND ${h('descendant_id')} = ${ident('hm', 'organization_team_hierarchy_id')} AND ${h('depth')} > 0` +
          ` JOIN ${ident('organization_team_member_hierarchies')} AS ${ident('ht')} ON ${ident('ht', 'company_id')} = ${h('company_id')} AND ${ident('ht', 'organization_team_hierarchy_id')} = ${h('ancestor_id')}` +
          ` WHERE ${ident('hm', 'company_id')} = ${ident('t0', 'company_id')} AND ${ident('ht', 'user_id')} = ${ident('t0', 'id')} AND ${ident('hm', 'user_id')} = ${bound})`,
        source.bindings,
      ),
    };
  }
  const [mine, other] = hierarchy.relation === 'ancestors' ? ['ancestor_id', 'descendant_id'] : ['descendant_id', 'ancestor_id'];
  const deepest = hierarchy.maxDepth === undefined ? sql('') : sql(` AND ${h('depth')} <= ?`, [hierarchy.maxDepth]);
  return {
    join: sql(
      `JOIN ${ident('team_closure')} AS ${ident('h0')} ON ${h('company_id')} = ${ident('t0', 'company_id')}` +
        ` AND ${h(mine)} = ${ident('t0', 'id')} AND ${h('depth')} > 0${deepest.sql} AND ${h(other)} = ${bound}`,
      [...deepest.bindings, ...source.bindings],
    ),
  };
}

/**
 * The rows of `set` aliased `alias` that the caller may read at all: their company, and their visibility
 * for a non-administrator (server/auth/visibility.ts). Every read starts from these (compileRead, compile-apply.ts):
 *   companyScope(Users, 't0', 1, visibilityFor(admin)) → ["t0"."company_id" = ?]  [1]
 */
export function companyScope(set: EntitySetDef, alias: string, companyId: number, visibility: VisibilityFn): SqlFragment[] {
  const where = [sql(`${ident(alias, 'company_id')} = ?`, [companyId])];
  const visible = visibility(set, alias);
  if (visible) where.push(visible);
  return where;
}

/** Whether a navigation path's source entity exists for the caller (asked only when the path read nothing: 404 or empty): a row or none. */
export function sourceExists(via: NavigationSource, companyId: number, visibility: VisibilityFn): SqlFragment {
  const source = sourceRow(via, companyId, visibility);
  return sql(`SELECT 1 AS found ${source.sql} LIMIT 1`, source.bindings);
}

/**
 * A page's entity as the JSON text the response sends, written by PostgreSQL (a page without $expand in
 * the text form: odata/format-expanded.ts pageAsText):
 *   → (SELECT to_json(e) FROM (SELECT 'W/"' || "t0"."row_version"::text || '"' AS "@odata.etag", "t0"."id" AS "Id", …) AS e)::text AS "__json"
 */
function entityJson(plan: ReadPlan): SqlFragment {
  const fields = selectList(sentFields(plan, 't0'));
  return sql(`(SELECT to_json(e) FROM (SELECT ${fields.sql}) AS e)::text AS ${ident(ENTITY_JSON_ALIAS)}`, fields.bindings);
}

/** A read compiled to be part of a larger statement (compile-delta.ts: the entity of one changed key). */
export interface Around {
  /** A condition on "t0" ANDed in: `"t0"."id" = "page"."key"`. */
  readonly restrict: SqlFragment;
  /** The entity's values as the response sends them (compile-expand.ts sentFields), for to_json: no internal columns. */
  readonly sent?: boolean;
}

/**
 * The statements of a read. `form` is how expanded navigations come back (odata/format-expanded.ts ExpandForm):
 * 'text' only for a collection page whose expansions the serialiser can write as they are. `around`:
 * see Around.
 */
export function compileRead(plan: ReadPlan, companyId: number, visibility: VisibilityFn, form: ExpandForm = 'objects', around?: Around): CompiledRead {
  const compiler = new ExprCompiler(visibility);
  const scope: Scope = compiler.rootScope(plan.set);
  const where = companyScope(plan.set, 't0', companyId, visibility);
  if (around) where.push(around.restrict);
  const { target } = plan;
  if (target.kind === 'entity' || target.kind === 'property') where.push(keyCondition('t0', target.key));
  const related: Related = plan.via ? relatedTo(plan.via, sourceRow(plan.via, companyId, visibility)) : {};
  if (related.condition) where.push(related.condition);
  if (plan.filter) {
    const filter = compiler.compile(plan.filter, scope);
    where.push(sql(`(${filter.sql})`, filter.bindings));
  }
  if (plan.search) where.push(searchPredicate(plan.set, 't0', plan.search));
  const orderKeys = plan.orderBy.map((key) => ({ key, compiled: compiler.compile(key.expr, scope) }));
  // joins are complete only once every expression has been compiled
  const from = joinFragments([sql(`from ${ident(plan.set.table)} as ${ident('t0')}`), ...(related.join ? [related.join] : []), ...scope.joins], ' ');
  const condition = joinFragments(where, ' AND ');
  const select = (list: SqlFragment, ...rest: SqlFragment[]) => joinFragments([sql(`select ${list.sql}`, list.bindings), from, sql(`where ${condition.sql}`, condition.bindings), ...rest], ' ');

  const count = plan.count || target.kind === 'count' ? select(sql('count(*) as "count"')) : null;
  if (target.kind === 'count') return { rows: null, count, pageLimit: 0 };

  if (around?.sent) {
    return { rows: select(selectList(sentFields(plan, 't0')), sql('limit ?', [1])), count: null, pageLimit: 1 };
  }
  // a page without $expand in the text form: each entity's JSON text, its etag inside (pageAsText)
  const entitiesAsJson = target.kind === 'collection' && form === 'text' && plan.expand.length === 0;
  const columns =
    entitiesAsJson
      ? [entityJson(plan)]
      : target.kind === 'property'
      ? [sql(`${propertyPathSql(target.property, target.members)} AS ${ident(target.property.name)}`)]
      : plan.select.map((p) => {
          const members = plan.selectMembers?.[p.name];
          return sql(`${members ? jsonSelect(ident('t0', p.column), members) : ident('t0', p.column)} AS ${ident(p.name)}`);
        });
  if (plan.set.versionColumn && target.kind !== 'property' && !entitiesAsJson) {
    columns.push(sql(`${ident('t0', plan.set.versionColumn)}::text AS ${ident(ETAG_ALIAS)}`));
  }
  if (plan.depth) {
    const depth = compiler.compile(plan.depth, scope);
    columns.push(sql(`${depth.sql} AS ${ident(DEPTH_ANNOTATION)}`, depth.bindings));
  }
  if (target.kind !== 'property') {
    for (const field of expandFields(compiler, plan.expand, 't0', target.kind === 'collection' ? form : 'objects')) columns.push(fieldColumn(field));
  }
  if (target.kind !== 'collection') {
    return { rows: select(joinFragments(columns, ', '), sql('limit ?', [1])), count: null, pageLimit: 1, prepare: !plan.via && plan.expand.length === 0 };
  }

  const pageLimit = plan.top === undefined ? plan.pageSize : Math.min(plan.pageSize, plan.top);
  // one row more than the page tells whether a nextLink is due; its $skiptoken is made of the order
  // values of the page's last row, which are read only then ($top within a page: no link, no values)
  const fetchMore = plan.top === undefined || plan.top > pageLimit;
  if (fetchMore) orderKeys.forEach(({ compiled }, i) => columns.push(sql(`(${compiled.sql})::text AS ${ident(orderValueAlias(i))}`, compiled.bindings)));
  const rest: SqlFragment[] = [];
  if (plan.after) {
    const after = keysetPredicate(orderKeys, plan.after);
    rest.push(sql(`and ${after.sql}`, after.bindings));
  }
  const rangeFirst = filtersByIndexedPrefix(plan, plan.orderBy[0]);
  const order = joinFragments(orderKeys.map(({ key, compiled }, i) => sql(orderSql(key, compiled, rangeFirst && i === 0), compiled.bindings)), ', ');
  if (orderKeys.length > 0) rest.push(sql(`order by ${order.sql}`, order.bindings)); // none: a read around one key (compile-delta.ts)
  rest.push(sql('limit ?', [pageLimit + (fetchMore ? 1 : 0)]));
  if (plan.skip > 0) rest.push(sql('offset ?', [plan.skip]));
  return { rows: select(joinFragments(columns, ', '), ...rest), count, pageLimit };
}

/**
 * The value a property path reads: the column, or the member of a complex property it goes down to — a
 * primitive member typed like a column (`Projects(1)/ProjectOwner/Email` → `("t0"."project_owner" ->> 'Email')`),
 * a complex or collection member as its JSON (`Assets/Repositories` → `("t0"."assets" -> 'Repositories')`).
 */
function propertyPathSql(prop: PropertyDef, members: readonly MemberDef[] = []): string {
  const column = ident('t0', prop.column);
  const last = members[members.length - 1];
  if (!last) return column;
  return last.complex || last.collection ? jsonPath(column, members) : jsonValue(column, members, last.type);
}
