/**
 * Write rules of the `access-teams` policy (seed 002 Teams): every user of the company reads them, only
 * administrators create, change, deactivate them or change their members (`$ref`, checked as an update of
 * the team). Duplicate names (ignoring case) are refused by the unique index → 400 with details.
 */
import { ODataError } from '../../../odata/errors';
import type { RuleContext, WriteRules } from './types';

/** `requireAdministrator(ctx)` → nothing for an administrator, 403 for anyone else. */
function requireAdministrator(ctx: RuleContext): void {
  if (!ctx.principal.isAdministrator) throw new ODataError('Forbidden', `Only an administrator can create, change or deactivate ${ctx.set.name} or change their members`);
}

export const accessTeamRules: WriteRules = {
  create: async (ctx) => requireAdministrator(ctx),
  update: async (ctx) => requireAdministrator(ctx),
  remove: async (ctx) => requireAdministrator(ctx),
};
