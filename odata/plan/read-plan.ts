/**
 * The ReadPlan: everything the SQL compiler needs to answer one GET, as a plain value (PostgREST's
 * "plan is a value"). Made by plan-read.ts, consumed by server/db/compile-read.ts and odata/format.ts.
 * Pure types.
 */
import type { DeltaHorizon, DeltaToken } from './delta-token';
import type { EntitySetDef, MemberDef, NavigationDef, PropertyDef } from '../model';
import type { SearchExpr } from '../parse/ast';
import type { HierarchyDepthExpr, TypedExpr, ValueExpr } from './typed-expr';

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
  /** `Users(5)/FirstName[/$value]`; into a complex property, the members down to the value read: `Projects(1)/ProjectOwner/Email` → members [Email]. */
  | { readonly kind: 'property'; readonly key: KeyLookup; readonly property: PropertyDef; readonly raw: boolean; readonly members?: readonly MemberDef[] }
  /** The entity a single-valued navigation leads to: `OrganizationTeamHierarchies(5)/Parent`. */
  | { readonly kind: 'related' };

/**
 * The entity a navigation path starts from: `OrganizationTeamHierarchies(5)/Members` reads Members
 * (the plan's set) of team 5 → { set: OrganizationTeamHierarchies, key: Id 5, navigation: Members }.
 */
export interface NavigationSource {
  readonly set: EntitySetDef;
  readonly key: KeyLookup;
  readonly navigation: NavigationDef;
  /** Set for a hierarchy function (`Default.Descendants(MaxDepth=3)`): the closure relation read instead of the navigation's columns. */
  readonly hierarchy?: { readonly relation: 'ancestors' | 'descendants' | 'managers'; readonly maxDepth?: number };
}

/**
 * One `$expand` item, planned: the navigation, the target's properties, and for a collection its filter,
 * order (key as tie-breaker), $skip and the rows per parent (`limit`: $top, capped at the page size; one
 * more is fetched, unless $top is answered in full, to tell a truncated collection, which then carries a
 * nextLink made from `link`).
 *   Members($filter=UserId gt 3;$top=2) → { navigation: Members, set: Memberships, filter, orderBy:[Id asc], limit: 2, … }
 */
export interface ExpandPlan {
  readonly navigation: NavigationDef;
  /** `Members/$ref`: written as `@odata.id` references (the key is all that is read). */
  readonly ref?: boolean;
  readonly set: EntitySetDef;
  readonly select: readonly PropertyDef[];
  readonly selectExplicit: boolean;
  /** Complex properties of `select` only some members of which were selected, as in ReadPlan.selectMembers. */
  readonly selectMembers?: Readonly<Record<string, readonly (readonly string[])[]>>;
  readonly filter?: TypedExpr;
  /** The nested `$search`. */
  readonly search?: SearchExpr;
  readonly orderBy: readonly OrderKey[];
  readonly skip: number;
  /** Entities per parent at most (collections); 0 at the deepest level of $levels=max, which only tells whether more exist. */
  readonly limit: number;
  /** Whether one more entity is read to tell that more exist: not when the nested $top is fully answered by `limit`. */
  readonly probeMore: boolean;
  /** `Members@odata.count` wanted. */
  readonly count: boolean;
  readonly expand: readonly ExpandPlan[];
  /** How to ask for the rest of a truncated collection: the nested options as written, and the $top left. */
  readonly link: ExpandLink;
}

export interface ExpandLink {
  /** Nested options as written (filter, orderby, select, expand…), by lower-case name. */
  readonly optionTexts: Readonly<Record<string, string>>;
  /** $top still wanted after `limit` rows, if the client gave a $top. */
  readonly top?: number;
  /** The item again with the $levels still to expand below this level (`Children($levels=2;$select=Name)`), if any. */
  readonly recurse?: string;
  /** A custom parameter the rest must keep: `inactive=true` when it turned the target set's default filter off. */
  readonly parameter?: string;
}

export interface ReadPlan {
  /** The set read: the path's entity set, or the target of its navigation. */
  readonly set: EntitySetDef;
  readonly target: ReadTarget;
  /** Set for a navigation path: only entities related to this one are read. */
  readonly via?: NavigationSource;
  readonly filter?: TypedExpr;
  /** `$search`: entities whose searchable text matches (model: PropertyDef.searchable). */
  readonly search?: SearchExpr;
  /** Properties in the response, in model order. */
  readonly select: readonly PropertyDef[];
  /** True when $select narrowed the properties (the context URL then lists them). */
  readonly selectExplicit: boolean;
  /** Complex properties of `select` only some members of which were selected: `$select=ProjectOwner/Email` → { ProjectOwner: [['Email']] }. */
  readonly selectMembers?: Readonly<Record<string, readonly (readonly string[])[]>>;
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
  /** `$expand` items, each read in the same statement. */
  readonly expand: readonly ExpandPlan[];
  /** Ancestors()/Descendants(): each entity's distance from the bound team, written as its `@OrgChart.Depth` annotation. */
  readonly depth?: HierarchyDepthExpr;
  /** A later page of a read that tracks changes: the horizon its first page took (carried by the $skiptoken). */
  readonly tracking?: DeltaHorizon;
  /** `$deltatoken`: the read answers the changes since the token's horizon instead (server/db/compile-delta.ts). */
  readonly delta?: DeltaToken;
}

/**
 * Whether a read can end with a delta link (`Prefer: odata.track-changes`): a whole set that tracks
 * changes, without $expand, $top or $skip (a delta describes the whole filtered set, not a window of it).
 *   Users?$filter=Department eq 'Sales' → true;  Users?$top=5 → false;  Teams(3)/Members → false
 */
export function canTrackChanges(plan: ReadPlan): boolean {
  return plan.set.changeTracking === true && plan.target.kind === 'collection' && !plan.via && plan.expand.length === 0 &&
    plan.top === undefined && plan.skip === 0;
}
