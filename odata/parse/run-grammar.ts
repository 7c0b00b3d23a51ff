/**
 * Parse stage, innermost layer: loads the OData grammar ONCE at module load (the only file read, at import)
 * and runs one start rule over decoded option text. The compiled build (scripts/build.mjs) puts a parser
 * precompiled from odata.peggy next to this module; from the sources (tsx, specs) odata.peggy is compiled
 * here. The single place where peggy errors, runaway nesting and stack overflows become ODataErrors:
 * nothing else may escape. Pure after load: no I/O.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, type Parser, type parser as peggyParser } from 'peggy';
import { ODataError, syntaxError } from '../errors';

export type StartRule = 'FilterText' | 'OrderByText' | 'SelectText' | 'ExpandText' | 'KeyPredicateText' | 'SearchText' | 'ApplyText' | 'ComputeText';

export const START_RULES: readonly StartRule[] = ['FilterText', 'OrderByText', 'SelectText', 'ExpandText', 'KeyPredicateText', 'SearchText', 'ApplyText', 'ComputeText'];

/** File name of the precompiled parser the build writes next to the compiled run-grammar.js. */
export const PRECOMPILED_PARSER_FILE = 'odata-parser.js';

const GRAMMAR_FILE = join(__dirname, 'odata.peggy');

/**
 * The grammar compiled to a CommonJS module (what the build writes as PRECOMPILED_PARSER_FILE): the same
 * generator and options as the in-process fallback, so both parsers behave identically.
 */
export function generateParserSource(): string {
  return generate(readFileSync(GRAMMAR_FILE, 'utf8'), { allowedStartRules: [...START_RULES], output: 'source', format: 'commonjs' });
}

/** The precompiled parser when the build put one here with the same start rules, otherwise odata.peggy compiled now. */
function loadParser(): { parser: Parser; origin: 'precompiled' | 'peggy' } {
  const precompiled = join(__dirname, PRECOMPILED_PARSER_FILE);
  if (existsSync(precompiled)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a generated CommonJS module, path known only at run time
    const parser = require(precompiled) as Parser;
    if (parser.StartRules.join() === START_RULES.join()) return { parser, origin: 'precompiled' };
  }
  return { parser: generate(readFileSync(GRAMMAR_FILE, 'utf8'), { allowedStartRules: [...START_RULES] }), origin: 'peggy' };
}

const loaded = loadParser();
const grammarParser = loaded.parser;
/** Which parser this process runs: 'precompiled' (from the build) or 'peggy' (compiled at load). */
export const GRAMMAR_ORIGIN = loaded.origin;

/** Deepest parenthesis nesting accepted; deeper input is a 400, never a stack overflow. */
export const MAX_PAREN_DEPTH = 100;

/** Where a parse is reported: the option name (error target) and where its text sits in a larger text. */
export interface ParseSite {
  readonly option: string;
  /** Offset added to positions in error messages (e.g. a key predicate inside a resource path). */
  readonly offset?: number;
  /** The text positions refer to in messages (defaults to the parsed text). */
  readonly fullText?: string;
}

/**
 * Runs a start rule; returns the rule's raw result (AST shapes of ast.ts, or raw expand items).
 * e.g. runGrammar('FilterText', 'Id eq 5', { option: '$filter' })
 *   → { kind:'Binary', op:'eq', left:{kind:'Member',path:['Id'],pos:0}, right:{kind:'Literal',…,pos:6}, pos:3 }
 * runGrammar('FilterText', 'Id eq', …) throws 400 "Syntax error in $filter at position 5: expected an expression …"
 */
export function runGrammar(rule: StartRule, text: string, site: ParseSite): unknown {
  const offset = site.offset ?? 0;
  const fullText = site.fullText ?? text;
  const tooDeep = excessNestingAt(text);
  if (tooDeep !== undefined) {
    throw new ODataError(
      'LimitExceeded',
      `Expression in ${site.option} is nested deeper than ${MAX_PAREN_DEPTH} parentheses at position ${tooDeep + offset}`,
      site.option,
    );
  }
  try {
    return grammarParser.parse(text, { startRule: rule });
  } catch (err) {
    if (err instanceof ODataError) throw err;
    if (err instanceof grammarParser.SyntaxError) {
      const position = err.location.start.offset + offset;
      throw syntaxError(site.option, fullText, position, describeExpected(err.expected));
    }
    if (err instanceof RangeError) {
      throw new ODataError('LimitExceeded', `Expression in ${site.option} is nested too deeply (at position ${offset})`, site.option);
    }
    throw syntaxError(site.option, fullText, offset, 'a valid expression');
  }
}

/** Position of the first '(' beyond MAX_PAREN_DEPTH (outside string literals), if any. */
function excessNestingAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") inString = !inString;
    else if (inString) continue;
    else if (c === '(' && ++depth > MAX_PAREN_DEPTH) return i;
    else if (c === ')') depth--;
  }
  return undefined;
}

/** peggy's expectation list → "an expression", "')' or ','" … (at most four items, plain words). */
function describeExpected(expected: readonly peggyParser.Expectation[] | null): string {
  if (!expected || expected.length === 0) return 'a valid expression';
  const words = new Set<string>();
  for (const e of expected) {
    if (e.type === 'other') words.add(e.description);
    else if (e.type === 'literal') words.add(`'${e.text}'`);
    else if (e.type === 'end') words.add('end of input');
    else words.add('a valid character');
  }
  for (const noise of ['whitespace', 'a valid character']) if (words.size > 1) words.delete(noise);
  const order = (w: string): number => (w === 'an expression' ? 0 : w === 'end of input' ? 2 : 1);
  const list = [...words].sort((a, b) => order(a) - order(b)).slice(0, 4);
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}
