/**
 * The declarations of every entity set the service exposes. Adding an entity set is a declaration here,
 * a migration and a policy — never a new handler. Pure data.
 */
import type { ActionDef, ComplexTypeDef, EntitySetDef, MemberDef, NavigationDef, PropertyDef } from './types';

const id: PropertyDef = { name: 'Id', column: 'id', type: 'Edm.Int64', nullable: false, readOnly: true };
const companyId: PropertyDef = { name: 'CompanyId', column: 'company_id', type: 'Edm.Int32', nullable: false };
const createdAt: PropertyDef = { name: 'CreatedAt', column: 'created_at', type: 'Edm.DateTimeOffset', nullable: false, readOnly: true };
const updatedAt: PropertyDef = { name: 'UpdatedAt', column: 'updated_at', type: 'Edm.DateTimeOffset', nullable: false, readOnly: true };

/** An optional text property: `text('Department', 'department', 100)`. */
function text(name: string, column: string, maxLength: number): PropertyDef {
  return { name, column, type: 'Edm.String', nullable: true, maxLength };
}

/** The property, as one `$search` looks in. */
function searchable(prop: PropertyDef): PropertyDef {
  return { ...prop, searchable: true };
}

export const Users: EntitySetDef = {
  name: 'Users',
  typeName: 'User',
  table: 'users',
  key: 'Id',
  alternateKeys: ['Email'],
  policy: 'users',
  writable: true,
  cascades: [{ set: 'Mappings', column: 'user_ref' }, { set: 'AccessTokens', column: 'user_id' }],
  readableBy: 'everyone',
  versionColumn: 'row_version',
  changeTracking: true,
  description: 'People of the company: accounts with their organisational attributes',
  properties: [
    id,
    companyId,
    searchable({ name: 'UserName', column: 'user_name', type: 'Edm.String', nullable: false, maxLength: 100, required: true }),
    searchable({ name: 'Email', column: 'email', type: 'Edm.String', nullable: true, maxLength: 254, caseInsensitive: true }),
    searchable(text('FirstName', 'first_name', 100)),
    searchable({ ...text('LastName', 'last_name', 100), prefixIndexed: true }),
    searchable(text('DisplayName', 'display_name', 200)),
    searchable(text('ExternalId', 'external_id', 100)),
    searchable(text('Organization', 'organization', 100)),
    searchable(text('Business', 'business', 100)),
    searchable(text('Department', 'department', 100)),
    searchable(text('Group', 'group_name', 100)),
    searchable(text('Team', 'team_name', 100)),
    { name: 'IsAdministrator', column: 'is_administrator', type: 'Edm.Boolean', nullable: false, defaultValue: false },
    { name: 'IsActive', column: 'is_active', type: 'Edm.Boolean', nullable: false, defaultValue: true },
    createdAt,
    updatedAt,
  ],
  navigations: [
    {
      name: 'Memberships',
      target: 'OrganizationTeamMemberHierarchies',
      collection: true,
      partner: 'User',
      sourceColumn: 'id',
      targetColumn: 'user_id',
    },
    {
      name: 'Teams',
      target: 'Teams',
      collection: true,
      partner: 'Users',
      sourceColumn: 'id',
      targetColumn: 'id',
      through: { table: 'access_team_users', sourceColumn: 'user_id', targetColumn: 'team_id' },
    },
    {
      name: 'Projects',
      target: 'Projects',
      collection: true,
      partner: 'People',
      sourceColumn: 'id',
      targetColumn: 'id',
      through: { table: 'mappings', sourceColumn: 'user_ref', targetColumn: 'project_ref', managedBy: 'Mappings' },
    },
  ],
};

