import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig', () => {
  it('defaults to build/ and corpus/ under the working directory, the folder store, no token, local writes on', () => {
    expect(readConfig({}, '/srv/duizhao')).toEqual({
      buildDir: '/srv/duizhao/build',
      corpusDir: '/srv/duizhao/corpus',
      databaseUrl: undefined,
      pgSchema: undefined,
      write: { token: undefined, localWrites: true, allowedHosts: [] },
    });
  });

  it('reads every variable, resolving relative folders against the working directory', () => {
    const cfg = readConfig(
      {
        DUIZHAO_BUILD: 'out/build',
        DUIZHAO_CORPUS: '/data/corpus',
        DATABASE_URL: 'postgres://u@localhost/db',
        DUIZHAO_PG_SCHEMA: 'staging',
        DUIZHAO_WRITE_TOKEN: 's3cret',
        DUIZHAO_LOCAL_WRITES: 'off',
        DUIZHAO_ALLOWED_HOSTS: 'Corpus.Example.org, ,duizhao.example:8443',
      },
      '/srv/duizhao',
    );
    expect(cfg).toEqual({
      buildDir: path.resolve('/srv/duizhao', 'out/build'),
      corpusDir: '/data/corpus',
      databaseUrl: 'postgres://u@localhost/db',
      pgSchema: 'staging',
      write: { token: 's3cret', localWrites: false, allowedHosts: ['corpus.example.org', 'duizhao.example:8443'] },
    });
  });

  it('takes an empty value as unset, where unset has a meaning of its own', () => {
    const cfg = readConfig(
      { DATABASE_URL: '', DUIZHAO_PG_SCHEMA: '', DUIZHAO_WRITE_TOKEN: '', DUIZHAO_LOCAL_WRITES: '' },
      '/srv',
    );
    expect(cfg.databaseUrl).toBeUndefined();
    expect(cfg.pgSchema).toBeUndefined();
    expect(cfg.write.token).toBeUndefined();
    expect(cfg.write.localWrites).toBe(true);
  });
});
