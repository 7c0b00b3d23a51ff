/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import { Repository } from './Repository';
import { ProjectService } from './ProjectService';
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
 * ProjectAssets
 */
export interface ProjectAssets<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
> {
  /**
   * Repositories.
   */
  repositories: DeserializedType<DeSerializersT, 'OrgChart.Repository'>;
  /**
   * Services.
   */
  services: DeserializedType<DeSerializersT, 'OrgChart.ProjectService'>;
}

/**
 * ProjectAssetsField
 * @typeParam EntityT - Type of the entity the complex type field belongs to.
 */
export class ProjectAssetsField<
  EntityT extends Entity,
  DeSerializersT extends DeSerializers = DefaultDeSerializers,
  NullableT extends boolean = false,
  SelectableT extends boolean = false
> extends ComplexTypeField<
  EntityT,
  DeSerializersT,
  ProjectAssets,
  NullableT,
  SelectableT
> {
  private _fieldBuilder: FieldBuilder<this, DeSerializersT> = new FieldBuilder(
    this,
    this.deSerializers
  );
  /**
   * Representation of the {@link ProjectAssets.repositories} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  repositories: CollectionField<
    EntityT,
    DeSerializersT,
    Repository,
    false,
    false
  > = this._fieldBuilder.buildCollectionField(
    'Repositories',
    Repository,
    false
  );
  /**
   * Representation of the {@link ProjectAssets.services} property for query construction.
   * Use to reference this property in query operations such as 'filter' in the fluent request API.
   */
  services: CollectionField<
    EntityT,
    DeSerializersT,
    ProjectService,
    false,
    false
  > = this._fieldBuilder.buildCollectionField(
    'Services',
    ProjectService,
    false
  );

  /**
   * Creates an instance of ProjectAssetsField.
   * @param fieldName - Actual name of the field as used in the OData request.
   * @param fieldOf - Either the parent entity constructor of the parent complex type this field belongs to.
   */
  constructor(
    fieldName: string,
    fieldOf: ConstructorOrField<EntityT>,
    deSerializers: DeSerializersT,
    fieldOptions?: FieldOptions<NullableT, SelectableT>
  ) {
    super(fieldName, fieldOf, deSerializers, ProjectAssets, fieldOptions);
  }
}

export namespace ProjectAssets {
  /**
   * Metadata information on all properties of the `ProjectAssets` complex type.
   */
  export const _propertyMetadata: PropertyMetadata<ProjectAssets>[] = [
    {
      originalName: 'Repositories',
      name: 'repositories',
      type: Repository,
      isCollection: true
    },
    {
      originalName: 'Services',
      name: 'services',
      type: ProjectService,
      isCollection: true
    }
  ];
}
