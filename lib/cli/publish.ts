/** `publish`: a build folder to PostgreSQL. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './command';
import { databaseUrl } from './store';

/** Publishes a build folder to PostgreSQL (lib/store/pg-store.ts) and closes the pool so the command exits. */
export async function publishTo(url: string, buildDir: string, schema: string | undefined): Promise<string> {
  const [{ publishBuildFolder }, { disconnectAll }] = await Promise.all([
    import('../store/pg-store'),
    import('../db/pg'),
  ]);
  try {
    const t0 = performance.now();
    const published = await publishBuildFolder(url, buildDir, { schema });
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const pruned = published.pruned.length > 0 ? `; removed ${published.pruned.join(', ')}` : '';
    process.stderr.write(
      `publish: build ${published.version} ${published.written ? 'written and' : 'already there,'} made current in PostgreSQL in ${seconds} s${pruned}\n`,
    );
    return published.version;
  } finally {
    disconnectAll();
  }
}

export const publish: Command = {
  name: 'publish',
  synopsis: 'publish [--build DIR] [--database URL]',
  description: `Publish a build folder to PostgreSQL (URL default: DATABASE_URL):
its files and its search index (FlexSearch's postgres adapter),
written in full, then made current in one transaction; the app
started with DATABASE_URL serves it. Prints the build version.
Tables in the schema DUIZHAO_PG_SCHEMA (default: duizhao).`,
  options: `  --build DIR              build folder to publish (default: build)
  --database URL           the database (default: DATABASE_URL)`,
  async run(args, config) {
    const { values } = parseArgs({
      args,
      options: { build: { type: 'string' }, database: { type: 'string' } },
      strict: true,
    });
    const url = databaseUrl(values.database, config);
    if (url === undefined) throw new UsageError('publish needs --database URL or DATABASE_URL');
    const dir = path.resolve(values.build ?? 'build');
    process.stdout.write(`${await publishTo(url, dir, config.pgSchema)}\n`);
    return 0;
  },
};
