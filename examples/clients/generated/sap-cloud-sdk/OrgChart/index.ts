/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
export * from './Users';
export * from './OrganizationTeamHierarchies';
export * from './OrganizationTeamMemberHierarchies';
export * from './AuditLogs';
export * from './Projects';
export * from './Teams';
export * from './Mappings';
export * from './AccessTokens';
export * from './TokenActivityLogs';
export * from './UsersRequestBuilder';
export * from './OrganizationTeamHierarchiesRequestBuilder';
export * from './OrganizationTeamMemberHierarchiesRequestBuilder';
export * from './AuditLogsRequestBuilder';
export * from './ProjectsRequestBuilder';
export * from './TeamsRequestBuilder';
export * from './MappingsRequestBuilder';
export * from './AccessTokensRequestBuilder';
export * from './TokenActivityLogsRequestBuilder';
export * from './ProjectOwner';
export * from './ProjectAssets';
export * from './Repository';
export * from './ProjectService';
export * from './operations';
export * from './BatchRequest';
export * from './service';
