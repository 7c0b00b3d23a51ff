/**
 * Model → service document: the JSON answered at the service root (`GET /odata`), listing every entity
 * set. Clients such as Power BI start here, then read `$metadata`.
 * Pure: no I/O; the absolute service root is computed by the HTTP layer and passed in.
 */
import type { Model } from './model';

export interface ServiceDocumentEntry {
  readonly name: string;
  readonly kind: 'EntitySet';
  /** Relative to the service root: `Users`. */
  readonly url: string;
}

export interface ServiceDocument {
  readonly '@odata.context': string;
  readonly value: readonly ServiceDocumentEntry[];
}

/**
 * Lists the entity sets of `model`, in model order.
 *
 *   buildServiceDocument(model, 'http://localhost:3000/odata')
 *     |-- { "@odata.context": "http://localhost:3000/odata/$metadata",
 *           "value": [ { "name": "Users", "kind": "EntitySet", "url": "Users" }, … ] }
 *
 * A trailing slash on `serviceRoot` is tolerated (`…/odata/` gives the same document).
 */
export function buildServiceDocument(model: Model, serviceRoot: string): ServiceDocument {
  const root = serviceRoot.replace(/\/+$/, '');
  return {
    '@odata.context': `${root}/$metadata`,
    value: model.entitySets.map((set) => ({ name: set.name, kind: 'EntitySet', url: set.name })),
  };
}
