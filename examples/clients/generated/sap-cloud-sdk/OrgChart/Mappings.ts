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
import type { MappingsApi } from './MappingsApi';
import { Projects, ProjectsType } from './Projects';
import { Users, UsersType } from './Users';

/**
 * This class represents the entity "Mappings" of service "OrgChart".
 */
export class Mappings<T extends DeSerializers = DefaultDeSerializers>
  extends Entity
  implements MappingsType<T>
{
  /**
   * Technical entity name for Mappings.
   */
  static override _entityName = 'Mappings';
  /**
   * Default url path for the according service.
   */
  static override _defaultBasePath = '/odata';
  /**
   * All key fields of the Mappings entity.
   */
  static _keys = ['Id'];
  /**
   * Id.
   */
  declare id: DeserializedType<T, 'Edm.Guid'>;
  /**
   * Company Id.
   */
  declare companyId: DeserializedType<T, 'Edm.Int32'>;
  /**
   * Attribute 1.
   * Maximum length: 254.
   */
  declare attribute1: DeserializedType<T, 'Edm.String'>;
  /**
   * Attribute 2.
   * Maximum length: 254.
   */
  declare attribute2: DeserializedType<T, 'Edm.String'>;
  /**
   * Mapping Type.
   * Maximum length: 100.
   */
  declare mappingType: DeserializedType<T, 'Edm.String'>;
  /**
   * Relationship.
   * Maximum length: 100.
   * @nullable
   */
  declare relationship?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Created At.
   */
  declare createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  /**
   * One-to-one navigation property to the {@link Projects} entity.
   */
  declare project?: Projects<T> | null;
  /**
   * One-to-one navigation property to the {@link Users} entity.
   */
  declare user?: Users<T> | null;

  constructor(_entityApi: MappingsApi<T>) {
    super(_entityApi);
  }
}

export interface MappingsType<T extends DeSerializers = DefaultDeSerializers> {
  id: DeserializedType<T, 'Edm.Guid'>;
  companyId: DeserializedType<T, 'Edm.Int32'>;
  attribute1: DeserializedType<T, 'Edm.String'>;
  attribute2: DeserializedType<T, 'Edm.String'>;
  mappingType: DeserializedType<T, 'Edm.String'>;
  relationship?: DeserializedType<T, 'Edm.String'> | null;
  createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  project?: ProjectsType<T> | null;
  user?: UsersType<T> | null;
}
