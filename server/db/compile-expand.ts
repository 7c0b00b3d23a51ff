/**
 * Compiler for `$expand` plans → select-list fields of the page's ONE statement: each expanded
 * navigation is a correlated subquery that builds its entities as JSON in PostgreSQL — a collection as
 * `to_json(ARRAY(SELECT e FROM (SELECT … ORDER BY … LIMIT n+1) AS e))`, a single entity as
 * `(SELECT to_json(e) FROM (SELECT … LIMIT 1) AS e)`. Same company, the target's visibility, the nested
 * filter, order and paging; nested expands nest inside. No I/O; identifiers come from the model.
 */
import type { PropertyDef } from '../../odata/model';
import type { ExpandForm } from '../../odata/format-expanded';
import type { ExpandPlan } from '../../odata/plan/read-plan';
import { ETAG_ALIAS, expandCountAlias, expandKeyAlias } from '../../odata/aliases';
import { ExprCompiler, orderSql, Scope } from './compile-expr';
import { jsonSelect } from './compile-json';
import { searchPredicate } from './compile-search';
import { ident, joinFragments, sql, type SqlFragment } from './sql-fragment';

/** One value of an entity: its output name and SQL. */
export interface Field {
  readonly name: string;
  readonly value: SqlFragment;
}

/** A field as a select-list item: `{ name: 'Id', value: "t0"."id" }` → `"t0"."id" AS "Id"`. */
export function fieldColumn(field: Field): SqlFragment {
  return sql(`${field.value.sql} AS ${ident(field.name)}`, field.value.bindings);
}

/** Fields as a select list: `[Id, Name]` → `"t0"."id" AS "Id", "t0"."name" AS "Name"`. */
export function selectList(fields: readonly Field[]): SqlFragment {
  return joinFragments(fields.map(fieldColumn), ', ');
}

/**
 * The expanded navigations of rows aliased `parent`, as fields:
 *   [Members] on t0, pages of 1000 → __key_Members: "t0"."id"::text (for a nextLink),
 *     Members: to_json(ARRAY(SELECT e FROM (SELECT "t1"."id"::text AS "Id", … FROM "organization_team_member_hierarchies" AS "t1"
 *     WHERE "t1"."company_id" = "t0"."company_id" AND "t1"."organization_team_hierarchy_id" = "t0"."id" ORDER BY "t1"."id" ASC LIMIT 1001) AS e))
 */
export function expandFields(compiler: ExprCompiler, plans: readonly ExpandPlan[], parent: string, form: ExpandForm = 'objects'): Field[] {
  const fields: Field[] = [];
  for (const plan of plans) {
    const nav = plan.navigation;
    if (nav.collection) {
      if (plan.count) fields.push({ name: expandCountAlias(nav.name), value: countOf(compiler, plan, parent) });
      if (plan.probeMore) fields.push({ name: expandKeyAlias(nav.name), value: sql(`${ident(parent, nav.sourceColumn)}::text`) });
    }
    const value = form === 'text' ? textOf(compiler, plan, parent) : nav.collection ? collectionOf(compiler, plan, parent) : singleOf(compiler, plan, parent);
    fields.push({ name: nav.name, value });
  }
  return fields;
}

/** The form a value is sent in, computed by PostgreSQL: a DateTimeOffset as `2024-01-31T10:00:00.123Z` (milliseconds truncated, as the formatter does); the rest as to_json writes it. */
function sentValue(column: string, prop: PropertyDef): string {
  return prop.type === 'Edm.DateTimeOffset' ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : column;
}

/**
 * An entity's own values in their sent form, as fields: "@odata.etag" first, then the selected properties.
 *   sentFields(Users with $select=Id,CreatedAt, 't0') → [{ name: '@odata.etag', value: 'W/"' || "t0"."row_version"::text || '"' },
 *     { name: 'Id', value: "t0"."id" }, { name: 'CreatedAt', value: to_char("t0"."created_at" AT TIME ZONE 'UTC', …) }]
 */
