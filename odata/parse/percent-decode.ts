/**
 * Parse stage helper: percent-decoding of URL query names/values and path segments, with the position
 * of a malformed escape in the error. '+' is left alone here (literal in paths; query strings turn it
 * into a space first, see parse-query-options.ts). Pure: no I/O.
 */
import { ODataError } from '../errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes %XX escapes (UTF-8). `offset` is where `text` starts inside the text the user sees.
 * e.g. decodePercent('Name%20eq%20%27O%27%27Neil%27', '$filter') → "Name eq 'O''Neil'";
 *      decodePercent('a%2', '$filter') throws 400 InvalidQueryOption "… at position 1".
 */
export function decodePercent(text: string, option: string, offset = 0): string {
  if (!text.includes('%')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '%') {
      out += text[i++];
      continue;
    }
    const start = i;
    const bytes: number[] = [];
    while (text[i] === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw invalidEncoding(option, i + offset);
      bytes.push(parseInt(hex, 16));
      i += 3;
    }
    try {
      out += utf8.decode(new Uint8Array(bytes));
    } catch {
      throw invalidEncoding(option, start + offset);
    }
  }
  return out;
}

function invalidEncoding(option: string, position: number): ODataError {
  return new ODataError('InvalidQueryOption', `Invalid percent-encoding in ${option} at position ${position}`, option);
}
