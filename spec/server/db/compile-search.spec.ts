/**
 * Compiler specs for `$search`: the exact predicate (searchable columns joined by newlines, lower-cased,
 * each term a bound LIKE pattern with wildcards escaped, NOT/AND/OR nested as parsed). No database.
 */
import { expect } from 'chai';
import { entitySet } from '../../../odata/model';
import type { EntitySetDef } from '../../../odata/model';
import { parseSearch } from '../../../odata/parse/parse-search';
import { searchPredicate, searchText } from '../../../server/db/compile-search';

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
