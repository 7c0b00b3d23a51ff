/**
 * Names for prepared statements: the write path's statements (audit.ts, execute-write.ts lockedRow) run
 * as named statements on PostgreSQL (run-select.ts selectRows with `prepare`), so that each connection parses and plans a statement's text once
 * instead of on every write (measured on the membership create: planning 0.30 ms of its 0.47 ms). The
 * name is a hash of the text: the same text, the same name, on every connection. PGlite ignores it.
 */
import { createHash } from 'node:crypto';

/** At most this many distinct texts are named (each stays prepared on every connection that ran it); more run unnamed. */
const MAX_NAMED = 1000;
const names = new Map<string, string>();

/**
 * `statementName('SELECT 1')` → 'oc_' + 20 hex digits of its SHA-1, the same every time; undefined once
 * MAX_NAMED other texts have names.
 */
export function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined || names.size >= MAX_NAMED) return known;
  const name = `oc_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  names.set(text, name);
  return name;
}

