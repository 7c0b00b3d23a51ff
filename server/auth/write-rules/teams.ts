/**
 * Seed 003 rules for OrganizationTeamHierarchies writes: an administrator, or a member of a strict
 * ancestor of the team; a root team only by an administrator; a child by a member of the new parent or
 * one of its ancestors; a move also needs that of the new parent, and never under the team's own subtree
 * (409); a team with child teams or members cannot be deleted (409). All under the company's hierarchy lock.
 */
import { ODataError } from '../../../odata/errors';
import { ask, atOrBelow, callerAbove, exists, lockHierarchy } from '../hierarchy';
import { same, type RuleContext, type Row, type WriteRules } from './types';

const forbidden = (message: string) => new ODataError('Forbidden', message);

const notATeam = (parentId: unknown) => new ODataError('ValidationFailed', `ParentId ${String(parentId)} is not a team of this company`, 'ParentId');
const mayNotAttach = (parentId: unknown) =>
  forbidden(`Only an administrator or a member of team ${String(parentId)} or of a team above it can put a team under it`);
const mayNotChange = (teamId: unknown, action: string) => forbidden(`Only an administrator or a member of a team above team ${String(teamId)} can ${action} it`);

/** The caller may put a team under `parentId` (null: a root team, administrators only), in one statement. */
async function requireParent(ctx: RuleContext, parentId: unknown): Promise<void> {
  const { trx, principal } = ctx;
  if (parentId === null || parentId === undefined) {
    if (!principal.isAdministrator) throw forbidden('Only an administrator can create a root team (one without ParentId)');
    return;
  }
  const answers = await ask(trx, {
    parent: exists('organization_team_hierarchies', principal.companyId, parentId as string),
    may: callerAbove(principal, parentId as string, { strict: false }),
  });
  if (!answers.parent) throw notATeam(parentId);
  if (!answers.may) throw mayNotAttach(parentId);
}

async function requireStrictAncestorMember(ctx: RuleContext, team: Row, action: string): Promise<void> {
  const { trx, principal } = ctx;
  if (principal.isAdministrator) return;
  const { may } = await ask(trx, { may: callerAbove(principal, team.id as string, { strict: true }) });
  if (!may) throw mayNotChange(team.id, action);
}

/**
 * A change of ParentId, every question in one statement, judged in the seed's order: may change the team
 * (403), the new parent exists (400), may attach under it (403), not under its own subtree (409).
 */
async function requireMove(ctx: RuleContext, team: Row, parentId: unknown): Promise<void> {
  const { trx, principal } = ctx;
  if (parentId === null || parentId === undefined) {
    await requireStrictAncestorMember(ctx, team, 'change');
    await requireParent(ctx, parentId);
    return;
  }
  const answers = await ask(trx, {
    change: callerAbove(principal, team.id as string, { strict: true }),
    parent: exists('organization_team_hierarchies', principal.companyId, parentId as string),
    attach: callerAbove(principal, parentId as string, { strict: false }),
    cycle: atOrBelow(principal.companyId, team.id as string, parentId as string),
  });
  if (!answers.change) throw mayNotChange(team.id, 'change');
  if (!answers.parent) throw notATeam(parentId);
  if (!answers.attach) throw mayNotAttach(parentId);
  if (answers.cycle) {
    throw new ODataError('Conflict', `Team ${String(team.id)} cannot be moved under itself or one of its own descendants (${String(parentId)})`, 'ParentId');
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
    if (same(before.parent_id, after.parent_id)) await requireStrictAncestorMember(ctx, before, 'change');
    else await requireMove(ctx, before, after.parent_id);
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
