/**
 * Compiler specs for complex (jsonb) properties, compile-read.spec.ts style: query string → plan → exact
 * SQL + bindings (no database) for paths, lambdas (containment or EXISTS), $count, $orderby, $select of
 * members and $search into the owner; then, on the run's database, that the compiled predicates can use
 * the indexes of migration 5 (EXPLAIN with sequential scans disabled: the expression and GIN indexes
 * match the SQL the compiler emits) and that the containment returns what the EXISTS form returns.
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import { entitySet } from '../../../odata/model';
import { Projects } from '../../../odata/model/entity-sets';
import { parseQueryOptions } from '../../../odata/parse/parse-query-options';
import { parseResourcePath } from '../../../odata/parse/parse-resource-path';
import { planRead } from '../../../odata/plan/plan-read';
import type { Principal } from '../../../server/auth/principal';
import { visibilityFor } from '../../../server/auth/visibility';
import { DEFAULT_LIMITS } from '../../../server/config';
import { compileRead } from '../../../server/db/compile-read';
import { jsonKey, jsonSelect, jsonValue } from '../../../server/db/compile-json';
import { searchText } from '../../../server/db/compile-search';
import { testDatabase } from '../../helpers/test-database';
import { selectRows } from '../../../server/db/run-select';
import type { SqlFragment } from '../../../server/db/sql-fragment';
import { nativeOf } from '../../helpers/native-sql';

const admin: Principal = { userId: '1', companyId: 1, userName: 'admin', isAdministrator: true, scopes: new Set() };

function compile(query: string) {
  const { options } = parseQueryOptions(query);
  const plan = planRead({ segments: [{ name: 'Projects' }], options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
  return compileRead(plan, admin.companyId, visibilityFor(admin));
}

/** The WHERE and ORDER BY of the page statement: `… where … order by … limit $n`, and its bindings. */
function shape(query: string) {
  const native = nativeOf(compile(query).rows);
  return { sql: native?.sql.replace(/^select .*? from /, 'select … from '), bindings: native?.bindings };
}

const FROM = 'select … from "projects" as "t0" where "t0"."company_id" = $1 AND ';

describe('compile-json helpers', () => {
  it('quotes JSON keys from the model as SQL literals', () => {
    expect(jsonKey("O'Key")).to.equal("'O''Key'");
  });

  it('types a member by casting its text, strings stay text', () => {
    expect(jsonValue('"t0"."x"', [{ name: 'A' }, { name: 'N' }], 'Edm.Int32')).to.equal(`((("t0"."x" -> 'A') ->> 'N'))::integer`);
    expect(jsonValue('"t1"."value"', [], 'Edm.String')).to.equal(`("t1"."value" #>> '{}')`);
  });

  it('builds the object of selected members, null staying null', () => {
    expect(jsonSelect('"t0"."o"', [['Email'], ['Name']])).to.equal(
      `CASE WHEN jsonb_typeof("t0"."o") = 'object' THEN jsonb_build_object('Email', coalesce(("t0"."o" -> 'Email'), 'null'::jsonb), 'Name', coalesce(("t0"."o" -> 'Name'), 'null'::jsonb)) END`,
    );
  });
});

