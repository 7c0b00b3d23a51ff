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
 * Repository
 */
export interface Repository<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
> {
  /**
   * Name.
   */
  name: DeserializedType<DeSerializersT, 'Edm.String'>;
  /**
   * Platform.
   * @nullable
   */
  platform?: DeserializedType<DeSerializersT, 'Edm.String'>;
  /**
   * Url.
   * @nullable
   */
  url?: DeserializedType<DeSerializersT, 'Edm.String'>;
}

/**
 * RepositoryField
 * @typeParam EntityT - Type of the entity the complex type field belongs to.
 */
export class RepositoryField<
  EntityT extends Entity,
  DeSerializersT extends DeSerializers = DefaultDeSerializers,
  NullableT extends boolean = false,
  SelectableT extends boolean = false
> extends ComplexTypeField<
  EntityT,
  DeSerializersT,
  Repository,
  NullableT,
  SelectableT
> {
  private _fieldBuilder: FieldBuilder<this, DeSerializersT> = new FieldBuilder(
    this,
    this.deSerializers
  );
  /**
   * Representation of the {@link Repository.name} property for query construction.
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
   * Representation of the {@link Repository.platform} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  platform: OrderableEdmTypeField<
    EntityT,
    DeSerializersT,
    'Edm.String',
    true,
    false
  > = this._fieldBuilder.buildEdmTypeField('Platform', 'Edm.String', true);
  /**
   * Representation of the {@link Repository.url} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  url: OrderableEdmTypeField<
    EntityT,
    DeSerializersT,
    'Edm.String',
    true,
    false
  > = this._fieldBuilder.buildEdmTypeField('Url', 'Edm.String', true);

  /**
   * Creates an instance of RepositoryField.
   * @param fieldName - Actual name of the field as used in the OData request.
   * @param fieldOf - Either the parent entity constructor of the parent complex type this field belongs to.
   */
  constructor(
    fieldName: string,
    fieldOf: ConstructorOrField<EntityT>,
    deSerializers: DeSerializersT,
    fieldOptions?: FieldOptions<NullableT, SelectableT>
  ) {
    super(fieldName, fieldOf, deSerializers, Repository, fieldOptions);
  }
}

export namespace Repository {
  /**
   * Metadata information on all properties of the `Repository` complex type.
   */
  export const _propertyMetadata: PropertyMetadata<Repository>[] = [
    {
      originalName: 'Name',
      name: 'name',
      type: 'Edm.String',
      isCollection: false
    },
    {
      originalName: 'Platform',
      name: 'platform',
      type: 'Edm.String',
      isCollection: false
    },
    {
      originalName: 'Url',
      name: 'url',
      type: 'Edm.String',
      isCollection: false
    }
  ];
}