export function sentFields(shape: Pick<ExpandPlan, 'set' | 'select' | 'selectMembers'>, alias: string): Field[] {
  const fields: Field[] = [];
  if (shape.set.versionColumn) fields.push({ name: '@odata.etag', value: sql(`'W/"' || ${ident(alias, shape.set.versionColumn)}::text || '"'`) });
  for (const p of shape.select) {
    const members = shape.selectMembers?.[p.name];
    fields.push({ name: p.name, value: sql(members ? jsonSelect(ident(alias, p.column), members) : sentValue(ident(alias, p.column), p)) });
  }
  return fields;
}

/**
 * The select list of entities in their sent form: "@odata.etag" first, then the properties, then the
 * single-valued navigations below (the only ones the text form allows under the first level).
 */
function sentColumns(compiler: ExprCompiler, plan: ExpandPlan, alias: string): SqlFragment {
  const fields = sentFields(plan, alias);
  for (const nested of plan.expand) {
    if (nested.navigation.collection) throw new Error(`the text form has no collection below the first level (${nested.navigation.name})`);
    const inner = reached(compiler, nested, alias, false);
    const columns = sentColumns(compiler, nested, inner.alias);
    fields.push({ name: nested.navigation.name, value: sql(`(SELECT to_json(e) FROM (SELECT ${columns.sql} FROM ${inner.from.sql} LIMIT 1) AS e)`, [...columns.bindings, ...inner.from.bindings]) });
  }
  return selectList(fields);
}

/**
 * A first-level navigation as the JSON text the response carries: a single entity's object (or SQL
 * null), a collection's array — preceded, when one more entity was read to tell that more exist, by
 * '1' (more) or '0': the array holds the first `limit` entities only.
 *   People of a project, pages of 1000 → (SELECT (cardinality(s.a) > 1000)::int::text || to_json(s.a[1:1000])::text
 *     FROM (SELECT ARRAY(SELECT e FROM (SELECT 'W/"' || "t1"."row_version"::text || '"' AS "@odata.etag", … LIMIT 1001) AS e) AS a OFFSET 0) AS s)
 */
function textOf(compiler: ExprCompiler, plan: ExpandPlan, parent: string): SqlFragment {
  const { alias, from } = reached(compiler, plan, parent, plan.navigation.collection);
  const columns = sentColumns(compiler, plan, alias);
  const bindings = [...columns.bindings, ...from.bindings];
  if (!plan.navigation.collection) return sql(`(SELECT to_json(e) FROM (SELECT ${columns.sql} FROM ${from.sql} LIMIT 1) AS e)::text`, bindings);
  const offset = plan.skip > 0 ? ` OFFSET ${plan.skip}` : '';
  const entities = `ARRAY(SELECT e FROM (SELECT ${columns.sql} FROM ${from.sql} LIMIT ${plan.limit + (plan.probeMore ? 1 : 0)}${offset}) AS e)`;
  if (!plan.probeMore) return sql(`to_json(${entities})::text`, bindings);
  // OFFSET 0 keeps the array one value: flattened, PostgreSQL would build it once per use (1.3 ms more for 50 projects' people)
  return sql(`(SELECT (cardinality(s.a) > ${plan.limit})::int::text || to_json(s.a[1:${plan.limit}])::text FROM (SELECT ${entities} AS a OFFSET 0) AS s)`, bindings);
}

/**
 * FROM … WHERE [ORDER BY] of the entities a navigation reaches from `parent`: same company, joined,
 * visible, filtered; with `ordered`, the plan's order too. The filter and order are compiled first: the
 * LEFT JOINs their paths need are registered on the scope while compiling them.
 */
