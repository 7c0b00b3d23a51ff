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
import type { UsersApi } from './UsersApi';
import {
  OrganizationTeamMemberHierarchies,
  OrganizationTeamMemberHierarchiesType
} from './OrganizationTeamMemberHierarchies';
import { Teams, TeamsType } from './Teams';
import { Projects, ProjectsType } from './Projects';

/**
 * This class represents the entity "Users" of service "OrgChart".
 */
export class Users<T extends DeSerializers = DefaultDeSerializers>
  extends Entity
  implements UsersType<T>
{
  /**
   * Technical entity name for Users.
   */
  static override _entityName = 'Users';
  /**
   * Default url path for the according service.
   */
  static override _defaultBasePath = '/odata';
  /**
   * All key fields of the Users entity.
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
   * User Name.
   * Maximum length: 100.
   */
  declare userName: DeserializedType<T, 'Edm.String'>;
  /**
   * Email.
   * Maximum length: 254.
   * @nullable
   */
  declare email?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * First Name.
   * Maximum length: 100.
   * @nullable
   */
  declare firstName?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Last Name.
   * Maximum length: 100.
   * @nullable
   */
  declare lastName?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Display Name.
   * Maximum length: 200.
   * @nullable
   */
  declare displayName?: DeserializedType<T, 'Edm.String'> | null;
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
   * Is Administrator.
   */
  declare isAdministrator: DeserializedType<T, 'Edm.Boolean'>;
  /**
   * Is Active.
   */
  declare isActive: DeserializedType<T, 'Edm.Boolean'>;
  /**
   * Created At.
   */
  declare createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  /**
   * Updated At.
   */
  declare updatedAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  /**
   * One-to-many navigation property to the {@link OrganizationTeamMemberHierarchies} entity.
   */
  declare memberships: OrganizationTeamMemberHierarchies<T>[];
  /**
   * One-to-many navigation property to the {@link Teams} entity.
   */
  declare teams: Teams<T>[];
  /**
   * One-to-many navigation property to the {@link Projects} entity.
   */
  declare projects: Projects<T>[];

  constructor(_entityApi: UsersApi<T>) {
    super(_entityApi);
  }
}

export interface UsersType<T extends DeSerializers = DefaultDeSerializers> {
  id: DeserializedType<T, 'Edm.Int64'>;
  companyId: DeserializedType<T, 'Edm.Int32'>;
  userName: DeserializedType<T, 'Edm.String'>;
  email?: DeserializedType<T, 'Edm.String'> | null;
  firstName?: DeserializedType<T, 'Edm.String'> | null;
  lastName?: DeserializedType<T, 'Edm.String'> | null;
  displayName?: DeserializedType<T, 'Edm.String'> | null;
  externalId?: DeserializedType<T, 'Edm.String'> | null;
  organization?: DeserializedType<T, 'Edm.String'> | null;
  business?: DeserializedType<T, 'Edm.String'> | null;
  department?: DeserializedType<T, 'Edm.String'> | null;
  group?: DeserializedType<T, 'Edm.String'> | null;
  team?: DeserializedType<T, 'Edm.String'> | null;
  isAdministrator: DeserializedType<T, 'Edm.Boolean'>;
  isActive: DeserializedType<T, 'Edm.Boolean'>;
  createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  updatedAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  memberships: OrganizationTeamMemberHierarchiesType<T>[];
  teams: TeamsType<T>[];
  projects: ProjectsType<T>[];
}
