/**
 * The configuration of a Duizhao process, read from its environment in one place. The modules that
 * need a setting take it as an argument (or, for the app's process-wide store, from `config()`);
 * none reads `process.env` itself, and nothing writes it: the CLI builds the config its flags ask
 * for and passes it in.
 *
 * Bottom layer: imports nothing of the project.
 */
import path from 'node:path';

/** Where the store reads a build from. */
export interface StoreConfig {
  /** The build folder (a symlink to the current build): DUIZHAO_BUILD, default `build/` under the working directory. */
  buildDir: string;
  /** DATABASE_URL: read the build published to PostgreSQL instead of the folder. Unset or empty: the folder. */
  databaseUrl?: string;
  /** DUIZHAO_PG_SCHEMA: the schema of the PostgreSQL tables (unset or empty: the default, `duizhao`). */
  pgSchema?: string;
}

/** Who may write through the import page (lib/security/write-access.ts). */
export interface WriteConfig {
  /** DUIZHAO_WRITE_TOKEN; writes from elsewhere need it. Unset or empty: no token accepted. */
  token?: string;
  /** False when DUIZHAO_LOCAL_WRITES=off: only the token opens writing. */
  localWrites: boolean;
  /**
   * DUIZHAO_ALLOWED_HOSTS, comma-separated: host names (or `name:port`) besides localhost and IP
   * literals that this server answers as, lowercased. Unset: none.
   */
  allowedHosts?: readonly string[];
}

export interface Config extends StoreConfig {
  /** The corpus the import page writes to: DUIZHAO_CORPUS, default `corpus/` under the working directory. */
  corpusDir: string;
  write: WriteConfig;
}

/** The environment variables Duizhao reads, and nothing else of the environment. */
export type Environment = Readonly<Partial<Record<string, string>>>;

/** The configuration an environment describes; paths resolved against `cwd`. */
export function readConfig(env: Environment = process.env, cwd: string = process.cwd()): Config {
  return {
    // turbopackIgnore: the build and corpus folders are read at run time, not bundled or traced into the output.
    buildDir: path.resolve(/*turbopackIgnore: true*/ cwd, env.DUIZHAO_BUILD ?? 'build'),
    corpusDir: path.resolve(/*turbopackIgnore: true*/ cwd, env.DUIZHAO_CORPUS ?? 'corpus'),
    databaseUrl: env.DATABASE_URL || undefined,
    pgSchema: env.DUIZHAO_PG_SCHEMA || undefined,
    write: {
      token: env.DUIZHAO_WRITE_TOKEN || undefined,
      localWrites: env.DUIZHAO_LOCAL_WRITES !== 'off',
      allowedHosts: (env.DUIZHAO_ALLOWED_HOSTS ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter((h) => h !== ''),
    },
  };
}

let loaded: Config | undefined;

/** This process's configuration, read from its environment on first use and kept. */
export function config(): Config {
  loaded ??= readConfig();
  return loaded;
}
