/**
 * Citus readiness, on the run's database (PGlite or PostgreSQL): the schema and the read compiler keep
 * every row reachable by its company, as a distribution by `company_id` needs. (a) The catalog: every
 * primary key, unique constraint or index and foreign key of the application's tables includes
 * company_id, except the few global ones listed below with their reason. (b) The compiler: every table a
 * compiled read names (FROM / JOIN … AS alias) has a company predicate on that alias, in its own subquery,
 * anchored on the caller's company parameter directly or through other anchored aliases.
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import { entitySet, model, type EntitySetDef, type NavigationDef } from '../../../odata/model';
import { parseQueryOptions, parseResourcePath } from '../../../odata/parse/parse-query-options';
import { planApply } from '../../../odata/plan/plan-apply';
import { planRead } from '../../../odata/plan/plan-read';
import type { ReadPlan } from '../../../odata/plan/read-plan';
import { expandsAsText } from '../../../odata/format-expanded';
import type { Principal } from '../../../server/auth/principal';
import { visibilityFor } from '../../../server/auth/visibility';
import { DEFAULT_LIMITS } from '../../../server/config';
import { compileApply } from '../../../server/db/compile-apply';
import { compileDelta } from '../../../server/db/compile-delta';
import { compileRead, sourceExists } from '../../../server/db/compile-read';
import { ExprCompiler } from '../../../server/db/compile-expr';
import { nativeSql, selectRows } from '../../../server/db/run-select';
import type { SqlFragment } from '../../../server/db/sql-fragment';
import { testDatabase, type TestDatabase } from '../../helpers/test-database';

// ---------------------------------------------------------------------------------------------------
// (a) the catalog

/** Tables without company scoping, and why a distributed deployment keeps them whole (Citus reference or local tables). */
const GLOBAL_TABLES: Readonly<Record<string, string>> = {
  companies: 'the tenants themselves, keyed by id; the other tables reference companies (id) through their company_id (a Citus reference table)',
  knex_migrations: "knex's record of applied migrations (bookkeeping, not application data)",
  knex_migrations_lock: "knex's migration lock (bookkeeping, not application data)",
};

/** Keys and indexes of company tables that are global on purpose, by constraint or index name. */
const GLOBAL_KEYS: Readonly<Record<string, string>> = {
  access_tokens_by_hash:
    'global by design: a personal access token is presented alone (oc_pat_…), so its SHA-256 must find its row, and be unique, ' +
    'without knowing the company (server/auth/personal-tokens.ts). Under Citus this is a cross-shard lookup unless access_tokens ' +
    'becomes a reference table or the secret carries its company (see scratch/ops-readme.md)',
};

/**
 * Real gaps, NOT global by design: kept here so that the spec stays green and the gap stays visible. Each
 * entry must still exist (the spec fails once it is fixed, so that the entry is removed with the fix).
 */
const KNOWN_GAPS: Readonly<Record<string, string>> = {};

interface KeyRow {
  readonly table: string;
  readonly name: string;
  /** p primary key, u unique constraint, f foreign key, i unique index without a constraint. */
  readonly kind: 'p' | 'u' | 'f' | 'i';
  readonly columns: readonly (string | null)[]; // null: an expression of an index
  readonly referencedTable: string | null;
  readonly referencedColumns: readonly string[];
  readonly definition: string;
}

/** Base tables of the current schema (the run's schema), with whether they have company_id integer NOT NULL. */
async function schemaTables(db: Knex): Promise<{ table: string; companyColumn: boolean }[]> {
  const { rows } = (await db.raw(`
    SELECT c.relname AS table,
      EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'company_id' AND a.attnum > 0
        AND NOT a.attisdropped AND a.attnotnull AND a.atttypid = 'integer'::regtype) AS "companyColumn"
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
    ORDER BY 1`)) as { rows: { table: string; companyColumn: boolean }[] };
  return rows;
}

/** Every primary key, unique constraint, foreign key and unique index of the current schema's tables. */
async function keysOf(db: Knex): Promise<KeyRow[]> {
  const { rows: constraints } = (await db.raw(`
    SELECT t.relname AS table, k.conname AS name, k.contype AS kind,
      ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, i)
        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.i) AS columns,
      r.relname AS "referencedTable",
      ARRAY(SELECT a.attname::text FROM unnest(coalesce(k.confkey, '{}'::int2[])) WITH ORDINALITY AS u(attnum, i)
        JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.i) AS "referencedColumns",
      pg_get_constraintdef(k.oid) AS definition
    FROM pg_constraint k
    JOIN pg_class t ON t.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    LEFT JOIN pg_class r ON r.oid = k.confrelid
    WHERE n.nspname = current_schema() AND k.contype IN ('p', 'u', 'f')
    ORDER BY 1, 2`)) as { rows: KeyRow[] };
  // unique indexes that no constraint owns (CREATE UNIQUE INDEX …), expressions included (lower(email))
  const { rows: indexes } = (await db.raw(`
    SELECT t.relname AS table, ic.relname AS name, 'i' AS kind,
      ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS u(attnum, i)
        LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.attnum
        WHERE u.i <= x.indnkeyatts ORDER BY u.i) AS columns,
      NULL AS "referencedTable", '{}'::text[] AS "referencedColumns",
      pg_get_indexdef(x.indexrelid) AS definition
    FROM pg_index x
    JOIN pg_class ic ON ic.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = current_schema() AND x.indisunique
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'u', 'x'))
    ORDER BY 1, 2`)) as { rows: KeyRow[] };
  return [...constraints, ...indexes];
}

