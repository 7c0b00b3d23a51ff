/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import { Mappings } from './Mappings';
import { MappingsRequestBuilder } from './MappingsRequestBuilder';
import { ProjectsApi } from './ProjectsApi';
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
export class MappingsApi<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
> implements EntityApi<Mappings<DeSerializersT>, DeSerializersT> {
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
  ): MappingsApi<DeSerializersT> {
    return new MappingsApi(deSerializers);
  }

  private navigationPropertyFields!: {
    /**
     * Static representation of the one-to-one navigation property {@link project} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    PROJECT: OneToOneLink<
      Mappings<DeSerializersT>,
      DeSerializersT,
      ProjectsApi<DeSerializersT>
    >;
    /**
     * Static representation of the one-to-one navigation property {@link user} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    USER: OneToOneLink<
      Mappings<DeSerializersT>,
      DeSerializersT,
      UsersApi<DeSerializersT>
    >;
  };

  _addNavigationProperties(
    linkedApis: [ProjectsApi<DeSerializersT>, UsersApi<DeSerializersT>]
  ): this {
    this.navigationPropertyFields = {
      PROJECT: new OneToOneLink('Project', this, linkedApis[0]),
      USER: new OneToOneLink('User', this, linkedApis[1])
    };
    return this;
  }

  entityConstructor = Mappings;

  requestBuilder(): MappingsRequestBuilder<DeSerializersT> {
    return new MappingsRequestBuilder<DeSerializersT>(this);
  }

  entityBuilder(): EntityBuilderType<Mappings<DeSerializersT>, DeSerializersT> {
    return entityBuilder<Mappings<DeSerializersT>, DeSerializersT>(this);
  }

  customField<NullableT extends boolean = false>(
    fieldName: string,
    isNullable: NullableT = false as NullableT
  ): CustomField<Mappings<DeSerializersT>, DeSerializersT, NullableT> {
    return new CustomField(
      fieldName,
      this.entityConstructor,
      this.deSerializers,
      isNullable
    ) as any;
  }

  private _fieldBuilder?: FieldBuilder<typeof Mappings, DeSerializersT>;
  get fieldBuilder() {
    if (!this._fieldBuilder) {
      this._fieldBuilder = new FieldBuilder(Mappings, this.deSerializers);
    }
    return this._fieldBuilder;
  }

  private _schema?: {
    ID: OrderableEdmTypeField<
      Mappings<DeSerializers>,
      DeSerializersT,
      'Edm.Guid',
      false,
      true
    >;
    COMPANY_ID: OrderableEdmTypeField<
      Mappings<DeSerializers>,
      DeSerializersT,
      'Edm.Int32',
      false,
      true
    >;
    ATTRIBUTE_1: OrderableEdmTypeField<
      Mappings<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      false,
      true
    >;
    ATTRIBUTE_2: OrderableEdmTypeField<
      Mappings<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      false,
      true
    >;
    MAPPING_TYPE: OrderableEdmTypeField<
      Mappings<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      false,
      true
    >;
    RELATIONSHIP: OrderableEdmTypeField<
      Mappings<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      true,
      true
    >;
    CREATED_AT: OrderableEdmTypeField<
      Mappings<DeSerializers>,
      DeSerializersT,
      'Edm.DateTimeOffset',
      false,
      true
    >;
    /**
     * Static representation of the one-to-one navigation property {@link project} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    PROJECT: OneToOneLink<
      Mappings<DeSerializersT>,
      DeSerializersT,
      ProjectsApi<DeSerializersT>
    >;
    /**
     * Static representation of the one-to-one navigation property {@link user} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    USER: OneToOneLink<
      Mappings<DeSerializersT>,
      DeSerializersT,
      UsersApi<DeSerializersT>
    >;
    ALL_FIELDS: AllFields<Mappings<DeSerializers>>;
  };

  get schema() {
    if (!this._schema) {
      const fieldBuilder = this.fieldBuilder;
      this._schema = {
        /**
         * Static representation of the {@link id} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        ID: fieldBuilder.buildEdmTypeField('Id', 'Edm.Guid', false),
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
         * Static representation of the {@link attribute1} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        ATTRIBUTE_1: fieldBuilder.buildEdmTypeField(
          'Attribute1',
          'Edm.String',
          false
        ),
        /**
         * Static representation of the {@link attribute2} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        ATTRIBUTE_2: fieldBuilder.buildEdmTypeField(
          'Attribute2',
          'Edm.String',
          false
        ),
        /**
         * Static representation of the {@link mappingType} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        MAPPING_TYPE: fieldBuilder.buildEdmTypeField(
          'MappingType',
          'Edm.String',
          false
        ),
        /**
         * Static representation of the {@link relationship} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        RELATIONSHIP: fieldBuilder.buildEdmTypeField(
          'Relationship',
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
        ALL_FIELDS: new AllFields('*', Mappings)
      };
    }

    return this._schema;
  }
}
