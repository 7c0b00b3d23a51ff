/**
 * The shape of the model: entity sets, properties, navigations. The model (odata/model/index.ts) is the
 * single source of truth read by routing, parsing/planning, $metadata, column mapping and validation.
 * Pure types only.
 */

export type EdmPrimitive =
  | 'Edm.Int32'
  | 'Edm.Int64'
  | 'Edm.String'
  | 'Edm.Boolean'
  | 'Edm.DateTimeOffset'
  | 'Edm.Date'
  | 'Edm.TimeOfDay'
  | 'Edm.Guid'
  | 'Edm.Decimal'
  | 'Edm.Double';

export interface PropertyDef {
  /** OData name, PascalCase: `FirstName`. */
  readonly name: string;
  /** SQL column, snake_case: `first_name`. The only place identifiers come from. */
  readonly column: string;
  readonly type: EdmPrimitive;
  readonly nullable: boolean;
  readonly maxLength?: number;
  /** Computed by the server (Id, CreatedAt…): never accepted in a body. */
  readonly readOnly?: boolean;
  /** Must be given on create. */
  readonly required?: boolean;
  /**
   * Set on create, never changed afterwards: a PATCH/PUT that gives another value is 400 (server/db/execute-write.ts);
   * `$metadata` says Core.Immutable. Mappings.Attribute1 → PATCH {"Attribute1":"x"} on a mapping whose Attribute1 is 'y' → 400.
   */
  readonly immutable?: boolean;
  /** Default value applied on create / PUT reset, as JSON. */
  readonly defaultValue?: string | number | boolean | null;
  /** Compare case-insensitively when used as an alternate key (Email). */
  readonly caseInsensitive?: boolean;
  /** Has a prefix index (text_pattern_ops, with company_id): startswith() on it reads one index range. */
  readonly prefixIndexed?: boolean;
  /** Text that `$search` looks in (case-insensitively, anywhere in the value). */
  readonly searchable?: boolean;
  /**
   * A structured property (a `jsonb` column holding what the API shows): of this complex type, or — with
   * `collection` — a JSON array of them. `type` is then the JSON's storage type and not used for values.
   */
  readonly complex?: ComplexTypeDef;
  /** With `complex`: `Collection(<ComplexType>)`. */
  readonly collection?: boolean;
}

/**
 * A member of a complex type: a key of the JSON object (`name` is both the OData and the JSON name, taken
 * from the model only). Primitive (`type`), complex (`complex`), or a collection of either (`collection`).
 *   { name: 'Email', type: 'Edm.String', nullable: true, maxLength: 254 }
 */
export interface MemberDef {
  readonly name: string;
  readonly type: EdmPrimitive;
  readonly complex?: ComplexTypeDef;
  readonly collection?: boolean;
  readonly nullable: boolean;
  readonly maxLength?: number;
  readonly required?: boolean;
  /** Text that `$search` looks in (single-valued string members of a single-valued complex property). */
  readonly searchable?: boolean;
}

/** A complex type (`OrgChart.ProjectOwner`): named, keyless, declared in $metadata as a ComplexType. */
export interface ComplexTypeDef {
  readonly name: string;
  readonly members: readonly MemberDef[];
  readonly description?: string;
}

export interface NavigationDef {
  readonly name: string;
  /** Target entity set name. */
  readonly target: string;
  readonly collection: boolean;
  /** Name of the partner navigation on the target. */
  readonly partner?: string;
  /** Join: source column = target column (both tables also joined on company_id). */
  readonly sourceColumn: string;
  readonly targetColumn: string;
  /** For single-valued navigations: whether the target may be absent (ParentId null). */
  readonly nullable?: boolean;
  /** ReferentialConstraint (single-valued only): dependent property → principal property. */
  readonly constraint?: { readonly property: string; readonly referencedProperty: string };
  /**
   * Many-to-many (collection only): the rows of `table` link a source row to a target row —
   * `table.sourceColumn = source.<sourceColumn>` and `table.targetColumn = target.<targetColumn>`, all on
   * the same company_id. Links are added and removed with `…/<nav>/$ref`; no ReferentialConstraint.
   *   Teams.Users: { table: 'access_team_users', sourceColumn: 'team_id', targetColumn: 'user_id' }
   */
  readonly through?: ThroughDef;
}

/** The join table of a many-to-many navigation (see NavigationDef.through). */
export interface ThroughDef {
  readonly table: string;
  /** Join-table column holding the source entity's `NavigationDef.sourceColumn` value. */
  readonly sourceColumn: string;
  /** Join-table column holding the target entity's `NavigationDef.targetColumn` value. */
  readonly targetColumn: string;
  /**
   * The link rows are entities of this set (their own properties, rules and audit): they are created and
   * deleted there, so `…/$ref` on the navigation is 405. `Projects.People` through `mappings` → 'Mappings'.
   */
  readonly managedBy?: string;
}

/**
 * A filter lists apply unless the caller chooses otherwise (seed 002: "default is to show only active
 * teams"): collections of the set (top level, navigation paths, $expand) hold only rows whose `property`
 * equals `equals`, unless the request has `?<overrideParameter>=true`, or its $filter (the top level's, or
 * the expanded item's own) mentions `property`. A single entity by key is returned whatever its value.
 *   { property: 'Active', equals: true, overrideParameter: 'inactive' }
 */
