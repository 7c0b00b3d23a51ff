/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
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
import { Mappings } from './Mappings';

/**
 * Request builder class for operations supported on the {@link Mappings} entity.
 */
export class MappingsRequestBuilder<
  T extends DeSerializers = DefaultDeSerializers
> extends RequestBuilder<Mappings<T>, T> {
  /**
   * Returns a request builder for querying all `Mappings` entities.
   * @returns A request builder for creating requests to retrieve all `Mappings` entities.
   */
  getAll(): GetAllRequestBuilder<Mappings<T>, T> {
    return new GetAllRequestBuilder<Mappings<T>, T>(this.entityApi);
  }

  /**
   * Returns a request builder for creating a `Mappings` entity.
   * @param entity The entity to be created
   * @returns A request builder for creating requests that create an entity of type `Mappings`.
   */
  create(entity: Mappings<T>): CreateRequestBuilder<Mappings<T>, T> {
    return new CreateRequestBuilder<Mappings<T>, T>(this.entityApi, entity);
  }

  /**
   * Returns a request builder for retrieving one `Mappings` entity based on its keys.
   * @param id Key property. See {@link Mappings.id}.
   * @returns A request builder for creating requests to retrieve one `Mappings` entity based on its keys.
   */
  getByKey(
    id: DeserializedType<T, 'Edm.Guid'>
  ): GetByKeyRequestBuilder<Mappings<T>, T> {
    return new GetByKeyRequestBuilder<Mappings<T>, T>(this.entityApi, {
      Id: id
    });
  }

  /**
   * Returns a request builder for updating an entity of type `Mappings`.
   * @param entity The entity to be updated
   * @returns A request builder for creating requests that update an entity of type `Mappings`.
   */
  update(entity: Mappings<T>): UpdateRequestBuilder<Mappings<T>, T> {
    return new UpdateRequestBuilder<Mappings<T>, T>(this.entityApi, entity);
  }

  /**
   * Returns a request builder for deleting an entity of type `Mappings`.
   * @param id Key property. See {@link Mappings.id}.
   * @returns A request builder for creating requests that delete an entity of type `Mappings`.
   */
  delete(id: string): DeleteRequestBuilder<Mappings<T>, T>;
  /**
   * Returns a request builder for deleting an entity of type `Mappings`.
   * @param entity Pass the entity to be deleted.
   * @returns A request builder for creating requests that delete an entity of type `Mappings` by taking the entity as a parameter.
   */
  delete(entity: Mappings<T>): DeleteRequestBuilder<Mappings<T>, T>;
  delete(idOrEntity: any): DeleteRequestBuilder<Mappings<T>, T> {
    return new DeleteRequestBuilder<Mappings<T>, T>(
      this.entityApi,
      idOrEntity instanceof Mappings ? idOrEntity : { Id: idOrEntity! }
    );
  }
}
