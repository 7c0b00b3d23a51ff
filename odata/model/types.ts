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
  /** Default value applied on create / PUT reset, as JSON. */
  readonly defaultValue?: string | number | boolean | null;
  /** Compare case-insensitively when used as an alternate key (Email). */
  readonly caseInsensitive?: boolean;
  /** Has a prefix index (text_pattern_ops, with company_id): startswith() on it reads one index range. */
  readonly prefixIndexed?: boolean;
  /** Text that `$search` looks in (case-insensitively, anywhere in the value). */
  readonly searchable?: boolean;
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
  /** Column incremented on every update; the entity's ETag is W/"<value>". Absent: no ETag. */
  readonly versionColumn?: string;
  readonly description: string;
}

export interface Model {
  readonly namespace: string;
  readonly containerName: string;
  readonly entitySets: readonly EntitySetDef[];
}
