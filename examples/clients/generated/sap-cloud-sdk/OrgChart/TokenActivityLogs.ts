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
import type { TokenActivityLogsApi } from './TokenActivityLogsApi';
import { Users, UsersType } from './Users';
import { AccessTokens, AccessTokensType } from './AccessTokens';

/**
 * This class represents the entity "TokenActivityLogs" of service "OrgChart".
 */
export class TokenActivityLogs<T extends DeSerializers = DefaultDeSerializers>
  extends Entity
  implements TokenActivityLogsType<T>
{
  /**
   * Technical entity name for TokenActivityLogs.
   */
  static override _entityName = 'TokenActivityLogs';
  /**
   * Default url path for the according service.
   */
  static override _defaultBasePath = '/odata';
  /**
   * All key fields of the TokenActivityLogs entity.
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
   * Token Id.
   */
  declare tokenId: DeserializedType<T, 'Edm.Int64'>;
  /**
   * User Id.
   */
  declare userId: DeserializedType<T, 'Edm.Int64'>;
  /**
   * Scope.
   * Maximum length: 50.
   * @nullable
   */
  declare scope?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Method.
   * Maximum length: 10.
   */
  declare method: DeserializedType<T, 'Edm.String'>;
  /**
   * Path.
   */
  declare path: DeserializedType<T, 'Edm.String'>;
  /**
   * Status.
   */
  declare status: DeserializedType<T, 'Edm.Int32'>;
  /**
   * Duration Ms.
   */
  declare durationMs: DeserializedType<T, 'Edm.Int32'>;
  /**
   * Client Address.
   * Maximum length: 100.
   * @nullable
   */
  declare clientAddress?: DeserializedType<T, 'Edm.String'> | null;
  /**
   * Created At.
   */
  declare createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  /**
   * One-to-one navigation property to the {@link Users} entity.
   */
  declare user?: Users<T> | null;
  /**
   * One-to-one navigation property to the {@link AccessTokens} entity.
   */
  declare token?: AccessTokens<T> | null;

  constructor(_entityApi: TokenActivityLogsApi<T>) {
    super(_entityApi);
  }
}

export interface TokenActivityLogsType<
  T extends DeSerializers = DefaultDeSerializers
> {
  id: DeserializedType<T, 'Edm.Int64'>;
  companyId: DeserializedType<T, 'Edm.Int32'>;
  tokenId: DeserializedType<T, 'Edm.Int64'>;
  userId: DeserializedType<T, 'Edm.Int64'>;
  scope?: DeserializedType<T, 'Edm.String'> | null;
  method: DeserializedType<T, 'Edm.String'>;
  path: DeserializedType<T, 'Edm.String'>;
  status: DeserializedType<T, 'Edm.Int32'>;
  durationMs: DeserializedType<T, 'Edm.Int32'>;
  clientAddress?: DeserializedType<T, 'Edm.String'> | null;
  createdAt: DeserializedType<T, 'Edm.DateTimeOffset'>;
  user?: UsersType<T> | null;
  token?: AccessTokensType<T> | null;
}
