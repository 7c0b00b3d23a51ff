/**
 * The authenticated caller, as established by server/http/authenticate.ts from a verified JWT (or a
 * personal access token) and the user's row: which company, which user, administrator or not, which
 * scopes, and the personal access token used, if any. Read by policies and the token activity log.
 */

export interface Principal {
  /** The user's Id, as a decimal string (bigint-safe). */
  readonly userId: string;
  readonly companyId: number;
  readonly userName: string;
  readonly isAdministrator: boolean;
  readonly scopes: ReadonlySet<string>;
  /** The personal access token (AccessTokens Id) the request was made with; absent for a JWT. */
  readonly tokenId?: string;
}
