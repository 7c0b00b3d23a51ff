/**
 * Maps database errors (by SQLSTATE) to ODataErrors, so a client's mistake that only the database can
 * detect (division by zero, a bad cast, a statement timeout) is a 400/503 with a clear message, never a
 * 500 and never SQL text. Unknown errors are returned as-is (a real fault → 500).
 */
import { ODataError } from '../../odata/errors';

interface DbError {
  readonly code?: unknown;
  readonly constraint?: unknown;
}

/** Unique and check constraints → the seed's status for each (duplicate membership 409, user names 400). */
const CONSTRAINTS: Readonly<Record<string, ODataError>> = {
  memberships_unique: new ODataError('Conflict', 'The user is already a member of this team', 'UserId'),
  users_user_name_unique: new ODataError('ValidationFailed', 'UserName is already taken in this company', 'UserName'),
  users_email_unique: new ODataError('ValidationFailed', 'Email is already used by another user of this company', 'Email'),
  teams_no_cycle: new ODataError('Conflict', 'A team cannot be moved under itself or one of its own descendants', 'ParentId'),
  teams_not_own_parent: new ODataError('Conflict', 'A team cannot be its own parent', 'ParentId'),
  memberships_user_fk: new ODataError('Conflict', 'The user still has team memberships; remove them first', 'UserId'),
  teams_parent_fk: new ODataError('Conflict', 'The team still has child teams; move or delete them first', 'ParentId'),
  memberships_team_fk: new ODataError('Conflict', 'The team still has members; remove them first', 'OrganizationTeamHierarchyId'),
  // ProjectId is the project's alternate key: a second project under the same key conflicts with the first (409, like a duplicate membership)
  projects_project_id_unique: new ODataError('Conflict', 'ProjectId is already used by another project of this company', 'ProjectId'),
  // seed 002: a duplicate team name is a validation error (its 422 "objects and errors are returned")
  access_teams_name_unique: new ODataError('ValidationFailed', 'The Team in the body is not valid: Name', 'Name', [
    { code: 'Duplicate', target: 'Name', message: 'is already used by another team of this company (names are compared ignoring case)' },
  ]),
  // seed 000: one mapping per (Attribute1, Attribute2, MappingType) in a company; a second one conflicts with it
  mappings_unique: new ODataError('Conflict', 'A Mapping with the same Attribute1, Attribute2 and MappingType already exists in this company', 'Attribute1'),
  access_team_users_pkey: new ODataError('Conflict', 'The user is already a member of this team'),
  access_team_users_user_fk: new ODataError('Conflict', 'The user is still a member of access teams; remove the references first (Teams(…)/Users(…)/$ref)', 'Id'),
};

/** SQLSTATEs that mean "another transaction got in the way": the write is retried, then reported as 409. */
export function isRetryable(err: unknown): boolean {
  const code = (err as DbError | null)?.code;
  return code === '40001' || code === '40P01';
}

/** Node's codes for a database that cannot be reached, and SQLSTATE classes 08 (connection) and 57P (shut down). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

/**
 * Whether an error means the database could not be used at all (not that the statement failed): then a
 * read may be tried elsewhere. `isConnectionFailure({ code: 'ECONNREFUSED' })` → true; `{ code: '22012' }` → false.
 */
export function isConnectionFailure(err: unknown): boolean {
  const e = err as { code?: unknown; name?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (UNREACHABLE.has(code) || code.startsWith('08') || code.startsWith('57P')) return true;
  // knex: no pooled connection in time; pg: the connection ended under the query
  return e?.name === 'KnexTimeoutError' || (typeof e?.message === 'string' && /Connection terminated|connection timeout/i.test(e.message));
}

/**
 * Fixed messages per SQLSTATE of class 22 (data exception). The database's own message is never echoed:
 * knex prefixes it with the SQL, and it can quote values of rows the caller may not see.
 */
const DATA_EXCEPTIONS: Readonly<Record<string, string>> = {
  '22012': 'division by zero',
  '22P02': 'a value cannot be converted to the requested type (check cast() and literals)',
  '22003': 'a number is out of range for its type',
  '22008': 'a date or time value is out of range',
  '22007': 'a date or time value has an invalid format',
  '2201B': 'matchesPattern() got an invalid regular expression',
  '22001': 'a string is too long for its type',
  '22023': 'an argument has an invalid value',
  '2201W': 'a LIMIT value is invalid',
  '2201X': 'an OFFSET value is invalid',
};

/** `mapDbError({ code: '22012' })` → ODataError 400 "…: division by zero"; unknown errors → undefined. */
export function mapDbError(err: unknown): ODataError | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, constraint } = err as DbError;
  if (typeof code !== 'string' || code.length !== 5) return undefined;
  if ((code === '23505' || code === '23514' || code === '23503') && typeof constraint === 'string' && CONSTRAINTS[constraint]) {
    return CONSTRAINTS[constraint];
  }
  if (code === '23505') return new ODataError('Conflict', 'An entity with the same unique values already exists');
  if (code === '23503') return new ODataError('ValidationFailed', 'The entity refers to something that does not exist, or is still referred to');
  if (isRetryable(err)) return new ODataError('Conflict', 'The write collided with a concurrent change; retry it');
  if (code === '57014') {
    return new ODataError('StatementTimeout', 'The query took too long and was cancelled; narrow it with $filter or $top');
  }
  if (code.startsWith('22')) {
    return new ODataError('InvalidValue', `A value in the query is not valid: ${DATA_EXCEPTIONS[code] ?? 'a value is invalid for its type'}`);
  }
  if (code === '54001') {
    return new ODataError('LimitExceeded', 'The query is too complex; simplify $filter');
  }
  return undefined;
}
