/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import {
  Entity,
  DefaultDeSerializers,
  DeSerializers,
  DeserializedType
} from '@sap-cloud-sdk/odata-v4';
import type { OrganizationTeamMemberHierarchiesApi } from './OrganizationTeamMemberHierarchiesApi';
import { Users, UsersType } from './Users';
import {
  OrganizationTeamHierarchies,
  OrganizationTeamHierarchiesType
} from './OrganizationTeamHierarchies';

/**
 * This class represents the entity "OrganizationTeamMemberHierarchies" of service "OrgChart".
 */
export class OrganizationTeamMemberHierarchies<
  T extends DeSerializers = DefaultDeSerializers
>
  extends Entity
  implements OrganizationTeamMemberHierarchiesType<T>
{
  /**
   * Technical entity name for OrganizationTeamMemberHierarchies.
   */
  static override _entityName = 'OrganizationTeamMemberHierarchies';
  /**
   * Default url path for the according service.
   */
  static override _defaultBasePath = '/odata';
  /**
   * All key fields of the OrganizationTeamMemberHierarchies entity.
   */
  static _keys = ['Id'];
  /**
   * Id.
   */
  declare id: DeserializedType<T, 'Edm.Int64'>;
  /**
   * Company Id.
   */
  declare companyId: DeserializedType<T, 'Edm.Int32'>;
  /**
   * User Id.
   */
  declare userId: DeserializedType<T, 'Edm.Int64'>;
  /**
   * Organization Team Hierarchy Id.
   */
  declare organizationTeamHierarchyId: DeserializedType<T, 'Edm.Int64'>;
  /**
   * Created At.
   */
  declare createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  /**
   * One-to-one navigation property to the {@link Users} entity.
   */
  declare user?: Users<T> | null;
  /**
   * One-to-one navigation property to the {@link OrganizationTeamHierarchies} entity.
   */
  declare organizationTeamHierarchy?: OrganizationTeamHierarchies<T> | null;

  constructor(_entityApi: OrganizationTeamMemberHierarchiesApi<T>) {
    super(_entityApi);
  }
}

export interface OrganizationTeamMemberHierarchiesType<
  T extends DeSerializers = DefaultDeSerializers
> {
  id: DeserializedType<T, 'Edm.Int64'>;
  companyId: DeserializedType<T, 'Edm.Int32'>;
  userId: DeserializedType<T, 'Edm.Int64'>;
  organizationTeamHierarchyId: DeserializedType<T, 'Edm.Int64'>;
  createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  user?: UsersType<T> | null;
  organizationTeamHierarchy?: OrganizationTeamHierarchiesType<T> | null;
}
