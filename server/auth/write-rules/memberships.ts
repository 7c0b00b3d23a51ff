/**
 * Seed 003 rules for OrganizationTeamMemberHierarchies writes: an administrator, or a member of that team
 * or of one of its ancestors; UserId and OrganizationTeamHierarchyId cannot be changed (400); the user and
 * the team must exist in the company (400); a duplicate membership is 409 (unique constraint).
 */
import { ODataError } from '../../../odata/errors';
import { isMemberAbove } from '../hierarchy';
import { same, type RuleContext, type Row, type WriteRules } from './types';

async function requireTeamMember(ctx: RuleContext, teamId: unknown, action: string): Promise<void> {
  const { trx, principal } = ctx;
  if (principal.isAdministrator) return;
  if (!(await isMemberAbove(trx, principal.companyId, principal.userId, teamId as string, { strict: false }))) {
    throw new ODataError('Forbidden', `Only an administrator or a member of team ${String(teamId)} or of a team above it can ${action} its members`);
  }
}

async function requireExists(ctx: RuleContext, table: string, id: unknown, property: string): Promise<void> {
  const row = await ctx.trx(table).first('id').where({ company_id: ctx.principal.companyId, id });
  if (!row) throw new ODataError('ValidationFailed', `${property} ${String(id)} does not exist in this company`, property);
}

export const membershipRules: WriteRules = {
  async create(ctx, after: Row) {
    // permission first: a caller who may not add members learns nothing about which ids exist
    await requireTeamMember(ctx, after.organization_team_hierarchy_id, 'add');
    await requireExists(ctx, 'organization_team_hierarchies', after.organization_team_hierarchy_id, 'OrganizationTeamHierarchyId');
    await requireExists(ctx, 'users', after.user_id, 'UserId');
  },

  async update(ctx, before, after) {
    for (const [column, property] of [['user_id', 'UserId'], ['organization_team_hierarchy_id', 'OrganizationTeamHierarchyId']] as const) {
      if (!same(before[column], after[column])) {
        throw new ODataError('ValidationFailed', `${property} of a membership cannot be changed; delete it and create another`, property);
      }
    }
    await requireTeamMember(ctx, before.organization_team_hierarchy_id, 'change');
  },

  remove: (ctx, before) => requireTeamMember(ctx, before.organization_team_hierarchy_id, 'remove'),
};