function reached(compiler: ExprCompiler, plan: ExpandPlan, parent: string, ordered: boolean): { alias: string; from: SqlFragment } {
  const alias = compiler.nextAlias();
  const scope = new Scope('$it', alias, plan.set, undefined, compiler);
  const where = compiler.relatedRow(plan.navigation, plan.set, alias, parent);
  if (plan.filter) {
    const filter = compiler.compile(plan.filter, scope);
    where.push(sql(`(${filter.sql})`, filter.bindings));
  }
  if (plan.search) where.push(searchPredicate(plan.set, alias, plan.search));
  const order = ordered
    ? joinFragments(plan.orderBy.map((key) => {
      const compiled = compiler.compile(key.expr, scope);
      return sql(orderSql(key, compiled), compiled.bindings);
    }), ', ')
    : undefined;
  const condition = joinFragments(where, ' AND ');
  const parts = [sql(`${ident(plan.set.table)} AS ${ident(alias)}`), ...scope.joins, sql(`WHERE ${condition.sql}`, condition.bindings)];
  if (order) parts.push(sql(`ORDER BY ${order.sql}`, order.bindings));
  return { alias, from: joinFragments(parts, ' ') };
}

/**
 * A column as a JSON value: Int64 and Decimal as text, which JSON.parse would round above 2^53 (the
 * formatter makes them numbers, or keeps the text under IEEE754Compatible); the rest as it is.
 */
function jsonValue(column: string, prop: PropertyDef): string {
  return prop.type === 'Edm.Int64' || prop.type === 'Edm.Decimal' ? `${column}::text` : column;
}

/** The select list of the entities aliased `alias`: `"t1"."id"::text AS "Id", …, "t1"."row_version"::text AS "__etag", nested navigations…`. */
function entityColumns(compiler: ExprCompiler, plan: ExpandPlan, alias: string): SqlFragment {
  const fields: Field[] = plan.select.map((p) => {
    // a complex property selected in part (`$select=ProjectOwner/Email`): an object of only those members
    const members = plan.selectMembers?.[p.name];
    return { name: p.name, value: sql(members ? jsonSelect(ident(alias, p.column), members) : jsonValue(ident(alias, p.column), p)) };
  });
  if (plan.set.versionColumn) fields.push({ name: ETAG_ALIAS, value: sql(`${ident(alias, plan.set.versionColumn)}::text`) });
  fields.push(...expandFields(compiler, plan.expand, alias));
  return selectList(fields);
}

/**
 * The entities as a JSON array, in the subquery's order: ARRAY() collects the rows of the ordered,
 * limited subquery as they come (a plain subquery scan keeps them in order), and to_json writes each
 * row as an object named by its column aliases — 20% cheaper in PostgreSQL than json_build_object.
 */
function collectionOf(compiler: ExprCompiler, plan: ExpandPlan, parent: string): SqlFragment {
  const { alias, from } = reached(compiler, plan, parent, true);
  const columns = entityColumns(compiler, plan, alias);
  const offset = plan.skip > 0 ? ` OFFSET ${plan.skip}` : '';
  const limit = plan.limit + (plan.probeMore ? 1 : 0);
  return sql(`to_json(ARRAY(SELECT e FROM (SELECT ${columns.sql} FROM ${from.sql} LIMIT ${limit}${offset}) AS e))`, [...columns.bindings, ...from.bindings]);
}

/** The entity as one JSON object, or null when there is none (or the caller may not see it). */
function singleOf(compiler: ExprCompiler, plan: ExpandPlan, parent: string): SqlFragment {
  const { alias, from } = reached(compiler, plan, parent, false);
  const columns = entityColumns(compiler, plan, alias);
  return sql(`(SELECT to_json(e) FROM (SELECT ${columns.sql} FROM ${from.sql} LIMIT 1) AS e)`, [...columns.bindings, ...from.bindings]);
}

function countOf(compiler: ExprCompiler, plan: ExpandPlan, parent: string): SqlFragment {
  const { from } = reached(compiler, plan, parent, false);
  return sql(`(SELECT count(*) FROM ${from.sql})`, from.bindings);
}
