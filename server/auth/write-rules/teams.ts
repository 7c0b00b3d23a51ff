/**
 * Seed 003 rules for OrganizationTeamHierarchies writes: an administrator, or a member of a strict
 * ancestor of the team; a root team only by an administrator; a child by a member of the new parent or
 * one of its ancestors; a move also needs that of the new parent, and never under the team's own subtree
 * (409); a team with child teams or members cannot be deleted (409). All under the company's hierarchy lock.
 */
import { ODataError } from '../../../odata/errors';
import type { Principal } from '../principal';
import { atOrBelow, callerAbove, companyLock, exists } from '../hierarchy';
import { sql } from '../../db/sql-fragment';
import { must, mustNot, requireNow, type Check, type Checks } from './checks';
import type { RuleContext, Row, WriteRules } from './types';

const forbidden = (message: string) => new ODataError('Forbidden', message);

/** The new parent is a team of the company (400 naming ParentId). */
const parentExists = (principal: Principal, parentId: unknown): Check =>
  must(exists('organization_team_hierarchies', principal.companyId, parentId as string), () =>
    new ODataError('ValidationFailed', `ParentId ${String(parentId)} is not a team of this company`, 'ParentId'));

/** The caller may put a team under `parentId`: a member of it or of a team above it (403). */
const mayAttach = (principal: Principal, parentId: unknown): Check =>
  must(callerAbove(principal, parentId as string, { strict: false }), () =>
    forbidden(`Only an administrator or a member of team ${String(parentId)} or of a team above it can put a team under it`));

/** The caller may change the team: a member of a team strictly above it (403). */
const mayChange = (principal: Principal, team: Row, action: string): Check =>
  must(callerAbove(principal, team.id as string, { strict: true }), () =>
    forbidden(`Only an administrator or a member of a team above team ${String(team.id)} can ${action} it`));

/** Putting a team under `parentId` (null: a root team, administrators only). */
function attachChecks(principal: Principal, parentId: unknown): Checks {
  if (parentId === null || parentId === undefined) {
    return principal.isAdministrator ? [] : [must(sql('FALSE'), () => forbidden('Only an administrator can create a root team (one without ParentId)'))];
  }
  return [parentExists(principal, parentId), mayAttach(principal, parentId)];
}

/**
 * A change of ParentId, judged in the seed's order: may change the team (403), the new parent exists (400),
 * may attach under it (403), not under its own subtree (409).
 */
function moveChecks(principal: Principal, team: Row, parentId: unknown): Checks {
  if (parentId === null || parentId === undefined) return [mayChange(principal, team, 'change'), ...attachChecks(principal, parentId)];
  return [
    mayChange(principal, team, 'change'),
    parentExists(principal, parentId),
    mayAttach(principal, parentId),
    mustNot(atOrBelow(principal.companyId, team.id as string, parentId as string), () =>
      new ODataError('Conflict', `Team ${String(team.id)} cannot be moved under itself or one of its own descendants (${String(parentId)})`, 'ParentId')),
  ];
}

async function count(ctx: RuleContext, table: string, column: string, teamId: unknown): Promise<number> {
  const [row] = await ctx.trx(table).where({ company_id: ctx.principal.companyId, [column]: teamId }).count({ n: '*' });
  return Number(row?.n ?? 0);
}

/** `'2 child teams (Platform, Security)'`: the count and up to three names. */
async function describeChildren(ctx: RuleContext, teamId: unknown, total: number): Promise<string> {
  const names = (await ctx.trx('organization_team_hierarchies').where({ company_id: ctx.principal.companyId, parent_id: teamId }).orderBy('name').limit(3).pluck('name')) as string[];
  return `${total} child team${total === 1 ? '' : 's'} (${names.join(', ')}${total > names.length ? ', …' : ''})`;
}

export const teamRules: WriteRules = {
  lock: (principal) => companyLock('hierarchy', principal.companyId),

  create: async (ctx, after) => attachChecks(ctx.principal, after.parent_id),

  // judged without the row: a ParentId written equal to the current one passes the move checks exactly when
  // it passes mayChange (a member above the team is a member of its parent or above)
  updateChecks: (principal, id, written) =>
    'parent_id' in written ? moveChecks(principal, { id }, written.parent_id) : [mayChange(principal, { id }, 'change')],

  async remove(ctx, before) {
    // permission first, before the counts say anything about the team
    await requireNow(ctx, [mayChange(ctx.principal, before, 'delete')]);
    const children = await count(ctx, 'organization_team_hierarchies', 'parent_id', before.id);
    const members = await count(ctx, 'organization_team_member_hierarchies', 'organization_team_hierarchy_id', before.id);
    if (children > 0 || members > 0) {
      const what = [children > 0 ? await describeChildren(ctx, before.id, children) : '', members > 0 ? `${members} member${members === 1 ? '' : 's'}` : '']
        .filter(Boolean)
        .join(' and ');
      throw new ODataError('Conflict', `Team ${String(before.id)} still has ${what}; move or remove them first`);
    }
  },
};
