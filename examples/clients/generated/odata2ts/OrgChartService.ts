import { ODataModelResponseV4, ODataCollectionResponseV4 } from "@odata2ts/odata-core";
import { StringCollection, QStringCollection, qStringCollection } from "@odata2ts/odata-query-objects";
import { ODataHttpClient, ODataHttpClientConfig, HttpResponseModel } from "@odata2ts/http-client-api";
import { ODataService, EntityTypeServiceV4, EntitySetServiceV4, CollectionServiceV4 } from "@odata2ts/odata-service";
import { UserId, OrganizationTeamHierarchyId, OrganizationTeamMemberHierarchyId, AuditLogId, ProjectId, TeamId, MappingId, AccessTokenId, TokenActivityLogId, Mapping, CreateOrgHierarchyMappingParams, User, EditableUser, OrganizationTeamHierarchy, EditableOrganizationTeamHierarchy, OrganizationTeamHierarchy_DescendantsParams, OrganizationTeamMemberHierarchy, EditableOrganizationTeamMemberHierarchy, AuditLog, EditableAuditLog, Project, EditableProject, Team, EditableTeam, EditableMapping, AccessToken, EditableAccessToken, TokenActivityLog, EditableTokenActivityLog, ProjectOwner, EditableProjectOwner, ProjectAssets, EditableProjectAssets, Repository, EditableRepository, ProjectService as ProjectService_1, EditableProjectService } from "./OrgChartModel";
import { QUserId, QOrganizationTeamHierarchyId, QOrganizationTeamMemberHierarchyId, QAuditLogId, QProjectId, QTeamId, QMappingId, QAccessTokenId, QTokenActivityLogId, QCreateOrgHierarchyMapping, QUser, qUser, User_QManagers, QOrganizationTeamHierarchy, qOrganizationTeamHierarchy, OrganizationTeamHierarchy_QAncestors, OrganizationTeamHierarchy_QDescendants, QOrganizationTeamMemberHierarchy, qOrganizationTeamMemberHierarchy, QAuditLog, qAuditLog, QProject, qProject, QTeam, qTeam, QMapping, qMapping, QAccessToken, qAccessToken, QTokenActivityLog, qTokenActivityLog, QProjectOwner, qProjectOwner, QProjectAssets, qProjectAssets, QRepository, qRepository, QProjectService, qProjectService } from "./QOrgChart";

export class OrgChartService<ClientType extends ODataHttpClient> extends ODataService<ClientType> {
    private _QCreateOrgHierarchyMapping?: QCreateOrgHierarchyMapping;

    public Users(): UserCollectionService<ClientType>;
    public Users(id: UserId): UserService<ClientType>;
    public Users(id?: UserId | undefined) {
        const fieldName = "Users";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new UserCollectionService(client, path, fieldName)
        : new UserService(client, path, new QUserId(fieldName).buildUrl(id));
    }

    public OrganizationTeamHierarchies(): OrganizationTeamHierarchyCollectionService<ClientType>;
    public OrganizationTeamHierarchies(id: OrganizationTeamHierarchyId): OrganizationTeamHierarchyService<ClientType>;
    public OrganizationTeamHierarchies(id?: OrganizationTeamHierarchyId | undefined) {
        const fieldName = "OrganizationTeamHierarchies";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new OrganizationTeamHierarchyCollectionService(client, path, fieldName)
        : new OrganizationTeamHierarchyService(client, path, new QOrganizationTeamHierarchyId(fieldName).buildUrl(id));
    }

    public OrganizationTeamMemberHierarchies(): OrganizationTeamMemberHierarchyCollectionService<ClientType>;
    public OrganizationTeamMemberHierarchies(id: OrganizationTeamMemberHierarchyId): OrganizationTeamMemberHierarchyService<ClientType>;
    public OrganizationTeamMemberHierarchies(id?: OrganizationTeamMemberHierarchyId | undefined) {
        const fieldName = "OrganizationTeamMemberHierarchies";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new OrganizationTeamMemberHierarchyCollectionService(client, path, fieldName)
        : new OrganizationTeamMemberHierarchyService(client, path, new QOrganizationTeamMemberHierarchyId(fieldName).buildUrl(id));
    }

    public AuditLogs(): AuditLogCollectionService<ClientType>;
    public AuditLogs(id: AuditLogId): AuditLogService<ClientType>;
    public AuditLogs(id?: AuditLogId | undefined) {
        const fieldName = "AuditLogs";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new AuditLogCollectionService(client, path, fieldName)
        : new AuditLogService(client, path, new QAuditLogId(fieldName).buildUrl(id));
    }