export const OrganizationTeamHierarchies: EntitySetDef = {
  name: 'OrganizationTeamHierarchies',
  typeName: 'OrganizationTeamHierarchy',
  table: 'organization_team_hierarchies',
  key: 'Id',
  alternateKeys: [],
  policy: 'teams',
  writable: true,
  readableBy: 'everyone',
  versionColumn: 'row_version',
  changeTracking: true,
  description: 'Org-chart teams; ParentId links a team to the team above it',
  properties: [
    id,
    companyId,
    searchable({ name: 'Name', column: 'name', type: 'Edm.String', nullable: false, maxLength: 200, required: true }),
    searchable(text('Description', 'description', 2000)),
    { name: 'ParentId', column: 'parent_id', type: 'Edm.Int64', nullable: true },
    createdAt,
    updatedAt,
  ],
  navigations: [
    {
      name: 'Parent',
      target: 'OrganizationTeamHierarchies',
      collection: false,
      nullable: true,
      partner: 'Children',
      sourceColumn: 'parent_id',
      targetColumn: 'id',
      constraint: { property: 'ParentId', referencedProperty: 'Id' },
    },
    {
      name: 'Children',
      target: 'OrganizationTeamHierarchies',
      collection: true,
      partner: 'Parent',
      sourceColumn: 'id',
      targetColumn: 'parent_id',
    },
    {
      name: 'Members',
      target: 'OrganizationTeamMemberHierarchies',
      collection: true,
      partner: 'OrganizationTeamHierarchy',
      sourceColumn: 'id',
      targetColumn: 'organization_team_hierarchy_id',
    },
  ],
};

export const OrganizationTeamMemberHierarchies: EntitySetDef = {
  name: 'OrganizationTeamMemberHierarchies',
  typeName: 'OrganizationTeamMemberHierarchy',
  table: 'organization_team_member_hierarchies',
  key: 'Id',
  alternateKeys: [],
  policy: 'memberships',
  writable: true,
  readableBy: 'everyone',
  versionColumn: 'row_version',
  changeTracking: true,
  description: 'Membership of a user in an org-chart team',
  properties: [
    id,
    companyId,
    { name: 'UserId', column: 'user_id', type: 'Edm.Int64', nullable: false, required: true },
    {
      name: 'OrganizationTeamHierarchyId',
      column: 'organization_team_hierarchy_id',
      type: 'Edm.Int64',
      nullable: false,
      required: true,
    },
    createdAt,
  ],
  navigations: [
    {
      name: 'User',
      target: 'Users',
      collection: false,
      partner: 'Memberships',
      sourceColumn: 'user_id',
      targetColumn: 'id',
      constraint: { property: 'UserId', referencedProperty: 'Id' },
    },
    {
      name: 'OrganizationTeamHierarchy',
      target: 'OrganizationTeamHierarchies',
      collection: false,
      partner: 'Members',
      sourceColumn: 'organization_team_hierarchy_id',
      targetColumn: 'id',
      constraint: { property: 'OrganizationTeamHierarchyId', referencedProperty: 'Id' },
    },
  ],
};

/**
 * Access teams (seed 002 "REST teams"): named groups of users, many-to-many with Users through
 * access_team_users (members are linked with `Teams(3)/Users/$ref`). Lists show active teams only unless
 * `?inactive=true` or a $filter on Active; DELETE deactivates. Not the org chart.
 */
export const Teams: EntitySetDef = {
  name: 'Teams',
  typeName: 'Team',
  table: 'access_teams',
  key: 'Id',
  alternateKeys: [],
  policy: 'access-teams',
  writable: true,
  readableBy: 'everyone',
  versionColumn: 'row_version',
  defaultFilter: { property: 'Active', equals: true, overrideParameter: 'inactive' },
  softDelete: 'Active',
  description: 'Access teams: groups of users (not the org chart); lists show active teams unless ?inactive=true',
  properties: [
    id,
    companyId,
    searchable({ name: 'Name', column: 'name', type: 'Edm.String', nullable: false, maxLength: 200, required: true }),
    searchable(text('Description', 'description', 2000)),
    { name: 'Active', column: 'active', type: 'Edm.Boolean', nullable: false, defaultValue: true },
    createdAt,
    updatedAt,
  ],
  navigations: [
    {
      name: 'Users',
      target: 'Users',
      collection: true,
      partner: 'Teams',
      sourceColumn: 'id',
      targetColumn: 'id',
      through: { table: 'access_team_users', sourceColumn: 'team_id', targetColumn: 'user_id' },
    },
  ],
};

/** The audit log: one row per successful write, in the same transaction (seeds 001/004 "activity logs"). */
/**
 * What the two logs (AuditLogs, TokenActivityLogs) share: read-only, for administrators with logs.read,
 * the last 7 days unless the caller's $filter names CreatedAt (seed 004).
 */
const LOG = {
  key: 'Id',
  alternateKeys: [],
  policy: 'audit',
  writable: false,
  readableBy: 'administrators',
  readScope: 'logs.read',
  defaultFilter: { property: 'CreatedAt', withinDays: 7 },
} as const satisfies Partial<EntitySetDef>;

