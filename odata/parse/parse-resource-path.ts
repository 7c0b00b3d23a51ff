/**
 * Parse stage: the resource path below the service root (`Users(5)/FirstName`, `Users/$count`,
 * `$metadata`) → ResourcePath. Splits on '/', percent-decodes each segment, parses key predicates.
 * Names are not resolved here (the router/planner does that against the model). Pure: no I/O.
 */
import type { PathSegment, ResourcePath } from './ast';
import { syntaxError } from '../errors';
import { decodePercent } from './percent-decode';
import { parseKeyPredicate } from './parse-expression';

const OPTION = 'resource path';
const SEGMENT_NAME = /^(\$[A-Za-z]+|[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}_]*(\.[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}_]*)*)$/u;

/**
 * e.g. parseResourcePath('Users(5)/FirstName')
 *   → { segments:[{ name:'Users', key:{ kind:'single', value: Literal 5 } }, { name:'FirstName' }] };
 *      parseResourcePath("Users(Email='x@y.z')") → named key; parseResourcePath('') → { segments: [] }
 * Error positions count characters of `path` (exact unless a segment is percent-encoded before them).
 */
export function parseResourcePath(path: string): ResourcePath {
  let text = path;
  let base = 0;
  if (text.startsWith('/')) {
    text = text.slice(1);
    base = 1;
  }
  if (text.endsWith('/')) text = text.slice(0, -1);
  if (text === '') return { segments: [] };
  const segments: PathSegment[] = [];
  let offset = base;
  for (const raw of text.split('/')) {
    segments.push(parseSegment(decodePercent(raw, OPTION, offset), offset, path));
    offset += raw.length + 1;
  }
  return { segments };
}

function parseSegment(segment: string, offset: number, path: string): PathSegment {
  const open = segment.indexOf('(');
  const name = open < 0 ? segment : segment.slice(0, open);
  if (!SEGMENT_NAME.test(name)) throw syntaxError(OPTION, path, offset, 'a name');
  if (open < 0) return { name };
  if (!segment.endsWith(')') || name.startsWith('$')) {
    throw syntaxError(OPTION, path, offset + (name.startsWith('$') ? open : segment.length), name.startsWith('$') ? "'/' or end of path" : "')'");
  }
  const inside = segment.slice(open + 1, -1);
  if (name.includes('.')) {
    // a bound function: `Default.Ancestors()`, `Default.Descendants(MaxDepth=3)` (parameters by name)
    if (inside.trim() === '') return { name, params: {} };
    const parsed = parseKeyPredicate(inside, { option: OPTION, offset: offset + open + 1, fullText: path });
    if (parsed.kind !== 'named') throw syntaxError(OPTION, path, offset + open + 1, 'parameters by name (Name=value)');
    return { name, params: parsed.values };
  }
  const key = parseKeyPredicate(inside, { option: OPTION, offset: offset + open + 1, fullText: path });
  return { name, key };
}
