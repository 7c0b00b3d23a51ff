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
import { AuditLogs } from './AuditLogs';

/**
 * Request builder class for operations supported on the {@link AuditLogs} entity.
 */
export class AuditLogsRequestBuilder<
  T extends DeSerializers = DefaultDeSerializers
> extends RequestBuilder<AuditLogs<T>, T> {
  /**
   * Returns a request builder for querying all `AuditLogs` entities.
   * @returns A request builder for creating requests to retrieve all `AuditLogs` entities.
   */
  getAll(): GetAllRequestBuilder<AuditLogs<T>, T> {
    return new GetAllRequestBuilder<AuditLogs<T>, T>(this.entityApi);
  }

  /**
   * Returns a request builder for creating a `AuditLogs` entity.
   * @param entity The entity to be created
   * @returns A request builder for creating requests that create an entity of type `AuditLogs`.
   */
  create(entity: AuditLogs<T>): CreateRequestBuilder<AuditLogs<T>, T> {
    return new CreateRequestBuilder<AuditLogs<T>, T>(this.entityApi, entity);
  }

  /**
   * Returns a request builder for retrieving one `AuditLogs` entity based on its keys.
   * @param id Key property. See {@link AuditLogs.id}.
   * @returns A request builder for creating requests to retrieve one `AuditLogs` entity based on its keys.
   */
  getByKey(
    id: DeserializedType<T, 'Edm.Int64'>
  ): GetByKeyRequestBuilder<AuditLogs<T>, T> {
    return new GetByKeyRequestBuilder<AuditLogs<T>, T>(this.entityApi, {
      Id: id
    });
  }

  /**
   * Returns a request builder for updating an entity of type `AuditLogs`.
   * @param entity The entity to be updated
   * @returns A request builder for creating requests that update an entity of type `AuditLogs`.
   */
  update(entity: AuditLogs<T>): UpdateRequestBuilder<AuditLogs<T>, T> {
    return new UpdateRequestBuilder<AuditLogs<T>, T>(this.entityApi, entity);
  }

  /**
   * Returns a request builder for deleting an entity of type `AuditLogs`.
   * @param id Key property. See {@link AuditLogs.id}.
   * @returns A request builder for creating requests that delete an entity of type `AuditLogs`.
   */
  delete(id: BigNumber): DeleteRequestBuilder<AuditLogs<T>, T>;
  /**
   * Returns a request builder for deleting an entity of type `AuditLogs`.
   * @param entity Pass the entity to be deleted.
   * @returns A request builder for creating requests that delete an entity of type `AuditLogs` by taking the entity as a parameter.
   */
  delete(entity: AuditLogs<T>): DeleteRequestBuilder<AuditLogs<T>, T>;
  delete(idOrEntity: any): DeleteRequestBuilder<AuditLogs<T>, T> {
    return new DeleteRequestBuilder<AuditLogs<T>, T>(
      this.entityApi,
      idOrEntity instanceof AuditLogs ? idOrEntity : { Id: idOrEntity! }
    );
  }
}