describe('compileRead of complex properties (exact SQL)', () => {
  it('a member path is ->> on the column, the expression the owner-email indexes are built on', () => {
    expect(shape("$filter=ProjectOwner/Email eq 'a@b.c'")).to.deep.equal({
      sql: `${FROM}(("t0"."project_owner" ->> 'Email') = $2::text) order by "t0"."id" ASC limit $3`,
      bindings: [1, 'a@b.c', 1001],
    });
    expect(shape("$filter=tolower(ProjectOwner/Email) eq 'a@b.c'").sql).to.equal(
      `${FROM}(lower(("t0"."project_owner" ->> 'Email')) = $2::text) order by "t0"."id" ASC limit $3`,
    );
  });

  it('ne keeps OData nulls (IS DISTINCT FROM), and string functions apply to nested values', () => {
    expect(shape("$filter=ProjectOwner/LastName ne 'Doe' and startswith(ProjectOwner/FirstName,'J')")).to.deep.equal({
      sql: `${FROM}((("t0"."project_owner" ->> 'LastName') IS DISTINCT FROM $2::text AND ("t0"."project_owner" ->> 'FirstName') LIKE $3 ESCAPE '\\')) order by "t0"."id" ASC limit $4`,
      bindings: [1, 'Doe', 'J%', 1001],
    });
  });

  it('a whole complex value compares with null only: IS NULL / IS NOT NULL on its JSON text', () => {
    expect(shape('$filter=ProjectOwner eq null or Assets ne null').sql).to.equal(
      `${FROM}((("t0"."project_owner" #>> '{}') IS NULL OR ("t0"."assets" #>> '{}') IS NOT NULL)) order by "t0"."id" ASC limit $2`,
    );
  });

  it('any() with member equalities only is one containment, bound as JSON', () => {
    expect(shape("$filter=Assets/Repositories/any(r: r/Platform eq 'github.com' and r/Name eq 'web')")).to.deep.equal({
      sql: `${FROM}("t0"."assets" @> $2::jsonb) order by "t0"."id" ASC limit $3`,
      bindings: [1, '{"Repositories":[{"Platform":"github.com","Name":"web"}]}', 1001],
    });
  });

  it('a nested any() of equalities joins the containment: services that depend on redis', () => {
    expect(shape("$filter=Assets/Services/any(s: s/Name eq 'api' and s/Dependencies/any(d: d eq 'redis'))")).to.deep.equal({
      sql: `${FROM}("t0"."assets" @> $2::jsonb) order by "t0"."id" ASC limit $3`,
      bindings: [1, '{"Services":[{"Name":"api","Dependencies":["redis"]}]}', 1001],
    });
  });

  it('any() with another predicate, all(), and nested lambdas are EXISTS over jsonb_array_elements', () => {
    expect(shape("$filter=Assets/Repositories/any(r: contains(r/Url,'x') or r/Platform eq 'a')").sql).to.equal(
      `${FROM}(EXISTS (SELECT 1 FROM jsonb_array_elements(("t0"."assets" -> 'Repositories')) AS "t1"("value")` +
        ` WHERE (("t1"."value" ->> 'Url') LIKE $2 ESCAPE '\\' OR ("t1"."value" ->> 'Platform') = $3::text))) order by "t0"."id" ASC limit $4`,
    );
    expect(shape("$filter=Assets/Services/all(s: s/Dependencies/any(d: d eq 'redis'))")).to.deep.equal({
      sql:
        `${FROM}(NOT EXISTS (SELECT 1 FROM jsonb_array_elements(("t0"."assets" -> 'Services')) AS "t1"("value") WHERE (EXISTS (SELECT 1 FROM` +
        ` jsonb_array_elements(("t1"."value" -> 'Dependencies')) AS "t2"("value") WHERE ("t2"."value" #>> '{}') = $2::text)) IS NOT TRUE)) order by "t0"."id" ASC limit $3`,
      bindings: [1, 'redis', 1001],
    });
  });

  it('$count over a complex collection is its length, 0 when absent; usable in $orderby', () => {
    expect(shape('$filter=Assets/Services/$count gt 2&$orderby=Assets/Repositories/$count desc')).to.deep.equal({
      sql:
        `${FROM}(coalesce(jsonb_array_length(("t0"."assets" -> 'Services')), 0) > $2::integer)` +
        ` order by coalesce(jsonb_array_length(("t0"."assets" -> 'Repositories')), 0) DESC, "t0"."id" ASC limit $3`,
      bindings: [1, 2, 1001],
    });
  });

  it('$orderby into a member orders by its text with OData null order', () => {
    expect(shape('$orderby=ProjectOwner/LastName').sql).to.equal(
      'select … from "projects" as "t0" where "t0"."company_id" = $1 order by ("t0"."project_owner" ->> \'LastName\') ASC NULLS FIRST, "t0"."id" ASC limit $2',
    );
  });

  it('$select of a member builds the object of the selected members only', () => {
    const native = nativeOf(compile('$select=ProjectOwner/Email').rows);
    expect(native?.sql).to.match(
      /^select CASE WHEN jsonb_typeof\("t0"\."project_owner"\) = 'object' THEN jsonb_build_object\('Email', coalesce\(\("t0"\."project_owner" -> 'Email'\), 'null'::jsonb\)\) END AS "ProjectOwner", /,
    );
  });

  it('a URL path into a member reads that member: a primitive one as typed text, a collection as its JSON', () => {
    const path = (text: string) => {
      const plan = planRead({ segments: parseResourcePath(text).segments, options: {}, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
      return nativeOf(compileRead(plan, admin.companyId, visibilityFor(admin)).rows)?.sql;
    };
    expect(path('Projects(1)/ProjectOwner/Email')).to.equal(
      'select ("t0"."project_owner" ->> \'Email\') AS "ProjectOwner" from "projects" as "t0" where "t0"."company_id" = $1 AND "t0"."id" = $2::bigint limit $3',
    );
    expect(path('Projects(1)/Assets/Repositories')).to.match(/^select \("t0"\."assets" -> 'Repositories'\) AS "Assets" from /);
  });

  it("$search text includes the owner's names and email", () => {
    expect(searchText(Projects, 't0')).to.equal(
      `lower(coalesce("t0"."project_id", '') || E'\\n' || coalesce("t0"."project_name", '') || E'\\n' || coalesce("t0"."external_id", '')` +
        ` || E'\\n' || coalesce(("t0"."project_owner" ->> 'FirstName'), '') || E'\\n' || coalesce(("t0"."project_owner" ->> 'LastName'), '')` +
        ` || E'\\n' || coalesce(("t0"."project_owner" ->> 'Email'), ''))`,
    );
  });
});

describe('complex-property filters on the database', () => {
  /** 20,000 generated Contoso projects, 20 of them with a repository on 'rare.example', inside a transaction rolled back after `run`. */
  async function withManyProjects(run: (trx: Knex.Transaction) => Promise<void>): Promise<void> {
    const { db } = await testDatabase();
    const trx = await db.transaction();
    try {
      await trx.raw(`INSERT INTO projects (company_id, project_id, project_name, project_owner, assets)
        SELECT 1, 'gen-' || i, 'Generated ' || i,
          jsonb_build_object('FirstName', 'F' || i, 'LastName', 'L' || i, 'Email', 'user' || i || '@gen.example'),
          jsonb_build_object('Repositories', jsonb_build_array(jsonb_build_object('Name', 'r' || i,
            'Platform', CASE WHEN i % 1000 = 0 THEN 'rare.example' ELSE 'github.com' END, 'Url', 'https://x/' || i)), 'Services', '[]'::jsonb)
        FROM generate_series(1, 20000) AS i`);
      await trx.raw('ANALYZE projects');
      await run(trx);
    } finally {
      await trx.rollback();
    }
  }

  /** The plan PostgreSQL chooses for the compiled page statement (ORDER BY Id, LIMIT 1001 included). */
  async function plan(trx: Knex.Transaction, query: string): Promise<string> {
    const native = nativeOf(compile(query).rows) as { sql: string; bindings: unknown[] };
    const result = (await trx.raw(`EXPLAIN ${native.sql.replace(/\$(\d+)/g, '?')}`, native.bindings as Knex.RawBinding[])) as { rows: Array<{ 'QUERY PLAN': string }> };
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  }

  it('the owner-email filters read their expression indexes (plain and lower()) among 20,000 projects', async () => {
    await withManyProjects(async (trx) => {
      expect(await plan(trx, "$filter=ProjectOwner/Email eq 'user77@gen.example'")).to.match(/Index Scan using projects_by_owner_email on projects|Bitmap Index Scan on projects_by_owner_email\b/);
      expect(await plan(trx, "$filter=tolower(ProjectOwner/Email) eq 'user77@gen.example'")).to.include('projects_by_owner_email_lower');
    });
  });

  it("any(r: r/Platform eq …) reads the GIN jsonb_path_ops index on assets; its rows are those of the EXISTS form", async () => {
    await withManyProjects(async (trx) => {
      expect(await plan(trx, "$filter=Assets/Repositories/any(r: r/Platform eq 'rare.example')")).to.include('Bitmap Index Scan on projects_assets');
      const rowsOf = async (query: string) => ((await selectRows(trx, compile(`${query}&$select=Id`).rows as SqlFragment)) as { Id: unknown }[]).map((r) => Number(r.Id));
      const contained = await rowsOf("$filter=Assets/Repositories/any(r: r/Platform eq 'rare.example')");
      const exists = await rowsOf("$filter=Assets/Repositories/any(r: r/Platform eq 'rare.example' or false)");
      expect(contained).to.have.length(20);
      expect(contained).to.deep.equal(exists);
    });
  });
});