    public Projects(): ProjectCollectionService<ClientType>;
    public Projects(id: ProjectId): ProjectService<ClientType>;
    public Projects(id?: ProjectId | undefined) {
        const fieldName = "Projects";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new ProjectCollectionService(client, path, fieldName)
        : new ProjectService(client, path, new QProjectId(fieldName).buildUrl(id));
    }

    public Teams(): TeamCollectionService<ClientType>;
    public Teams(id: TeamId): TeamService<ClientType>;
    public Teams(id?: TeamId | undefined) {
        const fieldName = "Teams";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new TeamCollectionService(client, path, fieldName)
        : new TeamService(client, path, new QTeamId(fieldName).buildUrl(id));
    }

    public Mappings(): MappingCollectionService<ClientType>;
    public Mappings(id: MappingId): MappingService<ClientType>;
    public Mappings(id?: MappingId | undefined) {
        const fieldName = "Mappings";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new MappingCollectionService(client, path, fieldName)
        : new MappingService(client, path, new QMappingId(fieldName).buildUrl(id));
    }

    public AccessTokens(): AccessTokenCollectionService<ClientType>;
    public AccessTokens(id: AccessTokenId): AccessTokenService<ClientType>;
    public AccessTokens(id?: AccessTokenId | undefined) {
        const fieldName = "AccessTokens";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new AccessTokenCollectionService(client, path, fieldName)
        : new AccessTokenService(client, path, new QAccessTokenId(fieldName).buildUrl(id));
    }

    public TokenActivityLogs(): TokenActivityLogCollectionService<ClientType>;
    public TokenActivityLogs(id: TokenActivityLogId): TokenActivityLogService<ClientType>;
    public TokenActivityLogs(id?: TokenActivityLogId | undefined) {
        const fieldName = "TokenActivityLogs";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new TokenActivityLogCollectionService(client, path, fieldName)
        : new TokenActivityLogService(client, path, new QTokenActivityLogId(fieldName).buildUrl(id));
    }

    public async CreateOrgHierarchyMapping(params: CreateOrgHierarchyMappingParams, requestConfig?: ODataHttpClientConfig<ClientType>): Promise<HttpResponseModel<ODataModelResponseV4<Mapping>>> {
        if(!this._QCreateOrgHierarchyMapping) {
          this._QCreateOrgHierarchyMapping = new QCreateOrgHierarchyMapping()
        }

        const { addFullPath, client, getDefaultHeaders } = this.__base;
        const url = addFullPath(this._QCreateOrgHierarchyMapping.buildUrl());
        const response = await  client.post(url, this._QCreateOrgHierarchyMapping.convertUserParams(params), requestConfig, getDefaultHeaders());
        return this._QCreateOrgHierarchyMapping.convertResponse(response);
    }
}

export class UserService<ClientType extends ODataHttpClient> extends EntityTypeServiceV4<ClientType, User, EditableUser, QUser> {
    private _User_QManagers?: User_QManagers;

    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qUser);
    }

    public Memberships(): OrganizationTeamMemberHierarchyCollectionService<ClientType>;
    public Memberships(id: OrganizationTeamMemberHierarchyId): OrganizationTeamMemberHierarchyService<ClientType>;
    public Memberships(id?: OrganizationTeamMemberHierarchyId | undefined) {
        const fieldName = "Memberships";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new OrganizationTeamMemberHierarchyCollectionService(client, path, fieldName)
        : new OrganizationTeamMemberHierarchyService(client, path, new QOrganizationTeamMemberHierarchyId(fieldName).buildUrl(id));
    }

    public Teams(): TeamCollectionService<ClientType>;
    public Teams(id: TeamId): TeamService<ClientType>;
    public Teams(id?: TeamId | undefined) {
        const fieldName = "Teams";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new TeamCollectionService(client, path, fieldName)
        : new TeamService(client, path, new QTeamId(fieldName).buildUrl(id));
    }

    public Projects(): ProjectCollectionService<ClientType>;
    public Projects(id: ProjectId): ProjectService<ClientType>;
    public Projects(id?: ProjectId | undefined) {
        const fieldName = "Projects";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new ProjectCollectionService(client, path, fieldName)
        : new ProjectService(client, path, new QProjectId(fieldName).buildUrl(id));
    }

    public async Managers(requestConfig?: ODataHttpClientConfig<ClientType>): Promise<HttpResponseModel<ODataCollectionResponseV4<User>>> {
        if(!this._User_QManagers) {
          this._User_QManagers = new User_QManagers()
        }

        const { addFullPath, client, getDefaultHeaders } = this.__base;
        const url = addFullPath(this._User_QManagers.buildUrl());
        const response = await  client.get(url, requestConfig, getDefaultHeaders());
        return this._User_QManagers.convertResponse(response);
    }
}

