import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../model';
import { readCorpus } from '../pipeline/read-corpus';
import { addDocument } from './add';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => path.join(root, 'tests/fixtures/formats', name);
let work: string;
let n = 0;
/** A fresh temporary corpus folder per test. */
const corpusDir = () => path.join(work, `corpus-${++n}`);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'duizhao-add-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('addDocument', () => {
  it('GB18030 source: detected, copied byte for byte, meta.json that the ingest reads', async () => {
    const dir = corpusDir();
    const en = path.join(work, 'talks-en.md');
    await writeFile(en, '# Talks\n\nPresident Xi Jinping held talks with President Putin.\n');
    const added = await addDocument({
      corpusDir: dir,
      source: fixture('simplified.gb18030.txt'),
      translation: en,
      titleEn: 'Xi Putin talks',
      date: '2026-05-20',
    });
    await added.commit();
    expect(added.id).toBe('2026-05-20-xi-putin-talks');
    expect(added.report[0]).toMatch(/^encoding: gb18030 \(chardet GB18030, 100% confidence/);
    expect(added.report[1]).toMatch(/^variant: simplified \(0% of \d+ Han characters are traditional-only/);
    expect(await readFile(path.join(added.dir, 'source.txt'))).toEqual(
      await readFile(fixture('simplified.gb18030.txt')),
    );
    expect(await readFile(path.join(added.dir, 'en.md'), 'utf8')).toContain('President Xi Jinping');
    const [input] = await readCorpus(dir); // parseMeta accepts it
    expect(input?.meta).toMatchObject({
      encoding: 'gb18030',
      variant: 'simplified',
      format: 'text',
      translation: { file: 'en.md', format: 'markdown' },
    });
    expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]); // no temporary folder left
  });

  it('Big5 traditional source: big5 and a traditional variant; --variant overrides', async () => {
    const dir = corpusDir();
    const added = await addDocument({ corpusDir: dir, source: fixture('traditional-hk.big5.txt'), date: '2025-05-09' });
    expect(added.meta).toMatchObject({
      encoding: 'big5',
      variant: 'traditional-TW',
      id: '2025-05-09-traditional-hk-big5',
    });
    expect(added.report[1]).toMatch(/no clear Hong Kong forms/);
    const given = await addDocument({
      corpusDir: dir,
      source: fixture('traditional-hk.big5.txt'),
      date: '2025-05-09',
      id: 'tkp',
      variant: 'traditional-HK',
    });
    expect(given.meta.variant).toBe('traditional-HK');
    expect(given.report[1]).toBe('variant: traditional-HK (given)');
  });

  it('a traditional text with Hong Kong forms is traditional-HK', async () => {
    const added = await addDocument({
      corpusDir: corpusDir(),
      source: path.join(root, 'corpus/2025-05-08-takungpao-moscow-talks/source.txt'),
      date: '2025-05-09',
    });
    expect(added.meta.variant).toBe('traditional-HK');
  });

  it('a low-confidence guess is refused, asking for --encoding, and nothing is written; --encoding then works', async () => {
    const dir = corpusDir();
    await expect(
      addDocument({ corpusDir: dir, source: fixture('short.gb18030.txt'), date: '2026-01-01' }),
    ).rejects.toThrow(/not sure of the encoding.*candidates.*--encoding/);
    expect(existsSync(dir)).toBe(false);
    const added = await addDocument({
      corpusDir: dir,
      source: fixture('short.gb18030.txt'),
      date: '2026-01-01',
      encoding: 'gb18030',
    });
    expect(added.report[0]).toBe('encoding: gb18030 (given; decodes strictly)');
    // A wrong --encoding is checked by the strict decoder too.
    await expect(
      addDocument({ corpusDir: dir, source: fixture('simplified.gb18030.txt'), encoding: 'utf-8', id: 'x' }),
    ).rejects.toThrow(/invalid utf-8 byte.*check --encoding/);
  });

  it('an existing id is refused unless --force, which replaces it', async () => {
    const dir = corpusDir();
    const first = await addDocument({
      corpusDir: dir,
      source: fixture('simplified.gb18030.txt'),
      id: 'doc',
      date: '2026-01-01',
    });
    await first.commit();
    await expect(
      addDocument({ corpusDir: dir, source: fixture('traditional-hk.big5.txt'), id: 'doc' }),
    ).rejects.toThrow(/doc already exists: choose another --id, or --force/);
    expect(JSON.parse(await readFile(path.join(dir, 'doc/meta.json'), 'utf8')).encoding).toBe('gb18030');
    const second = await addDocument({
      corpusDir: dir,
      source: fixture('traditional-hk.big5.txt'),
      id: 'doc',
      force: true,
    });
    expect(JSON.parse(await readFile(path.join(dir, 'doc/meta.json'), 'utf8')).encoding).toBe('big5');
    await second.rollback(); // e.g. the ingest failed: the first one is back
    expect(JSON.parse(await readFile(path.join(dir, 'doc/meta.json'), 'utf8')).encoding).toBe('gb18030');
    expect(await readdir(dir)).toEqual(['doc']);
  });

  it('a TMX brings its own translation; a translation that is not UTF-8 is refused', async () => {
    const dir = corpusDir();
    const tm = await addDocument({ corpusDir: dir, source: fixture('units.tmx'), date: '2026-01-01' });
    expect(tm.meta).toMatchObject({
      format: 'tmx',
      source: 'source.tmx',
      translation: { file: 'source.tmx', format: 'tmx' },
    });
    // Nobody named the translator: meta.json says nothing rather than a placeholder name.
    expect(tm.meta.translation).not.toHaveProperty('translator');
    const named = await addDocument({
      corpusDir: dir,
      source: fixture('units.tmx'),
      date: '2026-01-01',
      id: 'named',
      translator: 'Jane Doe',
    });
    expect(named.meta.translation?.translator).toBe('Jane Doe');
    await expect(
      addDocument({ corpusDir: dir, source: fixture('units.tmx'), translation: fixture('units.tmx'), id: 'y' }),
    ).rejects.toThrow(/holds its own translation/);
    await expect(
      addDocument({
        corpusDir: dir,
        source: fixture('simplified.gb18030.txt'),
        translation: fixture('simplified.gb18030.txt'),
        id: 'z',
      }),
    ).rejects.toThrow(/a translation must be UTF-8/);
    await expect(addDocument({ corpusDir: dir, source: path.join(work, 'notes.pdf') })).rejects.toThrow(
      /cannot tell the format from the extension/,
    );
  });
});

