/**
 * The PostgreSQL of the storage tests: `DATABASE_URL_TEST`, as printed by tests/pg/ensure-postgres.sh.
 *
 * Under `npm test` (tests/run-all.sh sets DUIZHAO_REQUIRE_PG=1) a storage test without a server
 * FAILS: a result that says "passed" must mean it ran. Run standalone (`npx vitest run …`) without
 * DATABASE_URL_TEST, the suite is skipped with a message saying how to run it:
 *   DATABASE_URL_TEST="$(bash tests/pg/ensure-postgres.sh)" npx vitest run lib/…/x.pg.test.ts
 */
import { describe, it } from 'vitest';

export const TEST_DATABASE_URL: string | undefined = process.env.DATABASE_URL_TEST || undefined;

/** A describe block that needs the test server (see above for when it fails and when it skips). */
export function describePg(name: string, body: (url: string) => void): void {
  const url = TEST_DATABASE_URL;
  if (url !== undefined) {
    describe(name, () => body(url));
    return;
  }
  if (process.env.DUIZHAO_REQUIRE_PG === '1') {
    describe(name, () => {
      it('has its PostgreSQL test server', () => {
        throw new Error('DATABASE_URL_TEST is not set: run tests/pg/ensure-postgres.sh (tests/run-all.sh does).');
      });
    });
    return;
  }
  console.warn(
    `[${name}] skipped: no PostgreSQL (set DATABASE_URL_TEST="$(bash tests/pg/ensure-postgres.sh)" to run it).`,
  );
  describe.skip(name, () => body(''));
}

/** A schema-safe name unique to this test run, so parallel test files never share tables. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}`.toLowerCase().replace(/[^a-z0-9_]/g, '');
}
