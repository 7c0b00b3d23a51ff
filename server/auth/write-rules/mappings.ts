/**
 * Write rules of the `mappings` policy (seed 000 Mappings), run inside the write's transaction by
 * server/db/execute-write.ts: administrators create, change and delete any mapping; the owner of a project
 * (its ProjectOwner/Email is the caller's Email, ignoring case) may also create and delete that project's
 * `project-people` mappings. A project-people mapping's Attribute1/Attribute2 are resolved here into
 * project_ref/user_ref (400 naming the one that is unknown), in the same transaction as the insert.
 */
import { ODataError } from '../../../odata/errors';
import { PROJECT_PEOPLE, Projects, ProjectOwner, Users } from '../../../odata/model/entity-sets';
import { jsonValue } from '../../db/compile-json';
import { ident } from '../../db/sql-fragment';
import { requireNow } from './checks';
import type { Row, RuleContext, WriteRules } from './types';

const OWNER_EMAIL = jsonValue(ident('p', 'project_owner'), ProjectOwner.members.filter((m) => m.name === 'Email'), 'Edm.String');

/** Whether the caller's Email is the owner's Email of project `projectRef`: `isProjectOwner(ctx, 7)` → true for its owner. */
async function isProjectOwner(ctx: RuleContext, projectRef: unknown): Promise<boolean> {
  if (projectRef === null || projectRef === undefined) return false;
  const { trx, principal } = ctx;
  const result = (await trx.raw(
    `SELECT 1 FROM ${ident(Projects.table)} AS p JOIN ${ident(Users.table)} AS u ON u.company_id = p.company_id AND u.id = ?::bigint` +
      ` WHERE p.company_id = ? AND p.id = ?::bigint AND u.email IS NOT NULL AND lower(${OWNER_EMAIL}) = lower(u.email)`,
    [principal.userId, principal.companyId, String(projectRef)],
  )) as { rows: unknown[] };
  return result.rows.length > 0;
}

/**
 * Resolves a project-people mapping's attributes into its references, in place:
 *   { attribute1: '2322345', attribute2: 'Alice.Manager@contoso.example' } → project_ref 1, user_ref 2, and attribute1/attribute2
 *   as stored (the ProjectId, the user's Email) so that the same pair in another case is a duplicate (409).
 * An unknown ProjectId → 400 (target Attribute1), an unknown Email → 400 (target Attribute2).
 */
async function resolveProjectPeople(ctx: RuleContext, after: Row): Promise<void> {
  const { trx, principal } = ctx;
  const project = (await trx(Projects.table).where({ company_id: principal.companyId, project_id: after.attribute1 }).first('id', 'project_id')) as Row | undefined;
  if (!project) throw new ODataError('ValidationFailed', `Attribute1 '${String(after.attribute1)}' is not a ProjectId of your company`, 'Attribute1');
  if (!principal.isAdministrator && !(await isProjectOwner(ctx, project.id))) {
    throw new ODataError('Forbidden', `Only an administrator or the owner of project ${String(project.project_id)} can map people to it`);
  }
  const user = (await trx(Users.table).where({ company_id: principal.companyId }).andWhereRaw('lower(email) = lower(?)', [String(after.attribute2)]).first('id', 'email')) as Row | undefined;
  if (!user) throw new ODataError('ValidationFailed', `Attribute2 '${String(after.attribute2)}' is not the Email of a user of your company`, 'Attribute2');
  after.project_ref = project.id;
  after.user_ref = user.id;
  after.attribute1 = project.project_id;
  after.attribute2 = user.email;
}

/** `requireAdministrator(ctx, 'change')` → nothing for an administrator, 403 for anyone else. */
function requireAdministrator(ctx: RuleContext, what: string): void {
  if (!ctx.principal.isAdministrator) {
    throw new ODataError('Forbidden', `Only an administrator can ${what} this mapping (a project's owner may create and delete its project-people mappings)`);
  }
}

export const mappingRules: WriteRules = {
  // the rules below read projects and users before the write: the caller is checked first
  prepare: (ctx) => requireNow(ctx, []),
  create: async (ctx, after) => {
    if (after.mapping_type === PROJECT_PEOPLE) return resolveProjectPeople(ctx, after);
    requireAdministrator(ctx, 'create');
  },
  update: async (ctx) => requireAdministrator(ctx, 'change'),
  remove: async (ctx, before) => {
    if (ctx.principal.isAdministrator) return;
    if (before.mapping_type === PROJECT_PEOPLE && (await isProjectOwner(ctx, before.project_ref))) return;
    requireAdministrator(ctx, 'delete');
  },
};
