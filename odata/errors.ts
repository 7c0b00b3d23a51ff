/**
 * Typed errors of the whole pipeline: every stage throws an ODataError, and the one error renderer
 * (server/http/render-error.ts) turns it into `{"error":{"code","message","target"?,"details"?}}`.
 * Pure: no I/O. Codes are greppable constants; each code has exactly one HTTP status.
 */

export interface ODataErrorDetail {
  readonly code: string;
  readonly message: string;
  readonly target?: string;
}

/** The registry: application code → HTTP status. */
export const ERROR_STATUS = {
  SyntaxError: 400,
  BadRequest: 400,
  UnknownEntitySet: 404,
  UnknownProperty: 400,
  UnknownFunction: 400,
  TypeMismatch: 400,
  InvalidValue: 400,
  InvalidKey: 400,
  InvalidSkipToken: 400,
  InvalidDeltaToken: 400,
  DeltaLinkExpired: 410,
  InvalidQueryOption: 400,
  UnsupportedQueryOption: 400,
  LimitExceeded: 400,
  UriTooLong: 414,
  HeadersTooLarge: 431,
  NotFound: 404,
  Unauthenticated: 401,
  Forbidden: 403,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  RequestTimeout: 408,
  Conflict: 409,
  PreconditionFailed: 412,
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
  TooManyRequests: 429,
  ValidationFailed: 400,
  StatementTimeout: 503,
  ServiceUnavailable: 503,
  InternalError: 500,
} as const;

export type ODataErrorCode = keyof typeof ERROR_STATUS;

export class ODataError extends Error {
  readonly status: number;
  constructor(
    readonly code: ODataErrorCode,
    message: string,
    readonly target?: string,
    readonly details?: readonly ODataErrorDetail[],
  ) {
    super(message);
    this.name = 'ODataError';
    this.status = ERROR_STATUS[code];
  }
}

/**
 * A parse failure at a character position of one query option.
 * e.g. syntaxError('$filter', 'Name eq', 7, 'an expression') →
 *   400 "Syntax error in $filter at position 7: expected an expression (found end of input)"
 */
export function syntaxError(option: string, text: string, position: number, expected: string): ODataError {
  const found = position >= text.length ? 'end of input' : `'${text.slice(position, position + 12)}'`;
  return new ODataError(
    'SyntaxError',
    `Syntax error in ${option} at position ${position}: expected ${expected} (found ${found})`,
    option,
  );
}
