export interface User {
    /**
     * **Key Property**: This is a key property used to identify the entity.<br/>**Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Id` |
     * | Type | `Edm.Int64` |
     * | Nullable | `false` |
     */
    Id: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CompanyId` |
     * | Type | `Edm.Int32` |
     * | Nullable | `false` |
     */
    CompanyId: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `UserName` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    UserName: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Email` |
     * | Type | `Edm.String` |
     */
    Email: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `FirstName` |
     * | Type | `Edm.String` |
     */
    FirstName: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `LastName` |
     * | Type | `Edm.String` |
     */
    LastName: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `DisplayName` |
     * | Type | `Edm.String` |
     */
    DisplayName: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `ExternalId` |
     * | Type | `Edm.String` |
     */
    ExternalId: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Organization` |
     * | Type | `Edm.String` |
     */
    Organization: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Business` |
     * | Type | `Edm.String` |
     */
    Business: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Department` |
     * | Type | `Edm.String` |
     */
    Department: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Group` |
     * | Type | `Edm.String` |
     */
    Group: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Team` |
     * | Type | `Edm.String` |
     */
    Team: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `IsAdministrator` |
     * | Type | `Edm.Boolean` |
     * | Nullable | `false` |
     */
    IsAdministrator: boolean;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `IsActive` |
     * | Type | `Edm.Boolean` |
     * | Nullable | `false` |
     */
    IsActive: boolean;
    /**
     * **Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CreatedAt` |
     * | Type | `Edm.DateTimeOffset` |
     * | Nullable | `false` |
     */
    CreatedAt: string;
    /**
     * **Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `UpdatedAt` |
     * | Type | `Edm.DateTimeOffset` |
     * | Nullable | `false` |
     */
    UpdatedAt: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Memberships` |
     * | Type | `Collection(OrgChart.OrganizationTeamMemberHierarchy)` |
     */
    Memberships?: Array<OrganizationTeamMemberHierarchy>;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Teams` |
     * | Type | `Collection(OrgChart.Team)` |
     */
    Teams?: Array<Team>;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Projects` |
     * | Type | `Collection(OrgChart.Project)` |
     */
    Projects?: Array<Project>;
}

export type UserId = number | {Id: number};

export interface EditableUser extends Pick<User, "CompanyId" | "UserName" | "IsAdministrator" | "IsActive">, Partial<Pick<User, "Email" | "FirstName" | "LastName" | "DisplayName" | "ExternalId" | "Organization" | "Business" | "Department" | "Group" | "Team">> {
}

export interface OrganizationTeamHierarchy {
    /**
     * **Key Property**: This is a key property used to identify the entity.<br/>**Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Id` |
     * | Type | `Edm.Int64` |
     * | Nullable | `false` |
     */
    Id: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CompanyId` |
     * | Type | `Edm.Int32` |
     * | Nullable | `false` |
     */
    CompanyId: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Name` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    Name: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Description` |
     * | Type | `Edm.String` |
     */
    Description: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `ParentId` |
     * | Type | `Edm.Int64` |
     */
    ParentId: number | null;
    /**
     * **Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CreatedAt` |
     * | Type | `Edm.DateTimeOffset` |
     * | Nullable | `false` |
     */
    CreatedAt: string;
    /**
     * **Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `UpdatedAt` |
     * | Type | `Edm.DateTimeOffset` |
     * | Nullable | `false` |
     */
    UpdatedAt: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Parent` |
     * | Type | `OrgChart.OrganizationTeamHierarchy` |
     */
    Parent?: OrganizationTeamHierarchy | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Children` |
     * | Type | `Collection(OrgChart.OrganizationTeamHierarchy)` |
     */
    Children?: Array<OrganizationTeamHierarchy>;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Members` |
     * | Type | `Collection(OrgChart.OrganizationTeamMemberHierarchy)` |
     */
    Members?: Array<OrganizationTeamMemberHierarchy>;
}

export type OrganizationTeamHierarchyId = number | {Id: number};

export interface EditableOrganizationTeamHierarchy extends Pick<OrganizationTeamHierarchy, "CompanyId" | "Name">, Partial<Pick<OrganizationTeamHierarchy, "Description" | "ParentId">> {
}

export interface OrganizationTeamHierarchy_DescendantsParams {
    MaxDepth?: number | null;
}

export interface OrganizationTeamMemberHierarchy {
    /**
     * **Key Property**: This is a key property used to identify the entity.<br/>**Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Id` |
     * | Type | `Edm.Int64` |
     * | Nullable | `false` |
     */
    Id: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CompanyId` |
     * | Type | `Edm.Int32` |
     * | Nullable | `false` |
     */
    CompanyId: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `UserId` |
     * | Type | `Edm.Int64` |
     * | Nullable | `false` |
     */
    UserId: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `OrganizationTeamHierarchyId` |
     * | Type | `Edm.Int64` |
     * | Nullable | `false` |
     */
    OrganizationTeamHierarchyId: number;
    /**
     * **Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CreatedAt` |
     * | Type | `Edm.DateTimeOffset` |
     * | Nullable | `false` |
     */
    CreatedAt: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `User` |
     * | Type | `OrgChart.User` |
     * | Nullable | `false` |
     */
    User?: User;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `OrganizationTeamHierarchy` |
     * | Type | `OrgChart.OrganizationTeamHierarchy` |
     * | Nullable | `false` |
     */
    OrganizationTeamHierarchy?: OrganizationTeamHierarchy;
}

