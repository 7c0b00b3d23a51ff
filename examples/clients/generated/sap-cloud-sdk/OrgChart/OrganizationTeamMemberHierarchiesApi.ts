/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import { OrganizationTeamMemberHierarchies } from './OrganizationTeamMemberHierarchies';
import { OrganizationTeamMemberHierarchiesRequestBuilder } from './OrganizationTeamMemberHierarchiesRequestBuilder';
import { UsersApi } from './UsersApi';
import { OrganizationTeamHierarchiesApi } from './OrganizationTeamHierarchiesApi';
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
export class OrganizationTeamMemberHierarchiesApi<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
> implements EntityApi<
  OrganizationTeamMemberHierarchies<DeSerializersT>,
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
  ): OrganizationTeamMemberHierarchiesApi<DeSerializersT> {
    return new OrganizationTeamMemberHierarchiesApi(deSerializers);
  }

  private navigationPropertyFields!: {
    /**
     * Static representation of the one-to-one navigation property {@link user} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    USER: OneToOneLink<
      OrganizationTeamMemberHierarchies<DeSerializersT>,
      DeSerializersT,
      UsersApi<DeSerializersT>
    >;
    /**
     * Static representation of the one-to-one navigation property {@link organizationTeamHierarchy} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    ORGANIZATION_TEAM_HIERARCHY: OneToOneLink<
      OrganizationTeamMemberHierarchies<DeSerializersT>,
      DeSerializersT,
      OrganizationTeamHierarchiesApi<DeSerializersT>
    >;
  };

  _addNavigationProperties(
    linkedApis: [
      UsersApi<DeSerializersT>,
      OrganizationTeamHierarchiesApi<DeSerializersT>
    ]
  ): this {
    this.navigationPropertyFields = {
      USER: new OneToOneLink('User', this, linkedApis[0]),
      ORGANIZATION_TEAM_HIERARCHY: new OneToOneLink(
        'OrganizationTeamHierarchy',
        this,
        linkedApis[1]
      )
    };
    return this;
  }

  entityConstructor = OrganizationTeamMemberHierarchies;

  requestBuilder(): OrganizationTeamMemberHierarchiesRequestBuilder<DeSerializersT> {
    return new OrganizationTeamMemberHierarchiesRequestBuilder<DeSerializersT>(
      this
    );
  }

  entityBuilder(): EntityBuilderType<
    OrganizationTeamMemberHierarchies<DeSerializersT>,
    DeSerializersT
  > {
    return entityBuilder<
      OrganizationTeamMemberHierarchies<DeSerializersT>,
      DeSerializersT
    >(this);
  }

  customField<NullableT extends boolean = false>(
    fieldName: string,
    isNullable: NullableT = false as NullableT
  ): CustomField<
    OrganizationTeamMemberHierarchies<DeSerializersT>,
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
    typeof OrganizationTeamMemberHierarchies,
    DeSerializersT
  >;
  get fieldBuilder() {
    if (!this._fieldBuilder) {
      this._fieldBuilder = new FieldBuilder(
        OrganizationTeamMemberHierarchies,
        this.deSerializers
      );
    }
    return this._fieldBuilder;
  }

  private _schema?: {
    ID: OrderableEdmTypeField<
      OrganizationTeamMemberHierarchies<DeSerializers>,
      DeSerializersT,
      'Edm.Int64',
      false,
      true
    >;
    COMPANY_ID: OrderableEdmTypeField<
      OrganizationTeamMemberHierarchies<DeSerializers>,
      DeSerializersT,
      'Edm.Int32',
      false,
      true
    >;
    USER_ID: OrderableEdmTypeField<
      OrganizationTeamMemberHierarchies<DeSerializers>,
      DeSerializersT,
      'Edm.Int64',
      false,
      true
    >;
    ORGANIZATION_TEAM_HIERARCHY_ID: OrderableEdmTypeField<
      OrganizationTeamMemberHierarchies<DeSerializers>,
      DeSerializersT,
      'Edm.Int64',
      false,
      true
    >;
    CREATED_AT: OrderableEdmTypeField<
      OrganizationTeamMemberHierarchies<DeSerializers>,
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
      OrganizationTeamMemberHierarchies<DeSerializersT>,
      DeSerializersT,
      UsersApi<DeSerializersT>
    >;
    /**
     * Static representation of the one-to-one navigation property {@link organizationTeamHierarchy} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    ORGANIZATION_TEAM_HIERARCHY: OneToOneLink<
      OrganizationTeamMemberHierarchies<DeSerializersT>,
      DeSerializersT,
      OrganizationTeamHierarchiesApi<DeSerializersT>
    >;
    ALL_FIELDS: AllFields<OrganizationTeamMemberHierarchies<DeSerializers>>;
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
         * Static representation of the {@link organizationTeamHierarchyId} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        ORGANIZATION_TEAM_HIERARCHY_ID: fieldBuilder.buildEdmTypeField(
          'OrganizationTeamHierarchyId',
          'Edm.Int64',
          false
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
        ALL_FIELDS: new AllFields('*', OrganizationTeamMemberHierarchies)
      };
    }

    return this._schema;
  }
}
