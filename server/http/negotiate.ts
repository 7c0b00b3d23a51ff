/**
 * Content negotiation for data responses: Accept header and $format → JSON (the only data format) with
 * the odata.metadata level and IEEE754Compatible flag, or 406. Power Query's long Accept header (JSON
 * listed first, then Atom/XML) resolves to JSON.
 *   negotiateJson('application/json;odata.metadata=minimal;IEEE754Compatible=true', undefined)
 *     → { ieee754Compatible: true, metadata: 'minimal' }
 */
import { ODataError } from '../../odata/errors';

export interface JsonFormat {
  readonly ieee754Compatible: boolean;
  readonly metadata: 'minimal' | 'none' | 'full';
}

interface MediaRange {
  readonly type: string;
  readonly params: Readonly<Record<string, string>>;
  readonly q: number;
}

/** `parseMediaRanges('a/b;q=0.5, c/d')` → [{type:'a/b', q:0.5}, {type:'c/d', q:1}] */
export function parseMediaRanges(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [type = '', ...rawParams] = part.split(';').map((s) => s.trim());
      const params: Record<string, string> = {};
      for (const p of rawParams) {
        const eq = p.indexOf('=');
        if (eq > 0) params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim().replace(/^"|"$/g, '');
      }
      const q = params.q === undefined ? 1 : Number(params.q);
      return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0 };
    });
}

function fromParams(params: Readonly<Record<string, string>>): JsonFormat {
  const metadata = (params['odata.metadata'] ?? 'minimal').toLowerCase();
  return {
    ieee754Compatible: (params.ieee754compatible ?? '').toLowerCase() === 'true',
    metadata: metadata === 'none' || metadata === 'full' ? metadata : 'minimal',
  };
}

const JSON_TYPES = new Set(['application/json', 'application/*', '*/*']);

/** Resolves the JSON format for a data request, or throws 406 when the client accepts no JSON. */
export function negotiateJson(accept: string | undefined, format: string | undefined): JsonFormat {
  if (format !== undefined) {
    const [range] = parseMediaRanges(format);
    const type = range?.type ?? '';
    if (type === 'json' || type === 'application/json') return fromParams(range?.params ?? {});
    throw new ODataError('NotAcceptable', `$format=${format} is not supported; this service answers in JSON ($format=json)`, '$format');
  }
  if (!accept || !accept.trim()) return fromParams({});
  const ranges = parseMediaRanges(accept).filter((r) => r.q > 0);
  const json = ranges.filter((r) => JSON_TYPES.has(r.type)).sort((a, b) => b.q - a.q)[0];
  if (!json) {
    throw new ODataError('NotAcceptable', `None of the media types in Accept (${accept}) can be produced; this service answers in application/json`);
  }
  return fromParams(json.params);
}

/** The Content-Type of a JSON response in that format. */
export function jsonContentType(format: JsonFormat): string {
  return `application/json;odata.metadata=${format.metadata};odata.streaming=true;IEEE754Compatible=${format.ieee754Compatible};charset=utf-8`;
}
