/**
 * The command line writes builds to PostgreSQL: `ingest --database URL` publishes the build it
 * wrote, `publish` publishes a build folder (once: the second time writes nothing), and without a
 * database URL `publish` is a usage error; `search` and `export` read the published build as they
 * read the folder. Against the real test server (tests/pg/database.ts).
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, disconnectAll } from '../../lib/db/pg';
import { indexSchema } from '../../lib/search/pg-index';
import { VIEWS } from '../../lib/search/views';
import { describePg, uniqueName } from './database';

const root = path.resolve(import.meta.dirname, '../..');
const DOC = '2026-05-20-xi-putin-talks';

describePg('duizhao ingest --database and publish', (url) => {
  const schema = uniqueName('c');
  let work: string;
  const cli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'lib/cli.ts'), ...args],
      {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '', DUIZHAO_PG_SCHEMA: schema },
      },
    );

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'duizhao-cli-publish-'));
    // One document: the command's contract, not the corpus, is under test here.
    await cp(path.join(root, 'corpus', DOC), path.join(work, 'corpus', DOC), { recursive: true });
  });
  afterAll(async () => {
    const db = connect(url);
    const versions = await db
      .map('SELECT version FROM $1:name.builds', [schema], (r: { version: string }) => r.version)
      .catch(() => []);
    for (const v of versions)
      for (const view of VIEWS)
        await db.none('DROP SCHEMA IF EXISTS $1:name CASCADE', [indexSchema(`${schema}_${v}`, view)]);
    await db.none('DROP SCHEMA IF EXISTS $1:name CASCADE', [schema]);
    disconnectAll();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('publishes what ingest built, and publish alone finds it already there', async () => {
    const ingest = cli('ingest', '--database', url);
    expect(ingest.stderr).toMatch(/publish: build [0-9a-f]{16} written and made current in PostgreSQL/);
    expect(ingest.status).toBe(0);
    const version = path.basename(await realpath(path.join(work, 'build')));
    const row = await connect(url).one<{ version: string }>('SELECT version FROM $1:name.current', [schema]);
    expect(row.version).toBe(version);
    const docs = await connect(url).map(
      'SELECT id FROM $1:name.docs WHERE version = $2',
      [schema, version],
      (r: { id: string }) => r.id,
    );
    expect(docs).toEqual([DOC]);

    const again = cli('publish', '--database', url);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(`${version}\n`);
    expect(again.stderr).toMatch(/already there, made current/);
  }, 180_000);

  it('search and export read the published build and print what they print from the folder', () => {
    // Runs after the publish above. Each command reads through the store; the folder and the
    // database must give byte-identical output.
    for (const args of [
      ['search', '合作', '--json', '--all'],
      ['search', 'hezuo', '--doc', DOC],
      ['export', '--format', 'tmx', DOC],
      ['export', '--format', 'tbx'],
    ]) {
      const fromFolder = cli(...args, '--build', 'build');
      const fromDb = cli(...args, '--database', url);
      expect(fromFolder.status, `${args.join(' ')}: ${fromFolder.stderr}`).toBe(0);
      expect(fromDb.status, `${args.join(' ')}: ${fromDb.stderr}`).toBe(0);
      expect(fromFolder.stdout.length, args.join(' ')).toBeGreaterThan(100);
      expect(fromDb.stdout, args.join(' ')).toBe(fromFolder.stdout);
    }
    const both = cli('search', '合作', '--build', 'build', '--database', url);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/not both/);
  }, 180_000);

  it('refuses publish without a database URL, and reports a missing build', () => {
    const none = cli('publish');
    expect(none.status).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/publish needs --database URL or DATABASE_URL/);
    const missing = cli('publish', '--database', url, '--build', 'nowhere');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/No Duizhao build found/);
  }, 60_000);
});