/**
 * Why a key does not suit a distribution by company_id, or null when it does: a key or unique index must
 * contain company_id; a foreign key must pair its company_id with the referenced table's company_id, or
 * reference companies (id) itself.
 *   UNIQUE (token_hash) → 'does not include company_id';  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) → null
 */
function keyProblem(key: KeyRow): string | null {
  const at = key.columns.indexOf('company_id');
  if (at < 0) return 'does not include company_id';
  if (key.kind !== 'f') return null;
  const referenced = key.referencedColumns[at];
  if (referenced === 'company_id') return null;
  if (key.referencedTable === 'companies' && referenced === 'id' && key.columns.length === 1) return null;
  return `pairs company_id with ${key.referencedTable}.${referenced ?? '?'} instead of its company_id`;
}

// ---------------------------------------------------------------------------------------------------
// (b) the compiled reads

/** One parenthesised level of a statement: its text with nested levels as `(…)` and string literals as `'…'`. */
interface Level {
  readonly flat: string;
  readonly parent: Level | undefined;
  readonly children: Level[];
  readonly tables: TableRef[];
  /** Derived tables (`(select …) AS "t0"`): not checked themselves, but a company term may name them (an $apply level). */
  readonly derived: TableRef[];
}

interface TableRef {
  readonly table: string;
  readonly alias: string;
  readonly level: Level;
}

/** Splits a statement into its parenthesis levels, outside string literals and quoted identifiers. */
function levelsOf(statement: string): Level {
  const root: Level = { flat: '', parent: undefined, children: [], tables: [], derived: [] };
  const stack: { level: Level; text: string }[] = [{ level: root, text: '' }];
  let quote: "'" | '"' | undefined;
  for (const ch of statement) {
    const top = stack[stack.length - 1] as { level: Level; text: string };
    if (quote) {
      // a literal's content is not SQL: only its quotes are kept ('…'); a quoted identifier is kept whole
      if (ch === quote) quote = undefined;
      if (ch === quote || quote === undefined || quote === '"') top.text += ch;
      continue;
    }
    if (ch === "'") {
      quote = ch;
      top.text += "'…";
    } else if (ch === '"') {
      quote = ch;
      top.text += ch;
    } else if (ch === '(') {
      top.text += '(…)';
      const level: Level = { flat: '', parent: top.level, children: [], tables: [], derived: [] };
      top.level.children.push(level);
      stack.push({ level, text: '' });
    } else if (ch === ')') {
      const done = stack.pop();
      if (!done || stack.length === 0) throw new Error(`unbalanced ) in ${statement}`);
      (done.level as { flat: string }).flat = done.text;
    } else {
      top.text += ch;
    }
  }
  if (stack.length !== 1 || quote) throw new Error(`unbalanced statement: ${statement}`);
  (root as { flat: string }).flat = (stack[0] as { text: string }).text;
  return root;
}