export const AuditLogs: EntitySetDef = {
  name: 'AuditLogs',
  typeName: 'AuditLog',
  table: 'audit_logs',
  ...LOG,
  description: 'Who changed what and when: one entry per successful write, the user action log of seed 004 (administrators with logs.read; the last 7 days unless $filter names CreatedAt)',
  properties: [
    id,
    companyId,
    { name: 'UserId', column: 'user_id', type: 'Edm.Int64', nullable: false },
    searchable({ name: 'Action', column: 'action', type: 'Edm.String', nullable: false, maxLength: 20 }),
    searchable({ name: 'EntitySet', column: 'entity_set', type: 'Edm.String', nullable: false, maxLength: 100 }),
    searchable({ name: 'EntityKey', column: 'entity_key', type: 'Edm.String', nullable: false, maxLength: 100 }),
    searchable({ name: 'ChangedProperties', column: 'changed_properties', type: 'Edm.String', nullable: false }),
    searchable({ name: 'Changes', column: 'changes', type: 'Edm.String', nullable: false }),
    searchable({ name: 'RequestId', column: 'request_id', type: 'Edm.String', nullable: true, maxLength: 64 }),
    createdAt,
  ],
  navigations: [
    {
      name: 'User',
      target: 'Users',
      collection: false,
      nullable: true,
      sourceColumn: 'user_id',
      targetColumn: 'id',
      constraint: { property: 'UserId', referencedProperty: 'Id' },
    },
  ],
};

/** `member('Email', 254)` → an optional string member of a complex type. */
function member(name: string, maxLength: number): MemberDef {
  return { name, type: 'Edm.String', nullable: true, maxLength };
}

/** The owner of a project (seed 000 `projectOwner`): a person, not necessarily a user of the service. */
export const ProjectOwner: ComplexTypeDef = {
  name: 'ProjectOwner',
  description: 'Who owns a project: first and last name and email',
  members: [
    { ...member('FirstName', 100), searchable: true },
    { ...member('LastName', 100), searchable: true },
    { ...member('Email', 254), searchable: true },
  ],
};

export const Repository: ComplexTypeDef = {
  name: 'Repository',
  description: 'A source repository of a project',
  members: [{ ...member('Name', 200), nullable: false, required: true }, member('Platform', 100), member('Url', 2000)],
};

/**
 * Named `ProjectService`, not `Service`: typed-client generators reserve `Service` for the client they
 * generate (the SAP Cloud SDK's refuses the model without `--skipValidation`). The JSON never carries it.
 */
export const ProjectService: ComplexTypeDef = {
  name: 'ProjectService',
  description: 'A deployed service of a project and the services it depends on',
  members: [
    { ...member('Name', 200), nullable: false, required: true },
    member('Identifier', 200),
    member('ExternalId', 100),
    { name: 'Dependencies', type: 'Edm.String', collection: true, nullable: false, maxLength: 200 },
  ],
};

export const ProjectAssets: ComplexTypeDef = {
  name: 'ProjectAssets',
  description: 'The repositories and services of a project',
  members: [
    { name: 'Repositories', type: 'Edm.String', complex: Repository, collection: true, nullable: false },
    { name: 'Services', type: 'Edm.String', complex: ProjectService, collection: true, nullable: false },
  ],
};

/** `complexProperty('ProjectOwner', 'project_owner', ProjectOwner)` → a nullable jsonb-backed property. */
function complexProperty(name: string, column: string, complex: ComplexTypeDef, collection = false): PropertyDef {
  return { name, column, type: 'Edm.String', complex, collection, nullable: !collection };
}

/** Projects (seed 000 "Projects"): addressed by Id or by the company's ProjectId (`Projects(ProjectId='2322345')`). */
export const Projects: EntitySetDef = {
  name: 'Projects',
  typeName: 'Project',
  table: 'projects',
  key: 'Id',
  alternateKeys: ['ProjectId'],
  policy: 'projects',
  writable: true,
  cascades: [{ set: 'Mappings', column: 'project_ref' }],
  readableBy: 'everyone',
  versionColumn: 'row_version',
  description: 'Projects of the company with their owner and assets (repositories, services)',
  properties: [
    id,
    companyId,
    searchable({ name: 'ProjectId', column: 'project_id', type: 'Edm.String', nullable: false, maxLength: 100, required: true }),
    searchable({ name: 'ProjectName', column: 'project_name', type: 'Edm.String', nullable: false, maxLength: 200, required: true }),
    searchable(text('ExternalId', 'external_id', 100)),
    text('Organization', 'organization', 100),
    text('Business', 'business', 100),
    text('Department', 'department', 100),
    text('Group', 'group_name', 100),
    text('Team', 'team_name', 100),
    complexProperty('ProjectOwner', 'project_owner', ProjectOwner),
    complexProperty('Assets', 'assets', ProjectAssets),
    createdAt,
    updatedAt,
  ],
  navigations: [
    {
      name: 'People',
      target: 'Users',
      collection: true,
      partner: 'Projects',
      sourceColumn: 'id',
      targetColumn: 'id',
      through: { table: 'mappings', sourceColumn: 'project_ref', targetColumn: 'user_ref', managedBy: 'Mappings' },
    },
  ],
};

