/**
 * The OpenAPI 3 description of the service (`GET /odata/openapi.json`), converted from the same
 * `$metadata` document the OData clients read, by the OASIS OData TC's converter (odata-openapi, through
 * odata-csdl for CSDL XML → CSDL JSON): paths and verbs per entity set and navigation, query options as the
 * Capabilities annotations allow them, request and response schemas, the error schema, and the security
 * schemes of the Authorization annotations. One source, so the two descriptions cannot drift apart.
 * Built once per app, with a relative server URL (valid behind any host or proxy).
 */
import { createRequire } from 'node:module';
import { SERVICE_PATH } from './urls';

type Json = Record<string, unknown>;

const load = createRequire(__filename);
const { csdl2openapi } = load('odata-openapi') as { csdl2openapi: (csdl: Json, options: Json) => Json };
const { xml2json } = load('odata-csdl') as { xml2json: (xml: string) => Json };

/** The OpenAPI version written: 3.0 is what code generators and gateways read most widely. */
export const OPENAPI_VERSION = '3.0.3';

/**
 * `buildOpenApi(metadataXml)` → { openapi: '3.0.3', info: { title: 'Service for namespace OrgChart', … },
 *   servers: [{ url: '/odata' }], paths: { '/Users': { get, post }, "/Users({Id})": { get, patch, delete }, … },
 *   components: { schemas, parameters, responses: { error }, securitySchemes: { bearer, token } }, security: [{ bearer: [] }, { token: [] }] }
 * The converter's remarks (constructs it skips) are pushed to `messages`.
 */
export function buildOpenApi(metadataXml: string, messages: string[] = []): Json {
  const document = csdl2openapi(xml2json(metadataXml), {
    scheme: 'http', host: 'localhost', basePath: SERVICE_PATH, openapiVersion: OPENAPI_VERSION, diagram: false, skipBatchPath: true, messages,
  });
  return {
    ...document,
    info: {
      ...(document.info as Json),
      title: 'orgchart-odata',
      description: 'The organisation\'s people, org-chart teams and memberships, access teams, projects and mappings, as OData v4. ' +
        'Every request needs a token: `Authorization: Bearer <token>`, or `?token=<token>`. The OData description is at `$metadata`.',
    },
    servers: [{ url: SERVICE_PATH, description: 'this server' }],
  };
}
