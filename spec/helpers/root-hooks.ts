/**
 * Mocha root hooks (loaded by .mocharc.json): closes the run's shared test database after all specs,
 * and prints which database the run used.
 */
import { closeTestDatabase, testTarget } from './test-database';

export const mochaHooks = {
  beforeAll(): void {
    process.stdout.write(`\n  database target: ${testTarget()}\n`);
  },
  async afterAll(): Promise<void> {
    await closeTestDatabase();
  },
};
