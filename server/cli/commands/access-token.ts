/**
 * `orgchart token create --user <userName> --company <id> --scopes "odata.read" --expires 30d --name "Power BI"`
 * and `orgchart token revoke <id>`: personal access tokens from the command line, through the same write
 * path as POST/DELETE /odata/AccessTokens (the set's rules, one transaction, an audit entry made in the
 * owner's name). Create prints the secret, the only time it is ever shown.
 */
import type { Knex } from 'knex';
import { AccessTokens } from '../../../odata/model/entity-sets';
import type { KeyPredicate } from '../../../odata/parse/ast';
import { parseResourcePath } from '../../../odata/parse/parse-query-options';
import { planKey } from '../../../odata/plan/plan-read';
import type { Principal } from '../../auth/principal';
import { parseTtl } from '../../auth/tokens';
import type { Config } from '../../config';
import { executeWrite } from '../../db/execute-write';
import { CliError } from '../errors';

export interface AccessTokenCreateOptions {
  readonly user: string;
  readonly company: string | number;
  readonly scopes: string;
  /** Lifetime from now: seconds or <n>s|m|h|d (30d). */
  readonly expires: string;
  readonly name: string;
}

/** The owner as the principal the write runs for: the CLI acts in the owner's name. */
async function ownerPrincipal(db: Knex, companyId: number, where: Record<string, unknown>, what: string): Promise<Principal> {
  const user = (await db('users').where({ company_id: companyId, ...where }).first('id', 'user_name', 'is_administrator', 'is_active')) as
    | { id: string | number; user_name: string; is_administrator: boolean; is_active: boolean }
    | undefined;
  if (!user) throw new CliError(`company ${companyId} has no ${what}`);
  if (!user.is_active) throw new CliError(`user "${user.user_name}" of company ${companyId} is inactive`);
  return { userId: String(user.id), companyId, userName: user.user_name, isAdministrator: user.is_administrator, scopes: new Set(['odata.write']) };
}

/** A write's refusal (an ODataError: 400 naming the property) as a one-line CLI error. */
async function asCli<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const odata = err as { status?: number; message?: string; target?: string };
    if (typeof odata.status === 'number' && odata.status < 500) throw new CliError(odata.message ?? String(err));
    throw err;
  }
}

/**
 * Creates a token and returns its secret: `accessTokenCreateCommand(db, config, { user: 'admin', company: 1,
 * scopes: 'odata.read', expires: '30d', name: 'Power BI' })` → { id: '4', secret: 'oc_pat_…', expiresAt: '2027-01-03T…Z' }.
 */
export async function accessTokenCreateCommand(db: Knex, config: Config, options: AccessTokenCreateOptions): Promise<{ id: string; secret: string; expiresAt: string }> {
  const companyId = Number(options.company);
  if (!Number.isSafeInteger(companyId) || companyId <= 0) throw new CliError(`--company must be a company id (a positive integer), got "${options.company}"`);
  let seconds: number;
  try {
    seconds = parseTtl(options.expires);
  } catch (err) {
    throw new CliError(`--expires: ${(err as Error).message}`);
  }
  const expiresAt = new Date(Date.now() + seconds * 1000).toISOString();
  const principal = await ownerPrincipal(db, companyId, { user_name: options.user }, `user named "${options.user}"`);
  const row = await asCli(() => executeWrite(db, {
    set: AccessTokens,
    action: 'create',
    body: { Name: options.name, Scopes: options.scopes, ExpiresAt: expiresAt },
    principal,
    settings: { accessTokenMaxLifetimeSeconds: config.accessTokenMaxLifetimeSeconds },
  }));
  const secret = row?.[AccessTokens.secret?.property ?? 'Token'];
  if (!row || typeof secret !== 'string') throw new Error('the token was created without a secret');
  return { id: String(row.id), secret, expiresAt };
}

/** Revokes a token by its Id (any company's: ids are unique): `accessTokenRevokeCommand(db, { id: '4' })` → 'revoked token 4 ("Power BI")'. */
export async function accessTokenRevokeCommand(db: Knex, options: { readonly id: string }): Promise<string> {
  if (!/^[1-9][0-9]*$/.test(options.id)) throw new CliError(`the token id must be a positive integer, got "${options.id}"`);
  const token = (await db('access_tokens').where({ id: options.id }).first('company_id', 'user_id', 'name', 'revoked_at')) as
    | { company_id: number; user_id: string | number; name: string; revoked_at: unknown }
    | undefined;
  if (!token) throw new CliError(`there is no token ${options.id}`);
  if (token.revoked_at !== null) return `token ${options.id} ("${token.name}") was already revoked`;
  const principal = await ownerPrincipal(db, token.company_id, { id: String(token.user_id) }, `user ${String(token.user_id)}`).catch(() => ({
    // an inactive owner's token is revoked in the owner's name all the same
    userId: String(token.user_id), companyId: token.company_id, userName: '', isAdministrator: false, scopes: new Set<string>(),
  }));
  const key = planKey(AccessTokens, parseResourcePath(`${AccessTokens.name}(${options.id})`).segments[0]?.key as KeyPredicate);
  await asCli(() => executeWrite(db, { set: AccessTokens, action: 'delete', key, principal }));
  return `revoked token ${options.id} ("${token.name}")`;
}
