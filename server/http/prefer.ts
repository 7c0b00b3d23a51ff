/**
 * The Prefer request header (RFC 7240, OData §8.2.8): odata.maxpagesize, omit-values, return. Several
 * preferences may come in one header, separated by commas (or by semicolons, as some clients send them).
 *   parsePrefer('odata.maxpagesize=50, omit-values=nulls') → { maxPageSize: 50, omitNulls: true }
 */

export interface Preferences {
  readonly maxPageSize?: number;
  readonly omitNulls: boolean;
  readonly return?: 'minimal' | 'representation';
  /** `odata.track-changes`: end the read with a delta link (when the read can have one). */
  readonly trackChanges: boolean;
}

export function parsePrefer(header: string | string[] | undefined): Preferences {
  const text = Array.isArray(header) ? header.join(',') : header ?? '';
  let maxPageSize: number | undefined;
  let omitNulls = false;
  let ret: Preferences['return'];
  let trackChanges = false;
  for (const item of text.split(/[,;]/)) {
    const [rawName = '', rawValue = ''] = item.split('=').map((s) => s.trim());
    const name = rawName.toLowerCase();
    const value = rawValue.replace(/^"|"$/g, '').toLowerCase();
    if (name === 'odata.maxpagesize' || name === 'maxpagesize') {
      const n = Number(value);
      if (Number.isInteger(n) && n > 0) maxPageSize = n;
    } else if (name === 'omit-values' && value === 'nulls') {
      omitNulls = true;
    } else if (name === 'return' && (value === 'minimal' || value === 'representation')) {
      ret = value;
    } else if (name === 'odata.track-changes' || name === 'track-changes') {
      trackChanges = true;
    }
  }
  return { maxPageSize, omitNulls, return: ret, trackChanges };
}
