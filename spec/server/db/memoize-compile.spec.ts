import { expect } from 'chai';
import { entitySet } from '../../../odata/model';
import { parseQueryOptions } from '../../../odata/parse/parse-query-options';
import { planRead } from '../../../odata/plan/plan-read';
import type { Principal } from '../../../server/auth/principal';
import { visibilityFor } from '../../../server/auth/visibility';
import { DEFAULT_LIMITS } from '../../../server/config';
import { compileRead } from '../../../server/db/compile-read';
import { MAX_CALLERS_PER_PLAN, memoizeCompileRead } from '../../../server/db/memoize-compile';
import { nativeOf } from '../../helpers/native-sql';

const caller = (userId: string, companyId: number, isAdministrator: boolean): Principal => ({ userId, companyId, userName: userId, isAdministrator, scopes: new Set() });
const plan = (query: string) => planRead({ segments: [{ name: 'Users' }], options: parseQueryOptions(query).options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);

describe('memoizeCompileRead (compiled statements reused per plan and caller shape)', () => {
  const users = plan("$filter=Department eq 'Sales'&$select=Id");

  it('reuses one compilation for the administrators of a company, and compiles what compileRead compiles', () => {
    const compile = memoizeCompileRead();
    const first = compile(users, caller('1', 1, true));
    expect(compile(users, caller('2', 1, true))).to.equal(first);
    expect(nativeOf(first.rows)).to.deep.equal(nativeOf(compileRead(users, 1, visibilityFor(caller('1', 1, true))).rows));
  });

  it('compiles again for another company, another plan, another non-administrator or another set of visible ids', () => {
    const compile = memoizeCompileRead();
    const admin = compile(users, caller('1', 1, true));
    const other = compile(users, caller('1', 2, true));
    expect(other).to.not.equal(admin);
    expect(nativeOf(other.rows)?.bindings[0]).to.equal(2);
    expect(compile(plan('$select=Id'), caller('1', 1, true))).to.not.equal(admin);

    const ids = { count: 2, idArray: '{7,9}' };
    const alice = compile(users, caller('7', 1, false), ids);
    expect(compile(users, caller('7', 1, false), ids)).to.equal(alice);
    expect(nativeOf(alice.rows)?.bindings).to.include('{7,9}');
    const reloaded = compile(users, caller('7', 1, false), { count: 1, idArray: '{7}' });
    expect(reloaded).to.not.equal(alice);
    expect(nativeOf(reloaded.rows)?.bindings).to.include('{7}');
    const bob = compile(users, caller('9', 1, false), ids);
    expect(bob).to.not.equal(alice);
    // no loaded ids: the subquery, bound to the caller
    expect(nativeOf(compile(users, caller('9', 1, false)).rows)?.bindings).to.include.members(['9', 1]);
    expect(compile(users, caller('9', 1, false), 'many')).to.equal(compile(users, caller('9', 1, false), 'many'));
  });

  it(`keeps at most ${MAX_CALLERS_PER_PLAN} caller shapes per plan`, () => {
    const compile = memoizeCompileRead();
    const first = compile(users, caller('1', 1, true));
    for (let company = 2; company <= MAX_CALLERS_PER_PLAN; company += 1) compile(users, caller('1', company, true));
    expect(compile(users, caller('1', 1, true))).to.equal(first);
    compile(users, caller('1', MAX_CALLERS_PER_PLAN + 1, true)); // one more: the plan's entries start again
    expect(compile(users, caller('1', 1, true))).to.not.equal(first);
  });
});
