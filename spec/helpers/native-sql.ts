/**
 * Spec helper: a compiled statement (or none) in the numbered form the driver receives, for exact-SQL specs.
 *   nativeOf(compileRead(plan, 1, visibilityFor(admin)).rows) → { sql: 'select … where "t0"."company_id" = $1 …', bindings: [1, …] }
 */
import { nativeSql } from '../../server/db/run-select';
import type { SqlFragment } from '../../server/db/sql-fragment';

export function nativeOf(fragment: SqlFragment | null | undefined): { sql: string; bindings: readonly unknown[] } | undefined {
  return fragment ? nativeSql(fragment) : undefined;
}
