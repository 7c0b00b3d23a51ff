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
import type { WriteRules } from './types';
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
