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
import type { OrganizationTeamHierarchiesApi } from './OrganizationTeamHierarchiesApi';
import {
  OrganizationTeamMemberHierarchies,
  OrganizationTeamMemberHierarchiesType
} from './OrganizationTeamMemberHierarchies';

/**
 * This class represents the entity "OrganizationTeamHierarchies" of service "OrgChart".
 */
export class OrganizationTeamHierarchies<
  T extends DeSerializers = DefaultDeSerializers
>
  extends Entity
  implements OrganizationTeamHierarchiesType<T>
{
  /**
   * Technical entity name for OrganizationTeamHierarchies.
   */
  static override _entityName = 'OrganizationTeamHierarchies';
  /**
   * Default url path for the according service.
   */
  static override _defaultBasePath = '/odata';
  /**
   * All key fields of the OrganizationTeamHierarchies entity.
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
   * Name.
   * Maximum length: 200.
   */
  declare name: DeserializedType<T, 'Edm.String'>;
  /**
   * Description.
   * Maximum length: 2000.
   * @nullable
   */
  declare description?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Parent Id.
   * @nullable
   */
  declare parentId?: DeserializedType<T, 'Edm.Int64'> | null;
  /**
   * Created At.
   */
  declare createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  /**
   * Updated At.
   */
  declare updatedAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  /**
   * One-to-one navigation property to the {@link OrganizationTeamHierarchies} entity.
   */
  declare parent?: OrganizationTeamHierarchies<T> | null;
  /**
   * One-to-many navigation property to the {@link OrganizationTeamHierarchies} entity.
   */
  declare children: OrganizationTeamHierarchies<T>[];
  /**
   * One-to-many navigation property to the {@link OrganizationTeamMemberHierarchies} entity.
   */
  declare members: OrganizationTeamMemberHierarchies<T>[];

  constructor(_entityApi: OrganizationTeamHierarchiesApi<T>) {
    super(_entityApi);
  }
}

export interface OrganizationTeamHierarchiesType<
  T extends DeSerializers = DefaultDeSerializers
> {
  id: DeserializedType<T, 'Edm.Int64'>;
  companyId: DeserializedType<T, 'Edm.Int32'>;
  name: DeserializedType<T, 'Edm.String'>;
  description?: DeserializedType<T, 'Edm.String'> | null;
  parentId?: DeserializedType<T, 'Edm.Int64'> | null;
  createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  updatedAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  parent?: OrganizationTeamHierarchiesType<T> | null;
  children: OrganizationTeamHierarchiesType<T>[];
  members: OrganizationTeamMemberHierarchiesType<T>[];
}
