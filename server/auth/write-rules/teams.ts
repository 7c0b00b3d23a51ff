/**
 * Seed 003 rules for OrganizationTeamHierarchies writes: an administrator, or a member of a strict
 * ancestor of the team; a root team only by an administrator; a child by a member of the new parent or
 * one of its ancestors; a move also needs that of the new parent, and never under the team's own subtree
 * (409); a team with child teams or members cannot be deleted (409). All under the company's hierarchy lock.
 */
import { ODataError } from '../../../odata/errors';
import { isAtOrBelow, isMemberAbove, lockHierarchy } from '../hierarchy';
import { same, type RuleContext, type Row, type WriteRules } from './types';

const forbidden = (message: string) => new ODataError('Forbidden', message);

async function requireParent(ctx: RuleContext, parentId: unknown): Promise<void> {
  const { trx, principal } = ctx;
  if (parentId === null || parentId === undefined) {
    if (!principal.isAdministrator) throw forbidden('Only an administrator can create a root team (one without ParentId)');
    return;
  }
  const parent = await trx('organization_team_hierarchies').first('id').where({ company_id: principal.companyId, id: parentId });
  if (!parent) throw new ODataError('ValidationFailed', `ParentId ${String(parentId)} is not a team of this company`, 'ParentId');
  if (!principal.isAdministrator && !(await isMemberAbove(trx, principal.companyId, principal.userId, parentId as string, { strict: false }))) {
    throw forbidden(`Only an administrator or a member of team ${String(parentId)} or of a team above it can put a team under it`);
  }
}

async function requireStrictAncestorMember(ctx: RuleContext, team: Row, action: string): Promise<void> {
  const { trx, principal } = ctx;
  if (principal.isAdministrator) return;
  if (!(await isMemberAbove(trx, principal.companyId, principal.userId, team.id as string, { strict: true }))) {
    throw forbidden(`Only an administrator or a member of a team above team ${String(team.id)} can ${action} it`);
  }
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
  prepare: (ctx) => lockHierarchy(ctx.trx, ctx.principal.companyId),

  create: (ctx, after) => requireParent(ctx, after.parent_id),

  async update(ctx, before, after) {
    await requireStrictAncestorMember(ctx, before, 'change');
    if (same(before.parent_id, after.parent_id)) return;
    await requireParent(ctx, after.parent_id);
    if (after.parent_id !== null && (await isAtOrBelow(ctx.trx, ctx.principal.companyId, before.id as string, after.parent_id as string))) {
      throw new ODataError('Conflict', `Team ${String(before.id)} cannot be moved under itself or one of its own descendants (${String(after.parent_id)})`, 'ParentId');
    }
  },

  async remove(ctx, before) {
    await requireStrictAncestorMember(ctx, before, 'delete');
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
