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
import { OrganizationTeamMemberHierarchies } from './OrganizationTeamMemberHierarchies';

/**
 * Request builder class for operations supported on the {@link OrganizationTeamMemberHierarchies} entity.
 */
export class OrganizationTeamMemberHierarchiesRequestBuilder<
  T extends DeSerializers = DefaultDeSerializers
> extends RequestBuilder<OrganizationTeamMemberHierarchies<T>, T> {
  /**
   * Returns a request builder for querying all `OrganizationTeamMemberHierarchies` entities.
   * @returns A request builder for creating requests to retrieve all `OrganizationTeamMemberHierarchies` entities.
   */
  getAll(): GetAllRequestBuilder<OrganizationTeamMemberHierarchies<T>, T> {
    return new GetAllRequestBuilder<OrganizationTeamMemberHierarchies<T>, T>(
      this.entityApi
    );
  }

  /**
   * Returns a request builder for creating a `OrganizationTeamMemberHierarchies` entity.
   * @param entity The entity to be created
   * @returns A request builder for creating requests that create an entity of type `OrganizationTeamMemberHierarchies`.
   */
  create(
    entity: OrganizationTeamMemberHierarchies<T>
  ): CreateRequestBuilder<OrganizationTeamMemberHierarchies<T>, T> {
    return new CreateRequestBuilder<OrganizationTeamMemberHierarchies<T>, T>(
      this.entityApi,
      entity
    );
  }

  /**
   * Returns a request builder for retrieving one `OrganizationTeamMemberHierarchies` entity based on its keys.
   * @param id Key property. See {@link OrganizationTeamMemberHierarchies.id}.
   * @returns A request builder for creating requests to retrieve one `OrganizationTeamMemberHierarchies` entity based on its keys.
   */
  getByKey(
    id: DeserializedType<T, 'Edm.Int64'>
  ): GetByKeyRequestBuilder<OrganizationTeamMemberHierarchies<T>, T> {
    return new GetByKeyRequestBuilder<OrganizationTeamMemberHierarchies<T>, T>(
      this.entityApi,
      { Id: id }
    );
  }

  /**
   * Returns a request builder for updating an entity of type `OrganizationTeamMemberHierarchies`.
   * @param entity The entity to be updated
   * @returns A request builder for creating requests that update an entity of type `OrganizationTeamMemberHierarchies`.
   */
  update(
    entity: OrganizationTeamMemberHierarchies<T>
  ): UpdateRequestBuilder<OrganizationTeamMemberHierarchies<T>, T> {
    return new UpdateRequestBuilder<OrganizationTeamMemberHierarchies<T>, T>(
      this.entityApi,
      entity
    );
  }

  /**
   * Returns a request builder for deleting an entity of type `OrganizationTeamMemberHierarchies`.
   * @param id Key property. See {@link OrganizationTeamMemberHierarchies.id}.
   * @returns A request builder for creating requests that delete an entity of type `OrganizationTeamMemberHierarchies`.
   */
  delete(
    id: BigNumber
  ): DeleteRequestBuilder<OrganizationTeamMemberHierarchies<T>, T>;
  /**
   * Returns a request builder for deleting an entity of type `OrganizationTeamMemberHierarchies`.
   * @param entity Pass the entity to be deleted.
   * @returns A request builder for creating requests that delete an entity of type `OrganizationTeamMemberHierarchies` by taking the entity as a parameter.
   */
  delete(
    entity: OrganizationTeamMemberHierarchies<T>
  ): DeleteRequestBuilder<OrganizationTeamMemberHierarchies<T>, T>;
  delete(
    idOrEntity: any
  ): DeleteRequestBuilder<OrganizationTeamMemberHierarchies<T>, T> {
    return new DeleteRequestBuilder<OrganizationTeamMemberHierarchies<T>, T>(
      this.entityApi,
      idOrEntity instanceof OrganizationTeamMemberHierarchies
        ? idOrEntity
        : { Id: idOrEntity! }
    );
  }
}