export type OrganizationTeamMemberHierarchyId = number | {Id: number};

export interface EditableOrganizationTeamMemberHierarchy extends Pick<OrganizationTeamMemberHierarchy, "CompanyId" | "UserId" | "OrganizationTeamHierarchyId"> {
}

export interface AuditLog {
    /**
     * **Key Property**: This is a key property used to identify the entity.<br/>**Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Id` |
     * | Type | `Edm.Int64` |
     * | Nullable | `false` |
     */
    Id: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CompanyId` |
     * | Type | `Edm.Int32` |
     * | Nullable | `false` |
     */
    CompanyId: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `UserId` |
     * | Type | `Edm.Int64` |
     * | Nullable | `false` |
     */
    UserId: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Action` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    Action: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `EntitySet` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    EntitySet: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `EntityKey` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    EntityKey: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `ChangedProperties` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    ChangedProperties: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Changes` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    Changes: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `RequestId` |
     * | Type | `Edm.String` |
     */
    RequestId: string | null;
    /**
     * **Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CreatedAt` |
     * | Type | `Edm.DateTimeOffset` |
     * | Nullable | `false` |
     */
    CreatedAt: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `User` |
     * | Type | `OrgChart.User` |
     */
    User?: User | null;
}

export type AuditLogId = number | {Id: number};

export interface EditableAuditLog extends Pick<AuditLog, "CompanyId" | "UserId" | "Action" | "EntitySet" | "EntityKey" | "ChangedProperties" | "Changes">, Partial<Pick<AuditLog, "RequestId">> {
}

export interface Project {
    /**
     * **Key Property**: This is a key property used to identify the entity.<br/>**Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Id` |
     * | Type | `Edm.Int64` |
     * | Nullable | `false` |
     */
    Id: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CompanyId` |
     * | Type | `Edm.Int32` |
     * | Nullable | `false` |
     */
    CompanyId: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `ProjectId` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    ProjectId: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `ProjectName` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    ProjectName: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `ExternalId` |
     * | Type | `Edm.String` |
     */
    ExternalId: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Organization` |
     * | Type | `Edm.String` |
     */
    Organization: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Business` |
     * | Type | `Edm.String` |
     */
    Business: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Department` |
     * | Type | `Edm.String` |
     */
    Department: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Group` |
     * | Type | `Edm.String` |
     */
    Group: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Team` |
     * | Type | `Edm.String` |
     */
    Team: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `ProjectOwner` |
     * | Type | `OrgChart.ProjectOwner` |
     */
    ProjectOwner: ProjectOwner | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Assets` |
     * | Type | `OrgChart.ProjectAssets` |
     */
    Assets: ProjectAssets | null;
    /**
     * **Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CreatedAt` |
     * | Type | `Edm.DateTimeOffset` |
     * | Nullable | `false` |
     */
    CreatedAt: string;
    /**
     * **Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `UpdatedAt` |
     * | Type | `Edm.DateTimeOffset` |
     * | Nullable | `false` |
     */
    UpdatedAt: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `People` |
     * | Type | `Collection(OrgChart.User)` |
     */
    People?: Array<User>;
}

