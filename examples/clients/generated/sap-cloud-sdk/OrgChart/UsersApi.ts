/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import { Users } from './Users';
import { UsersRequestBuilder } from './UsersRequestBuilder';
import { OrganizationTeamMemberHierarchiesApi } from './OrganizationTeamMemberHierarchiesApi';
import { TeamsApi } from './TeamsApi';
import { ProjectsApi } from './ProjectsApi';
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
  OneToManyLink
} from '@sap-cloud-sdk/odata-v4';
export class UsersApi<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
> implements EntityApi<Users<DeSerializersT>, DeSerializersT> {
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
  ): UsersApi<DeSerializersT> {
    return new UsersApi(deSerializers);
  }

  private navigationPropertyFields!: {
    /**
     * Static representation of the one-to-many navigation property {@link memberships} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    MEMBERSHIPS: OneToManyLink<
      Users<DeSerializersT>,
      DeSerializersT,
      OrganizationTeamMemberHierarchiesApi<DeSerializersT>
    >;
    /**
     * Static representation of the one-to-many navigation property {@link teams} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    TEAMS: OneToManyLink<
      Users<DeSerializersT>,
      DeSerializersT,
      TeamsApi<DeSerializersT>
    >;
    /**
     * Static representation of the one-to-many navigation property {@link projects} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    PROJECTS: OneToManyLink<
      Users<DeSerializersT>,
      DeSerializersT,
      ProjectsApi<DeSerializersT>
    >;
  };

  _addNavigationProperties(
    linkedApis: [
      OrganizationTeamMemberHierarchiesApi<DeSerializersT>,
      TeamsApi<DeSerializersT>,
      ProjectsApi<DeSerializersT>
    ]
  ): this {
    this.navigationPropertyFields = {
      MEMBERSHIPS: new OneToManyLink('Memberships', this, linkedApis[0]),
      TEAMS: new OneToManyLink('Teams', this, linkedApis[1]),
      PROJECTS: new OneToManyLink('Projects', this, linkedApis[2])
    };
    return this;
  }

  entityConstructor = Users;

  requestBuilder(): UsersRequestBuilder<DeSerializersT> {
    return new UsersRequestBuilder<DeSerializersT>(this);
  }

  entityBuilder(): EntityBuilderType<Users<DeSerializersT>, DeSerializersT> {
    return entityBuilder<Users<DeSerializersT>, DeSerializersT>(this);
  }

  customField<NullableT extends boolean = false>(
    fieldName: string,
    isNullable: NullableT = false as NullableT
  ): CustomField<Users<DeSerializersT>, DeSerializersT, NullableT> {
    return new CustomField(
      fieldName,
      this.entityConstructor,
      this.deSerializers,
      isNullable
    ) as any;
  }

  private _fieldBuilder?: FieldBuilder<typeof Users, DeSerializersT>;
  get fieldBuilder() {
    if (!this._fieldBuilder) {
      this._fieldBuilder = new FieldBuilder(Users, this.deSerializers);
    }
    return this._fieldBuilder;
  }

  private _schema?: {
    ID: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.Int64',
      false,
      true
    >;
    COMPANY_ID: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.Int32',
      false,
      true
    >;
    USER_NAME: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      false,
      true
    >;
    EMAIL: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      true,
      true
    >;
    FIRST_NAME: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      true,
      true
    >;
    LAST_NAME: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      true,
      true
    >;
    DISPLAY_NAME: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      true,
      true
    >;
    EXTERNAL_ID: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      true,
      true
    >;
    ORGANIZATION: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      true,
      true
    >;
    BUSINESS: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      true,
      true
    >;
    DEPARTMENT: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      true,
      true
    >;
    GROUP: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      true,
      true
    >;
    TEAM: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.String',
      true,
      true
    >;
    IS_ADMINISTRATOR: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.Boolean',
      false,
      true
    >;
    IS_ACTIVE: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.Boolean',
      false,
      true
    >;
    CREATED_AT: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.DateTimeOffset',
      false,
      true
    >;
    UPDATED_AT: OrderableEdmTypeField<
      Users<DeSerializers>,
      DeSerializersT,
      'Edm.DateTimeOffset',
      false,
      true
    >;
    /**
     * Static representation of the one-to-many navigation property {@link memberships} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    MEMBERSHIPS: OneToManyLink<
      Users<DeSerializersT>,
      DeSerializersT,
      OrganizationTeamMemberHierarchiesApi<DeSerializersT>
    >;
    /**
     * Static representation of the one-to-many navigation property {@link teams} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    TEAMS: OneToManyLink<
      Users<DeSerializersT>,
      DeSerializersT,
      TeamsApi<DeSerializersT>
    >;
    /**
     * Static representation of the one-to-many navigation property {@link projects} for query construction.
     * Use to reference this property in query operations such as 'select' in the fluent request API.
     */
    PROJECTS: OneToManyLink<
      Users<DeSerializersT>,
      DeSerializersT,
      ProjectsApi<DeSerializersT>
    >;
    ALL_FIELDS: AllFields<Users<DeSerializers>>;
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
         * Static representation of the {@link userName} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        USER_NAME: fieldBuilder.buildEdmTypeField(
          'UserName',
          'Edm.String',
          false
        ),
        /**
         * Static representation of the {@link email} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        EMAIL: fieldBuilder.buildEdmTypeField('Email', 'Edm.String', true),
        /**
         * Static representation of the {@link firstName} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        FIRST_NAME: fieldBuilder.buildEdmTypeField(
          'FirstName',
          'Edm.String',
          true
        ),
        /**
         * Static representation of the {@link lastName} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        LAST_NAME: fieldBuilder.buildEdmTypeField(
          'LastName',
          'Edm.String',
          true
        ),
        /**
         * Static representation of the {@link displayName} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        DISPLAY_NAME: fieldBuilder.buildEdmTypeField(
          'DisplayName',
          'Edm.String',
          true
        ),
        /**
         * Static representation of the {@link externalId} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        EXTERNAL_ID: fieldBuilder.buildEdmTypeField(
          'ExternalId',
          'Edm.String',
          true
        ),
        /**
         * Static representation of the {@link organization} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        ORGANIZATION: fieldBuilder.buildEdmTypeField(
          'Organization',
          'Edm.String',
          true
        ),
        /**
         * Static representation of the {@link business} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        BUSINESS: fieldBuilder.buildEdmTypeField(
          'Business',
          'Edm.String',
          true
        ),
        /**
         * Static representation of the {@link department} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        DEPARTMENT: fieldBuilder.buildEdmTypeField(
          'Department',
          'Edm.String',
          true
        ),
        /**
         * Static representation of the {@link group} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        GROUP: fieldBuilder.buildEdmTypeField('Group', 'Edm.String', true),
        /**
         * Static representation of the {@link team} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        TEAM: fieldBuilder.buildEdmTypeField('Team', 'Edm.String', true),
        /**
         * Static representation of the {@link isAdministrator} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        IS_ADMINISTRATOR: fieldBuilder.buildEdmTypeField(
          'IsAdministrator',
          'Edm.Boolean',
          false
        ),
        /**
         * Static representation of the {@link isActive} property for query construction.
         * Use to reference this property in query operations such as 'select' in the fluent request API.
         */
        IS_ACTIVE: fieldBuilder.buildEdmTypeField(
          'IsActive',
          'Edm.Boolean',
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
        ALL_FIELDS: new AllFields('*', Users)
      };
    }

    return this._schema;
  }
}