/** The MappingType whose Attribute1 is a ProjectId and Attribute2 a user's Email (resolved to Project and User). */
export const PROJECT_PEOPLE = 'project-people';
/** The MappingType of the CreateOrgHierarchyMapping action: Attribute1 the parent unit, Attribute2 the child. */
export const ORG_HIERARCHY = 'org-hierarchy';
/** The kinds of organisational units an org-hierarchy mapping links (seed 000). */
export const ORG_UNIT_TYPES = ['root', 'organization', 'business', 'department', 'group', 'team'] as const;

/** A single navigation from a mapping to what its Attribute resolves to (project-people mappings only). */
function resolvedNavigation(name: string, target: string, sourceColumn: string): NavigationDef {
  return { name, target, collection: false, nullable: true, sourceColumn, targetColumn: 'id' };
}

/**
 * Mappings (seed 000 "People / Project Relationship Mapping" and "Organizational Hierarchy Mapping"):
 * Attribute1 ↔ Attribute2 of a MappingType, keyed by a server-generated GUID (`Mappings(6f1c2a0e-…)`).
 * A `project-people` mapping's Attribute1 (a ProjectId) and Attribute2 (an Email) are resolved at write time
 * into the `Project` and `User` navigations, and are the links of `Projects(…)/People` and `Users(…)/Projects`.
 */
export const Mappings: EntitySetDef = {
  name: 'Mappings',
  typeName: 'Mapping',
  table: 'mappings',
  key: 'Id',
  alternateKeys: [],
  policy: 'mappings',
  writable: true,
  readableBy: 'everyone',
  versionColumn: 'row_version',
  description: 'Relationships between two attributes: project-people (ProjectId ↔ Email) and org-hierarchy (parent ↔ child unit)',
  properties: [
    { name: 'Id', column: 'id', type: 'Edm.Guid', nullable: false, readOnly: true },
    companyId,
    searchable({ name: 'Attribute1', column: 'attribute1', type: 'Edm.String', nullable: false, maxLength: 254, required: true, immutable: true }),
    searchable({ name: 'Attribute2', column: 'attribute2', type: 'Edm.String', nullable: false, maxLength: 254, required: true, immutable: true }),
    searchable({ name: 'MappingType', column: 'mapping_type', type: 'Edm.String', nullable: false, maxLength: 100, required: true, immutable: true }),
    searchable(text('Relationship', 'relationship', 100)),
    createdAt,
  ],
  navigations: [resolvedNavigation('Project', 'Projects', 'project_ref'), resolvedNavigation('User', 'Users', 'user_ref')],
};

/**
 * Seed 000's org-hierarchy endpoint as an unbound action: `POST /odata/CreateOrgHierarchyMapping`
 * `{"Parent":"Opsera","ParentType":"root","Child":"R&D","ChildType":"business"}` → the Mapping
 * (Attribute1 'Opsera', Attribute2 'R&D', MappingType 'org-hierarchy', Relationship 'root-business').
 */
export const CreateOrgHierarchyMapping: ActionDef = {
  name: 'CreateOrgHierarchyMapping',
  creates: 'Mappings',
  administratorsOnly: true,
  description: 'Creates an org-hierarchy Mapping: Parent (of ParentType) above Child (of ChildType); Relationship is "<ParentType>-<ChildType>"',
  parameters: [
    { name: 'Parent', type: 'Edm.String', nullable: false, maxLength: 254 },
    { name: 'ParentType', type: 'Edm.String', nullable: false, oneOf: ORG_UNIT_TYPES },
    { name: 'Child', type: 'Edm.String', nullable: false, maxLength: 254 },
    { name: 'ChildType', type: 'Edm.String', nullable: false, oneOf: ORG_UNIT_TYPES },
  ],
  assign: { Attribute1: '{Parent}', Attribute2: '{Child}', MappingType: ORG_HIERARCHY, Relationship: '{ParentType}-{ChildType}' },
};

