/**
 * The syntax tree of OData URL query options, as produced by the parser (odata/parse/) and consumed by
 * the planner (odata/plan/). Immutable discriminated unions, Kysely style: no model knowledge here —
 * names are unresolved strings, literals carry their lexical type. Pure types only.
 */

/** Lexical type of a literal, as written in the URL. */
export type LiteralType =
  | 'null'
  | 'boolean'
  | 'int' // 42, -7 (value: number when safe, else string)
  | 'decimal' // 1.5, -0.25 (value: the literal text)
  | 'double' // 1.5e3, INF, NaN (value: number)
  | 'string' // 'O''Neil' → value "O'Neil"
  | 'date' // 2024-01-31 (value: the text)
  | 'dateTimeOffset' // 2024-01-31T10:00:00Z (value: the text)
  | 'timeOfDay' // 10:00:00 (value: the text)
  | 'duration' // duration'P1D' (value: the ISO text P1D)
  | 'guid'; // 01234567-89ab-cdef-0123-456789abcdef (value: the text, lower-cased)

export interface LiteralNode {
  readonly kind: 'Literal';
  readonly type: LiteralType;
  readonly value: string | number | boolean | null;
  readonly pos: number;
  /** Where an OData v2 type suffix was written (`2L` at pos 6 → 7): links made from the client's text drop it. */
  readonly suffixAt?: number;
}

/** A property path, e.g. `Name` → ['Name'], `Parent/Name` → ['Parent','Name'], `m/UserId` → ['m','UserId'] (lambda variable first). */
export interface MemberNode {
  readonly kind: 'Member';
  readonly path: readonly string[];
  readonly pos: number;
}

/** `Members/any(m: m/UserId eq 7)` → { op:'any', path:['Members'], variable:'m', predicate }; `Members/any()` has neither. */
export interface LambdaNode {
  readonly kind: 'Lambda';
  readonly op: 'any' | 'all';
  readonly path: readonly string[];
  readonly variable?: string;
  readonly predicate?: Expr;
  readonly pos: number;
}

export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type LogicalOp = 'and' | 'or';
export type ArithmeticOp = 'add' | 'sub' | 'mul' | 'div' | 'divby' | 'mod';

export interface BinaryNode {
  readonly kind: 'Binary';
  readonly op: ComparisonOp | LogicalOp | ArithmeticOp | 'has';
  readonly left: Expr;
  readonly right: Expr;
  readonly pos: number;
}

/** `Id in (1,2,3)` → { left: Member Id, list: [1,2,3] } */
export interface InNode {
  readonly kind: 'In';
  readonly left: Expr;
  readonly list: readonly Expr[];
  readonly pos: number;
}

export interface NotNode {
  readonly kind: 'Not';
  readonly operand: Expr;
  readonly pos: number;
}

/** Unary minus applied to a non-literal: `-Age`. (`-5` is a Literal.) */
export interface NegateNode {
  readonly kind: 'Negate';
  readonly operand: Expr;
  readonly pos: number;
}

/** A (possibly qualified) type name as argument of cast/isof: `Edm.String`. */
export interface TypeNameNode {
  readonly kind: 'TypeName';
  readonly name: string;
  readonly pos: number;
}

/** A function call: `contains(Name,'x')` → { name:'contains', args }. Name is lower-cased as written. */
export interface CallNode {
  readonly kind: 'Call';
  readonly name: string;
  readonly args: readonly Expr[];
  readonly pos: number;
}

export type Expr = LiteralNode | MemberNode | LambdaNode | BinaryNode | InNode | NotNode | NegateNode | TypeNameNode | CallNode;

export interface OrderByItem {
  readonly expr: Expr;
  readonly direction: 'asc' | 'desc';
}

/** `$select=Name,Parent/Name,*` → [{path:['Name']},{path:['Parent','Name']},{path:['*']}] */
export interface SelectItem {
  readonly path: readonly string[];
}

/**
 * `$expand=Members($filter=UserId gt 3;$top=2)` →
 *   { path:['Members'], options:{ filter, top }, text:'Members($filter=UserId gt 3;$top=2)', optionTexts:{ filter:'UserId gt 3', top:'2' } }
 * The texts, as written (percent-decoded), let a truncated expanded collection link to the rest of itself.
 */
export interface ExpandItem {
  readonly path: readonly string[];
  /** `Members/$ref`: the related entities as references (`@odata.id`), not as entities. */
  readonly ref?: boolean;
  readonly options: QueryOptions;
  readonly text: string;
  /** Each nested option's value as written, by lower-case name without '$'. */
  readonly optionTexts: Readonly<Record<string, string>>;
}

