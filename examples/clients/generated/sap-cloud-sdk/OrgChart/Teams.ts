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
import type { TeamsApi } from './TeamsApi';
import { Users, UsersType } from './Users';

/**
 * This class represents the entity "Teams" of service "OrgChart".
 */
export class Teams<T extends DeSerializers = DefaultDeSerializers>
  extends Entity
  implements TeamsType<T>
{
  /**
   * Technical entity name for Teams.
   */
  static override _entityName = 'Teams';
  /**
   * Default url path for the according service.
   */
  static override _defaultBasePath = '/odata';
  /**
   * All key fields of the Teams entity.
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
   * Active.
   */
  declare active: DeserializedType<T, 'Edm.Boolean'>;
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
  declare users: Users<T>[];

  constructor(_entityApi: TeamsApi<T>) {
    super(_entityApi);
  }
}

export interface TeamsType<T extends DeSerializers = DefaultDeSerializers> {
  id: DeserializedType<T, 'Edm.Int64'>;
  companyId: DeserializedType<T, 'Edm.Int32'>;
  name: DeserializedType<T, 'Edm.String'>;
  description?: DeserializedType<T, 'Edm.String'> | null;
  active: DeserializedType<T, 'Edm.Boolean'>;
  createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  updatedAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  users: UsersType<T>[];
}
