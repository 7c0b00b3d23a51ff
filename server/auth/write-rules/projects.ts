/**
 * Write rules for Projects (seed 000): every user of the company with odata.read reads them; only an
 * administrator creates, changes or deletes one (403 otherwise). Checked inside the write's transaction
 * by execute-write.ts, like the other sets' rules.
 */
import { ODataError } from '../../../odata/errors';
import type { RuleContext, WriteRules } from './types';

/** `requireAdministrator({ principal: { isAdministrator: false } })` → throws 403 Forbidden. */
function requireAdministrator(ctx: RuleContext): Promise<void> {
  if (!ctx.principal.isAdministrator) throw new ODataError('Forbidden', 'Only an administrator can create, change or delete projects');
  return Promise.resolve();
}

export const projectRules: WriteRules = {
  create: (ctx) => requireAdministrator(ctx),
  update: (ctx) => requireAdministrator(ctx),
  remove: (ctx) => requireAdministrator(ctx),
};
