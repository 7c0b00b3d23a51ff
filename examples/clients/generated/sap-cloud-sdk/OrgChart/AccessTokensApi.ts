/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import { AccessTokens } from './AccessTokens';
import { AccessTokensRequestBuilder } from './AccessTokensRequestBuilder';
import { UsersApi } from './UsersApi';
import {
  CustomField,
  defaultDeSerializers,
  DefaultDeSerializers,
  DeSerializers,
  AllFields,
  entityBuilder,
  EntityBuilderType,
  EntityApi,
  FieldBuilder,
  OrderableEdmTypeField,
  OneToOneLink
} from '@sap-cloud-sdk/odata-v4';
export class AccessTokensApi<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
> implements EntityApi<AccessTokens<DeSerializersT>, DeSerializersT> {
  public deSerializers: DeSerializersT;

  private constructor(
    deSerializers: DeSerializersT = defaultDeSerializers as any
  ) {
    this.deSerializers = deSerializers;
  }

  /**
   * Do not use this method or the constructor directly.
   * Use the service function as described in the documentation to get an API instance.
   */
  public static _privateFactory<
    DeSerializersT extends DeSerializers = DefaultDeSerializers
  >(
    deSerializers: DeSerializersT = defaultDeSerializers as any
  ): AccessTokensApi<DeSerializersT> {
    return new AccessTokensApi(deSerializers);
  }

  private navigationPropertyFields!: {
    /**
     * Static representation of the one-to-one navigation property {@link user} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    USER: OneToOneLink<
      AccessTokens<DeSerializersT>,
      DeSerializersT,
      UsersApi<DeSerializersT>
    >;
  };

  _addNavigationProperties(linkedApis: [UsersApi<DeSerializersT>]): this {
    this.navigationPropertyFields = {
      USER: new OneToOneLink('User', this, linkedApis[0])
    };
    return this;
  }

  entityConstructor = AccessTokens;

  requestBuilder(): AccessTokensRequestBuilder<DeSerializersT> {
    return new AccessTokensRequestBuilder<DeSerializersT>(this);
  }

  entityBuilder(): EntityBuilderType<
    AccessTokens<DeSerializersT>,
    DeSerializersT
  > {
    return entityBuilder<AccessTokens<DeSerializersT>, DeSerializersT>(this);
  }

  customField<NullableT extends boolean = false>(
    fieldName: string,
    isNullable: NullableT = false as NullableT
  ): CustomField<AccessTokens<DeSerializersT>, DeSerializersT, NullableT> {
    return new CustomField(
      fieldName,
      this.entityConstructor,
      this.deSerializers,
      isNullable
    ) as any;
  }

  private _fieldBuilder?: FieldBuilder<typeof AccessTokens, DeSerializersT>;
  get fieldBuilder() {
    if (!this._fieldBuilder) {
      this._fieldBuilder = new FieldBuilder(AccessTokens, this.deSerializers);
    }
    return this._fieldBuilder;
  }

  private _schema?: {
    ID: OrderableEdmTypeField<
      AccessTokens<DeSerializers>,
      DeSerializersT,
      'Edm.Int64',
      false,
      true
    >;
    COMPANY_ID: OrderableEdmTypeField<
      AccessTokens<DeSerializers>,
      DeSerializersT,
      'Edm.Int32',
      false,
      true
    >;
    USER_ID: OrderableEdmTypeField<
      AccessTokens<DeSerializers>,
      DeSerializersT,
      'Edm.Int64',
      false,
      true
    >;
    NAME: OrderableEdmTypeField<
      AccessTokens<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      false,
      true
    >;
    SCOPES: OrderableEdmTypeField<
      AccessTokens<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      false,
      true
    >;
    CREATED_AT: OrderableEdmTypeField<
      AccessTokens<DeSerializers>,
      DeSerializersT,
      'Edm.DateTimeOffset',
      false,
      true
    >;
    EXPIRES_AT: OrderableEdmTypeField<
      AccessTokens<DeSerializers>,
      DeSerializersT,
      'Edm.DateTimeOffset',
      false,
      true
    >;
    LAST_USED_AT: OrderableEdmTypeField<
      AccessTokens<DeSerializers>,
      DeSerializersT,
      'Edm.DateTimeOffset',
      true,
      true
    >;
    REVOKED_AT: OrderableEdmTypeField<
      AccessTokens<DeSerializers>,
      DeSerializersT,
      'Edm.DateTimeOffset',
      true,
      true
    >;
    TOKEN: OrderableEdmTypeField<
      AccessTokens<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      true,
      true
    >;
    /**
     * Static representation of the one-to-one navigation property {@link user} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    USER: OneToOneLink<
      AccessTokens<DeSerializersT>,
      DeSerializersT,
      UsersApi<DeSerializersT>
    >;
    ALL_FIELDS: AllFields<AccessTokens<DeSerializers>>;
  };

  get schema() {
    if (!this._schema) {
      const fieldBuilder = this.fieldBuilder;
      this._schema = {
        /**
         * Static representation of the {@link id} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        ID: fieldBuilder.buildEdmTypeField('Id', 'Edm.Int64', false),
        /**
         * Static representation of the {@link companyId} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        COMPANY_ID: fieldBuilder.buildEdmTypeField(
          'CompanyId',
          'Edm.Int32',
          false
        ),
        /**
         * Static representation of the {@link userId} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        USER_ID: fieldBuilder.buildEdmTypeField('UserId', 'Edm.Int64', false),
        /**
         * Static representation of the {@link name} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        NAME: fieldBuilder.buildEdmTypeField('Name', 'Edm.String', false),
        /**
         * Static representation of the {@link scopes} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        SCOPES: fieldBuilder.buildEdmTypeField('Scopes', 'Edm.String', false),
        /**
         * Static representation of the {@link createdAt} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        CREATED_AT: fieldBuilder.buildEdmTypeField(
          'CreatedAt',
          'Edm.DateTimeOffset',
          false,
          3
        ),
        /**
         * Static representation of the {@link expiresAt} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        EXPIRES_AT: fieldBuilder.buildEdmTypeField(
          'ExpiresAt',
          'Edm.DateTimeOffset',
          false,
          3
        ),
        /**
         * Static representation of the {@link lastUsedAt} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        LAST_USED_AT: fieldBuilder.buildEdmTypeField(
          'LastUsedAt',
          'Edm.DateTimeOffset',
          true,
          3
        ),
        /**
         * Static representation of the {@link revokedAt} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        REVOKED_AT: fieldBuilder.buildEdmTypeField(
          'RevokedAt',
          'Edm.DateTimeOffset',
          true,
          3
        ),
        /**
         * Static representation of the {@link token} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        TOKEN: fieldBuilder.buildEdmTypeField('Token', 'Edm.String', true),
        ...this.navigationPropertyFields,
        /**
         *
         * All fields selector.
         */
        ALL_FIELDS: new AllFields('*', AccessTokens)
      };
    }

    return this._schema;
  }
}
