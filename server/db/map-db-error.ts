/**
 * Maps database errors (by SQLSTATE) to ODataErrors, so a client's mistake that only the database can
 * detect (division by zero, a bad cast, a statement timeout) is a 400/503 with a clear message, never a
 * 500 and never SQL text. Unknown errors are returned as-is (a real fault → 500).
 */
import { ODataError } from '../../odata/errors';

interface DbError {
  readonly code?: unknown;
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
  const { code } = err as DbError;
  if (typeof code !== 'string' || code.length !== 5) return undefined;
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
