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
import { ProjectOwner, ProjectOwnerField } from './ProjectOwner';
import { ProjectAssets, ProjectAssetsField } from './ProjectAssets';
import type { ProjectsApi } from './ProjectsApi';
import { Users, UsersType } from './Users';

/**
 * This class represents the entity "Projects" of service "OrgChart".
 */
export class Projects<T extends DeSerializers = DefaultDeSerializers>
  extends Entity
  implements ProjectsType<T>
{
  /**
   * Technical entity name for Projects.
   */
  static override _entityName = 'Projects';
  /**
   * Default url path for the according service.
   */
  static override _defaultBasePath = '/odata';
  /**
   * All key fields of the Projects entity.
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
   * Project Id.
   * Maximum length: 100.
   */
  declare projectId: DeserializedType<T, 'Edm.String'>;
  /**
   * Project Name.
   * Maximum length: 200.
   */
  declare projectName: DeserializedType<T, 'Edm.String'>;
  /**
   * External Id.
   * Maximum length: 100.
   * @nullable
   */
  declare externalId?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Organization.
   * Maximum length: 100.
   * @nullable
   */
  declare organization?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Business.
   * Maximum length: 100.
   * @nullable
   */
  declare business?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Department.
   * Maximum length: 100.
   * @nullable
   */
  declare department?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Group.
   * Maximum length: 100.
   * @nullable
   */
  declare group?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Team.
   * Maximum length: 100.
   * @nullable
   */
  declare team?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Project Owner.
   * @nullable
   */
  declare projectOwner?: ProjectOwner<T> | null;
  /**
   * Assets.
   * @nullable
   */
  declare assets?: ProjectAssets<T> | null;
  /**
   * Created At.
   */
  declare createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  /**
   * Updated At.
   */
  declare updatedAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  /**
   * One-to-many navigation property to the {@link Users} entity.
   */
  declare people: Users<T>[];

  constructor(_entityApi: ProjectsApi<T>) {
    super(_entityApi);
  }
}

export interface ProjectsType<T extends DeSerializers = DefaultDeSerializers> {
  id: DeserializedType<T, 'Edm.Int64'>;
  companyId: DeserializedType<T, 'Edm.Int32'>;
  projectId: DeserializedType<T, 'Edm.String'>;
  projectName: DeserializedType<T, 'Edm.String'>;
  externalId?: DeserializedType<T, 'Edm.String'> | null;
  organization?: DeserializedType<T, 'Edm.String'> | null;
  business?: DeserializedType<T, 'Edm.String'> | null;
  department?: DeserializedType<T, 'Edm.String'> | null;
  group?: DeserializedType<T, 'Edm.String'> | null;
  team?: DeserializedType<T, 'Edm.String'> | null;
  projectOwner?: ProjectOwner<T> | null;
  assets?: ProjectAssets<T> | null;
  createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  updatedAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  people: UsersType<T>[];
}
