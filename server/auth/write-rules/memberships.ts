/**
 * Seed 003 rules for OrganizationTeamMemberHierarchies writes: an administrator, or a member of that team
 * or of one of its ancestors; UserId and OrganizationTeamHierarchyId cannot be changed (400); the user and
 * the team must exist in the company (400); a duplicate membership is 409 (unique constraint). Expressed as
 * checks (./checks.ts): a create is one statement with its checks, insert and audit row.
 */
import { ODataError } from '../../../odata/errors';
import type { Principal } from '../principal';
import { callerAbove, exists } from '../hierarchy';
import { must, type Check, type Checks } from './checks';
import { same, type Row, type WriteRules } from './types';

/** `mayChangeMembers(alice, 7, 'add')`: alice is a member of team 7 or of a team above it (TRUE for an administrator), or 403. */
function mayChangeMembers(principal: Principal, teamId: unknown, action: string): Check {
  return must(callerAbove(principal, teamId as string, { strict: false }), () =>
    new ODataError('Forbidden', `Only an administrator or a member of team ${String(teamId)} or of a team above it can ${action} its members`));
}

export const membershipRules: WriteRules = {
  /** Permission is judged first, so a caller who may not add members learns nothing about which ids exist. */
  createChecks(principal, after: Row): Checks {
    const teamId = after.organization_team_hierarchy_id as string;
    const userId = after.user_id as string;
    return [
      mayChangeMembers(principal, teamId, 'add'),
      must(exists('organization_team_hierarchies', principal.companyId, teamId), () =>
        new ODataError('ValidationFailed', `OrganizationTeamHierarchyId ${teamId} does not exist in this company`, 'OrganizationTeamHierarchyId')),
      must(exists('users', principal.companyId, userId), () => new ODataError('ValidationFailed', `UserId ${userId} does not exist in this company`, 'UserId')),
    ];
  },

  async update(ctx, before, after) {
    for (const [column, property] of [['user_id', 'UserId'], ['organization_team_hierarchy_id', 'OrganizationTeamHierarchyId']] as const) {
      if (!same(before[column], after[column])) {
        throw new ODataError('ValidationFailed', `${property} of a membership cannot be changed; delete it and create another`, property);
      }
    }
    return [mayChangeMembers(ctx.principal, before.organization_team_hierarchy_id, 'change')];
  },

  remove: async (ctx, before) => [mayChangeMembers(ctx.principal, before.organization_team_hierarchy_id, 'remove')],
};
