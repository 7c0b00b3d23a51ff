/**
 * The write rules of each policy named in the model (`policy: 'teams'` → teamRules).
 */
import { ODataError } from '../../../odata/errors';
import type { EntitySetDef } from '../../../odata/model';
import { accessTeamRules } from './access-teams';
import { accessTokenRules } from './access-tokens';
import { mappingRules } from './mappings';
import { membershipRules } from './memberships';
import { projectRules } from './projects';
import { teamRules } from './teams';
import type { Checks } from './checks';
import type { Row, RuleContext, WriteRules } from './types';
import { userRules } from './users';

const RULES: Readonly<Record<string, WriteRules>> = {
  teams: teamRules,
  memberships: membershipRules,
  users: userRules,
  projects: projectRules,
  'access-teams': accessTeamRules,
  mappings: mappingRules,
  'access-tokens': accessTokenRules,
};

export function writeRulesFor(set: EntitySetDef): WriteRules {
  const rules = RULES[set.policy];
  if (!set.writable || !rules) throw new ODataError('MethodNotAllowed', `${set.name} is read-only`, set.name);
  return rules;
}

/**
 * What an update of `before` into `after` must pass, whichever way the rules judge it: by the Id and the
 * columns written (`updateChecks`), or by the rows (`update`). `written` is what the request writes ({} for a
 * change of the entity's references).
 */
export async function updateChecksOf(rules: WriteRules, ctx: RuleContext, before: Row, after: Row, written: Row): Promise<Checks | void> {
  if (rules.updateChecks) return rules.updateChecks(ctx.principal, String(before.id), written);
  if (!rules.update) throw new Error(`model: the write rules of ${ctx.set.name} judge no update`);
  return rules.update(ctx, before, after);
}