export class UserCollectionService<ClientType extends ODataHttpClient> extends EntitySetServiceV4<ClientType, User, EditableUser, QUser, UserId> {
    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qUser, new QUserId(name));
    }
}

export class OrganizationTeamHierarchyService<ClientType extends ODataHttpClient> extends EntityTypeServiceV4<ClientType, OrganizationTeamHierarchy, EditableOrganizationTeamHierarchy, QOrganizationTeamHierarchy> {
    private _Parent?: OrganizationTeamHierarchyService<ClientType>;
    private _OrganizationTeamHierarchy_QAncestors?: OrganizationTeamHierarchy_QAncestors;
    private _OrganizationTeamHierarchy_QDescendants?: OrganizationTeamHierarchy_QDescendants;

    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qOrganizationTeamHierarchy);
    }

    public Parent(): OrganizationTeamHierarchyService<ClientType> {
        if(!this._Parent) {
          const { client, path } = this.__base;
          this._Parent = new OrganizationTeamHierarchyService(client, path, "Parent")
        }

        return this._Parent
    }

    public Children(): OrganizationTeamHierarchyCollectionService<ClientType>;
    public Children(id: OrganizationTeamHierarchyId): OrganizationTeamHierarchyService<ClientType>;
    public Children(id?: OrganizationTeamHierarchyId | undefined) {
        const fieldName = "Children";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new OrganizationTeamHierarchyCollectionService(client, path, fieldName)
        : new OrganizationTeamHierarchyService(client, path, new QOrganizationTeamHierarchyId(fieldName).buildUrl(id));
    }

    public Members(): OrganizationTeamMemberHierarchyCollectionService<ClientType>;
    public Members(id: OrganizationTeamMemberHierarchyId): OrganizationTeamMemberHierarchyService<ClientType>;
    public Members(id?: OrganizationTeamMemberHierarchyId | undefined) {
        const fieldName = "Members";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new OrganizationTeamMemberHierarchyCollectionService(client, path, fieldName)
        : new OrganizationTeamMemberHierarchyService(client, path, new QOrganizationTeamMemberHierarchyId(fieldName).buildUrl(id));
    }

    public async Ancestors(requestConfig?: ODataHttpClientConfig<ClientType>): Promise<HttpResponseModel<ODataCollectionResponseV4<OrganizationTeamHierarchy>>> {
        if(!this._OrganizationTeamHierarchy_QAncestors) {
          this._OrganizationTeamHierarchy_QAncestors = new OrganizationTeamHierarchy_QAncestors()
        }

        const { addFullPath, client, getDefaultHeaders } = this.__base;
        const url = addFullPath(this._OrganizationTeamHierarchy_QAncestors.buildUrl());
        const response = await  client.get(url, requestConfig, getDefaultHeaders());
        return this._OrganizationTeamHierarchy_QAncestors.convertResponse(response);
    }

    public async Descendants(params: OrganizationTeamHierarchy_DescendantsParams, requestConfig?: ODataHttpClientConfig<ClientType>): Promise<HttpResponseModel<ODataCollectionResponseV4<OrganizationTeamHierarchy>>> {
        if(!this._OrganizationTeamHierarchy_QDescendants) {
          this._OrganizationTeamHierarchy_QDescendants = new OrganizationTeamHierarchy_QDescendants()
        }

        const { addFullPath, client, getDefaultHeaders } = this.__base;
        const url = addFullPath(this._OrganizationTeamHierarchy_QDescendants.buildUrl(params));
        const response = await  client.get(url, requestConfig, getDefaultHeaders());
        return this._OrganizationTeamHierarchy_QDescendants.convertResponse(response);
    }
}

export class OrganizationTeamHierarchyCollectionService<ClientType extends ODataHttpClient> extends EntitySetServiceV4<ClientType, OrganizationTeamHierarchy, EditableOrganizationTeamHierarchy, QOrganizationTeamHierarchy, OrganizationTeamHierarchyId> {
    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qOrganizationTeamHierarchy, new QOrganizationTeamHierarchyId(name));
    }
}

