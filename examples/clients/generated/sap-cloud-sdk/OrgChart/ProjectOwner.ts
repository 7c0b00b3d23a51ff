/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import {
  CollectionField,
  ComplexTypeField,
  ConstructorOrField,
  DeSerializers,
  DefaultDeSerializers,
  DeserializedType,
  EdmTypeField,
  Entity,
  EnumField,
  FieldBuilder,
  FieldOptions,
  OrderableEdmTypeField,
  PropertyMetadata
} from '@sap-cloud-sdk/odata-v4';

/**
 * ProjectOwner
 */
export interface ProjectOwner<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
> {
  /**
   * First Name.
   * @nullable
   */
  firstName?: DeserializedType<DeSerializersT, 'Edm.String'>;
  /**
   * Last Name.
   * @nullable
   */
  lastName?: DeserializedType<DeSerializersT, 'Edm.String'>;
  /**
   * Email.
   * @nullable
   */
  email?: DeserializedType<DeSerializersT, 'Edm.String'>;
}

/**
 * ProjectOwnerField
 * @typeParam EntityT - Type of the entity the complex type field belongs to.
 */
export class ProjectOwnerField<
  EntityT extends Entity,
  DeSerializersT extends DeSerializers = DefaultDeSerializers,
  NullableT extends boolean = false,
  SelectableT extends boolean = false
> extends ComplexTypeField<
  EntityT,
  DeSerializersT,
  ProjectOwner,
  NullableT,
  SelectableT
> {
  private _fieldBuilder: FieldBuilder<this, DeSerializersT> = new FieldBuilder(
    this,
    this.deSerializers
  );
  /**
   * Representation of the {@link ProjectOwner.firstName} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  firstName: OrderableEdmTypeField<
    EntityT,
    DeSerializersT,
    'Edm.String',
    true,
    false
  > = this._fieldBuilder.buildEdmTypeField('FirstName', 'Edm.String', true);
  /**
   * Representation of the {@link ProjectOwner.lastName} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  lastName: OrderableEdmTypeField<
    EntityT,
    DeSerializersT,
    'Edm.String',
    true,
    false
  > = this._fieldBuilder.buildEdmTypeField('LastName', 'Edm.String', true);
  /**
   * Representation of the {@link ProjectOwner.email} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  email: OrderableEdmTypeField<
    EntityT,
    DeSerializersT,
    'Edm.String',
    true,
    false
  > = this._fieldBuilder.buildEdmTypeField('Email', 'Edm.String', true);

  /**
   * Creates an instance of ProjectOwnerField.
   * @param fieldName - Actual name of the field as used in the OData request.
   * @param fieldOf - Either the parent entity constructor of the parent complex type this field belongs to.
   */
  constructor(
    fieldName: string,
    fieldOf: ConstructorOrField<EntityT>,
    deSerializers: DeSerializersT,
    fieldOptions?: FieldOptions<NullableT, SelectableT>
  ) {
    super(fieldName, fieldOf, deSerializers, ProjectOwner, fieldOptions);
  }
}

export namespace ProjectOwner {
  /**
   * Metadata information on all properties of the `ProjectOwner` complex type.
   */
  export const _propertyMetadata: PropertyMetadata<ProjectOwner>[] = [
    {
      originalName: 'FirstName',
      name: 'firstName',
      type: 'Edm.String',
      isCollection: false
    },
    {
      originalName: 'LastName',
      name: 'lastName',
      type: 'Edm.String',
      isCollection: false
    },
    {
      originalName: 'Email',
      name: 'email',
      type: 'Edm.String',
      isCollection: false
    }
  ];
}
