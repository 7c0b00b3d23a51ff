/**
 * Seed 003 rules for Users writes: administrators only — others get 403 for a user they can see and 404
 * for one they cannot; a change that would leave the company without an active administrator is 409,
 * also when two administrators try it at once (a per-company lock serialises user administration).
 */
import { ODataError } from '../../../odata/errors';
import { lockCompany } from '../hierarchy';
import { visibleUsersPredicate } from '../visibility';
import { same, type RuleContext, type Row, type WriteRules } from './types';

function requireAdministrator(ctx: RuleContext): void {
  if (!ctx.principal.isAdministrator) throw new ODataError('Forbidden', 'Only an administrator can create, change or delete users');
}

/** Would the company still have an active administrator other than `userId`? One indexed count. */
async function otherActiveAdministrators(ctx: RuleContext, userId: unknown): Promise<number> {
  const [row] = await ctx
    .trx('users')
    .where({ company_id: ctx.principal.companyId, is_administrator: true, is_active: true })
    .whereNot('id', userId as string)
    .count({ n: '*' });
  return Number(row?.n ?? 0);
}

async function keepAnAdministrator(ctx: RuleContext, before: Row, after: Row | undefined): Promise<void> {
  const wasActiveAdmin = before.is_administrator === true && before.is_active === true;
  const staysActiveAdmin = after !== undefined && after.is_administrator === true && after.is_active === true;
  if (wasActiveAdmin && !staysActiveAdmin && (await otherActiveAdministrators(ctx, before.id)) === 0) {
    throw new ODataError('Conflict', `User ${String(before.id)} is the company's last active administrator; make another administrator first`);
  }
}

/**
 * Serialises user administration per company, then re-reads the caller inside the transaction: two
 * administrators demoting each other at once cannot both pass, and a caller demoted a moment ago is refused.
 */
async function prepare(ctx: RuleContext): Promise<void> {
  if (!ctx.principal.isAdministrator) return;
  await lockCompany(ctx.trx, 'users', ctx.principal.companyId);
  const caller = await ctx.trx('users').first('is_administrator', 'is_active').where({ company_id: ctx.principal.companyId, id: ctx.principal.userId });
  if (!caller || caller.is_administrator !== true || caller.is_active !== true) {
    throw new ODataError('Forbidden', 'You are no longer an active administrator of this company');
  }
}

export const userRules: WriteRules = {
  prepare,

  async isHidden(ctx, before) {
    if (ctx.principal.isAdministrator || same(before.id, ctx.principal.userId)) return false;
    const visible = visibleUsersPredicate('u', ctx.principal);
    const row = await ctx.trx
      .first(ctx.trx.raw('1 AS found'))
      .from('users AS u')
      .where('u.company_id', ctx.principal.companyId)
      .andWhere('u.id', before.id as string)
      .andWhereRaw(visible.sql, visible.bindings as never);
    return row === undefined;
  },

  create: async (ctx) => requireAdministrator(ctx),

  async update(ctx, before, after) {
    requireAdministrator(ctx);
    await keepAnAdministrator(ctx, before, after);
  },

  async remove(ctx, before) {
    requireAdministrator(ctx);
    await keepAnAdministrator(ctx, before, undefined);
  },
};