const IDENT = String.raw`(?:"[^"]+"|[A-Za-z_][A-Za-z0-9_]*)`;
const KEYWORDS = new Set(['where', 'on', 'join', 'left', 'inner', 'order', 'limit', 'offset', 'group', 'union', 'as', 'and', 'lateral']);
const unquote = (name: string): string => (name.startsWith('"') ? name.slice(1, -1) : name);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The table references of a level's FROM / JOIN items; anything after FROM/JOIN that is not understood is an error. */
function tableRefs(level: Level, tables: ReadonlySet<string>, problems: string[]): void {
  // not the FROM of IS [NOT] DISTINCT FROM
  const item = new RegExp(String.raw`(?<!\bDISTINCT\s+)\b(?:FROM|JOIN)\s+`, 'gi');
  for (let m = item.exec(level.flat); m; m = item.exec(level.flat)) {
    const rest = level.flat.slice(m.index + m[0].length);
    if (rest.startsWith('(…)')) {
      // a derived table, or EXTRACT(… FROM (expr))
      const derived = new RegExp(`^\\(…\\)\\s+(?:AS\\s+)?(${IDENT})(?=\\s|$)`, 'i').exec(rest);
      if (derived?.[1] && !KEYWORDS.has(unquote(derived[1]).toLowerCase())) level.derived.push({ table: '(derived)', alias: unquote(derived[1]), level });
      continue;
    }
    const name = new RegExp(`^(${IDENT})\\s*(\\(…\\)|\\.)`).exec(rest);
    if (name) continue; // a function (jsonb_array_elements(…) AS "t1"("value")), or a column after EXTRACT(… FROM
    const ref = new RegExp(`^(${IDENT})\\s+(?:AS\\s+)?(${IDENT})(?=\\s|$)`, 'i').exec(rest);
    const table = ref?.[1] ? unquote(ref[1]) : undefined;
    const alias = ref?.[2] ? unquote(ref[2]) : undefined;
    if (!table || !alias || (KEYWORDS.has(alias.toLowerCase()) && !ref?.[2]?.startsWith('"'))) {
      problems.push(`cannot read the FROM/JOIN item "${rest.slice(0, 60)}…"`);
      continue;
    }
    if (!tables.has(table)) problems.push(`FROM/JOIN of "${table}", which is not a table of the schema`);
    if (level.tables.some((t) => t.alias === alias)) problems.push(`alias ${alias} is declared twice in one level`);
    if (/^\s*,/.test(rest.slice(ref?.[0].length ?? 0))) problems.push(`a comma join after ${table} AS ${alias}`);
    level.tables.push({ table, alias, level });
  }
  for (const child of level.children) tableRefs(child, tables, problems);
}

/**
 * The nearest declaration of `alias` seen from `level` (its own level, then the enclosing ones): a table,
 * or a derived table, which is anchored only by a company term of its own (`where "t0"."company_id" = $2`).
 */
function resolve(alias: string, level: Level | undefined): TableRef | undefined {
  for (let l = level; l; l = l.parent) {
    const found = l.tables.find((t) => t.alias === alias) ?? l.derived.find((t) => t.alias === alias);
    if (found) return found;
  }
  return undefined;
}

/**
 * What an alias's company_id is equated to in its own level, as ANDed terms (after WHERE/ON/AND):
 * a parameter (`$3`) or another alias's company_id.
 */
function companyTerms(ref: TableRef): ({ param: number } | { alias: string })[] {
  const side = (alias: string) => {
    const bare = /^[A-Za-z_]\w*$/.test(alias) ? `|${escapeRegExp(alias)}` : '';
    return `(?:"${escapeRegExp(alias)}"${bare})\\s*\\.\\s*"?company_id"?`;
  };
  const other = `(?:\\$(\\d+)(?:::integer)?|(${IDENT})\\s*\\.\\s*"?company_id"?)`;
  const before = String.raw`(?:^|\b(?:WHERE|ON|AND)\s+)`;
  const after = String.raw`(?=\s+(?:AND|ORDER|GROUP|LIMIT|OFFSET|LEFT|JOIN|WHERE)\b|\s*$)`;
  const terms: ({ param: number } | { alias: string })[] = [];
  const flat = ref.level.flat;
  for (const pattern of [`${before}${side(ref.alias)}\\s*=\\s*${other}${after}`, `${before}${other}\\s*=\\s*${side(ref.alias)}${after}`]) {
    const re = new RegExp(pattern, 'gi');
    for (let m = re.exec(flat); m; m = re.exec(flat)) {
      if (m[1]) terms.push({ param: Number(m[1]) });
      else if (m[2]) terms.push({ alias: unquote(m[2]) });
    }
  }
  return terms;
}

/**
 * The company problems of one statement (native SQL, `$n` numbered), or []:
 *   select … from "users" as "t0" where "t0"."company_id" = $1 … (bindings [companyId, …]) → []
 *   … EXISTS (SELECT 1 FROM "organization_team_member_hierarchies" AS "t1" WHERE "t1"."user_id" = "t0"."id") → ['t1 (organization_team_member_hierarchies) has no company_id predicate']
 */
