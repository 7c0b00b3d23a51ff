/**
 * Plan memo specs: the same segments and options objects (what the parse memo hands out for a repeated
 * request) give the same plan; another page size or another options object is planned anew; a failing
 * plan fails every time. Pure.
 */
import { expect } from 'chai';
import { ODataError } from '../../odata/errors';
import { entitySet } from '../../odata/model';
import { parseQueryOptions, parseResourcePath } from '../../odata/parse/parse-query-options';
import { memoizePlanRead } from '../../odata/plan/memoize-plan';
import { planRead } from '../../odata/plan/plan-read';
import { DEFAULT_LIMITS } from '../../server/config';

describe('memoizePlanRead', () => {
  const { segments } = parseResourcePath('/Users');
  const request = (query: string, preferredPageSize?: number, options = parseQueryOptions(query).options) =>
    ({ segments, options, limits: DEFAULT_LIMITS, preferredPageSize, skipTokenSecret: 's' });

  it('reuses the plan of the same segments and options objects, per preferred page size', () => {
    const plan = memoizePlanRead(entitySet);
    const first = request("$filter=Department eq 'Sales'");
    const again = plan(first);
    expect(plan({ ...first })).to.equal(again);
    expect(again).to.deep.equal(planRead(first, entitySet));
    expect(plan({ ...first, preferredPageSize: 10 })).not.to.equal(again);
    expect(plan({ ...first, preferredPageSize: 10 }).pageSize).to.equal(10);
    expect(plan(request("$filter=Department eq 'Sales'"))).not.to.equal(again); // another options object
  });

  it('plans a failing request again each time', () => {
    const plan = memoizePlanRead(entitySet);
    const bad = request('$filter=Nope eq 1');
    expect(() => plan(bad)).to.throw(ODataError, /Nope/);
    expect(() => plan(bad)).to.throw(ODataError, /Nope/);
  });
});
