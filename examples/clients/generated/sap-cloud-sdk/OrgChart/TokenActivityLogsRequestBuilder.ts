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
import { TokenActivityLogs } from './TokenActivityLogs';

/**
 * Request builder class for operations supported on the {@link TokenActivityLogs} entity.
 */
export class TokenActivityLogsRequestBuilder<
  T extends DeSerializers = DefaultDeSerializers
> extends RequestBuilder<TokenActivityLogs<T>, T> {
  /**
   * Returns a request builder for querying all `TokenActivityLogs` entities.
   * @returns A request builder for creating requests to retrieve all `TokenActivityLogs` entities.
   */
  getAll(): GetAllRequestBuilder<TokenActivityLogs<T>, T> {
    return new GetAllRequestBuilder<TokenActivityLogs<T>, T>(this.entityApi);
  }

  /**
   * Returns a request builder for creating a `TokenActivityLogs` entity.
   * @param entity The entity to be created
   * @returns A request builder for creating requests that create an entity of type `TokenActivityLogs`.
   */
  create(
    entity: TokenActivityLogs<T>
  ): CreateRequestBuilder<TokenActivityLogs<T>, T> {
    return new CreateRequestBuilder<TokenActivityLogs<T>, T>(
      this.entityApi,
      entity
    );
  }

  /**
   * Returns a request builder for retrieving one `TokenActivityLogs` entity based on its keys.
   * @param id Key property. See {@link TokenActivityLogs.id}.
   * @returns A request builder for creating requests to retrieve one `TokenActivityLogs` entity based on its keys.
   */
  getByKey(
    id: DeserializedType<T, 'Edm.Int64'>
  ): GetByKeyRequestBuilder<TokenActivityLogs<T>, T> {
    return new GetByKeyRequestBuilder<TokenActivityLogs<T>, T>(this.entityApi, {
      Id: id
    });
  }

  /**
   * Returns a request builder for updating an entity of type `TokenActivityLogs`.
   * @param entity The entity to be updated
   * @returns A request builder for creating requests that update an entity of type `TokenActivityLogs`.
   */
  update(
    entity: TokenActivityLogs<T>
  ): UpdateRequestBuilder<TokenActivityLogs<T>, T> {
    return new UpdateRequestBuilder<TokenActivityLogs<T>, T>(
      this.entityApi,
      entity
    );
  }

  /**
   * Returns a request builder for deleting an entity of type `TokenActivityLogs`.
   * @param id Key property. See {@link TokenActivityLogs.id}.
   * @returns A request builder for creating requests that delete an entity of type `TokenActivityLogs`.
   */
  delete(id: BigNumber): DeleteRequestBuilder<TokenActivityLogs<T>, T>;
  /**
   * Returns a request builder for deleting an entity of type `TokenActivityLogs`.
   * @param entity Pass the entity to be deleted.
   * @returns A request builder for creating requests that delete an entity of type `TokenActivityLogs` by taking the entity as a parameter.
   */
  delete(
    entity: TokenActivityLogs<T>
  ): DeleteRequestBuilder<TokenActivityLogs<T>, T>;
  delete(idOrEntity: any): DeleteRequestBuilder<TokenActivityLogs<T>, T> {
    return new DeleteRequestBuilder<TokenActivityLogs<T>, T>(
      this.entityApi,
      idOrEntity instanceof TokenActivityLogs ? idOrEntity : { Id: idOrEntity! }
    );
  }
}
