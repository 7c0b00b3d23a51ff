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
import { AccessTokens } from './AccessTokens';

/**
 * Request builder class for operations supported on the {@link AccessTokens} entity.
 */
export class AccessTokensRequestBuilder<
  T extends DeSerializers = DefaultDeSerializers
> extends RequestBuilder<AccessTokens<T>, T> {
  /**
   * Returns a request builder for querying all `AccessTokens` entities.
   * @returns A request builder for creating requests to retrieve all `AccessTokens` entities.
   */
  getAll(): GetAllRequestBuilder<AccessTokens<T>, T> {
    return new GetAllRequestBuilder<AccessTokens<T>, T>(this.entityApi);
  }

  /**
   * Returns a request builder for creating a `AccessTokens` entity.
   * @param entity The entity to be created
   * @returns A request builder for creating requests that create an entity of type `AccessTokens`.
   */
  create(entity: AccessTokens<T>): CreateRequestBuilder<AccessTokens<T>, T> {
    return new CreateRequestBuilder<AccessTokens<T>, T>(this.entityApi, entity);
  }

  /**
   * Returns a request builder for retrieving one `AccessTokens` entity based on its keys.
   * @param id Key property. See {@link AccessTokens.id}.
   * @returns A request builder for creating requests to retrieve one `AccessTokens` entity based on its keys.
   */
  getByKey(
    id: DeserializedType<T, 'Edm.Int64'>
  ): GetByKeyRequestBuilder<AccessTokens<T>, T> {
    return new GetByKeyRequestBuilder<AccessTokens<T>, T>(this.entityApi, {
      Id: id
    });
  }

  /**
   * Returns a request builder for updating an entity of type `AccessTokens`.
   * @param entity The entity to be updated
   * @returns A request builder for creating requests that update an entity of type `AccessTokens`.
   */
  update(entity: AccessTokens<T>): UpdateRequestBuilder<AccessTokens<T>, T> {
    return new UpdateRequestBuilder<AccessTokens<T>, T>(this.entityApi, entity);
  }

  /**
   * Returns a request builder for deleting an entity of type `AccessTokens`.
   * @param id Key property. See {@link AccessTokens.id}.
   * @returns A request builder for creating requests that delete an entity of type `AccessTokens`.
   */
  delete(id: BigNumber): DeleteRequestBuilder<AccessTokens<T>, T>;
  /**
   * Returns a request builder for deleting an entity of type `AccessTokens`.
   * @param entity Pass the entity to be deleted.
   * @returns A request builder for creating requests that delete an entity of type `AccessTokens` by taking the entity as a parameter.
   */
  delete(entity: AccessTokens<T>): DeleteRequestBuilder<AccessTokens<T>, T>;
  delete(idOrEntity: any): DeleteRequestBuilder<AccessTokens<T>, T> {
    return new DeleteRequestBuilder<AccessTokens<T>, T>(
      this.entityApi,
      idOrEntity instanceof AccessTokens ? idOrEntity : { Id: idOrEntity! }
    );
  }
}
