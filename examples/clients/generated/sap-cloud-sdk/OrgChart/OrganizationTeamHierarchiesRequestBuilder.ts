/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import { BigNumber } from 'bignumber.js';
import {
  CreateRequestBuilder,
  DeSerializers,
  DefaultDeSerializers,
  DeleteRequestBuilder,
  DeserializedType,
  GetAllRequestBuilder,
  GetByKeyRequestBuilder,
  RequestBuilder,
  UpdateRequestBuilder
} from '@sap-cloud-sdk/odata-v4';
import { OrganizationTeamHierarchies } from './OrganizationTeamHierarchies';

/**
 * Request builder class for operations supported on the {@link OrganizationTeamHierarchies} entity.
 */
export class OrganizationTeamHierarchiesRequestBuilder<
  T extends DeSerializers = DefaultDeSerializers
> extends RequestBuilder<OrganizationTeamHierarchies<T>, T> {
  /**
   * Returns a request builder for querying all `OrganizationTeamHierarchies` entities.
   * @returns A request builder for creating requests to retrieve all `OrganizationTeamHierarchies` entities.
   */
  getAll(): GetAllRequestBuilder<OrganizationTeamHierarchies<T>, T> {
    return new GetAllRequestBuilder<OrganizationTeamHierarchies<T>, T>(
      this.entityApi
    );
  }

  /**
   * Returns a request builder for creating a `OrganizationTeamHierarchies` entity.
   * @param entity The entity to be created
   * @returns A request builder for creating requests that create an entity of type `OrganizationTeamHierarchies`.
   */
  create(
    entity: OrganizationTeamHierarchies<T>
  ): CreateRequestBuilder<OrganizationTeamHierarchies<T>, T> {
    return new CreateRequestBuilder<OrganizationTeamHierarchies<T>, T>(
      this.entityApi,
      entity
    );
  }

  /**
   * Returns a request builder for retrieving one `OrganizationTeamHierarchies` entity based on its keys.
   * @param id Key property. See {@link OrganizationTeamHierarchies.id}.
   * @returns A request builder for creating requests to retrieve one `OrganizationTeamHierarchies` entity based on its keys.
   */
  getByKey(
    id: DeserializedType<T, 'Edm.Int64'>
  ): GetByKeyRequestBuilder<OrganizationTeamHierarchies<T>, T> {
    return new GetByKeyRequestBuilder<OrganizationTeamHierarchies<T>, T>(
      this.entityApi,
      { Id: id }
    );
  }

  /**
   * Returns a request builder for updating an entity of type `OrganizationTeamHierarchies`.
   * @param entity The entity to be updated
   * @returns A request builder for creating requests that update an entity of type `OrganizationTeamHierarchies`.
   */
  update(
    entity: OrganizationTeamHierarchies<T>
  ): UpdateRequestBuilder<OrganizationTeamHierarchies<T>, T> {
    return new UpdateRequestBuilder<OrganizationTeamHierarchies<T>, T>(
      this.entityApi,
      entity
    );
  }

  /**
   * Returns a request builder for deleting an entity of type `OrganizationTeamHierarchies`.
   * @param id Key property. See {@link OrganizationTeamHierarchies.id}.
   * @returns A request builder for creating requests that delete an entity of type `OrganizationTeamHierarchies`.
   */
  delete(
    id: BigNumber
  ): DeleteRequestBuilder<OrganizationTeamHierarchies<T>, T>;
  /**
   * Returns a request builder for deleting an entity of type `OrganizationTeamHierarchies`.
   * @param entity Pass the entity to be deleted.
   * @returns A request builder for creating requests that delete an entity of type `OrganizationTeamHierarchies` by taking the entity as a parameter.
   */
  delete(
    entity: OrganizationTeamHierarchies<T>
  ): DeleteRequestBuilder<OrganizationTeamHierarchies<T>, T>;
  delete(
    idOrEntity: any
  ): DeleteRequestBuilder<OrganizationTeamHierarchies<T>, T> {
    return new DeleteRequestBuilder<OrganizationTeamHierarchies<T>, T>(
      this.entityApi,
      idOrEntity instanceof OrganizationTeamHierarchies
        ? idOrEntity
        : { Id: idOrEntity! }
    );
  }
}
