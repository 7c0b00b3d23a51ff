/**
 * The ancestor check of a write, timed on its own (issue target: ≤ 2 ms median at depth 8): the exact
 * statement the write rules run (server/auth/hierarchy.ts `ask(memberAbove…)`) for a team at depth ≥ 8
 * and a member of its farthest ancestor that has members, repeated inside one read-only transaction.
 */
import type { Knex } from 'knex';
import { ask, memberAbove } from '../server/auth/hierarchy';

export interface AncestorCheck {
  /** Levels between the checked team and an ancestor that far up (the team is at least this deep), and how far above it the caller's team is. */
  readonly depth: number;
  readonly levelsAbove: number;
  readonly samples: number;
  readonly medianMs: number;
  readonly p99Ms: number;
}

/** `measureAncestorCheck(db, 1)` → { depth: 8, levelsAbove: 8, samples: 500, medianMs: 0.21, p99Ms: 0.6 }, or null without a deep team. */
export async function measureAncestorCheck(db: Knex, companyId: number, samples = 500): Promise<AncestorCheck | null> {
  const deep = (await db('team_closure')
    .where({ company_id: companyId })
    .andWhere('depth', '>=', 8)
    .orderBy([{ column: 'depth' }, { column: 'descendant_id' }])
    .first('descendant_id', 'depth')) as { descendant_id: string; depth: number } | undefined;
  if (!deep) return null;
  const caller = (await db('team_closure AS c')
    .join('organization_team_member_hierarchies AS m', function joinMembers() {
      this.on('m.company_id', 'c.company_id').andOn('m.organization_team_hierarchy_id', 'c.ancestor_id');
    })
    .where({ 'c.company_id': companyId, 'c.descendant_id': deep.descendant_id })
    .andWhere('c.depth', '>=', 1)
    .orderBy([{ column: 'c.depth', order: 'desc' }, { column: 'm.user_id' }])
    .first('m.user_id', 'c.depth')) as { user_id: string; depth: number } | undefined;
  if (!caller) return null;
  const times: number[] = [];
  await db.transaction(async (trx) => {
    for (let i = 0; i < samples + 50; i += 1) {
      const started = performance.now();
      const { may } = await ask(trx, { may: memberAbove(companyId, caller.user_id, deep.descendant_id, { strict: true }) });
      if (i >= 50) times.push(performance.now() - started); // the first 50 warm the plan cache
      if (!may) throw new Error('ancestor check: the chosen caller should be allowed');
    }
  }, { readOnly: true });
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { depth: deep.depth, levelsAbove: caller.depth, samples, medianMs: at(0.5), p99Ms: at(0.99) };
}
