/**
 * Respond stage of reads: JSON bodies with their negotiated Content-Type and the Preference-Applied
 * header. Shared by the read handler (entities) and the $apply handler (aggregated results).
 */
import type { Response } from 'express';
import { jsonContentType, type JsonFormat } from './negotiate';

/** `Preference-Applied: omit-values=nulls, odata.maxpagesize=50`, when any preference was applied. */
export function setPreferenceApplied(res: Response, applied: readonly string[]): void {
  if (applied.length > 0) res.setHeader('Preference-Applied', applied.join(', '));
}

/** The JSON Content-Type of a response; a count or raw value negotiated none: the default JSON one. */
export function contentTypeOf(format: JsonFormat | undefined): string {
  return jsonContentType(format ?? { ieee754Compatible: false, metadata: 'minimal' });
}

/**
 * 200 with a JSON body already written: `sendJsonBody(res, format, '{"value":[]}')`. Straight to Node's
 * response (express's send would parse the Content-Type again and check freshness, ~8 µs a read); Node
 * itself leaves the body out of a HEAD response.
 */
export function sendJsonBody(res: Response, format: JsonFormat | undefined, text: string | Buffer): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', contentTypeOf(format));
  res.setHeader('Content-Length', typeof text === 'string' ? Buffer.byteLength(text) : text.length);
  res.end(text);
}