function companyProblems(statement: { sql: string; bindings: readonly unknown[] }, companyId: number, tables: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const root = levelsOf(statement.sql);
  // a level whose own text ORs terms could make a company term optional: refuse to reason about it
  const all: Level[] = [];
  const walk = (l: Level) => {
    all.push(l);
    l.children.forEach(walk);
  };
  walk(root);
  tableRefs(root, tables, problems);
  const refs = all.flatMap((l) => l.tables);
  const anchored = new Map<TableRef, boolean>();
  const isAnchored = (ref: TableRef, visiting: Set<TableRef>): boolean => {
    const known = anchored.get(ref);
    if (known !== undefined) return known;
    if (visiting.has(ref)) return false;
    visiting.add(ref);
    const ok = !/\bOR\b/i.test(ref.level.flat) && companyTerms(ref).some((term) => {
      if ('param' in term) return statement.bindings[term.param - 1] === companyId;
      const other = resolve(term.alias, ref.level);
      return other !== undefined && other !== ref && isAnchored(other, visiting);
    });
    visiting.delete(ref);
    anchored.set(ref, ok);
    return ok;
  };
  for (const ref of refs) {
    if (!isAnchored(ref, new Set())) {
      const terms = companyTerms(ref);
      problems.push(terms.length === 0
        ? `${ref.alias} (${ref.table}) has no company_id predicate in its level: ${ref.level.flat.slice(0, 160)}`
        : `${ref.alias} (${ref.table}) has a company_id predicate not anchored on the caller's company: ${JSON.stringify(terms)}`);
    }
  }
  // every mention of a table is one of the references read above (no table slipped past the parser)
  const text = all.map((l) => l.flat).join(' ');
  for (const table of tables) {
    const mentions = (text.match(new RegExp(`(?<![\\w."])(?:"${escapeRegExp(table)}"|${escapeRegExp(table)})(?![\\w."])`, 'g')) ?? []).length;
    const read = refs.filter((r) => r.table === table).length;
    if (mentions !== read) problems.push(`${table} is mentioned ${mentions} times but read as a FROM/JOIN item ${read} times`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------

/** Representative reads: every entity set, navigations in $filter, lambdas, nested $expand, $count, paths, $search, keyset paging. */
const READS: readonly string[] = [
  // every entity set, plain and counted
  ...model.entitySets.flatMap((s) => [`${s.name}?$top=3`, `${s.name}?$count=true&$top=1`, `${s.name}/$count`]),
  'Users(1)',
  'Users(1)/Email',
  "Users(Email='a@example.com')",
  'Projects(1)/ProjectOwner/Email',
  // $filter through single-valued navigations (LEFT JOINs), chained
  "OrganizationTeamMemberHierarchies?$filter=User/Department eq 'Sales' and OrganizationTeamHierarchy/Parent/Name ne 'x'",
  "OrganizationTeamHierarchies?$filter=Parent/Parent/Name eq 'Engineering'&$orderby=Parent/Name desc",
  "AuditLogs?$filter=User/LastName eq 'Smith'",
  "TokenActivityLogs?$filter=Token/Name eq 'bi' and Token/User/IsActive",
  "AccessTokens?$filter=User/UserName eq 'bob'",
  "Mappings?$filter=Project/ProjectName eq 'p' or User/Email eq 'e'",
  // lambdas: any / all, nested, through many-to-many links, with navigations inside
  'OrganizationTeamHierarchies?$filter=Members/any(m: m/UserId eq 3)',
  'OrganizationTeamHierarchies?$filter=Members/any(m: m/UserId eq 3 or m/User/UserName eq \'x\') or Members/all(m: m/UserId ne 3 or m/UserId eq 4)',
  "OrganizationTeamHierarchies?$filter=Members/all(m: m/User/IsActive) and Children/any(c: c/Members/any(n: n/User/Department eq 'Sales'))",
  "Users?$filter=Teams/any(t: t/Users/any(u: u/LastName eq 'Smith')) or Projects/all(p: p/People/any())",
  "Teams?$filter=Users/all(u: u/Memberships/any(m: m/OrganizationTeamHierarchy/Name eq 'x'))",
  "Projects?$filter=People/any(p: p/Memberships/$count gt 1) and Assets/Services/any(s: contains(s/Name,'db'))",
  "Projects?$filter=Assets/Repositories/any(r: r/Platform eq 'github.com')",
  'OrganizationTeamHierarchies?$filter=Members/$count gt 2&$orderby=Children/$count desc',
  // nested $expand, with options, single and collection, many-to-many
  'OrganizationTeamHierarchies?$expand=Members($expand=User($expand=Teams($expand=Users($select=Id))))',
  "OrganizationTeamHierarchies?$expand=Parent($levels=max;$select=Id),Children($filter=Parent/Name ne 'x';$orderby=Members/$count desc;$top=2;$count=true;$expand=Members($filter=User/IsActive))",
  "Users?$expand=Memberships($expand=OrganizationTeamHierarchy($select=Name)),Projects($search=web;$expand=People($select=Id)),Teams($filter=Users/any())",
  'Projects?$expand=People($orderby=LastName;$top=1)&$select=ProjectName,ProjectOwner/Email',
  'Mappings?$expand=Project,User($expand=Memberships)',
  'AuditLogs?$expand=User',
  'TokenActivityLogs?$expand=Token($expand=User),User',
  'AccessTokens?$expand=User($expand=Teams)',
  'OrganizationTeamHierarchies?$expand=*',
  // navigation paths (the source entity is a subquery), with options
  "OrganizationTeamHierarchies(1)/Members?$filter=User/LastName eq 'x'&$expand=User",
  'Teams(1)/Users?$count=true&$expand=Teams',
  'Users(1)/Teams',
  'Users(1)/Projects/$count',
  'Projects(1)/People?$filter=Teams/any()',
  'OrganizationTeamHierarchies(1)/Children?$expand=Children',
  // hierarchy functions (closure table)
  "OrganizationTeamHierarchies(1)/Default.Descendants(MaxDepth=2)?$filter=Name ne 'x'&$expand=Members",
  'OrganizationTeamHierarchies(1)/Default.Ancestors()?$count=true',
  'Users(1)/Default.Managers()?$expand=Memberships',
  // $search
  'Users?$search=smith OR (sales AND NOT bob)&$expand=Memberships',
  'Teams?$search=core',
  "Projects?$search=web&$filter=People/any(p: p/Email eq 'x')",
  'AuditLogs?$search=PATCH',
  // keyset paging: a $skiptoken after the first page (values set below)
  'Users?$orderby=LastName,FirstName&$top=2&$filter=Memberships/any()',
  "OrganizationTeamHierarchies?$orderby=Parent/Name desc&$filter=Members/any(m: m/User/Department ne 'x')",
];

/** $apply reads: grouping by properties and navigation paths, nested levels, navigation counts, $count. */
const APPLY_READS = [
  'Users?$apply=groupby((Department),aggregate($count as N))&$count=true',
  "Users?$apply=filter(Memberships/any(m: m/OrganizationTeamHierarchy/Name eq 'x'))/groupby((Business,Department),aggregate(Id with countdistinct as C))/filter(C gt 1)/aggregate(C with sum as S)",
  'OrganizationTeamMemberHierarchies?$apply=groupby((OrganizationTeamHierarchy/Parent/Name,User/Department),aggregate($count as N))',
  'OrganizationTeamHierarchies?$apply=compute(length(Name) as L)/groupby((L),aggregate(Members/$count as M,Children/$count as C))',
  'Projects?$apply=groupby((ProjectOwner/Email),aggregate($count as N))&$orderby=N desc&$top=3',
  'Teams?$apply=aggregate($count as N)',
];

/** The plan of `path?query` for a principal; collection reads also get a keyset position after a first page. */
function plansOf(read: string): ReadPlan[] {
  const [path = '', query = ''] = read.split('?', 2);
  const { options } = parseQueryOptions(query);
  const plan = planRead({ segments: parseResourcePath(`/${path}`).segments, options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
  if (plan.target.kind !== 'collection') return [plan];
  // the page after a row whose order keys are all null, then after one with values (both keyset forms)
  const after = plan.orderBy.map((k) => (k.expr.type === 'Edm.String' ? 'm' : k.expr.type === 'Edm.DateTimeOffset' ? '2026-01-01T00:00:00Z' : k.expr.type === 'Edm.Guid' ? '00000000-0000-0000-0000-000000000000' : 1));
  return [plan, { ...plan, after }, { ...plan, after: plan.orderBy.map((k, i) => (k.expr.nullable ? null : after[i])) }];
}

const MODEL_NAVIGATIONS = new Set(model.entitySets.flatMap((s) => s.navigations));

/** The model's navigations a plan follows anywhere (paths, filters, lambdas, order keys, expansions): a deep walk. */
function collectNavigations(value: unknown, found: Set<NavigationDef>, seen = new Set<unknown>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (MODEL_NAVIGATIONS.has(value as NavigationDef)) {
    found.add(value as NavigationDef);
    return;
  }
  if (model.entitySets.includes(value as (typeof model.entitySets)[number])) return; // declarations list every navigation
  for (const inner of Array.isArray(value) ? value : Object.values(value)) collectNavigations(inner, found, seen);
}

/** Every statement a read may run: page rows (objects and text forms), count, and a path's source check. */
function statementsOf(plan: ReadPlan, companyId: number, principal: Principal, visible?: { count: number; idArray: string }): { label: string; fragment: SqlFragment }[] {
  const visibility = visibilityFor(principal, visible);
  const out: { label: string; fragment: SqlFragment }[] = [];
  // the text form where the read handler would use it (a collection page whose expansions it can pass through)
  const textForm = plan.target.kind === 'collection' && plan.expand.length > 0 && expandsAsText(plan, { ieee754Compatible: false, omitNulls: false });
  for (const form of textForm ? (['objects', 'text'] as const) : (['objects'] as const)) {
    const compiled = compileRead(plan, companyId, visibility, form);
    if (compiled.rows) out.push({ label: `rows (${form})`, fragment: compiled.rows });
    if (compiled.count && form === 'objects') out.push({ label: 'count', fragment: compiled.count });
  }
  if (plan.via) out.push({ label: 'source exists', fragment: sourceExists(plan.via, companyId, visibility) });
  return out;
}

describe('Citus readiness', function () {
  let database: TestDatabase;
  let tables: Set<string>;
  before(async function () {
    this.timeout(120_000);
    database = await testDatabase();
    tables = new Set((await schemaTables(database.db)).map((t) => t.table));
  });

  describe('(a) the schema: every key, unique index and foreign key includes company_id', () => {
    it('knows the application tables (and each one but the global ones has company_id integer NOT NULL)', async () => {
      const rows = await schemaTables(database.db);
      const names = rows.map((r) => r.table);
      for (const set of model.entitySets) expect(names, set.name).to.include(set.table);
      for (const global of Object.keys(GLOBAL_TABLES)) expect(names, `listed global table ${global}`).to.include(global);
      const missing = rows.filter((r) => !r.companyColumn && !(r.table in GLOBAL_TABLES)).map((r) => r.table);
      expect(missing, 'tables without company_id integer NOT NULL').to.deep.equal([]);
    });

    it('finds no primary key, unique constraint or index, or foreign key without company_id, but the listed ones', async () => {
      const keys = await keysOf(database.db);
      expect(keys.filter((k) => k.kind === 'p').length, 'primary keys read').to.be.at.least(10);
      expect(keys.some((k) => k.name === 'users_email_unique' && k.columns[0] === 'company_id' && k.columns[1] === null), 'an expression index is read').to.equal(true);
      const problems = keys
        .filter((k) => !(k.table in GLOBAL_TABLES) && !(k.name in GLOBAL_KEYS) && !(k.name in KNOWN_GAPS))
        .map((k) => ({ key: `${k.table}.${k.name}: ${k.definition}`, problem: keyProblem(k) }))
        .filter((p) => p.problem !== null);
      expect(problems).to.deep.equal([]);
    });

    it('the listed global keys and known gaps are still there, still without company_id (remove an entry with its fix)', async () => {
      const keys = await keysOf(database.db);
      for (const name of [...Object.keys(GLOBAL_KEYS), ...Object.keys(KNOWN_GAPS)]) {
        const key = keys.find((k) => k.name === name);
        expect(key, name).to.not.equal(undefined);
        expect(keyProblem(key as KeyRow), name).to.equal('does not include company_id');
      }
    });

    it('a foreign key must pair company_id with company_id (or reference companies (id))', () => {
      const fk = (columns: string[], referencedTable: string, referencedColumns: string[]): KeyRow =>
        ({ table: 't', name: 'fk', kind: 'f', columns, referencedTable, referencedColumns, definition: '' });
      expect(keyProblem(fk(['company_id', 'user_id'], 'users', ['company_id', 'id']))).to.equal(null);
      expect(keyProblem(fk(['company_id'], 'companies', ['id']))).to.equal(null);
      expect(keyProblem(fk(['user_id'], 'users', ['id']))).to.equal('does not include company_id');
      expect(keyProblem(fk(['user_id', 'company_id'], 'users', ['company_id', 'id']))).to.equal('pairs company_id with users.id instead of its company_id');
    });
  });

  describe('(b) the compiled reads: every table reference is scoped to the caller\'s company', () => {
    const COMPANY = 424242; // a value no other binding of these reads takes
    const admin: Principal = { userId: '1', companyId: COMPANY, userName: 'admin', isAdministrator: true, scopes: new Set() };
    const member: Principal = { userId: '7', companyId: COMPANY, userName: 'm', isAdministrator: false, scopes: new Set() };

    it('has a representative set of reads covering every entity set and every navigation', () => {
      const sets = new Set<string>();
      const navigations = new Set<NavigationDef>();
      for (const read of READS) {
        for (const plan of plansOf(read)) {
          for (const { fragment } of [...statementsOf(plan, COMPANY, admin), ...statementsOf(plan, COMPANY, member)]) {
            sets.add(plan.set.name);
            for (const table of tables) if (new RegExp(`(?<![\\w.])"?${table}"?(?![\\w.])`).test(fragment.sql)) sets.add(table);
          }
        }
        for (const plan of plansOf(read)) collectNavigations(plan, navigations);
      }
      for (const set of model.entitySets) {
        expect(sets, set.name).to.include(set.name);
        for (const nav of set.navigations) expect(navigations.has(nav), `${set.name}/${nav.name} in a read`).to.equal(true);
      }
      expect(sets).to.include('access_team_users').and.include('mappings').and.include('team_closure');
    });

    it('scopes every table reference of the $apply statements (levels nested as derived tables), for each caller', () => {
      const failures: string[] = [];
      for (const read of APPLY_READS) {
        const [set = '', query = ''] = read.split('?', 2);
        const { options } = parseQueryOptions(query);
        const plan = planApply(entitySet(set) as EntitySetDef, { options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' });
        for (const [principal, visible] of [[admin, undefined], [member, undefined], [member, { count: 2, idArray: '{7,9}' }]] as const) {
          const compiled = compileApply(plan, COMPANY, visibilityFor(principal, visible));
          for (const fragment of [compiled.rows, compiled.count]) {
            if (!fragment) continue;
            const problems = companyProblems(nativeSql(fragment), COMPANY, tables);
            if (problems.length > 0) failures.push(`${read}:\n    ${problems.join('\n    ')}\n    ${nativeSql(fragment).sql}`);
          }
        }
      }
      expect(failures, failures.join('\n')).to.deep.equal([]);
    });

    it('scopes every table reference of the delta statements (changed keys, tombstones, the visibility check), for each caller', async () => {
      const failures: string[] = [];
      const reads = ['Users?$filter=Department eq \'Sales\'&$select=Id,UserName', 'OrganizationTeamHierarchies', 'OrganizationTeamMemberHierarchies?$filter=User/IsActive'];
      const snapshot = String(((await database.db.raw('select pg_current_snapshot()::text as s')) as { rows: { s: string }[] }).rows[0]?.s);
      for (const read of reads) {
        for (const plan of plansOf(read)) {
          for (const principal of [admin, member]) {
            const checkVisibility = !principal.isAdministrator && plan.set.policy === 'users' ? { userId: principal.userId } : undefined;
            for (const [after, asText] of [[undefined, false], ['41', false], [undefined, true]] as const) {
              const fragment = compileDelta(plan, { since: snapshot, after, asText, companyId: COMPANY, visibility: visibilityFor(principal), pageLimit: 100, ...(checkVisibility ? { checkVisibility } : {}) });
              const problems = companyProblems(nativeSql(fragment), COMPANY, tables);
              if (problems.length > 0) failures.push(`${read} (delta):\n    ${problems.join('\n    ')}\n    ${nativeSql(fragment).sql}`);
              // and valid SQL on the run's database
              await selectRows(database.db, fragment);
            }
          }
        }
      }
      expect(failures, failures.join('\n')).to.deep.equal([]);
    });

    for (const [who, principal, visible] of [
      ['an administrator', admin, undefined],
      ['a member (visibility subquery)', member, undefined],
      ['a member (visible ids loaded)', member, { count: 2, idArray: '{7,9}' }],
    ] as const) {
      it(`scopes every FROM/JOIN alias of every statement, for ${who}`, () => {
        const failures: string[] = [];
        let statements = 0;
        for (const read of READS) {
          for (const plan of plansOf(read)) {
            for (const { label, fragment } of statementsOf(plan, COMPANY, principal, visible)) {
              statements += 1;
              const problems = companyProblems(nativeSql(fragment), COMPANY, tables);
              if (problems.length > 0) failures.push(`${read} [${label}${plan.after ? ', keyset' : ''}]:\n    ${problems.join('\n    ')}\n    ${nativeSql(fragment).sql}`);
            }
          }
        }
        expect(statements).to.be.above(200);
        expect(failures, `${failures.length} statements:\n${failures.slice(0, 3).join('\n')}`).to.deep.equal([]);
      });
    }

    it('the statements are valid SQL on the run\'s database (executed for the demo company)', async function () {
      this.timeout(120_000);
      const companyId = database.demo.companies.contoso;
      const reader: Principal = { ...member, userId: String(database.demo.users.bobReader), companyId };
      for (const read of READS) {
        for (const plan of plansOf(read)) {
          for (const { fragment } of statementsOf(plan, companyId, reader)) {
            await selectRows(database.db, fragment).catch((err: unknown) => {
              throw new Error(`${read}: ${(err as Error).message}\n${nativeSql(fragment).sql}`);
            });
          }
        }
      }
    });

    describe('catches a company predicate removed or mis-bound (mutations)', () => {
      const check = (statement: { sql: string; bindings: readonly unknown[] }) => companyProblems(statement, COMPANY, tables);
      const native = (read: string, principal: Principal = admin) => nativeSql(statementsOf(plansOf(read)[0] as ReadPlan, COMPANY, principal)[0]?.fragment as SqlFragment);
      const mutate = (statement: { sql: string; bindings: readonly unknown[] }, from: string, to: string) => {
        expect(statement.sql, 'the text to mutate').to.contain(from);
        return { sql: statement.sql.replace(from, to), bindings: statement.bindings };
      };

      it('a lambda subquery without its company predicate', () => {
        const statement = native("OrganizationTeamHierarchies?$filter=Members/any(m: m/UserId eq 3)");
        expect(check(statement)).to.deep.equal([]);
        const problems = check(mutate(statement, '"t1"."company_id" = "t0"."company_id" AND ', ''));
        expect(problems).to.have.length(1);
        expect(problems[0]).to.match(/^t1 \(organization_team_member_hierarchies\) has no company_id predicate/);
      });

      it('a nested lambda scoped to an alias of another subquery, or to itself', () => {
        const statement = native("OrganizationTeamHierarchies?$filter=Children/any(c: c/Members/any(n: n/UserId eq 1))");
        expect(check(statement)).to.deep.equal([]);
        // t2's company equated to its own column: not anchored
        expect(check(mutate(statement, '"t2"."company_id" = "t1"."company_id"', '"t2"."company_id" = "t2"."company_id"')).join()).to.match(/t2 .* not anchored/);
        // the root's company parameter bound to another value: nothing is anchored
        expect(check({ sql: statement.sql, bindings: [COMPANY + 1, ...statement.bindings.slice(1)] })).to.have.length(3);
      });

      it('an expanded navigation, a many-to-many link row and a LEFT JOIN without their company predicate', () => {
        const expand = native('Teams?$expand=Users($select=Id)');
        expect(check(expand)).to.deep.equal([]);
        expect(check(mutate(expand, '"t2"."company_id" = "t0"."company_id" AND ', '')).join()).to.match(/t2 \(access_team_users\) has no company_id predicate/);
        expect(check(mutate(expand, '"t1"."company_id" = "t0"."company_id" AND ', '')).join()).to.match(/t1 \(users\) has no company_id predicate/);
        const join = native("OrganizationTeamHierarchies?$filter=Parent/Name eq 'x'");
        expect(check(mutate(join, 'ON "t1"."company_id" = "t0"."company_id" AND ', 'ON ')).join()).to.match(/t1 \(organization_team_hierarchies\) has no company_id/);
      });

      it('a company predicate ORed away, or only inside a nested level', () => {
        const statement = native("OrganizationTeamHierarchies?$filter=Members/any(m: m/UserId eq 3)");
        expect(check(mutate(statement, '"t1"."company_id" = "t0"."company_id" AND ', '"t1"."company_id" = "t0"."company_id" OR ')).join()).to.match(/^t1 \(organization_team_member_hierarchies\) has no company_id predicate/);
        expect(check(mutate(statement, '"t1"."company_id" = "t0"."company_id" AND ', 'EXISTS (SELECT 1 WHERE "t1"."company_id" = "t0"."company_id") AND ')).join()).to.match(/t1 .* no company_id predicate/);
      });

      it('the visibility subquery of a member without its company predicate', () => {
        const statement = native('Users?$top=1', member);
        expect(check(statement)).to.deep.equal([]);
        // mine, then c and theirs, were only equated to one another: none is anchored on the caller's company
        expect(check(mutate(statement, 'WHERE mine.company_id = $3::integer AND ', 'WHERE '))).to.have.length(3).and.satisfy((p: string[]) => p[0]?.startsWith('mine (organization_team_member_hierarchies) has a company_id predicate not anchored'));
        expect(check(mutate(statement, 'ON c.company_id = mine.company_id AND ', 'ON ')).join()).to.match(/^c \(team_closure\) has a company_id predicate not anchored/);
        expect(check(mutate(statement, 'ON c.company_id = mine.company_id AND ', 'ON c.company_id = $3::integer AND '))).to.deep.equal([]); // a parameter anchors it too
      });

      it('a table read without an alias or by a comma join is reported, not skipped', () => {
        const statement = native('Users?$top=1');
        expect(check(mutate(statement, 'from "users" as "t0"', 'from "users" as "t0", "projects" AS "t9"')).join()).to.match(/comma join|projects/);
        expect(check({ sql: 'SELECT 1 FROM "users" WHERE true', bindings: [] }).join()).to.match(/cannot read|users is mentioned/);
      });

      it('in the compiler itself: a lambda\'s related rows without the company condition fail the check', () => {
        const original = Object.getOwnPropertyDescriptor(ExprCompiler.prototype, 'relatedRow');
        // mutation: relatedRow drops its first condition (same company) — used by LEFT JOINs, lambdas and $expand
        const relatedRow = ExprCompiler.prototype.relatedRow;
        ExprCompiler.prototype.relatedRow = function (this: ExprCompiler, ...args: Parameters<typeof relatedRow>) {
          return relatedRow.apply(this, args).slice(1);
        };
        try {
          const problems = check(native("Users?$filter=Memberships/any(m: m/OrganizationTeamHierarchy/Name eq 'x')&$expand=Teams"));
          expect(problems.join('\n')).to.match(/t1 \(organization_team_member_hierarchies\) has no company_id/)
            .and.match(/t2 \(organization_team_hierarchies\) has no company_id/)
            .and.match(/\(access_teams\) has no company_id/);
        } finally {
          Object.defineProperty(ExprCompiler.prototype, 'relatedRow', original as PropertyDescriptor);
        }
        expect(check(native("Users?$filter=Memberships/any(m: m/OrganizationTeamHierarchy/Name eq 'x')&$expand=Teams"))).to.deep.equal([]);
      });
    });
  });
});
