/**
 * The PostgreSQL connection: one pg-promise database object per URL for the life of the process.
 *
 * Why pg-promise and one object: it is the driver FlexSearch's own adapter (`flexsearch/db/postgres`)
 * is written for, and that adapter keeps the first database object it is given in a module-wide
 * variable, so the whole process must share one (pg-promise also warns about a second object for
 * the same connection). A pool, so concurrent requests do not queue behind one client.
 */
import pgPromise from 'pg-promise';

export type Database = pgPromise.IDatabase<unknown>;

interface Shared {
  pgp: pgPromise.IMain;
  databases: Map<string, Database>;
}

// Kept on globalThis, not in this module: a module evaluated twice (Next's dev reloads, vitest's
// resetModules) must not open a second pool for the same URL, and FlexSearch's adapter holds on
// to the first database object it saw anyway. Ending it (disconnectAll) is for the end of a process.
const SHARED = Symbol.for('duizhao.pg');
const shared: Shared = ((globalThis as Record<symbol, Shared | undefined>)[SHARED] ??= {
  pgp: pgPromise({ capSQL: true }),
  databases: new Map(),
});
const { pgp, databases } = shared;

/** A URL that names a PostgreSQL server, or a clear error (the URL itself is never echoed: it may hold a password). */
export function checkDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('DATABASE_URL is not a URL (expected postgres://user:password@host:port/database).');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got ${parsed.protocol}//).`);
  }
  return url;
}

/** The shared database object of a URL (no connection is made until the first query). */
export function connect(url: string): Database {
  let db = databases.get(url);
  if (!db) {
    db = pgp({ connectionString: checkDatabaseUrl(url), max: 10 });
    databases.set(url, db);
  }
  return db;
}

/** Closes every pool, so a command-line run or a test can exit. */
export function disconnectAll(): void {
  databases.clear();
  pgp.end();
}
