/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import {
  CreateRequestBuilder,
  DeleteRequestBuilder,
  DeSerializers,
  GetAllRequestBuilder,
  GetByKeyRequestBuilder,
  ODataBatchRequestBuilder,
  UpdateRequestBuilder,
  OperationRequestBuilder,
  BatchChangeSet
} from '@sap-cloud-sdk/odata-v4';
import { transformVariadicArgumentToArray } from '@sap-cloud-sdk/util';
import {
  Users,
  OrganizationTeamHierarchies,
  OrganizationTeamMemberHierarchies,
  AuditLogs,
  Projects,
  Teams,
  Mappings,
  AccessTokens,
  TokenActivityLogs,
  CreateOrgHierarchyMappingParameters
} from './index';

/**
 * Batch builder for operations supported on the OrgChart.
 * @param requests The requests of the batch.
 * @returns A request builder for batch.
 */
export function batch<DeSerializersT extends DeSerializers>(
  ...requests: Array<
    ReadOrgChartRequestBuilder<DeSerializersT> | BatchChangeSet<DeSerializersT>
  >
): ODataBatchRequestBuilder<DeSerializersT>;
export function batch<DeSerializersT extends DeSerializers>(
  requests: Array<
    ReadOrgChartRequestBuilder<DeSerializersT> | BatchChangeSet<DeSerializersT>
  >
): ODataBatchRequestBuilder<DeSerializersT>;
export function batch<DeSerializersT extends DeSerializers>(
  first:
    | undefined
    | ReadOrgChartRequestBuilder<DeSerializersT>
    | BatchChangeSet<DeSerializersT>
    | Array<
        | ReadOrgChartRequestBuilder<DeSerializersT>
        | BatchChangeSet<DeSerializersT>
      >,
  ...rest: Array<
    ReadOrgChartRequestBuilder<DeSerializersT> | BatchChangeSet<DeSerializersT>
  >
): ODataBatchRequestBuilder<DeSerializersT> {
  return new ODataBatchRequestBuilder(
    defaultOrgChartPath,
    transformVariadicArgumentToArray(first, rest)
  );
}

/**
 * Change set constructor consists of write operations supported on the OrgChart.
 * @param requests The requests of the change set.
 * @returns A change set for batch.
 */
export function changeset<DeSerializersT extends DeSerializers>(
  ...requests: Array<WriteOrgChartRequestBuilder<DeSerializersT>>
): BatchChangeSet<DeSerializersT>;
export function changeset<DeSerializersT extends DeSerializers>(
  requests: Array<WriteOrgChartRequestBuilder<DeSerializersT>>
): BatchChangeSet<DeSerializersT>;
export function changeset<DeSerializersT extends DeSerializers>(
  first:
    | undefined
    | WriteOrgChartRequestBuilder<DeSerializersT>
    | Array<WriteOrgChartRequestBuilder<DeSerializersT>>,
  ...rest: Array<WriteOrgChartRequestBuilder<DeSerializersT>>
): BatchChangeSet<DeSerializersT> {
  return new BatchChangeSet(transformVariadicArgumentToArray(first, rest));
}

