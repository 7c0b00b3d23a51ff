/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import {
  transformReturnValueForEntity,
  DeSerializers,
  DefaultDeSerializers,
  defaultDeSerializers,
  OperationParameter,
  OperationRequestBuilder
} from '@sap-cloud-sdk/odata-v4';
import { orgChart } from './service';
import { Mappings } from './Mappings';
import { MappingsApi } from './MappingsApi';

/**
 * Type of the parameters to be passed to {@link createOrgHierarchyMapping}.
 */
export interface CreateOrgHierarchyMappingParameters<
  DeSerializersT extends DeSerializers
> {
  /**
   * Parent.
   */
  parent: string;
  /**
   * Parent Type.
   */
  parentType: string;
  /**
   * Child.
   */
  child: string;
  /**
   * Child Type.
   */
  childType: string;
}

/**
 * Create Org Hierarchy Mapping.
 * @param parameters - Object containing all parameters for the action.
 * @returns A request builder that allows to overwrite some of the values and execute the resulting request.
 */
export function createOrgHierarchyMapping<
  DeSerializersT extends DeSerializers = DefaultDeSerializers
>(
  parameters: CreateOrgHierarchyMappingParameters<DeSerializersT>,
  deSerializers: DeSerializersT = defaultDeSerializers as DeSerializersT
): OperationRequestBuilder<
  DeSerializersT,
  CreateOrgHierarchyMappingParameters<DeSerializersT>,
  Mappings
> {
  const params = {
    parent: new OperationParameter('Parent', 'Edm.String', parameters.parent),
    parentType: new OperationParameter(
      'ParentType',
      'Edm.String',
      parameters.parentType
    ),
    child: new OperationParameter('Child', 'Edm.String', parameters.child),
    childType: new OperationParameter(
      'ChildType',
      'Edm.String',
      parameters.childType
    )
  };

  return new OperationRequestBuilder(
    '/odata',
    'CreateOrgHierarchyMapping',
    data =>
      transformReturnValueForEntity(data, orgChart(deSerializers).mappingsApi),
    params,
    deSerializers,
    'action'
  );
}

export const operations = {
  createOrgHierarchyMapping
};