export type ProjectId = number | {Id: number};

export interface EditableProject extends Pick<Project, "CompanyId" | "ProjectId" | "ProjectName">, Partial<Pick<Project, "ExternalId" | "Organization" | "Business" | "Department" | "Group" | "Team">> {
    ProjectOwner?: EditableProjectOwner | null;
    Assets?: EditableProjectAssets | null;
}

export interface Team {
    /**
     * **Key Property**: This is a key property used to identify the entity.<br/>**Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Id` |
     * | Type | `Edm.Int64` |
     * | Nullable | `false` |
     */
    Id: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CompanyId` |
     * | Type | `Edm.Int32` |
     * | Nullable | `false` |
     */
    CompanyId: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Name` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    Name: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Description` |
     * | Type | `Edm.String` |
     */
    Description: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Active` |
     * | Type | `Edm.Boolean` |
     * | Nullable | `false` |
     */
    Active: boolean;
    /**
     * **Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CreatedAt` |
     * | Type | `Edm.DateTimeOffset` |
     * | Nullable | `false` |
     */
    CreatedAt: string;
    /**
     * **Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `UpdatedAt` |
     * | Type | `Edm.DateTimeOffset` |
     * | Nullable | `false` |
     */
    UpdatedAt: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Users` |
     * | Type | `Collection(OrgChart.User)` |
     */
    Users?: Array<User>;
}

export type TeamId = number | {Id: number};

export interface EditableTeam extends Pick<Team, "CompanyId" | "Name" | "Active">, Partial<Pick<Team, "Description">> {
}

export interface Mapping {
    /**
     * **Key Property**: This is a key property used to identify the entity.<br/>**Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Id` |
     * | Type | `Edm.Guid` |
     * | Nullable | `false` |
     */
    Id: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CompanyId` |
     * | Type | `Edm.Int32` |
     * | Nullable | `false` |
     */
    CompanyId: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Attribute1` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    Attribute1: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Attribute2` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    Attribute2: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `MappingType` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    MappingType: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Relationship` |
     * | Type | `Edm.String` |
     */
    Relationship: string | null;
    /**
     * **Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CreatedAt` |
     * | Type | `Edm.DateTimeOffset` |
     * | Nullable | `false` |
     */
    CreatedAt: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Project` |
     * | Type | `OrgChart.Project` |
     */
    Project?: Project | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `User` |
     * | Type | `OrgChart.User` |
     */
    User?: User | null;
}

export type MappingId = string | {Id: string};

export interface EditableMapping extends Pick<Mapping, "CompanyId" | "Attribute1" | "Attribute2" | "MappingType">, Partial<Pick<Mapping, "Relationship">> {
}

export interface AccessToken {
    /**
     * **Key Property**: This is a key property used to identify the entity.<br/>**Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Id` |
     * | Type | `Edm.Int64` |
     * | Nullable | `false` |
     */
    Id: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CompanyId` |
     * | Type | `Edm.Int32` |
     * | Nullable | `false` |
     */
    CompanyId: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `UserId` |
     * | Type | `Edm.Int64` |
     * | Nullable | `false` |
     */
    UserId: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Name` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    Name: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Scopes` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    Scopes: string;
    /**
     * **Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CreatedAt` |
     * | Type | `Edm.DateTimeOffset` |
     * | Nullable | `false` |
     */
    CreatedAt: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `ExpiresAt` |
     * | Type | `Edm.DateTimeOffset` |
     * | Nullable | `false` |
     */
    ExpiresAt: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `LastUsedAt` |
     * | Type | `Edm.DateTimeOffset` |
     */
    LastUsedAt: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `RevokedAt` |
     * | Type | `Edm.DateTimeOffset` |
     */
    RevokedAt: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Token` |
     * | Type | `Edm.String` |
     */
    Token: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `User` |
     * | Type | `OrgChart.User` |
     * | Nullable | `false` |
     */
    User?: User;
}

export type AccessTokenId = number | {Id: number};

export interface EditableAccessToken extends Pick<AccessToken, "CompanyId" | "UserId" | "Name" | "Scopes" | "ExpiresAt">, Partial<Pick<AccessToken, "LastUsedAt" | "RevokedAt" | "Token">> {
}

export interface TokenActivityLog {
    /**
     * **Key Property**: This is a key property used to identify the entity.<br/>**Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Id` |
     * | Type | `Edm.Int64` |
     * | Nullable | `false` |
     */
    Id: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CompanyId` |
     * | Type | `Edm.Int32` |
     * | Nullable | `false` |
     */
    CompanyId: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `TokenId` |
     * | Type | `Edm.Int64` |
     * | Nullable | `false` |
     */
    TokenId: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `UserId` |
     * | Type | `Edm.Int64` |
     * | Nullable | `false` |
     */
    UserId: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Scope` |
     * | Type | `Edm.String` |
     */
    Scope: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Method` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    Method: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Path` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    Path: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Status` |
     * | Type | `Edm.Int32` |
     * | Nullable | `false` |
     */
    Status: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `DurationMs` |
     * | Type | `Edm.Int32` |
     * | Nullable | `false` |
     */
    DurationMs: number;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `ClientAddress` |
     * | Type | `Edm.String` |
     */
    ClientAddress: string | null;
    /**
     * **Managed**: This property is managed on the server side and cannot be edited.
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `CreatedAt` |
     * | Type | `Edm.DateTimeOffset` |
     * | Nullable | `false` |
     */
    CreatedAt: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `User` |
     * | Type | `OrgChart.User` |
     */
    User?: User | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Token` |
     * | Type | `OrgChart.AccessToken` |
     */
    Token?: AccessToken | null;
}

