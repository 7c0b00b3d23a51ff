/**
 * First middleware of every request: assigns the request id (X-Request-Id from a trusted client, or a
 * new UUID), sets `OData-Version: 4.0` once, and logs one structured line per response with pino.
 * The `token` query parameter is redacted from logged URLs.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** `redactToken('/odata/Users?token=abc&$top=1')` → '/odata/Users?token=REDACTED&$top=1' */
export function redactToken(url: string): string {
  return url.replace(/([?&]token=)[^&]*/gi, '$1REDACTED');
}

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('OData-Version', '4.0');
    if (!logger.isLevelEnabled('info')) {
      next(); // LOG_LEVEL above info: nothing to time or write
      return;
    }
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ requestId, method: req.method, url: redactToken(req.originalUrl), status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}