/** The scopes a personal access token may carry (server/auth/tokens.ts KNOWN_SCOPES, with their meaning in $metadata). */
export const TOKEN_SCOPES: readonly string[] = ['odata.read', 'odata.write', 'logs.read'];

/**
 * Personal access tokens (seeds 001/004): long-lived credentials of one user, for a Power BI dataset, an
 * Excel workbook or a script. POST answers the secret once (`Token`, `oc_pat_…`); the table keeps its
 * SHA-256. Non-administrators see and create only their own; DELETE revokes (RevokedAt set, 204).
 */
export const AccessTokens: EntitySetDef = {
  name: 'AccessTokens',
  typeName: 'AccessToken',
  table: 'access_tokens',
  key: 'Id',
  alternateKeys: [],
  policy: 'access-tokens',
  writable: true,
  readableBy: 'everyone',
  versionColumn: 'row_version',
  softDelete: 'RevokedAt',
  secret: {
    property: 'Token',
    hashColumn: 'token_hash',
    prefix: 'oc_pat_',
    description: 'The secret, in the response to the POST that creates the token only: keep it, it is never shown again',
  },
  description: 'Personal access tokens: long-lived credentials of one user, with scopes (non-administrators see their own); DELETE revokes',
  properties: [
    id,
    companyId,
    { name: 'UserId', column: 'user_id', type: 'Edm.Int64', nullable: false, immutable: true },
    searchable({ name: 'Name', column: 'name', type: 'Edm.String', nullable: false, maxLength: 200, required: true }),
    { name: 'Scopes', column: 'scopes', type: 'Edm.String', nullable: false, maxLength: 200, required: true, immutable: true },
    createdAt,
    { name: 'ExpiresAt', column: 'expires_at', type: 'Edm.DateTimeOffset', nullable: false, required: true, immutable: true },
    { name: 'LastUsedAt', column: 'last_used_at', type: 'Edm.DateTimeOffset', nullable: true, readOnly: true },
    { name: 'RevokedAt', column: 'revoked_at', type: 'Edm.DateTimeOffset', nullable: true, readOnly: true },
  ],
  navigations: [
    { name: 'User', target: 'Users', collection: false, nullable: false, sourceColumn: 'user_id', targetColumn: 'id', constraint: { property: 'UserId', referencedProperty: 'Id' } },
  ],
};

/**
 * One row per request made with a personal access token (seeds 001/004 "token activity logs"), written in
 * batches (server/auth/token-activity.ts); the path never carries a token. Administrators with logs.read;
 * the last 7 days unless $filter names CreatedAt.
 */
export const TokenActivityLogs: EntitySetDef = {
  name: 'TokenActivityLogs',
  typeName: 'TokenActivityLog',
  table: 'token_activity_logs',
  ...LOG,
  description: 'Requests made with personal access tokens (administrators with logs.read; the last 7 days unless $filter names CreatedAt)',
  properties: [
    id,
    companyId,
    { name: 'TokenId', column: 'token_id', type: 'Edm.Int64', nullable: false },
    { name: 'UserId', column: 'user_id', type: 'Edm.Int64', nullable: false },
    { name: 'Scope', column: 'scope', type: 'Edm.String', nullable: true, maxLength: 50 },
    { name: 'Method', column: 'method', type: 'Edm.String', nullable: false, maxLength: 10 },
    searchable({ name: 'Path', column: 'path', type: 'Edm.String', nullable: false }),
    { name: 'Status', column: 'status', type: 'Edm.Int32', nullable: false },
    { name: 'DurationMs', column: 'duration_ms', type: 'Edm.Int32', nullable: false },
    { name: 'ClientAddress', column: 'client_address', type: 'Edm.String', nullable: true, maxLength: 100 },
    createdAt,
  ],
  navigations: [
    { name: 'User', target: 'Users', collection: false, nullable: true, sourceColumn: 'user_id', targetColumn: 'id', constraint: { property: 'UserId', referencedProperty: 'Id' } },
    { name: 'Token', target: 'AccessTokens', collection: false, nullable: true, sourceColumn: 'token_id', targetColumn: 'id', constraint: { property: 'TokenId', referencedProperty: 'Id' } },
  ],
};