export type TokenActivityLogId = number | {Id: number};

export interface EditableTokenActivityLog extends Pick<TokenActivityLog, "CompanyId" | "TokenId" | "UserId" | "Method" | "Path" | "Status" | "DurationMs">, Partial<Pick<TokenActivityLog, "Scope" | "ClientAddress">> {
}

export interface ProjectOwner {
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `FirstName` |
     * | Type | `Edm.String` |
     */
    FirstName: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `LastName` |
     * | Type | `Edm.String` |
     */
    LastName: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Email` |
     * | Type | `Edm.String` |
     */
    Email: string | null;
}

export interface EditableProjectOwner extends Partial<Pick<ProjectOwner, "FirstName" | "LastName" | "Email">> {
}

export interface ProjectAssets {
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Repositories` |
     * | Type | `Collection(OrgChart.Repository)` |
     * | Nullable | `false` |
     */
    Repositories: Array<Repository>;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Services` |
     * | Type | `Collection(OrgChart.ProjectService)` |
     * | Nullable | `false` |
     */
    Services: Array<ProjectService>;
}

export interface EditableProjectAssets {
    Repositories: Array<EditableRepository>;
    Services: Array<EditableProjectService>;
}

export interface Repository {
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Name` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    Name: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Platform` |
     * | Type | `Edm.String` |
     */
    Platform: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Url` |
     * | Type | `Edm.String` |
     */
    Url: string | null;
}

export interface EditableRepository extends Pick<Repository, "Name">, Partial<Pick<Repository, "Platform" | "Url">> {
}

export interface ProjectService {
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Name` |
     * | Type | `Edm.String` |
     * | Nullable | `false` |
     */
    Name: string;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Identifier` |
     * | Type | `Edm.String` |
     */
    Identifier: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `ExternalId` |
     * | Type | `Edm.String` |
     */
    ExternalId: string | null;
    /**
     *
     * OData Attributes:
     * |Attribute Name | Attribute Value |
     * | --- | ---|
     * | Name | `Dependencies` |
     * | Type | `Collection(Edm.String)` |
     * | Nullable | `false` |
     */
    Dependencies: Array<string>;
}

export interface EditableProjectService extends Pick<ProjectService, "Name" | "Dependencies">, Partial<Pick<ProjectService, "Identifier" | "ExternalId">> {
}

export interface CreateOrgHierarchyMappingParams {
    Parent: string;
    ParentType: string;
    Child: string;
    ChildType: string;
}
