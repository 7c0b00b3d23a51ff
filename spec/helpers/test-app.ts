/**
 * The app under test: createApp on the run's database with a fixed JWT secret, plus tokens for the demo's
 * well-known users and a supertest agent factory. `const t = await testApp(); await t.get('/odata/Users', t.tokens.admin)`.
 */
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../server/app';
import { signToken } from '../../server/auth/tokens';
import { loadConfig, type Config } from '../../server/config';
import { replicaSettings, testDatabase, type TestDatabase } from './test-database';

export const TEST_SECRET = 'test-secret-for-specs-only';

export interface TestApp {
  readonly app: Express;
  readonly config: Config;
  readonly database: TestDatabase;
  readonly tokens: {
    readonly admin: string;
    readonly alice: string;
    readonly bob: string;
    readonly fabrikamAdmin: string;
    readonly writeOnly: string;
  };
  /** GET with a Bearer token. */
  get(url: string, token?: string): request.Test;
  token(userId: number | string, companyId: number, scope?: string, ttlSeconds?: number): string;
}

let cached: Promise<TestApp> | undefined;

export function testConfig(env: NodeJS.ProcessEnv = {}): Config {
  // specs fail authentications on purpose from one address: the limit has its own spec (spec/http/auth-failures.spec.ts)
  // an explicit DATABASE_URL is another database, or a spec's own set-up: no replica then
  const replica = env.DATABASE_URL === undefined ? replicaSettings() : {};
  return loadConfig({ JWT_SECRET: TEST_SECRET, AUTH_FAILURES_PER_MINUTE: '0', ...replica, ...env });
}

async function build(): Promise<TestApp> {
  const database = await testDatabase();
  const config = testConfig();
  const app = createApp({ db: database.db, config });
  const { users, companies } = database.demo;
  const token = (userId: number | string, companyId: number, scope = 'odata.read odata.write', ttlSeconds = 3600) =>
    signToken({ userId, companyId, scope, ttlSeconds }, TEST_SECRET);
  return {
    app,
    config,
    database,
    token,
    tokens: {
      admin: token(users.admin, companies.contoso, 'odata.read odata.write logs.read'),
      alice: token(users.aliceManager, companies.contoso, 'odata.read'),
      bob: token(users.bobReader, companies.contoso, 'odata.read'),
      fabrikamAdmin: token(users.fabrikamAdmin, companies.fabrikam, 'odata.read odata.write logs.read'),
      writeOnly: token(users.admin, companies.contoso, 'odata.write'),
    },
    get(url: string, bearer?: string) {
      const req = request(app).get(url);
      return bearer ? req.set('Authorization', `Bearer ${bearer}`) : req;
    },
  };
}

export function testApp(): Promise<TestApp> {
  cached ??= build();
  return cached;
}
