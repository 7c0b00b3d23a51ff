/**
 * Questions about the org-chart hierarchy that authorization asks, each ONE indexed query on the
 * trigger-maintained team_closure table (any depth), run inside the write's transaction.
 */
import type { Knex } from 'knex';

type Id = string | number;

/**
 * Is `userId` a member of `teamId` or of one of its ancestors? With `strict`, the team itself does not
 * count (seed 003: team changes need a member of a *strict* ancestor).
 *   isMemberAbove(trx, 1, alice, platformApi, { strict: true }) → true when alice is in Engineering
 */
export async function isMemberAbove(trx: Knex.Transaction, companyId: number, userId: Id, teamId: Id, options: { strict: boolean }): Promise<boolean> {
  const row = await trx
    .first(trx.raw('1 AS found'))
    .from('team_closure AS c')
    .join('organization_team_member_hierarchies AS m', function joinMembers() {
      this.on('m.company_id', 'c.company_id').andOn('m.organization_team_hierarchy_id', 'c.ancestor_id');
    })
    .where('c.company_id', companyId)
    .andWhere('c.descendant_id', teamId)
    .andWhere('m.user_id', userId)
    .andWhere('c.depth', '>=', options.strict ? 1 : 0);
  return row !== undefined;
}

/** Is `descendantId` at or below `ancestorId`? `isAtOrBelow(trx, 1, 5, 5)` → true. */
export async function isAtOrBelow(trx: Knex.Transaction, companyId: number, ancestorId: Id, descendantId: Id): Promise<boolean> {
  const row = await trx
    .first(trx.raw('1 AS found'))
    .from('team_closure')
    .where({ company_id: companyId, ancestor_id: ancestorId, descendant_id: descendantId });
  return row !== undefined;
}

/**
 * Serialises changes to one company's hierarchy (creating, moving, deleting teams): two opposite moves
 * can then never both pass their cycle checks. Held until the transaction ends.
 */
export async function lockHierarchy(trx: Knex.Transaction, companyId: number): Promise<void> {
  await lockCompany(trx, 'hierarchy', companyId);
}

const LOCK_CLASSES = { hierarchy: 0x7eab, users: 0x7eac } as const;

/** A transaction-scoped advisory lock on one company's hierarchy or user administration. */
export async function lockCompany(trx: Knex.Transaction, what: keyof typeof LOCK_CLASSES, companyId: number): Promise<void> {
  await trx.raw('SELECT pg_advisory_xact_lock(?::integer, ?::integer)', [LOCK_CLASSES[what], companyId]);
}
