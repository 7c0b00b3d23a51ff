/**
 * The org-chart explorer at `/` (explorer/: plain TypeScript modules and one page, no framework): the
 * page, its stylesheet, and its script bundled by esbuild — prebuilt into dist/explorer by `npm run build`,
 * or bundled from the sources on first request when the server runs from them (tsx: specs, development).
 * Everything is served from here (no CDN), under a Content-Security-Policy that allows this server only.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

/** explorer/ beside server/: the sources, or in dist/ the built page. */
const EXPLORER_DIR = path.resolve(__dirname, '../../explorer');

/** The page may load and call this server only; no inline script, no framing. */
export const EXPLORER_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * The explorer's script: `dist/explorer/app.js` when built, else explorer/main.ts bundled now (esbuild,
 * a few hundred ms once). `bundleExplorer()` → the JavaScript text.
 */
export async function bundleExplorer(dir = EXPLORER_DIR): Promise<string> {
  const built = path.join(dir, 'app.js');
  if (existsSync(built)) return readFileSync(built, 'utf8');
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(dir, 'main.ts')], bundle: true, write: false, format: 'esm', target: 'es2020', minify: true, sourcemap: false, logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** `app.use(explorerRouter())`: GET / (the page), GET /explorer/app.js, GET /explorer/app.css. */
export function explorerRouter(): Router {
  const router = express.Router({ strict: true });
  let script: Promise<string> | undefined;
  const page = () => readFileSync(path.join(EXPLORER_DIR, 'index.html'), 'utf8');
  const secure = (res: express.Response) => {
    res.setHeader('Content-Security-Policy', EXPLORER_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
  };
  router.get('/', (_req, res) => {
    secure(res);
    res.type('html').setHeader('Cache-Control', 'no-cache');
    res.send(page());
  });
  router.get('/explorer/app.js', async (_req, res, next) => {
    try {
      script ??= bundleExplorer();
      secure(res);
      res.type('application/javascript').setHeader('Cache-Control', 'no-cache');
      res.send(await script);
    } catch (err) {
      script = undefined;
      next(err);
    }
  });
  router.get('/explorer/app.css', (_req, res) => {
    secure(res);
    res.type('css').setHeader('Cache-Control', 'no-cache');
    res.send(readFileSync(path.join(EXPLORER_DIR, 'app.css'), 'utf8'));
  });
  return router;
}
