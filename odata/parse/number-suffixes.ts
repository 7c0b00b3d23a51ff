/**
 * Parse stage, for links: the OData v2 type suffixes a client wrote (`2L`, `1.5M`, `2D`) taken out of
 * its own text, so that a nextLink, a delta link or an expanded collection's link — which repeat the
 * client's $filter, $orderby and key text — use the canonical v4 form. The parser marks each suffix
 * (LiteralNode.suffixAt); this module only deletes those characters. Pure: no I/O.
 */
import type { LiteralNode } from './ast';

/** Cheap test before any parsing: a digit followed by a suffix letter (`2L`, `1.5m`); also true for hex digits of a GUID. */
export function mayHaveNumberSuffix(text: string): boolean {
  return /[0-9][lLmMdDfF]/.test(text);
}

/**
 * The text without the suffixes the parse tree `ast` marks; `start` is where `text` begins in what was parsed.
 * e.g. stripNumberSuffixes('Id eq 2L', parseFilter('Id eq 2L')) → 'Id eq 2'
 *      stripNumberSuffixes('Id gt 2L', ast, 10) removes the character at offset 17 of the parsed text (7 of this one)
 */
export function stripNumberSuffixes(text: string, ast: unknown, start = 0): string {
  const at = suffixOffsets(ast)
    .map((offset) => offset - start)
    .filter((offset) => offset >= 0 && offset < text.length)
    .sort((a, b) => b - a);
  let out = text;
  for (const offset of at) out = out.slice(0, offset) + out.slice(offset + 1);
  return out;
}

/** Every suffixAt in a parse tree (any shape: expressions, option lists, key predicates), each once. */
function suffixOffsets(ast: unknown): number[] {
  const found = new Set<number>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const literal = node as Partial<LiteralNode>;
    if (literal.kind === 'Literal' && typeof literal.suffixAt === 'number') found.add(literal.suffixAt);
    for (const value of Object.values(node)) visit(value);
  };
  visit(ast);
  return [...found];
}