/**
 * A parsed `$search`: `blue NOT "light green" OR red` →
 *   SearchOr(SearchAnd(Term blue, SearchNot(Term 'light green')), Term red)
 */
export type SearchExpr =
  | { readonly kind: 'SearchTerm'; readonly text: string }
  | { readonly kind: 'SearchNot'; readonly operand: SearchExpr }
  | { readonly kind: 'SearchAnd' | 'SearchOr'; readonly left: SearchExpr; readonly right: SearchExpr };

/** `Salary with sum as Total` → { kind:'aggregate', expr: Member Salary, method:'sum', alias:'Total' }; `$count as N` → { kind:'count', alias:'N' }. */
export type AggregateItem =
  | { readonly kind: 'count'; readonly alias: string; readonly pos: number }
  | { readonly kind: 'aggregate'; readonly expr: Expr; readonly method?: string; readonly from: boolean; readonly alias: string; readonly pos: number };

/** A grouping property path of groupby: `OrganizationTeamHierarchy/Name` → { path:['OrganizationTeamHierarchy','Name'] }; rollup(…) is marked. */
export interface GroupingPath {
  readonly path: readonly string[];
  readonly rollup?: boolean;
  readonly pos: number;
}

/** `length(LastName) as L` in `$compute` or `compute(…)`. */
export interface ComputeItem {
  readonly expr: Expr;
  readonly alias: string;
  readonly pos: number;
}

/**
 * One `$apply` transformation (Data Aggregation 4.0), as parsed; the planner (plan-apply.ts) checks names,
 * types and what is supported. `unsupported` is a transformation this service does not implement, by name.
 */
export type ApplyTransformation =
  | { readonly kind: 'aggregate'; readonly items: readonly AggregateItem[]; readonly pos: number }
  | { readonly kind: 'groupby'; readonly paths: readonly GroupingPath[]; readonly apply: readonly ApplyTransformation[]; readonly pos: number }
  | { readonly kind: 'filter'; readonly expr: Expr; readonly pos: number }
  | { readonly kind: 'compute'; readonly items: readonly ComputeItem[]; readonly pos: number }
  | { readonly kind: 'orderby'; readonly items: readonly OrderByItem[]; readonly pos: number }
  | { readonly kind: 'top' | 'skip'; readonly count: number; readonly pos: number }
  | { readonly kind: 'identity'; readonly pos: number }
  | { readonly kind: 'unsupported'; readonly name: string; readonly pos: number };

/** Parsed system query options. Absent options are undefined. */
export interface QueryOptions {
  readonly filter?: Expr;
  /** `$apply`: the transformations in order. */
  readonly apply?: readonly ApplyTransformation[];
  /** `$compute` (OData 4.01): computed properties, after $apply. */
  readonly compute?: readonly ComputeItem[];
  readonly orderby?: readonly OrderByItem[];
  readonly select?: readonly SelectItem[];
  readonly expand?: readonly ExpandItem[];
  readonly top?: number;
  readonly skip?: number;
  readonly count?: boolean;
  readonly search?: string;
  readonly skiptoken?: string;
  /** `$deltatoken`: the changes since a delta link was issued (odata/plan/delta-token.ts). */
  readonly deltatoken?: string;
  readonly format?: string;
  readonly levels?: number | 'max';
  /** `$id`: the entity a `DELETE …/<navigation>/$ref` removes from the collection (`Users(7)`, or its absolute URL). */
  readonly id?: string;
}

/** A key predicate: `(5)` → { kind:'single', value }, `(Email='a@b.c')` → { kind:'named', values:{Email:…} }. */
export type KeyPredicate =
  | { readonly kind: 'single'; readonly value: LiteralNode }
  | { readonly kind: 'named'; readonly values: Readonly<Record<string, LiteralNode>> };

/** A resource path below the service root. `Users(5)/FirstName` → segments [{name:'Users',key},{name:'FirstName'}] */
export interface PathSegment {
  readonly name: string; // entity set, property, navigation property, or '$count' / '$value' / '$metadata' / '$batch'
  readonly key?: KeyPredicate;
  /** A bound function call (a qualified name with parentheses): `Default.Descendants(MaxDepth=3)` → { MaxDepth: Literal 3 }; `Default.Ancestors()` → {}. */
  readonly params?: Readonly<Record<string, LiteralNode>>;
}

export interface ResourcePath {
  readonly segments: readonly PathSegment[];
}
