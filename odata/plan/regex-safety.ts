/**
 * The gate between a `matchesPattern(x,'pattern')` literal and PostgreSQL's `x ~ pattern`: the planner
 * (plan-expr.ts) calls checkPattern on every literal pattern, so a regular expression that would cost
 * seconds of database CPU per scan, or that the database would read differently from ECMAScript (the
 * syntax OData specifies), is a 400 before any SQL is built. Pure: parses with regexpp, no I/O.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { ODataError } from '../errors';

/** Longest pattern accepted, in characters (UTF-16 code units). */
export const MAX_PATTERN_LENGTH = 200;
/** Largest count in a counted repetition: `a{100}` and `a{2,100}` pass, `a{101}` and `a{1,101}` don't. */
export const MAX_REPEAT_COUNT = 100;
/** Unbounded repetitions (`*`, `+`, `{n,}`) in one pattern. */
export const MAX_UNBOUNDED_REPEATS = 10;
/**
 * Size of the pattern once counted repetitions are written out (`x{n,m}` counts x m times): PostgreSQL
 * copies the repeated part that often, and its matching time grows with the copies (`.{0,100}` twenty
 * times costs seconds over 10,000 rows). Without counted repetitions a pattern stays under its length.
 */
export const MAX_EXPANDED_SIZE = 200;

const parser = new RegExpParser({ strict: true, ecmaVersion: 2025 });
const legacyParser = new RegExpParser({ strict: false, ecmaVersion: 2025 });

type Node = AST.Node;

/** `'(a+)+' at position 0`, the fragment shortened to 40 characters. */
function where(node: Node): string {
  const raw = node.raw.length > 40 ? `${node.raw.slice(0, 39)}…` : node.raw;
  return `'${raw}' at position ${node.start}`;
}

/** A repetition that can match its element more than once: `*`, `+`, `{2}`, `{0,5}` — not `?`. */
const repeats = (q: AST.Quantifier) => q.max > 1;

/** The first quantifier inside `node` that repeats, or undefined. */
function innerRepeat(node: Node): AST.Quantifier | undefined {
  for (const child of children(node)) {
    if (child.type === 'Quantifier' && repeats(child)) return child;
    const found = innerRepeat(child);
    if (found) return found;
  }
  return undefined;
}

/** The child nodes that can hold quantifiers, assertions or references (character classes are leaves here). */
function children(node: Node): readonly Node[] {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      return node.alternatives;
    case 'Assertion':
      return node.kind === 'lookahead' || node.kind === 'lookbehind' ? node.alternatives : [];
    case 'Alternative':
      return node.elements;
    case 'Quantifier':
      return [node.element];
    default:
      return [];
  }
}

/** Size once counted repetitions are written out: `ab{3}` → 4, `(ab|c){10}` → 30. */
function expandedSize(node: Node): number {
  if (node.type === 'Quantifier') {
    const copies = node.max === Infinity ? node.min + 1 : node.max;
    return expandedSize(node.element) * Math.max(copies, 1);
  }
  const parts = children(node);
  if (parts.length === 0) return 1;
  return parts.reduce((sum, child) => sum + expandedSize(child), 0);
}

/**
 * Checks one matchesPattern pattern; throws a 400 naming the rule and the fragment that breaks it.
 *   checkPattern('^(Mc|Mac)')  → returns
 *   checkPattern('(a+)+')      → 400 LimitExceeded "$filter: matchesPattern pattern repeats 'a+' at position 1
 *                                 inside the repeated '(a+)+' at position 0; …"
 * Codes: InvalidValue for a pattern that is not ECMAScript; LimitExceeded for every cost rule;
 * UnsupportedQueryOption for valid ECMAScript that PostgreSQL cannot evaluate with the same meaning.
 * Meaning differences refused (cheap to see, and each would otherwise change results silently or fail
 * with a confusing database message): `\b` `\B` (backspace and backslash in PostgreSQL), `[]` `[^]`,
 * Annex B escapes (`\A` `\Z` `\m` `\y` are anchors in PostgreSQL; the strict parse refuses them),
 * named groups and `(?i:…)`. Left as they are: `.` also matches a newline in PostgreSQL, and `\w` `\d`
 * `\s` follow the database's locale (`\w` matches é).
 */