export class OrganizationTeamMemberHierarchyService<ClientType extends ODataHttpClient> extends EntityTypeServiceV4<ClientType, OrganizationTeamMemberHierarchy, EditableOrganizationTeamMemberHierarchy, QOrganizationTeamMemberHierarchy> {
    private _User?: UserService<ClientType>;
    private _OrganizationTeamHierarchy?: OrganizationTeamHierarchyService<ClientType>;

    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qOrganizationTeamMemberHierarchy);
    }

    public User(): UserService<ClientType> {
        if(!this._User) {
          const { client, path } = this.__base;
          this._User = new UserService(client, path, "User")
        }

        return this._User
    }

    public OrganizationTeamHierarchy(): OrganizationTeamHierarchyService<ClientType> {
        if(!this._OrganizationTeamHierarchy) {
          const { client, path } = this.__base;
          this._OrganizationTeamHierarchy = new OrganizationTeamHierarchyService(client, path, "OrganizationTeamHierarchy")
        }

        return this._OrganizationTeamHierarchy
    }
}

export class OrganizationTeamMemberHierarchyCollectionService<ClientType extends ODataHttpClient> extends EntitySetServiceV4<ClientType, OrganizationTeamMemberHierarchy, EditableOrganizationTeamMemberHierarchy, QOrganizationTeamMemberHierarchy, OrganizationTeamMemberHierarchyId> {
    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qOrganizationTeamMemberHierarchy, new QOrganizationTeamMemberHierarchyId(name));
    }
}

export class AuditLogService<ClientType extends ODataHttpClient> extends EntityTypeServiceV4<ClientType, AuditLog, EditableAuditLog, QAuditLog> {
    private _User?: UserService<ClientType>;

    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qAuditLog);
    }

    public User(): UserService<ClientType> {
        if(!this._User) {
          const { client, path } = this.__base;
          this._User = new UserService(client, path, "User")
        }

        return this._User
    }
}

export class AuditLogCollectionService<ClientType extends ODataHttpClient> extends EntitySetServiceV4<ClientType, AuditLog, EditableAuditLog, QAuditLog, AuditLogId> {
    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qAuditLog, new QAuditLogId(name));
    }
}

export class ProjectService<ClientType extends ODataHttpClient> extends EntityTypeServiceV4<ClientType, Project, EditableProject, QProject> {
    private _ProjectOwner?: ProjectOwnerService<ClientType>;
    private _Assets?: ProjectAssetsService<ClientType>;

    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qProject);
    }

    public ProjectOwner(): ProjectOwnerService<ClientType> {
        if(!this._ProjectOwner) {
          const { client, path } = this.__base;
          this._ProjectOwner = new ProjectOwnerService(client, path, "ProjectOwner")
        }

        return this._ProjectOwner
    }

    public Assets(): ProjectAssetsService<ClientType> {
        if(!this._Assets) {
          const { client, path } = this.__base;
          this._Assets = new ProjectAssetsService(client, path, "Assets")
        }

        return this._Assets
    }

    public People(): UserCollectionService<ClientType>;
    public People(id: UserId): UserService<ClientType>;
    public People(id?: UserId | undefined) {
        const fieldName = "People";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new UserCollectionService(client, path, fieldName)
        : new UserService(client, path, new QUserId(fieldName).buildUrl(id));
    }
}

export class ProjectCollectionService<ClientType extends ODataHttpClient> extends EntitySetServiceV4<ClientType, Project, EditableProject, QProject, ProjectId> {
    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qProject, new QProjectId(name));
    }
}

export class TeamService<ClientType extends ODataHttpClient> extends EntityTypeServiceV4<ClientType, Team, EditableTeam, QTeam> {
    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qTeam);
    }

    public Users(): UserCollectionService<ClientType>;
    public Users(id: UserId): UserService<ClientType>;
    public Users(id?: UserId | undefined) {
        const fieldName = "Users";
        const { client, path } = this.__base;
        return typeof id === "undefined" || id === null
        ? new UserCollectionService(client, path, fieldName)
        : new UserService(client, path, new QUserId(fieldName).buildUrl(id));
    }
}

export class TeamCollectionService<ClientType extends ODataHttpClient> extends EntitySetServiceV4<ClientType, Team, EditableTeam, QTeam, TeamId> {
    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qTeam, new QTeamId(name));
    }
}

