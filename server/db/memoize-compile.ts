/**
 * Compile-stage memo: the statements of a repeated read are reused instead of compiled again (~5% of a
 * small read's CPU). A compiled read depends on the plan (already memoized per query string by the
 * parse and plan memos), the form of its expansions, the caller's company and the caller's visibility: none for an administrator,
 * else the caller and the visible ids loaded for them (the cached VisibleUsers object, or the subquery).
 * Entries go with their plan; each plan keeps at most MAX_CALLERS_PER_PLAN shapes. No I/O.
 */
import type { ReadPlan } from '../../odata/plan/read-plan';
import type { Principal } from '../auth/principal';
import { visibilityFor, type VisibleUsers } from '../auth/visibility';
import type { ExpandForm } from '../../odata/format-expanded';
import { compileRead, type CompiledRead } from './compile-read';

/** Callers' statements kept per plan (a plan shared by thousands of non-administrators keeps the latest). */
export const MAX_CALLERS_PER_PLAN = 64;

/**
 * `const compile = memoizeCompileRead()`; `compile(plan, admin) === compile(plan, otherAdminOfTheSameCompany)` → true;
 * `compile(plan, alice, ids)` is compiled once per loaded `ids` object.
 */
export function memoizeCompileRead(): (plan: ReadPlan, principal: Principal, visible?: VisibleUsers, form?: ExpandForm) => CompiledRead {
  const byPlan = new WeakMap<ReadPlan, Map<string, CompiledRead>>();
  // each loaded set of visible ids gets a number: the key must not copy a 70 KB id list
  const setNumbers = new WeakMap<object, number>();
  let sets = 0;
  const setNumber = (visible: object): number => {
    let n = setNumbers.get(visible);
    if (n === undefined) setNumbers.set(visible, (n = ++sets));
    return n;
  };
  return (plan, principal, visible, form = 'objects') => {
    const caller = principal.isAdministrator
      ? `admin:${principal.companyId}`
      : `${principal.companyId}:${principal.userId}:${visible === undefined ? 'subquery' : visible === 'many' ? 'many' : setNumber(visible)}`;
    const key = `${form}:${caller}`;
    let compiled = byPlan.get(plan);
    if (!compiled) byPlan.set(plan, (compiled = new Map()));
    const hit = compiled.get(key);
    if (hit) return hit;
    const made = compileRead(plan, principal.companyId, visibilityFor(principal, visible), form);
    if (compiled.size >= MAX_CALLERS_PER_PLAN) compiled.clear();
    compiled.set(key, made);
    return made;
  };
}
