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
import type { AuditLogsApi } from './AuditLogsApi';
import { Users, UsersType } from './Users';

/**
 * This class represents the entity "AuditLogs" of service "OrgChart".
 */
export class AuditLogs<T extends DeSerializers = DefaultDeSerializers>
  extends Entity
  implements AuditLogsType<T>
{
  /**
   * Technical entity name for AuditLogs.
   */
  static override _entityName = 'AuditLogs';
  /**
   * Default url path for the according service.
   */
  static override _defaultBasePath = '/odata';
  /**
   * All key fields of the AuditLogs entity.
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
   * Action.
   * Maximum length: 20.
   */
  declare action: DeserializedType<T, 'Edm.String'>;
  /**
   * Entity Set.
   * Maximum length: 100.
   */
  declare entitySet: DeserializedType<T, 'Edm.String'>;
  /**
   * Entity Key.
   * Maximum length: 100.
   */
  declare entityKey: DeserializedType<T, 'Edm.String'>;
  /**
   * Changed Properties.
   */
  declare changedProperties: DeserializedType<T, 'Edm.String'>;
  /**
   * Changes.
   */
  declare changes: DeserializedType<T, 'Edm.String'>;
  /**
   * Request Id.
   * Maximum length: 64.
   * @nullable
   */
  declare requestId?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Created At.
   */
  declare createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  /**
   * One-to-one navigation property to the {@link Users} entity.
   */
  declare user?: Users<T> | null;

  constructor(_entityApi: AuditLogsApi<T>) {
    super(_entityApi);
  }
}

export interface AuditLogsType<T extends DeSerializers = DefaultDeSerializers> {
  id: DeserializedType<T, 'Edm.Int64'>;
  companyId: DeserializedType<T, 'Edm.Int32'>;
  userId: DeserializedType<T, 'Edm.Int64'>;
  action: DeserializedType<T, 'Edm.String'>;
  entitySet: DeserializedType<T, 'Edm.String'>;
  entityKey: DeserializedType<T, 'Edm.String'>;
  changedProperties: DeserializedType<T, 'Edm.String'>;
  changes: DeserializedType<T, 'Edm.String'>;
  requestId?: DeserializedType<T, 'Edm.String'> | null;
  createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  user?: UsersType<T> | null;
}