export type DefaultFilterDef =
  /** `Active eq true` unless `?<overrideParameter>=true` (Teams). */
  | { readonly property: string; readonly equals: boolean; readonly overrideParameter: string }
  /** `CreatedAt ge now() sub duration'P7D'`: the recent entries of a log (AuditLogs: 7 days). */
  | { readonly property: string; readonly withinDays: number; readonly overrideParameter?: undefined };

/**
 * A secret the server makes when an entity is created (AccessTokens: the token): shown once, as the
 * property `property` of the POST response only; the table keeps its SHA-256 in `hashColumn`.
 */
export interface SecretDef {
  readonly property: string;
  readonly hashColumn: string;
  /** What every secret starts with, so that secret scanners can find leaked ones: `oc_pat_`. */
  readonly prefix: string;
  readonly description: string;
}

/** Rows of `set` whose `column` holds the deleted entity's id go with it. */
export interface CascadeDef {
  readonly set: string;
  readonly column: string;
}

export interface EntitySetDef {
  /** Entity set name: `Users`. */
  readonly name: string;
  /** Entity type name: `User`. */
  readonly typeName: string;
  readonly table: string;
  /** The key property name (single-property keys only). */
  readonly key: string;
  /** Alternate keys, each one property: `Users(Email='a@b.c')`. */
  readonly alternateKeys: readonly string[];
  readonly properties: readonly PropertyDef[];
  readonly navigations: readonly NavigationDef[];
  /** Visibility/authorization policy name (server/auth/visibility.ts, server/auth/write-rules/). */
  readonly policy: string;
  /** Whether POST/PATCH/PUT/DELETE are offered (AuditLogs: read-only). */
  readonly writable: boolean;
  /** Who may read the set at all: everyone in the company, or administrators only (403 for others). */
  readonly readableBy: 'everyone' | 'administrators';
  /** The token scope a read of the set needs instead of odata.read (the logs: logs.read); 403 without it. */
  readonly readScope?: string;
  /** Column incremented on every update; the entity's ETag is W/"<value>". Absent: no ETag. */
  readonly versionColumn?: string;
  /** Lists show only some rows unless asked otherwise (Teams: active ones). */
  readonly defaultFilter?: DefaultFilterDef;
  /**
   * Delta links: the table has `change_xid` and leaves tombstones (migration 9), so a collection read with
   * `Prefer: odata.track-changes` ends with an `@odata.deltaLink` (server/db/compile-delta.ts).
   */
  readonly changeTracking?: boolean;
  /** DELETE sets this Boolean property to false instead of removing the row (idempotent: 204 again). */
  readonly softDelete?: string;
  /**
   * Entities of other sets a DELETE takes with it (their foreign key is ON DELETE CASCADE): each is
   * audited as a delete of its own set, in the same transaction. Projects → its Mappings by project_ref.
   */
  readonly cascades?: readonly CascadeDef[];
  /** A secret made on create and shown once (see SecretDef). */
  readonly secret?: SecretDef;
  readonly description: string;
}

/**
 * A parameter of an unbound action: a primitive value in the JSON body. `oneOf` restricts a string to a
 * list of values, compared ignoring case and passed on in the list's spelling:
 *   { name: 'ParentType', type: 'Edm.String', nullable: false, oneOf: ['root', 'team'] } → "Team" becomes 'team'
 */
export interface ActionParameterDef {
  readonly name: string;
  readonly type: EdmPrimitive;
  readonly nullable: boolean;
  readonly maxLength?: number;
  readonly oneOf?: readonly string[];
}

/**
 * An unbound action (`POST /odata/<name>`, declared as Action + ActionImport in `$metadata`) that creates
 * one entity of `creates`: its body is `assign`, each value a template in which `{Param}` is replaced by that
 * parameter's value. The entity is written like a POST on the set (its body validation, write rules, audit)
 * and returned (200). `administratorsOnly`: anyone else is 403 before anything is read.
 *   CreateOrgHierarchyMapping { creates: 'Mappings', assign: { Attribute1: '{Parent}', MappingType: 'org-hierarchy' } }
 */
export interface ActionDef {
  readonly name: string;
  readonly parameters: readonly ActionParameterDef[];
  /** The entity set of the created and returned entity (the ReturnType is its entity type). */
  readonly creates: string;
  readonly assign: Readonly<Record<string, string>>;
  readonly administratorsOnly: boolean;
  readonly description: string;
}

/**
 * A function bound to an entity of `binding`, answered from the team closure table, returning entities of
 * `returns`: `OrganizationTeamHierarchies(5)/Default.Descendants(MaxDepth=3)`.
 */
export interface BoundFunctionDef {
  readonly name: string;
  /** Entity set whose entities the function is bound to. */
  readonly binding: string;
  /** Entity set of the entities it returns. */
  readonly returns: string;
  readonly parameters: readonly { readonly name: string; readonly type: 'Edm.Int32'; readonly nullable: boolean; readonly description: string }[];
  /** What it reads: the teams above, the teams below, or the members of the teams above the user's teams. */
  readonly relation: 'ancestors' | 'descendants' | 'managers';
  readonly description: string;
}

export interface Model {
  readonly namespace: string;
  /** The schema's alias: functions are called as `Default.Ancestors()` (as ASP.NET Core OData names them) or by the namespace. */
  readonly alias: string;
  readonly containerName: string;
  readonly entitySets: readonly EntitySetDef[];
  /** Unbound actions, each with its ActionImport of the same name in the container. */
  readonly actions: readonly ActionDef[];
  readonly functions: readonly BoundFunctionDef[];
}
