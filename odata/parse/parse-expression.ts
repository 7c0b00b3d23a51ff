/**
 * Parse stage: the expression-valued query options ($filter, $orderby, $select) and key predicates,
 * from percent-decoded text to the AST of ast.ts. Errors are 400 ODataErrors with the position.
 * Pure: no I/O.
 */
import type { ApplyTransformation, ComputeItem, Expr, KeyPredicate, LiteralNode, OrderByItem, SelectItem } from './ast';
import { ODataError } from '../errors';
import { runGrammar, type ParseSite } from './run-grammar';

/**
 * `$filter` text → boolean expression AST (types are checked later, by the planner).
 * e.g. parseFilter("Name eq 'Sam'")
 *   → { kind:'Binary', op:'eq', left:{ kind:'Member', path:['Name'], pos:0 },
 *       right:{ kind:'Literal', type:'string', value:'Sam', pos:8 }, pos:5 }
 */
export function parseFilter(text: string, site: ParseSite = { option: '$filter' }): Expr {
  return runGrammar('FilterText', text, site) as Expr;
}

/**
 * `$orderby` text → sort keys.
 * e.g. parseOrderBy('LastName desc,Id') → [{ expr: Member LastName, direction:'desc' }, { expr: Member Id, direction:'asc' }]
 */
export function parseOrderBy(text: string, site: ParseSite = { option: '$orderby' }): readonly OrderByItem[] {
  return runGrammar('OrderByText', text, site) as OrderByItem[];
}

/**
 * `$select` text → selected paths.
 * e.g. parseSelect('Name,Parent/Name,*') → [{ path:['Name'] }, { path:['Parent','Name'] }, { path:['*'] }]
 */
export function parseSelect(text: string, site: ParseSite = { option: '$select' }): readonly SelectItem[] {
  return runGrammar('SelectText', text, site) as SelectItem[];
}

/**
 * `$apply` text → its transformations, in order.
 * e.g. parseApply('groupby((Department),aggregate($count as N))')
 *   → [{ kind:'groupby', paths:[{ path:['Department'], pos:9 }], apply:[{ kind:'aggregate', items:[{ kind:'count', alias:'N', pos:32 }], pos:22 }], pos:0 }]
 */
export function parseApply(text: string, site: ParseSite = { option: '$apply' }): readonly ApplyTransformation[] {
  return runGrammar('ApplyText', text, site) as ApplyTransformation[];
}

/**
 * `$compute` text → computed properties.
 * e.g. parseCompute('length(LastName) as L') → [{ expr: Call length(Member LastName), alias: 'L', pos: 0 }]
 */
export function parseCompute(text: string, site: ParseSite = { option: '$compute' }): readonly ComputeItem[] {
  return runGrammar('ComputeText', text, site) as ComputeItem[];
}

interface RawKeyPredicate {
  readonly kind: 'single' | 'named';
  readonly value?: LiteralNode;
  readonly pairs?: readonly { name: string; value: LiteralNode; pos: number }[];
}

/**
 * The text between the parentheses of a key → KeyPredicate.
 * e.g. parseKeyPredicate('5') → { kind:'single', value:{ kind:'Literal', type:'int', value:5, pos:0 } };
 *      parseKeyPredicate("Email='a@b.c'") → { kind:'named', values:{ Email: Literal 'a@b.c' } }
 */
export function parseKeyPredicate(text: string, site: ParseSite = { option: 'key' }): KeyPredicate {
  const raw = runGrammar('KeyPredicateText', text, site) as RawKeyPredicate;
  if (raw.kind === 'single') return { kind: 'single', value: raw.value! };
  const values = new Map<string, LiteralNode>();
  for (const pair of raw.pairs!) {
    if (values.has(pair.name)) {
      const position = pair.pos + (site.offset ?? 0);
      throw new ODataError('SyntaxError', `Key property ${pair.name} is given twice in ${site.option} at position ${position}`, site.option);
    }
    values.set(pair.name, pair.value);
  }
  return { kind: 'named', values: Object.fromEntries(values) };
}
