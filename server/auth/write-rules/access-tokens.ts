/**
 * Write rules of the `access-tokens` policy (AccessTokens, seeds 001/004), run inside the write's
 * transaction by server/db/execute-write.ts: a user creates tokens for themselves, an administrator for
 * anyone of the company; Scopes are known ones, logs.read only for an administrator's token (a token never
 * carries more than its owner may do); ExpiresAt lies ahead, at most ACCESS_TOKEN_MAX_LIFETIME away. A
 * non-administrator does not see others' tokens (404); renaming and revoking follow the same ownership.
 */
import { ODataError } from '../../../odata/errors';
import { DEFAULT_ACCESS_TOKEN_MAX_LIFETIME_SECONDS } from '../../config';
import { parseScopes, SCOPE_LOGS } from '../tokens';
import { requireNow } from './checks';
import { same, type Row, type RuleContext, type WriteRules } from './types';

const invalid = (message: string, target: string) => new ODataError('ValidationFailed', message, target);

/**
 * The scopes as the JWT's `scope` claim is checked (parseScopes), refusals as 400s naming Scopes:
 *   normalScopes(' odata.read  odata.read logs.read') → 'odata.read logs.read'; 'odata.all' → 400 'Scopes: unknown scope "odata.all"; …'
 */
export function normalScopes(value: unknown): string {
  try {
    return parseScopes(String(value ?? '')).join(' ');
  } catch (err) {
    throw invalid(`Scopes: ${(err as Error).message}`, 'Scopes');
  }
}

/** The owner's row (active user of the caller's company), or 400 naming UserId. */
async function ownerOf(ctx: RuleContext, userId: unknown): Promise<Row> {
  const owner = (await ctx.trx('users').where({ company_id: ctx.principal.companyId, id: String(userId) }).first('id', 'is_administrator', 'is_active')) as Row | undefined;
  if (!owner) throw invalid(`UserId ${String(userId)} is not a user of your company`, 'UserId');
  if (owner.is_active !== true) throw invalid(`UserId ${String(userId)} is an inactive user: a token of theirs could not be used`, 'UserId');
  return owner;
}

/** ExpiresAt ahead of now and at most the configured lifetime away, or 400 naming ExpiresAt. */
function checkExpiry(ctx: RuleContext, value: unknown): void {
  const at = Date.parse(String(value));
  const maxSeconds = ctx.settings?.accessTokenMaxLifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_MAX_LIFETIME_SECONDS;
  if (!Number.isFinite(at) || at <= Date.now()) throw invalid('ExpiresAt must be in the future', 'ExpiresAt');
  if (at > Date.now() + maxSeconds * 1000) {
    throw invalid(`ExpiresAt is too far ahead: a token lives at most ${Math.floor(maxSeconds / 86_400)} days (ACCESS_TOKEN_MAX_LIFETIME)`, 'ExpiresAt');
  }
}

/** A non-administrator acts on their own tokens only. */
const ownToken = (ctx: RuleContext, row: Row) => ctx.principal.isAdministrator || same(row.user_id, ctx.principal.userId);

export const accessTokenRules: WriteRules = {
  // the rules below read the owner's row before the write: the caller is checked first
  prepare: (ctx) => requireNow(ctx, []),
  isHidden: async (ctx, before) => !ownToken(ctx, before),
  create: async (ctx, after) => {
    const { principal } = ctx;
    if (after.user_id === undefined || after.user_id === null) after.user_id = principal.userId;
    if (!principal.isAdministrator && !same(after.user_id, principal.userId)) {
      throw new ODataError('Forbidden', 'Only an administrator can create a token for another user');
    }
    const owner = await ownerOf(ctx, after.user_id);
    after.scopes = normalScopes(after.scopes);
    if (String(after.scopes).split(' ').includes(SCOPE_LOGS) && owner.is_administrator !== true) {
      throw invalid(`Scopes: ${SCOPE_LOGS} is for administrators; the token's owner is not one`, 'Scopes');
    }
    checkExpiry(ctx, after.expires_at);
  },
  update: async () => {}, // Name only: UserId, Scopes and ExpiresAt are immutable, the rest read-only; others' tokens are hidden
  remove: async () => {}, // revokes (softDelete RevokedAt); others' tokens are hidden
};
