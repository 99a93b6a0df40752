/**
 * How `search`, `export` and `align-words` read a build: through the app's own store (lib/store),
 * so they answer exactly what the app serves, from the build folder of --build or from PostgreSQL
 * with --database (or DATABASE_URL). The store is configured with what the flags ask for before it
 * first reads: it chooses its storage once per process.
 */
import path from 'node:path';
import type { Config } from '../config';
import { UsageError } from './command';

type Store = typeof import('../store/index');

/** --database, else DATABASE_URL, else none. */
export function databaseUrl(flag: string | undefined, config: Config): string | undefined {
  return flag ?? config.databaseUrl;
}

/** The store, reading --build (default: build/ here) or, without --build, --database or DATABASE_URL. */
export async function openStore(values: { build?: string; database?: string }, config: Config): Promise<Store> {
  if (values.build !== undefined && values.database !== undefined)
    throw new UsageError('give --build DIR or --database URL, not both');
  const url = values.build === undefined ? databaseUrl(values.database, config) : undefined;
  const store = await import('../store/index');
  store.configureStore({
    buildDir: path.resolve(values.build ?? 'build'),
    databaseUrl: url,
    pgSchema: config.pgSchema,
  });
  return store;
}

/** Closes PostgreSQL's pool (if one was opened) so the command exits. */
export async function closeStore(): Promise<void> {
  const { disconnectAll } = await import('../db/pg');
  disconnectAll();
}