export class MappingService<ClientType extends ODataHttpClient> extends EntityTypeServiceV4<ClientType, Mapping, EditableMapping, QMapping> {
    private _Project?: ProjectService<ClientType>;
    private _User?: UserService<ClientType>;

    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qMapping);
    }

    public Project(): ProjectService<ClientType> {
        if(!this._Project) {
          const { client, path } = this.__base;
          this._Project = new ProjectService(client, path, "Project")
        }

        return this._Project
    }

    public User(): UserService<ClientType> {
        if(!this._User) {
          const { client, path } = this.__base;
          this._User = new UserService(client, path, "User")
        }

        return this._User
    }
}

export class MappingCollectionService<ClientType extends ODataHttpClient> extends EntitySetServiceV4<ClientType, Mapping, EditableMapping, QMapping, MappingId> {
    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qMapping, new QMappingId(name));
    }
}

export class AccessTokenService<ClientType extends ODataHttpClient> extends EntityTypeServiceV4<ClientType, AccessToken, EditableAccessToken, QAccessToken> {
    private _User?: UserService<ClientType>;

    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qAccessToken);
    }

    public User(): UserService<ClientType> {
        if(!this._User) {
          const { client, path } = this.__base;
          this._User = new UserService(client, path, "User")
        }

        return this._User
    }
}

export class AccessTokenCollectionService<ClientType extends ODataHttpClient> extends EntitySetServiceV4<ClientType, AccessToken, EditableAccessToken, QAccessToken, AccessTokenId> {
    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qAccessToken, new QAccessTokenId(name));
    }
}

export class TokenActivityLogService<ClientType extends ODataHttpClient> extends EntityTypeServiceV4<ClientType, TokenActivityLog, EditableTokenActivityLog, QTokenActivityLog> {
    private _User?: UserService<ClientType>;
    private _Token?: AccessTokenService<ClientType>;

    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qTokenActivityLog);
    }

    public User(): UserService<ClientType> {
        if(!this._User) {
          const { client, path } = this.__base;
          this._User = new UserService(client, path, "User")
        }

        return this._User
    }

    public Token(): AccessTokenService<ClientType> {
        if(!this._Token) {
          const { client, path } = this.__base;
          this._Token = new AccessTokenService(client, path, "Token")
        }

        return this._Token
    }
}

export class TokenActivityLogCollectionService<ClientType extends ODataHttpClient> extends EntitySetServiceV4<ClientType, TokenActivityLog, EditableTokenActivityLog, QTokenActivityLog, TokenActivityLogId> {
    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qTokenActivityLog, new QTokenActivityLogId(name));
    }
}

export class ProjectOwnerService<ClientType extends ODataHttpClient> extends EntityTypeServiceV4<ClientType, ProjectOwner, EditableProjectOwner, QProjectOwner> {
    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qProjectOwner);
    }
}

export class ProjectAssetsService<ClientType extends ODataHttpClient> extends EntityTypeServiceV4<ClientType, ProjectAssets, EditableProjectAssets, QProjectAssets> {
    private _Repositories?: CollectionServiceV4<ClientType, Repository, QRepository, EditableRepository>;
    private _Services?: CollectionServiceV4<ClientType, ProjectService_1, QProjectService, EditableProjectService>;

    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qProjectAssets);
    }

    public Repositories(): CollectionServiceV4<ClientType, Repository, QRepository, EditableRepository> {
        if(!this._Repositories) {
          const { client, path } = this.__base;
          this._Repositories = new CollectionServiceV4(client, path, "Repositories", qRepository)
        }

        return this._Repositories
    }

    public Services(): CollectionServiceV4<ClientType, ProjectService_1, QProjectService, EditableProjectService> {
        if(!this._Services) {
          const { client, path } = this.__base;
          this._Services = new CollectionServiceV4(client, path, "Services", qProjectService)
        }

        return this._Services
    }
}

export class RepositoryService<ClientType extends ODataHttpClient> extends EntityTypeServiceV4<ClientType, Repository, EditableRepository, QRepository> {
    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qRepository);
    }
}

export class ProjectServiceService<ClientType extends ODataHttpClient> extends EntityTypeServiceV4<ClientType, ProjectService_1, EditableProjectService, QProjectService> {
    private _Dependencies?: CollectionServiceV4<ClientType, StringCollection, QStringCollection>;

    constructor(client: ClientType, basePath: string, name: string) {
        super(client, basePath, name, qProjectService);
    }

    public Dependencies() {
        if(!this._Dependencies) {
          const { client, path } = this.__base;
          this._Dependencies = new CollectionServiceV4(client, path, "Dependencies", qStringCollection)
        }

        return this._Dependencies
    }
}