export const defaultOrgChartPath = '/odata';
export type ReadOrgChartRequestBuilder<DeSerializersT extends DeSerializers> =
  | GetAllRequestBuilder<Users<DeSerializersT>, DeSerializersT>
  | GetAllRequestBuilder<
      OrganizationTeamHierarchies<DeSerializersT>,
      DeSerializersT
    >
  | GetAllRequestBuilder<
      OrganizationTeamMemberHierarchies<DeSerializersT>,
      DeSerializersT
    >
  | GetAllRequestBuilder<AuditLogs<DeSerializersT>, DeSerializersT>
  | GetAllRequestBuilder<Projects<DeSerializersT>, DeSerializersT>
  | GetAllRequestBuilder<Teams<DeSerializersT>, DeSerializersT>
  | GetAllRequestBuilder<Mappings<DeSerializersT>, DeSerializersT>
  | GetAllRequestBuilder<AccessTokens<DeSerializersT>, DeSerializersT>
  | GetAllRequestBuilder<TokenActivityLogs<DeSerializersT>, DeSerializersT>
  | GetByKeyRequestBuilder<Users<DeSerializersT>, DeSerializersT>
  | GetByKeyRequestBuilder<
      OrganizationTeamHierarchies<DeSerializersT>,
      DeSerializersT
    >
  | GetByKeyRequestBuilder<
      OrganizationTeamMemberHierarchies<DeSerializersT>,
      DeSerializersT
    >
  | GetByKeyRequestBuilder<AuditLogs<DeSerializersT>, DeSerializersT>
  | GetByKeyRequestBuilder<Projects<DeSerializersT>, DeSerializersT>
  | GetByKeyRequestBuilder<Teams<DeSerializersT>, DeSerializersT>
  | GetByKeyRequestBuilder<Mappings<DeSerializersT>, DeSerializersT>
  | GetByKeyRequestBuilder<AccessTokens<DeSerializersT>, DeSerializersT>
  | GetByKeyRequestBuilder<TokenActivityLogs<DeSerializersT>, DeSerializersT>;
export type WriteOrgChartRequestBuilder<DeSerializersT extends DeSerializers> =
  | CreateRequestBuilder<Users<DeSerializersT>, DeSerializersT>
  | UpdateRequestBuilder<Users<DeSerializersT>, DeSerializersT>
  | DeleteRequestBuilder<Users<DeSerializersT>, DeSerializersT>
  | CreateRequestBuilder<
      OrganizationTeamHierarchies<DeSerializersT>,
      DeSerializersT
    >
  | UpdateRequestBuilder<
      OrganizationTeamHierarchies<DeSerializersT>,
      DeSerializersT
    >
  | DeleteRequestBuilder<
      OrganizationTeamHierarchies<DeSerializersT>,
      DeSerializersT
    >
  | CreateRequestBuilder<
      OrganizationTeamMemberHierarchies<DeSerializersT>,
      DeSerializersT
    >
  | UpdateRequestBuilder<
      OrganizationTeamMemberHierarchies<DeSerializersT>,
      DeSerializersT
    >
  | DeleteRequestBuilder<
      OrganizationTeamMemberHierarchies<DeSerializersT>,
      DeSerializersT
    >
  | CreateRequestBuilder<AuditLogs<DeSerializersT>, DeSerializersT>
  | UpdateRequestBuilder<AuditLogs<DeSerializersT>, DeSerializersT>
  | DeleteRequestBuilder<AuditLogs<DeSerializersT>, DeSerializersT>
  | CreateRequestBuilder<Projects<DeSerializersT>, DeSerializersT>
  | UpdateRequestBuilder<Projects<DeSerializersT>, DeSerializersT>
  | DeleteRequestBuilder<Projects<DeSerializersT>, DeSerializersT>
  | CreateRequestBuilder<Teams<DeSerializersT>, DeSerializersT>
  | UpdateRequestBuilder<Teams<DeSerializersT>, DeSerializersT>
  | DeleteRequestBuilder<Teams<DeSerializersT>, DeSerializersT>
  | CreateRequestBuilder<Mappings<DeSerializersT>, DeSerializersT>
  | UpdateRequestBuilder<Mappings<DeSerializersT>, DeSerializersT>
  | DeleteRequestBuilder<Mappings<DeSerializersT>, DeSerializersT>
  | CreateRequestBuilder<AccessTokens<DeSerializersT>, DeSerializersT>
  | UpdateRequestBuilder<AccessTokens<DeSerializersT>, DeSerializersT>
  | DeleteRequestBuilder<AccessTokens<DeSerializersT>, DeSerializersT>
  | CreateRequestBuilder<TokenActivityLogs<DeSerializersT>, DeSerializersT>
  | UpdateRequestBuilder<TokenActivityLogs<DeSerializersT>, DeSerializersT>
  | DeleteRequestBuilder<TokenActivityLogs<DeSerializersT>, DeSerializersT>
  | OperationRequestBuilder<
      DeSerializersT,
      CreateOrgHierarchyMappingParameters<DeSerializersT>,
      Mappings
    >;
