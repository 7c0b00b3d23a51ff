/**
 * `npm start`: the only module with side effects. Reads the configuration, opens PostgreSQL (DATABASE_URL)
 * or embedded PGlite, migrates, seeds the demo organisation into an empty database, listens on PORT and
 * prints the feed URL with ready-to-paste tokens. Shuts down gracefully on SIGINT/SIGTERM.
 */
import type { Server } from 'node:http';
import pino from 'pino';
import { loadDemoSummary, seedDemoIfEmpty } from '../seeds/demo';
import { createApp, stopBackground } from './app';
import type { Health } from './http/health';
import { describeTtl, signToken } from './auth/tokens';
import { loadConfig } from './config';
import { connect } from './db/connect';
import { migrateLatest } from './db/migrate';
import { handleClientErrors } from './http/client-error';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = pino({ level: config.logLevel, base: { service: 'orgchart-odata' } });
  const started = Date.now();
  const db = connect({
    databaseUrl: config.databaseUrl,
    pgliteDir: config.pgliteDir,
    poolMax: config.poolMax,
    statementTimeoutMs: config.limits.statementTimeoutMs,
  });
  const applied = await migrateLatest(db);
  const seeded = await seedDemoIfEmpty(db);
  logger.info({ database: config.databaseUrl ? 'postgresql' : `pglite:${config.pgliteDir}`, migrations: applied, seededDemo: seeded }, 'database ready');

  const app = createApp({ db, config, logger });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, () => resolve(s));
  });
  handleClientErrors(server, { logger, maxUrlLength: config.limits.maxUrlLength });
  const url = `http://localhost:${config.port}/odata`;
  const lines = [
    '',
    `orgchart-odata is listening (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  OData feed:   ${url}`,
    `  Database:     ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.pgliteDir}`}`,
  ];
  if (config.jwtSecretIsDevDefault) lines.push('  JWT_SECRET:   not set: using the development secret (embedded database only)');
  if (config.jwtPublicKey) lines.push(`  Tokens:       RS256 from JWT_PUBLIC_KEY${config.hs256 ? ', and HS256 with JWT_SECRET' : ' (JWT_SECRET unset: no HS256 tokens)'}`);
  const demo = config.hs256 ? await loadDemoSummary(db) : undefined;
  if (!config.hs256) {
    lines.push('', '  Use tokens from your identity provider, signed RS256, with the claims sub, companyId, scope and exp.');
  } else if (demo) {
    // a week, or less when MAX_TOKEN_LIFETIME is shorter (a longer token would be refused)
    const ttlSeconds = Math.min(7 * 86_400, config.maxTokenLifetimeSeconds);
    const lasting = describeTtl(ttlSeconds);
    const adminToken = signToken({ userId: demo.users.admin, companyId: demo.companies.contoso, scope: 'odata.read odata.write logs.read', ttlSeconds }, config.jwtSecret);
    const readerToken = signToken({ userId: demo.users.aliceManager, companyId: demo.companies.contoso, scope: 'odata.read', ttlSeconds }, config.jwtSecret);
    lines.push(
      '',
      `  Admin token (user "admin", read + write + logs, ${lasting}):`,
      `    ${adminToken}`,
      `  Read-only token (user "alice.manager", not an administrator, ${lasting}):`,
      `    ${readerToken}`,
      '',
      `  Explorer (the org chart in a browser, signed in as admin): ${url.replace(/\/odata$/, '')}/#token=${adminToken}`,
      `  API console (Swagger UI): ${url.replace(/\/odata$/, '')}/docs/`,
      '',
      '  Try it:',
      `    curl -H "Authorization: Bearer ${readerToken}" "${url}/Users?\\$top=5&\\$select=FirstName,LastName,Department"`,
      '  Power BI / Excel: Get Data → OData feed → the URL above; credentials: Web API, key = a token above',
      '  (Power BI sends it as ?token=…).',
    );
  } else {
    lines.push('', '  Make a token with: npm run cli -- token --user <userName> --company <id>');
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // readiness answers 503 from now on: a load balancer stops sending new requests; those in flight finish
    (app.locals.health as Health).setDraining();
    const force = setTimeout(() => process.exit(1), config.drainDelayMs + 10_000);
    force.unref();
    // DRAIN_DELAY_MS: keep serving until the balancer has seen the 503 (its probe interval × threshold)
    setTimeout(() => {
      server.close(() => {
        // the token activity recorded so far is written before the database closes: nothing lost on SIGTERM
        void stopBackground(app).finally(() => db.destroy()).then(() => {
          logger.info('stopped');
          process.exitCode = 0;
        });
      });
      server.closeIdleConnections();
    }, config.drainDelayMs).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`orgchart-odata failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
