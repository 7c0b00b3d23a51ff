/**
 * Names of the internal columns a read statement returns beside the entity's properties: the row version
 * (the ETag), the order-key values (the next $skiptoken), and per expanded collection its count and the
 * parent's join value (its nextLink). The serialiser leaves them all out of the response.
 */

/** Alias of the row version, from which the entity's ETag is made. */
export const ETAG_ALIAS = '__etag';

/** The instance annotation, and its column, of a team's distance from the one Ancestors()/Descendants() is bound to. */
export const DEPTH_ANNOTATION = '@OrgChart.Depth';

/** Alias of the i-th order-key value in the result rows (read back for the next $skiptoken): `__o0`. */
export const orderValueAlias = (i: number) => `__o${i}`;

/** Alias of `Members@odata.count`'s value in a row: `__count_Members`. */
export const expandCountAlias = (nav: string) => `__count_${nav}`;

/** Alias of the parent's join value of an expanded collection (the key its nextLink filters on): `__key_Members`. */
export const expandKeyAlias = (nav: string) => `__key_${nav}`;

/** Alias of an entity's whole JSON text, written by PostgreSQL, on a page without $expand in the text form: `__json`. */
export const ENTITY_JSON_ALIAS = '__json';
