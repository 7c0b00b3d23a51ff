/**
 * Maps database errors (by SQLSTATE) to ODataErrors, so a client's mistake that only the database can
 * detect (division by zero, a bad cast, a statement timeout) is a 400/503 with a clear message, never a
 * 500 and never SQL text. Unknown errors are returned as-is (a real fault → 500).
 */
import { ODataError } from '../../odata/errors';

interface DbError {
  readonly code?: unknown;
  readonly message?: unknown;
}

/** `mapDbError({ code: '22012' })` → ODataError 400 "division by zero…"; others → undefined. */
export function mapDbError(err: unknown): ODataError | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, message } = err as DbError;
  if (typeof code !== 'string' || code.length !== 5) return undefined;
  if (code === '57014') {
    return new ODataError('StatementTimeout', 'The query took too long and was cancelled; narrow it with $filter or $top');
  }
  if (code.startsWith('22')) {
    const text = typeof message === 'string' ? message.split('\n')[0] : 'invalid value';
    return new ODataError('InvalidValue', `A value in the query is not valid: ${text}`);
  }
  if (code === '54001') {
    return new ODataError('LimitExceeded', 'The query is too complex; simplify $filter');
  }
  return undefined;
}
