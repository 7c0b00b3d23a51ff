/**
 * The ReadPlan: everything the SQL compiler needs to answer one GET, as a plain value (PostgREST's
 * "plan is a value"). Made by plan-read.ts, consumed by server/db/compile-read.ts and odata/format.ts.
 * Pure types.
 */
import type { EntitySetDef, PropertyDef } from '../model';
import type { TypedExpr, ValueExpr } from './typed-expr';

export interface OrderKey {
  readonly expr: TypedExpr;
  readonly direction: 'asc' | 'desc';
}

/** Lookup by key or alternate key: `Users(5)`, `Users(Email='a@b.c')`. */
export interface KeyLookup {
  readonly property: PropertyDef;
  readonly value: ValueExpr;
}

export type ReadTarget =
  | { readonly kind: 'collection' }
  | { readonly kind: 'count' }
  | { readonly kind: 'entity'; readonly key: KeyLookup }
  | { readonly kind: 'property'; readonly key: KeyLookup; readonly property: PropertyDef; readonly raw: boolean };

export interface ReadPlan {
  readonly set: EntitySetDef;
  readonly target: ReadTarget;
  readonly filter?: TypedExpr;
  /** Properties in the response, in model order. */
  readonly select: readonly PropertyDef[];
  /** True when $select narrowed the properties (the context URL then lists them). */
  readonly selectExplicit: boolean;
  /** The client's $orderby followed by the key as a tie-breaker: a total order, needed for keyset paging. */
  readonly orderBy: readonly OrderKey[];
  /** Rows still wanted in total ($top, reduced page by page), or undefined for all. */
  readonly top?: number;
  readonly skip: number;
  readonly count: boolean;
  /** Order-key values of the last row already sent (decoded $skiptoken). */
  readonly after?: readonly unknown[];
  /** Rows per page for this request (limits.maxPageSize or a smaller odata.maxpagesize). */
  readonly pageSize: number;
  /** Identifies the query shape ($filter + $orderby) that a $skiptoken belongs to. */
  readonly fingerprint: string;
}
