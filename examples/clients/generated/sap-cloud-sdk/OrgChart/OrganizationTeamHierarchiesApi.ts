/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import { OrganizationTeamHierarchies } from './OrganizationTeamHierarchies';
import { OrganizationTeamHierarchiesRequestBuilder } from './OrganizationTeamHierarchiesRequestBuilder';
import { OrganizationTeamMemberHierarchiesApi } from './OrganizationTeamMemberHierarchiesApi';
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
  OneToOneLink,
  OneToManyLink
} from '@sap-cloud-sdk/odata-v4';
export class OrganizationTeamHierarchiesApi<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
> implements EntityApi<
  OrganizationTeamHierarchies<DeSerializersT>,
  DeSerializersT
> {
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
  ): OrganizationTeamHierarchiesApi<DeSerializersT> {
    return new OrganizationTeamHierarchiesApi(deSerializers);
  }

  private navigationPropertyFields!: {
    /**
     * Static representation of the one-to-one navigation property {@link parent} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    PARENT: OneToOneLink<
      OrganizationTeamHierarchies<DeSerializersT>,
      DeSerializersT,
      OrganizationTeamHierarchiesApi<DeSerializersT>
    >;
    /**
     * Static representation of the one-to-many navigation property {@link children} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    CHILDREN: OneToManyLink<
      OrganizationTeamHierarchies<DeSerializersT>,
      DeSerializersT,
      OrganizationTeamHierarchiesApi<DeSerializersT>
    >;
    /**
     * Static representation of the one-to-many navigation property {@link members} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    MEMBERS: OneToManyLink<
      OrganizationTeamHierarchies<DeSerializersT>,
      DeSerializersT,
      OrganizationTeamMemberHierarchiesApi<DeSerializersT>
    >;
  };

  _addNavigationProperties(
    linkedApis: [
      OrganizationTeamHierarchiesApi<DeSerializersT>,
      OrganizationTeamHierarchiesApi<DeSerializersT>,
      OrganizationTeamMemberHierarchiesApi<DeSerializersT>
    ]
  ): this {
    this.navigationPropertyFields = {
      PARENT: new OneToOneLink('Parent', this, linkedApis[0]),
      CHILDREN: new OneToManyLink('Children', this, linkedApis[1]),
      MEMBERS: new OneToManyLink('Members', this, linkedApis[2])
    };
    return this;
  }

  entityConstructor = OrganizationTeamHierarchies;

  requestBuilder(): OrganizationTeamHierarchiesRequestBuilder<DeSerializersT> {
    return new OrganizationTeamHierarchiesRequestBuilder<DeSerializersT>(this);
  }

  entityBuilder(): EntityBuilderType<
    OrganizationTeamHierarchies<DeSerializersT>,
    DeSerializersT
  > {
    return entityBuilder<
      OrganizationTeamHierarchies<DeSerializersT>,
      DeSerializersT
    >(this);
  }

  customField<NullableT extends boolean = false>(
    fieldName: string,
    isNullable: NullableT = false as NullableT
  ): CustomField<
    OrganizationTeamHierarchies<DeSerializersT>,
    DeSerializersT,
    NullableT
  > {
    return new CustomField(
      fieldName,
      this.entityConstructor,
      this.deSerializers,
      isNullable
    ) as any;
  }

  private _fieldBuilder?: FieldBuilder<
    typeof OrganizationTeamHierarchies,
    DeSerializersT
  >;
  get fieldBuilder() {
    if (!this._fieldBuilder) {
      this._fieldBuilder = new FieldBuilder(
        OrganizationTeamHierarchies,
        this.deSerializers
      );
    }
    return this._fieldBuilder;
  }

  private _schema?: {
    ID: OrderableEdmTypeField<
      OrganizationTeamHierarchies<DeSerializers>,
      DeSerializersT,
      'Edm.Int64',
      false,
      true
    >;
    COMPANY_ID: OrderableEdmTypeField<
      OrganizationTeamHierarchies<DeSerializers>,
      DeSerializersT,
      'Edm.Int32',
      false,
      true
    >;
    NAME: OrderableEdmTypeField<
      OrganizationTeamHierarchies<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      false,
      true
    >;
    DESCRIPTION: OrderableEdmTypeField<
      OrganizationTeamHierarchies<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      true,
      true
    >;
    PARENT_ID: OrderableEdmTypeField<
      OrganizationTeamHierarchies<DeSerializers>,
      DeSerializersT,
      'Edm.Int64',
      true,
      true
    >;
    CREATED_AT: OrderableEdmTypeField<
      OrganizationTeamHierarchies<DeSerializers>,
      DeSerializersT,
      'Edm.DateTimeOffset',
      false,
      true
    >;
    UPDATED_AT: OrderableEdmTypeField<
      OrganizationTeamHierarchies<DeSerializers>,
      DeSerializersT,
      'Edm.DateTimeOffset',
      false,
      true
    >;
    /**
     * Static representation of the one-to-one navigation property {@link parent} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    PARENT: OneToOneLink<
      OrganizationTeamHierarchies<DeSerializersT>,
      DeSerializersT,
      OrganizationTeamHierarchiesApi<DeSerializersT>
    >;
    /**
     * Static representation of the one-to-many navigation property {@link children} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    CHILDREN: OneToManyLink<
      OrganizationTeamHierarchies<DeSerializersT>,
      DeSerializersT,
      OrganizationTeamHierarchiesApi<DeSerializersT>
    >;
    /**
     * Static representation of the one-to-many navigation property {@link members} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    MEMBERS: OneToManyLink<
      OrganizationTeamHierarchies<DeSerializersT>,
      DeSerializersT,
      OrganizationTeamMemberHierarchiesApi<DeSerializersT>
    >;
    ALL_FIELDS: AllFields<OrganizationTeamHierarchies<DeSerializers>>;
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
         * Static representation of the {@link name} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        NAME: fieldBuilder.buildEdmTypeField('Name', 'Edm.String', false),
        /**
         * Static representation of the {@link description} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        DESCRIPTION: fieldBuilder.buildEdmTypeField(
          'Description',
          'Edm.String',
          true
        ),
        /**
         * Static representation of the {@link parentId} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        PARENT_ID: fieldBuilder.buildEdmTypeField(
          'ParentId',
          'Edm.Int64',
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
        /**
         * Static representation of the {@link updatedAt} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        UPDATED_AT: fieldBuilder.buildEdmTypeField(
          'UpdatedAt',
          'Edm.DateTimeOffset',
          false,
          3
        ),
        ...this.navigationPropertyFields,
        /**
         *
         * All fields selector.
         */
        ALL_FIELDS: new AllFields('*', OrganizationTeamHierarchies)
      };
    }

    return this._schema;
  }
}
