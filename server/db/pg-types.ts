/**
 * How node-postgres turns column text into JS values for our connections (knex passes `types` to each
 * pg.Client): timestamptz goes straight from PostgreSQL's text to the ISO 8601 form the OData formatter
 * sends, without a Date in between (a full Power BI pull reads two timestamps per row); everything
 * else keeps pg's parsers. PGlite has its own parsers and returns Dates, which the formatter also takes.
 */
import pg from 'pg';
import { isoUtcMs } from '../../odata/format';

const TIMESTAMPTZ = 1184;
/** `YYYY-MM-DD HH:MM:SS[.ffffff]+00`, the output of a session in UTC (connect.ts sets it). */
const PG_UTC = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

/**
 * `isoFromTimestamptz('2024-01-31 10:00:00.12345+00')` → '2024-01-31T10:00:00.123Z' (milliseconds, like
 * Date#toISOString, truncated); other forms (an offset, BC) go through pg's Date parser; what is no date (infinity) stays text.
 */
export function isoFromTimestamptz(text: string): string {
  const m = PG_UTC.exec(text);
  if (!m) {
    const parsed = pg.types.getTypeParser(TIMESTAMPTZ, 'text')(text) as Date | string;
    return parsed instanceof Date && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : text;
  }
  return isoUtcMs(`${m[1]}T${m[2]}`, m[3]);
}

/** The `types` option of our pg clients. */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): unknown {
    if (oid === TIMESTAMPTZ && format !== 'binary') return isoFromTimestamptz;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};
