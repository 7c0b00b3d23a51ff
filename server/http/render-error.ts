/**
 * The one error renderer: any thrown value → an OData error response
 * `{"error":{"code","message","target"?,"details"?}}` with the status of its code. Real faults become
 * a 500 that names only the request id (logged with the stack), never a stack trace or SQL.
 */
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { ODataError } from '../../odata/errors';
import { mapDbError } from '../db/map-db-error';
import { challenges } from './authenticate';
import { RetryLaterError } from './auth-failures';
import { RETRY_AFTER_SECONDS } from './read-gate';

/** Errors raised by express/body-parser before our handlers run (bad JSON, too large…). */
function fromHttpError(err: unknown): ODataError | undefined {
  const e = err as { status?: unknown; type?: unknown; message?: unknown };
  if (typeof e?.status !== 'number' || e.status < 400 || e.status >= 500) return undefined;
  if (e.status === 413) return new ODataError('PayloadTooLarge', 'The request body is too large');
  if (e.status === 415) return new ODataError('UnsupportedMediaType', 'Unsupported Content-Type');
  if (e.type === 'entity.parse.failed') return new ODataError('ValidationFailed', 'The request body is not valid JSON');
  if (e.status === 400) return new ODataError('InvalidQueryOption', 'The request is malformed (check its percent-encoding)');
  return undefined;
}

export function toODataError(err: unknown): ODataError | undefined {
  if (err instanceof ODataError) return err;
  return mapDbError(err) ?? fromHttpError(err);
}

export function errorBody(error: ODataError): Record<string, unknown> {
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.target !== undefined) body.target = error.target;
  if (error.details && error.details.length > 0) body.details = error.details;
  return { error: body };
}

/** `renderError(logger, { authorizationUri })`: the error renderer; a 401 names where to sign in when OIDC_AUTHORIZATION_URI is set. */
export function renderError(logger: Logger, options: { readonly authorizationUri?: string } = {}): ErrorRequestHandler {
  const unauthenticated = challenges(options.authorizationUri);
  return (err, req, res, _next) => {
    const requestId = String(res.getHeader('x-request-id') ?? '');
    let error = toODataError(err);
    if (!error) {
      logger.error({ err, requestId, method: req.method }, 'unhandled error');
      error = new ODataError('InternalError', `An internal error occurred; quote request id ${requestId} when reporting it`);
    } else if (error.status >= 500) {
      logger.warn({ requestId, code: error.code, message: error.message }, 'request failed');
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    // a script's request (the explorer sends X-Requested-With) gets no Basic challenge: a browser would
    // answer one with its own password dialog instead of letting the page handle the 401
    if (error.status === 401) res.setHeader('WWW-Authenticate', req.get('x-requested-with') === 'XMLHttpRequest' ? unauthenticated.slice(0, 1) : unauthenticated);
    // a refusal for load (429 too many at once, 503 busy or a statement timeout) says when to come back
    if (error.status === 429 || error.status === 503) res.setHeader('Retry-After', String(error instanceof RetryLaterError ? error.retryAfterSeconds : RETRY_AFTER_SECONDS));
    res.status(error.status).type('application/json').send(JSON.stringify(errorBody(error)));
  };
}
