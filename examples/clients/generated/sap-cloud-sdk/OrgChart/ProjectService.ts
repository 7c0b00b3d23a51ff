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
 * ProjectService
 */
export interface ProjectService<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
> {
  /**
   * Name.
   */
  name: DeserializedType<DeSerializersT, 'Edm.String'>;
  /**
   * Identifier.
   * @nullable
   */
  identifier?: DeserializedType<DeSerializersT, 'Edm.String'>;
  /**
   * External Id.
   * @nullable
   */
  externalId?: DeserializedType<DeSerializersT, 'Edm.String'>;
  /**
   * Dependencies.
   */
  dependencies: DeserializedType<DeSerializersT, 'Edm.String'>;
}

/**
 * ProjectServiceField
 * @typeParam EntityT - Type of the entity the complex type field belongs to.
 */
export class ProjectServiceField<
  EntityT extends Entity,
  DeSerializersT extends DeSerializers = DefaultDeSerializers,
  NullableT extends boolean = false,
  SelectableT extends boolean = false
> extends ComplexTypeField<
  EntityT,
  DeSerializersT,
  ProjectService,
  NullableT,
  SelectableT
> {
  private _fieldBuilder: FieldBuilder<this, DeSerializersT> = new FieldBuilder(
    this,
    this.deSerializers
  );
  /**
   * Representation of the {@link ProjectService.name} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  name: OrderableEdmTypeField<
    EntityT,
    DeSerializersT,
    'Edm.String',
    false,
    false
  > = this._fieldBuilder.buildEdmTypeField('Name', 'Edm.String', false);
  /**
   * Representation of the {@link ProjectService.identifier} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  identifier: OrderableEdmTypeField<
    EntityT,
    DeSerializersT,
    'Edm.String',
    true,
    false
  > = this._fieldBuilder.buildEdmTypeField('Identifier', 'Edm.String', true);
  /**
   * Representation of the {@link ProjectService.externalId} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  externalId: OrderableEdmTypeField<
    EntityT,
    DeSerializersT,
    'Edm.String',
    true,
    false
  > = this._fieldBuilder.buildEdmTypeField('ExternalId', 'Edm.String', true);
  /**
   * Representation of the {@link ProjectService.dependencies} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  dependencies: CollectionField<
    EntityT,
    DeSerializersT,
    'Edm.String',
    false,
    false
  > = this._fieldBuilder.buildCollectionField(
    'Dependencies',
    'Edm.String',
    false
  );

  /**
   * Creates an instance of ProjectServiceField.
   * @param fieldName - Actual name of the field as used in the OData request.
   * @param fieldOf - Either the parent entity constructor of the parent complex type this field belongs to.
   */
  constructor(
    fieldName: string,
    fieldOf: ConstructorOrField<EntityT>,
    deSerializers: DeSerializersT,
    fieldOptions?: FieldOptions<NullableT, SelectableT>
  ) {
    super(fieldName, fieldOf, deSerializers, ProjectService, fieldOptions);
  }
}

export namespace ProjectService {
  /**
   * Metadata information on all properties of the `ProjectService` complex type.
   */
  export const _propertyMetadata: PropertyMetadata<ProjectService>[] = [
    {
      originalName: 'Name',
      name: 'name',
      type: 'Edm.String',
      isCollection: false
    },
    {
      originalName: 'Identifier',
      name: 'identifier',
      type: 'Edm.String',
      isCollection: false
    },
    {
      originalName: 'ExternalId',
      name: 'externalId',
      type: 'Edm.String',
      isCollection: false
    },
    {
      originalName: 'Dependencies',
      name: 'dependencies',
      type: 'Edm.String',
      isCollection: true
    }
  ];
}
