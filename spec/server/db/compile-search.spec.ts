/**
 * Compiler specs for `$search`: the exact predicate (searchable columns joined by newlines, lower-cased,
 * each term a bound LIKE pattern with wildcards escaped, NOT/AND/OR nested as parsed), then on the run's
 * database: the trigram index of migration 3 serves it.
 */
import { expect } from 'chai';
import { entitySet } from '../../../odata/model';
import type { EntitySetDef } from '../../../odata/model';
import { parseSearch } from '../../../odata/parse/parse-search';
import { searchPredicate, searchText } from '../../../server/db/compile-search';
import { testDatabase } from '../../helpers/test-database';

const teams = entitySet('OrganizationTeamHierarchies') as EntitySetDef;
const TEXT = `lower(coalesce("t0"."name", '') || E'\\n' || coalesce("t0"."description", ''))`;

describe('compile $search', () => {
  it('looks in the searchable columns of the set, joined by newlines, lower-cased', () => {
    expect(searchText(teams, 't0')).to.equal(TEXT);
    expect(() => searchText(entitySet('OrganizationTeamMemberHierarchies') as EntitySetDef, 't0')).to.throw(/no searchable property/);
  });

  it('binds each term as an escaped LIKE pattern and nests NOT, AND and OR as parsed', () => {
    const term = `${TEXT} LIKE '%' || lower(?) || '%' ESCAPE '\\'`;
    expect(searchPredicate(teams, 't0', parseSearch('sales NOT "100% off" OR ops_team'))).to.deep.equal({
      sql: `((${term} AND NOT (${term})) OR ${term})`,
      bindings: ['sales', '100\\% off', 'ops\\_team'],
    });
  });
});

describe('$search and its trigram indexes (on the database)', () => {
  it('is served by the index of migration 3 (the same expression) for users and teams', async () => {
    const { db } = await testDatabase();
    for (const [set, index] of [['Users', 'users_search'], ['OrganizationTeamHierarchies', 'teams_search']] as const) {
      const def = entitySet(set) as EntitySetDef;
      const where = searchPredicate(def, 't0', parseSearch('zzqx'));
      const plan = await db.transaction(async (trx) => {
        await trx.raw('SET LOCAL enable_seqscan = off');
        const { rows } = (await trx.raw(`EXPLAIN SELECT 1 FROM ${def.table} AS t0 WHERE ${where.sql}`, where.bindings as string[])) as { rows: { 'QUERY PLAN': string }[] };
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan, set).to.contain(`Bitmap Index Scan on ${index}`);
    }
  });
});
