/**
 * Swagger UI at `/docs`, served from the swagger-ui-dist package on this server (no CDN: it works
 * offline), opened on `/odata/openapi.json`. Paste a token under "Authorize" (bearer, or the `token` query
 * key) and try requests; the token stays in the browser (persistAuthorization keeps it in localStorage).
 */
import express, { type Router } from 'express';
import { createRequire } from 'node:module';

// the package's directory only: its main module would load the 1.4 MB UI bundle into the server
const getAbsoluteFSPath = createRequire(__filename)('swagger-ui-dist/absolute-path.js') as () => string;

/** The page's start-up script, in place of the package's (which opens the Petstore example). */
const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/odata/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
  });
};
`;

/** `app.use('/docs', docsRouter())`: GET /docs → /docs/, then the UI and its assets. */
export function docsRouter(): Router {
  const router = express.Router({ strict: true });
  router.get('/', (req, res, next) => {
    if (req.originalUrl.split('?')[0]?.endsWith('/')) next();
    else res.redirect(301, `${req.baseUrl}/`);
  });
  router.get('/swagger-initializer.js', (_req, res) => {
    res.type('application/javascript').setHeader('Cache-Control', 'no-cache');
    res.send(INITIALIZER);
  });
  router.use(express.static(getAbsoluteFSPath(), { index: 'index.html', maxAge: '1h' }));
  return router;
}
