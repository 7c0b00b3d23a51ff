/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import { TokenActivityLogs } from './TokenActivityLogs';
import { TokenActivityLogsRequestBuilder } from './TokenActivityLogsRequestBuilder';
import { UsersApi } from './UsersApi';
import { AccessTokensApi } from './AccessTokensApi';
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
export class TokenActivityLogsApi<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
> implements EntityApi<TokenActivityLogs<DeSerializersT>, DeSerializersT> {
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
  ): TokenActivityLogsApi<DeSerializersT> {
    return new TokenActivityLogsApi(deSerializers);
  }

  private navigationPropertyFields!: {
    /**
     * Static representation of the one-to-one navigation property {@link user} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    USER: OneToOneLink<
      TokenActivityLogs<DeSerializersT>,
      DeSerializersT,
      UsersApi<DeSerializersT>
    >;
    /**
     * Static representation of the one-to-one navigation property {@link token} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    TOKEN: OneToOneLink<
      TokenActivityLogs<DeSerializersT>,
      DeSerializersT,
      AccessTokensApi<DeSerializersT>
    >;
  };

  _addNavigationProperties(
    linkedApis: [UsersApi<DeSerializersT>, AccessTokensApi<DeSerializersT>]
  ): this {
    this.navigationPropertyFields = {
      USER: new OneToOneLink('User', this, linkedApis[0]),
      TOKEN: new OneToOneLink('Token', this, linkedApis[1])
    };
    return this;
  }

  entityConstructor = TokenActivityLogs;

  requestBuilder(): TokenActivityLogsRequestBuilder<DeSerializersT> {
    return new TokenActivityLogsRequestBuilder<DeSerializersT>(this);
  }

  entityBuilder(): EntityBuilderType<
    TokenActivityLogs<DeSerializersT>,
    DeSerializersT
  > {
    return entityBuilder<TokenActivityLogs<DeSerializersT>, DeSerializersT>(
      this
    );
  }

  customField<NullableT extends boolean = false>(
    fieldName: string,
    isNullable: NullableT = false as NullableT
  ): CustomField<TokenActivityLogs<DeSerializersT>, DeSerializersT, NullableT> {
    return new CustomField(
      fieldName,
      this.entityConstructor,
      this.deSerializers,
      isNullable
    ) as any;
  }

  private _fieldBuilder?: FieldBuilder<
    typeof TokenActivityLogs,
    DeSerializersT
  >;
  get fieldBuilder() {
    if (!this._fieldBuilder) {
      this._fieldBuilder = new FieldBuilder(
        TokenActivityLogs,
        this.deSerializers
      );
    }
    return this._fieldBuilder;
  }

  private _schema?: {
    ID: OrderableEdmTypeField<
      TokenActivityLogs<DeSerializers>,
      DeSerializersT,
      'Edm.Int64',
      false,
      true
    >;
    COMPANY_ID: OrderableEdmTypeField<
      TokenActivityLogs<DeSerializers>,
      DeSerializersT,
      'Edm.Int32',
      false,
      true
    >;
    TOKEN_ID: OrderableEdmTypeField<
      TokenActivityLogs<DeSerializers>,
      DeSerializersT,
      'Edm.Int64',
      false,
      true
    >;
    USER_ID: OrderableEdmTypeField<
      TokenActivityLogs<DeSerializers>,
      DeSerializersT,
      'Edm.Int64',
      false,
      true
    >;
    SCOPE: OrderableEdmTypeField<
      TokenActivityLogs<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      true,
      true
    >;
    METHOD: OrderableEdmTypeField<
      TokenActivityLogs<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      false,
      true
    >;
    PATH: OrderableEdmTypeField<
      TokenActivityLogs<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      false,
      true
    >;
    STATUS: OrderableEdmTypeField<
      TokenActivityLogs<DeSerializers>,
      DeSerializersT,
      'Edm.Int32',
      false,
      true
    >;
    DURATION_MS: OrderableEdmTypeField<
      TokenActivityLogs<DeSerializers>,
      DeSerializersT,
      'Edm.Int32',
      false,
      true
    >;
    CLIENT_ADDRESS: OrderableEdmTypeField<
      TokenActivityLogs<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      true,
      true
    >;
    CREATED_AT: OrderableEdmTypeField<
      TokenActivityLogs<DeSerializers>,
      DeSerializersT,
      'Edm.DateTimeOffset',
      false,
      true
    >;
    /**
     * Static representation of the one-to-one navigation property {@link user} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    USER: OneToOneLink<
      TokenActivityLogs<DeSerializersT>,
      DeSerializersT,
      UsersApi<DeSerializersT>
    >;
    /**
     * Static representation of the one-to-one navigation property {@link token} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    TOKEN: OneToOneLink<
      TokenActivityLogs<DeSerializersT>,
      DeSerializersT,
      AccessTokensApi<DeSerializersT>
    >;
    ALL_FIELDS: AllFields<TokenActivityLogs<DeSerializers>>;
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
         * Static representation of the {@link tokenId} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        TOKEN_ID: fieldBuilder.buildEdmTypeField('TokenId', 'Edm.Int64', false),
        /**
         * Static representation of the {@link userId} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        USER_ID: fieldBuilder.buildEdmTypeField('UserId', 'Edm.Int64', false),
        /**
         * Static representation of the {@link scope} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        SCOPE: fieldBuilder.buildEdmTypeField('Scope', 'Edm.String', true),
        /**
         * Static representation of the {@link method} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        METHOD: fieldBuilder.buildEdmTypeField('Method', 'Edm.String', false),
        /**
         * Static representation of the {@link path} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        PATH: fieldBuilder.buildEdmTypeField('Path', 'Edm.String', false),
        /**
         * Static representation of the {@link status} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        STATUS: fieldBuilder.buildEdmTypeField('Status', 'Edm.Int32', false),
        /**
         * Static representation of the {@link durationMs} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        DURATION_MS: fieldBuilder.buildEdmTypeField(
          'DurationMs',
          'Edm.Int32',
          false
        ),
        /**
         * Static representation of the {@link clientAddress} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        CLIENT_ADDRESS: fieldBuilder.buildEdmTypeField(
          'ClientAddress',
          'Edm.String',
          true
        ),
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
        ...this.navigationPropertyFields,
        /**
         *
         * All fields selector.
         */
        ALL_FIELDS: new AllFields('*', TokenActivityLogs)
      };
    }

    return this._schema;
  }
}
