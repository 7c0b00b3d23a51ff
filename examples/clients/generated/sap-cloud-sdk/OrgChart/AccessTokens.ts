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
import type { AccessTokensApi } from './AccessTokensApi';
import { Users, UsersType } from './Users';

/**
 * This class represents the entity "AccessTokens" of service "OrgChart".
 */
export class AccessTokens<T extends DeSerializers = DefaultDeSerializers>
  extends Entity
  implements AccessTokensType<T>
{
  /**
   * Technical entity name for AccessTokens.
   */
  static override _entityName = 'AccessTokens';
  /**
   * Default url path for the according service.
   */
  static override _defaultBasePath = '/odata';
  /**
   * All key fields of the AccessTokens entity.
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
   * Name.
   * Maximum length: 200.
   */
  declare name: DeserializedType<T, 'Edm.String'>;
  /**
   * Scopes.
   * Maximum length: 200.
   */
  declare scopes: DeserializedType<T, 'Edm.String'>;
  /**
   * Created At.
   */
  declare createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  /**
   * Expires At.
   */
  declare expiresAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  /**
   * Last Used At.
   * @nullable
   */
  declare lastUsedAt?: DeserializedType<T, 'Edm.DateTimeOffset'> | null;
  /**
   * Revoked At.
   * @nullable
   */
  declare revokedAt?: DeserializedType<T, 'Edm.DateTimeOffset'> | null;
  /**
   * Token.
   * @nullable
   */
  declare token?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * One-to-one navigation property to the {@link Users} entity.
   */
  declare user?: Users<T> | null;

  constructor(_entityApi: AccessTokensApi<T>) {
    super(_entityApi);
  }
}

export interface AccessTokensType<
  T extends DeSerializers = DefaultDeSerializers
> {
  id: DeserializedType<T, 'Edm.Int64'>;
  companyId: DeserializedType<T, 'Edm.Int32'>;
  userId: DeserializedType<T, 'Edm.Int64'>;
  name: DeserializedType<T, 'Edm.String'>;
  scopes: DeserializedType<T, 'Edm.String'>;
  createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  expiresAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  lastUsedAt?: DeserializedType<T, 'Edm.DateTimeOffset'> | null;
  revokedAt?: DeserializedType<T, 'Edm.DateTimeOffset'> | null;
  token?: DeserializedType<T, 'Edm.String'> | null;
  user?: UsersType<T> | null;
}
