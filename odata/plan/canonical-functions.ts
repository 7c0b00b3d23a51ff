/**
 * The canonical functions of OData 4.01 URL conventions §5.1.1 that $filter/$orderby accept, with their
 * signatures: the planner checks arity and argument types here and takes the result type from here.
 * Pure data + one lookup. Geo functions and isof are not supported.
 */
import type { ExprType } from './typed-expr';

/** An argument kind: an Edm type, or a family of them. */
type ArgKind = 'string' | 'number' | 'integer' | 'temporal' | 'datetime' | 'any';

interface Signature {
  readonly args: readonly ArgKind[];
  /** Result type; 'same' = type of the first argument. */
  readonly result: ExprType | 'same';
}

const NUMERIC: readonly ExprType[] = ['Edm.Int32', 'Edm.Int64', 'Edm.Decimal', 'Edm.Double'];

export const CANONICAL_FUNCTIONS: Readonly<Record<string, readonly Signature[]>> = {
  contains: [{ args: ['string', 'string'], result: 'Edm.Boolean' }],
  startswith: [{ args: ['string', 'string'], result: 'Edm.Boolean' }],
  endswith: [{ args: ['string', 'string'], result: 'Edm.Boolean' }],
  length: [{ args: ['string'], result: 'Edm.Int32' }],
  indexof: [{ args: ['string', 'string'], result: 'Edm.Int32' }],
  substring: [
    { args: ['string', 'integer'], result: 'Edm.String' },
    { args: ['string', 'integer', 'integer'], result: 'Edm.String' },
  ],
  tolower: [{ args: ['string'], result: 'Edm.String' }],
  toupper: [{ args: ['string'], result: 'Edm.String' }],
  trim: [{ args: ['string'], result: 'Edm.String' }],
  concat: [{ args: ['string', 'string'], result: 'Edm.String' }],
  matchespattern: [{ args: ['string', 'string'], result: 'Edm.Boolean' }],
  year: [{ args: ['temporal'], result: 'Edm.Int32' }],
  month: [{ args: ['temporal'], result: 'Edm.Int32' }],
  day: [{ args: ['temporal'], result: 'Edm.Int32' }],
  hour: [{ args: ['datetime'], result: 'Edm.Int32' }],
  minute: [{ args: ['datetime'], result: 'Edm.Int32' }],
  second: [{ args: ['datetime'], result: 'Edm.Int32' }],
  fractionalseconds: [{ args: ['datetime'], result: 'Edm.Decimal' }],
  date: [{ args: ['datetime'], result: 'Edm.Date' }],
  time: [{ args: ['datetime'], result: 'Edm.TimeOfDay' }],
  totaloffsetminutes: [{ args: ['datetime'], result: 'Edm.Int32' }],
  now: [{ args: [], result: 'Edm.DateTimeOffset' }],
  maxdatetime: [{ args: [], result: 'Edm.DateTimeOffset' }],
  mindatetime: [{ args: [], result: 'Edm.DateTimeOffset' }],
  round: [{ args: ['number'], result: 'same' }],
  floor: [{ args: ['number'], result: 'same' }],
  ceiling: [{ args: ['number'], result: 'same' }],
};

/** `argMatches('string', 'Edm.String')` → true; `argMatches('number', 'Edm.String')` → false. Null matches any. */
export function argMatches(kind: ArgKind, type: ExprType): boolean {
  if (type === 'Null') return true;
  switch (kind) {
    case 'string':
      return type === 'Edm.String';
    case 'number':
      return NUMERIC.includes(type);
    case 'integer':
      return type === 'Edm.Int32' || type === 'Edm.Int64';
    case 'temporal':
      return type === 'Edm.DateTimeOffset' || type === 'Edm.Date';
    case 'datetime':
      return type === 'Edm.DateTimeOffset' || (type as string) === 'Edm.TimeOfDay';
    case 'any':
      return true;
  }
}

export function isNumeric(type: ExprType): boolean {
  return NUMERIC.includes(type);
}

/** Numeric promotion: `promoteNumeric('Edm.Int32','Edm.Decimal')` → 'Edm.Decimal'. */
export function promoteNumeric(a: ExprType, b: ExprType): ExprType {
  const rank = (t: ExprType) => NUMERIC.indexOf(t);
  if (a === 'Null') return b;
  if (b === 'Null') return a;
  return rank(a) >= rank(b) ? a : b;
}

/** Edm types `cast(x, T)` accepts. */
export const CAST_TARGETS: readonly ExprType[] = [
  'Edm.String',
  'Edm.Int32',
  'Edm.Int64',
  'Edm.Decimal',
  'Edm.Double',
  'Edm.Boolean',
  'Edm.DateTimeOffset',
  'Edm.Date',
  'Edm.Guid',
];
