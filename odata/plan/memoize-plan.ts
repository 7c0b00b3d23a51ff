/**
 * Plan-stage memo: planRead is pure, and the parse memo hands out the same `segments` and `options`
 * objects for a repeated path and query string, so the plan of a repeated request is looked up by those
 * objects (and the preferred page size) instead of made again (2–3% of a point read). One memo per app:
 * its limits and $skiptoken secret never change. Entries go when the parse memo lets the objects go.
 */
import type { EntitySetDef } from '../model';
import { planRead, type ReadRequest } from './plan-read';
import type { ReadPlan } from './read-plan';

/**
 * `const plan = memoizePlanRead(entitySet)`; `plan(r) === plan({ ...r })` → true when segments and options are the same objects.
 * A request whose planning fails (400) is planned, and fails, again each time.
 */
export function memoizePlanRead(lookup: (name: string) => EntitySetDef | undefined): (request: ReadRequest) => ReadPlan {
  const plans = new WeakMap<object, WeakMap<object, Map<number | undefined, ReadPlan>>>();
  return (request) => {
    let bySegments = plans.get(request.options);
    if (!bySegments) plans.set(request.options, (bySegments = new WeakMap()));
    let byPageSize = bySegments.get(request.segments);
    if (!byPageSize) bySegments.set(request.segments, (byPageSize = new Map()));
    let plan = byPageSize.get(request.preferredPageSize);
    if (!plan) {
      plan = planRead(request, lookup);
      byPageSize.set(request.preferredPageSize, plan);
    }
    return plan;
  };
}
