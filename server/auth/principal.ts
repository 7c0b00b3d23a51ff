/**
 * The authenticated caller, as established by server/http/authenticate.ts from a verified JWT and the
 * user's row: which company, which user, administrator or not, which scopes. Read by policies.
 */

export type Scope = 'odata.read' | 'odata.write';

export interface Principal {
  /** The user's Id, as a decimal string (bigint-safe). */
  readonly userId: string;
  readonly companyId: number;
  readonly userName: string;
  readonly isAdministrator: boolean;
  readonly scopes: ReadonlySet<string>;
}