export function checkPattern(pattern: string, option = '$filter'): void {
  const refuse = (code: 'InvalidValue' | 'LimitExceeded' | 'UnsupportedQueryOption', problem: string) =>
    new ODataError(code, `${option}: matchesPattern pattern ${problem}`, option);

  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw refuse('LimitExceeded', `is ${pattern.length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed`);
  }

  let ast: AST.Pattern;
  try {
    ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: false });
  } catch (err) {
    const { message, index } = err as { message: string; index?: number };
    const prefix = `Invalid regular expression: /${pattern}/: `;
    const reason = message.startsWith(prefix) ? message.slice(prefix.length) : message;
    const at = typeof index === 'number' ? ` at position ${index}` : '';
    let legacy = false;
    try {
      legacyParser.parsePattern(pattern, 0, pattern.length, { unicode: false });
      legacy = true;
    } catch {
      // not even legacy syntax
    }
    throw refuse(
      'InvalidValue',
      legacy
        ? `is not a valid regular expression in ECMAScript's strict syntax: ${reason}${at}; legacy (Annex B) forms such as \\A, \\y, \\p{…}, a lone { or ] mean something else in the database — escape them (\\{ \\]) or leave them out`
        : `is not a valid regular expression: ${reason}${at}`,
    );
  }

  let unbounded = 0;
  const visit = (node: Node): void => {
    switch (node.type) {
      case 'Backreference':
        // PostgreSQL matches a pattern with back references by backtracking, which can take exponential time
        throw refuse('LimitExceeded', `has the back reference ${where(node)}; back references are not allowed (they make matching take exponential time)`);
      case 'CapturingGroup':
        if (node.name !== null) {
          throw refuse('UnsupportedQueryOption', `has the named group ${where(node)}; the database has no named groups — write (…) instead of (?<${node.name}>…)`);
        }
        break;
      case 'Group':
        if (node.modifiers) {
          throw refuse('UnsupportedQueryOption', `has the inline modifiers ${where(node)}; the database does not support them — for case-insensitive matching list both cases, e.g. [Ss]mith`);
        }
        break;
      case 'CharacterClass':
        // ECMAScript's [] never matches and [^] matches anything; PostgreSQL reads a ] right after [ or [^ as a literal ]
        if (node.elements.length === 0) {
          throw refuse('UnsupportedQueryOption', `has the empty character class ${where(node)}, which the database reads differently; use [\\s\\S] for any character`);
        }
        return;
      case 'Assertion':
        if (node.kind === 'word') {
          // in PostgreSQL \b is a backspace and \B a backslash: the pattern would silently match other rows
          throw refuse('UnsupportedQueryOption', `has the word boundary ${where(node)}, which means something else in the database; use (^|\\W) or (\\W|$) instead`);
        }
        if (node.kind === 'lookahead' || node.kind === 'lookbehind') {
          // PostgreSQL supports them (lookbehind since 9.6) but runs one at every position of the value:
          // (?!Mc)zz costs 25 times zz, (?=.*q)zz on 2,500-character values 8 s per 1,000 rows
          throw refuse(
            'LimitExceeded',
            `has the lookaround ${where(node)}; lookarounds are not allowed (the database retries them at every position of the value) — combine patterns with and/not instead, e.g. not matchesPattern(LastName,'^Mc')`,
          );
        }
        return;
      case 'Quantifier': {
        if (node.min > MAX_REPEAT_COUNT || (node.max !== Infinity && node.max > MAX_REPEAT_COUNT)) {
          throw refuse('LimitExceeded', `has the counted repetition ${where(node)}; counts above ${MAX_REPEAT_COUNT} are not allowed`);
        }
        if (node.max === Infinity) unbounded += 1;
        const inner = repeats(node) ? innerRepeat(node.element) : undefined;
        if (inner) {
          throw refuse(
            'LimitExceeded',
            `repeats ${where(inner)} inside the repeated ${where(node)}; a repetition inside a repetition (like (a+)+ or (.*){2}) can take seconds to match — repeat the inner part or the outer one, not both`,
          );
        }
        break;
      }
      default:
        break;
    }
    for (const child of children(node)) visit(child);
  };
  visit(ast);

  if (unbounded > MAX_UNBOUNDED_REPEATS) {
    throw refuse('LimitExceeded', `has ${unbounded} unbounded repetitions (*, +, {n,}); at most ${MAX_UNBOUNDED_REPEATS} are allowed`);
  }
  const size = expandedSize(ast);
  if (size > MAX_EXPANDED_SIZE) {
    throw refuse(
      'LimitExceeded',
      `is ${size} elements long once its counted repetitions are written out (x{n,m} counts x m times); at most ${MAX_EXPANDED_SIZE} are allowed`,
    );
  }
}
