/**
 * The typed expression tree: what the planner (plan-filter.ts) makes of a $filter/$orderby AST once every
 * name is resolved against the model and every operand has an Edm type. The SQL compiler
 * (server/db/compile-expr.ts) reads only this. Pure types.
 */
import type { EntitySetDef, MemberDef, NavigationDef, PropertyDef } from '../model';
import type { ArithmeticOp, ComparisonOp, LogicalOp } from '../parse/ast';

/** Edm types an expression can have; 'Null' is the type of the `null` literal. */
export type ExprType =
  | 'Edm.Int32'
  | 'Edm.Int64'
  | 'Edm.Decimal'
  | 'Edm.Double'
  | 'Edm.String'
  | 'Edm.Boolean'
  | 'Edm.DateTimeOffset'
  | 'Edm.Date'
  | 'Edm.TimeOfDay'
  | 'Edm.Duration'
  | 'Edm.Guid'
  | 'Null';

/** Where a path starts: the entity being filtered (`$it`) or a lambda variable. */
export interface RangeVariable {
  readonly name: string; // '$it' or the lambda variable, e.g. 'm'
  readonly set: EntitySetDef;
  /** For a lambda over a complex collection (`Assets/Repositories/any(r: …)`): the collection's declaration; `r` is one element. */
  readonly element?: PropertyDef | MemberDef;
}

/** `Parent/Name` → { variable:'$it', navPath:[Parent], set: Teams, property: Name } */
export interface ColumnExpr {
  readonly kind: 'Column';
  readonly variable: string;
  readonly navPath: readonly NavigationDef[];
  readonly set: EntitySetDef;
  readonly property: PropertyDef;
  readonly type: ExprType;
  readonly nullable: boolean;
}

export interface ValueExpr {
  readonly kind: 'Value';
  readonly type: ExprType;
  readonly value: string | number | boolean | null;
  readonly nullable: boolean;
}

export interface CompareExpr {
  readonly kind: 'Compare';
  readonly op: ComparisonOp;
  readonly left: TypedExpr;
  readonly right: TypedExpr;
  readonly type: 'Edm.Boolean';
  readonly nullable: false;
}

export interface LogicalExpr {
  readonly kind: 'Logical';
  readonly op: LogicalOp;
  readonly left: TypedExpr;
  readonly right: TypedExpr;
  readonly type: 'Edm.Boolean';
  readonly nullable: false;
}

export interface NotExpr {
  readonly kind: 'Not';
  readonly operand: TypedExpr;
  readonly type: 'Edm.Boolean';
  readonly nullable: false;
}

export interface InExpr {
  readonly kind: 'In';
  readonly left: TypedExpr;
  readonly list: readonly TypedExpr[];
  readonly type: 'Edm.Boolean';
  readonly nullable: false;
}

export interface ArithmeticExpr {
  readonly kind: 'Arithmetic';
  readonly op: ArithmeticOp;
  readonly left: TypedExpr;
  readonly right: TypedExpr;
  readonly type: ExprType;
  readonly nullable: boolean;
}

export interface NegateExpr {
  readonly kind: 'Negate';
  readonly operand: TypedExpr;
  readonly type: ExprType;
  readonly nullable: boolean;
}

/** A canonical function, name lower-case as in the spec: `tolower`, `year`, `cast`… */
export interface FunctionExpr {
  readonly kind: 'Function';
  readonly name: string;
  readonly args: readonly TypedExpr[];
  readonly type: ExprType;
  readonly nullable: boolean;
}

/** `Members/any(m: m/UserId eq 7)` */
export interface LambdaExpr {
  readonly kind: 'Lambda';
  readonly op: 'any' | 'all';
  /** The entity the collection hangs off, reached from `source` through single-valued navigations. */
  readonly source: { readonly variable: string; readonly navPath: readonly NavigationDef[]; readonly set: EntitySetDef };
  readonly navigation: NavigationDef;
  readonly variable: RangeVariable;
  readonly predicate?: TypedExpr;
  readonly type: 'Edm.Boolean';
  readonly nullable: false;
}

/** `Members/$count` → the number of related entities the caller can see. */
export interface CountExpr {
  readonly kind: 'Count';
  readonly source: { readonly variable: string; readonly navPath: readonly NavigationDef[]; readonly set: EntitySetDef };
  readonly navigation: NavigationDef;
  readonly type: 'Edm.Int64';
  readonly nullable: false;
}

/**
 * Where a JSON value starts: a complex property of an entity (`ProjectOwner`, reached from `variable`
 * through `navPath`), or the element a lambda variable ranges over (`r` in `Assets/Repositories/any(r: …)`).
 */
export type JsonBase =
  | { readonly kind: 'property'; readonly variable: string; readonly navPath: readonly NavigationDef[]; readonly set: EntitySetDef; readonly property: PropertyDef }
  | { readonly kind: 'element'; readonly variable: string };

/** `ProjectOwner/Email` → { base: ProjectOwner of $it, members: [Email], type: Edm.String }; `r/Platform`; `d` (a string element). */
export interface JsonValueExpr {
  readonly kind: 'JsonValue';
  readonly base: JsonBase;
  readonly members: readonly MemberDef[];
  readonly type: ExprType;
  readonly nullable: boolean;
}

/** A complex collection: `Assets/Repositories` → { base: Assets of $it, members: [Repositories], declaration: Repositories }. */
export interface JsonCollection {
  readonly base: JsonBase;
  readonly members: readonly MemberDef[];
  /** The collection's own declaration (the last member, or the property itself when it is a collection). */
  readonly declaration: PropertyDef | MemberDef;
}

/** `Assets/Repositories/any(r: r/Platform eq 'github.com')` */
export interface JsonLambdaExpr {
  readonly kind: 'JsonLambda';
  readonly op: 'any' | 'all';
  readonly collection: JsonCollection;
  readonly variable: string;
  readonly predicate?: TypedExpr;
  readonly type: 'Edm.Boolean';
  readonly nullable: false;
}

/** `Assets/Services/$count` → how many elements (0 when absent). */
export interface JsonCountExpr {
  readonly kind: 'JsonCount';
  readonly collection: JsonCollection;
  readonly type: 'Edm.Int64';
  readonly nullable: false;
}

/**
 * The distance between the row and the team a hierarchy function is bound to, from the closure table:
 * `OrganizationTeamHierarchies(5)/Default.Ancestors()` → 1 for team 5's parent, 2 for its grandparent…
 * Only in the read of such a function, which joins that closure row (server/db/compile-read.ts).
 */
export interface HierarchyDepthExpr {
  readonly kind: 'HierarchyDepth';
  /** 'ancestors': the row is above the bound team; 'descendants': below it. */
  readonly relation: 'ancestors' | 'descendants';
  readonly type: 'Edm.Int32';
  readonly nullable: false;
}

export type TypedExpr =
  | HierarchyDepthExpr
  | JsonValueExpr
  | JsonLambdaExpr
  | JsonCountExpr
  | CountExpr
  | ColumnExpr
  | ValueExpr
  | CompareExpr
  | LogicalExpr
  | NotExpr
  | InExpr
  | ArithmeticExpr
  | NegateExpr
  | FunctionExpr
  | LambdaExpr;