describe('duizhao add (the command)', () => {
  it('adds a Big5 document with a translation and runs the ingest; a refused file exits 1 and changes nothing', async () => {
    const dir = path.join(work, 'cli');
    const en = path.join(work, 'tkp-en.txt');
    await writeFile(en, 'Xi Jinping: China and Russia should be friends for generations.\n');
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(root, 'lib/cli.ts'),
          'add',
          ...args,
          '--corpus',
          path.join(dir, 'corpus'),
          '--build',
          path.join(dir, 'build'),
        ],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
    const ok = run(
      fixture('traditional-hk.big5.txt'),
      '--translation',
      en,
      '--id',
      'tkp',
      '--date',
      '2025-05-09',
      '--title',
      '大公報',
      '--title-en',
      'Ta Kung Pao',
    );
    expect(ok.stderr).toMatch(/encoding: big5 \(chardet Big5, 100% confidence/);
    expect(ok.stderr).toMatch(/variant: traditional-TW/);
    expect(ok.status).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(dir, 'build/manifest.json'), 'utf8')) as Manifest;
    expect(manifest.docs.map((d) => [d.meta.id, d.meta.encoding, d.meta.title.zh])).toEqual([
      ['tkp', 'big5', '大公報'],
    ]);
    const refused = run(fixture('short.gb18030.txt'), '--id', 'short');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/duizhao: .*not sure of the encoding/);
    expect(await readdir(path.join(dir, 'corpus'))).toEqual(['tkp']);
  }, 60_000);
});
