/**
 * Parse stage for `$search` (URL conventions 5.1.7): the search text → SearchExpr, with NOT, AND
 * (explicit or implicit) and OR, phrases in double quotes, and AND/OR/NOT as plain words where no operator
 * can stand. The query-string stage keeps $search as text; the planner calls this. Pure: no I/O.
 */
import type { SearchExpr } from './ast';
import { runGrammar, type ParseSite } from './run-grammar';

/**
 * parseSearch('blue green') → SearchAnd(Term blue, Term green); parseSearch('AND OR NOT') → SearchOr(Term AND, Term NOT);
 * parseSearch('"blue') throws 400 "Syntax error in $search at position 5: …".
 */
export function parseSearch(text: string, site: ParseSite = { option: '$search' }): SearchExpr {
  return runGrammar('SearchText', text, site) as SearchExpr;
}
