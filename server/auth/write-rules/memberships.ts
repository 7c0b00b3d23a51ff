/**
 * Seed 003 rules for OrganizationTeamMemberHierarchies writes: an administrator, or a member of that team
 * or of one of its ancestors; UserId and OrganizationTeamHierarchyId cannot be changed (400); the user and
 * the team must exist in the company (400); a duplicate membership is 409 (unique constraint).
 */
import { ODataError } from '../../../odata/errors';
import { ask, callerAbove, exists } from '../hierarchy';
import { same, type RuleContext, type Row, type WriteRules } from './types';

const forbidden = (teamId: unknown, action: string) =>
  new ODataError('Forbidden', `Only an administrator or a member of team ${String(teamId)} or of a team above it can ${action} its members`);

async function requireTeamMember(ctx: RuleContext, teamId: unknown, action: string): Promise<void> {
  const { trx, principal } = ctx;
  if (principal.isAdministrator) return;
  const { may } = await ask(trx, { may: callerAbove(principal, teamId as string, { strict: false }) });
  if (!may) throw forbidden(teamId, action);
}

export const membershipRules: WriteRules = {
  /** One statement asks all three questions; permission is judged first, so a caller who may not add members learns nothing about which ids exist. */
  async create(ctx, after: Row) {
    const { trx, principal } = ctx;
    const teamId = after.organization_team_hierarchy_id as string;
    const userId = after.user_id as string;
    const answers = await ask(trx, {
      may: callerAbove(principal, teamId, { strict: false }),
      team: exists('organization_team_hierarchies', principal.companyId, teamId),
      user: exists('users', principal.companyId, userId),
    });
    if (!answers.may) throw forbidden(teamId, 'add');
    if (!answers.team) throw new ODataError('ValidationFailed', `OrganizationTeamHierarchyId ${teamId} does not exist in this company`, 'OrganizationTeamHierarchyId');
    if (!answers.user) throw new ODataError('ValidationFailed', `UserId ${userId} does not exist in this company`, 'UserId');
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
