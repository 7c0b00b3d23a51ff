/**
 * Middleware, right after the request log: when the response to a request made with a personal access
 * token is finished, records it in the token activity log (server/auth/token-activity.ts) — the token,
 * its user, the scope the request used, method, path with any token redacted, status, duration, client
 * address (X-Forwarded-For only with TRUST_PROXY: express's req.ip) — without delaying the response.
 */
import type { RequestHandler } from 'express';
import { entitySet } from '../../odata/model';
import type { Principal } from '../auth/principal';
import type { TokenActivityLog } from '../auth/token-activity';
import { SCOPE_READ, SCOPE_WRITE } from '../auth/tokens';
import { redactToken } from './request-log';
import { SERVICE_PATH } from './urls';

/**
 * The scope a request used: a write odata.write, a read of a log logs.read, any other read odata.read.
 *   scopeUsed('GET', '/odata/AuditLogs?$top=1') → 'logs.read'
 */
export function scopeUsed(method: string, url: string): string {
  if (method !== 'GET' && method !== 'HEAD') return SCOPE_WRITE;
  const path = url.split('?')[0] ?? '';
  const first = path.startsWith(`${SERVICE_PATH}/`) ? path.slice(SERVICE_PATH.length + 1).split(/[/(]/)[0] : undefined;
  let set;
  try {
    set = first ? entitySet(decodeURIComponent(first)) : undefined;
  } catch {
    set = undefined; // not a set's name: the read failed before reading anything
  }
  return set?.readScope ?? SCOPE_READ;
}

/** `app.use(recordTokenActivity(log))`: reads `res.locals.principal`, set by the authentication stage. */
export function recordTokenActivity(log: TokenActivityLog): RequestHandler {
  return (req, res, next) => {
    const startedAt = Date.now();
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const principal = res.locals.principal as Principal | undefined;
      if (!principal?.tokenId) return;
      log.record({
        companyId: principal.companyId,
        tokenId: principal.tokenId,
        userId: principal.userId,
        scope: scopeUsed(req.method, req.originalUrl),
        method: req.method,
        path: redactToken(req.originalUrl),
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        clientAddress: req.ip,
        at: new Date(startedAt),
      });
    });
    next();
  };
}
