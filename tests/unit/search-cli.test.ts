/**
 * The `search` command's contract: with --json exactly one JSON document on stdout, {total, hits};
 * --all every hit; readable lines with the match marked otherwise; a refused query exits 2 and an
 * unknown document 1, with a message on stderr and nothing on stdout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_FORMAT_VERSION, type Manifest, type PairRecord } from '../../lib/model';
import { BUNDLE_FILE, buildIndexBundle, bundleLines } from '../../lib/search/index';
import { pinyinLine } from '../../lib/search/pinyin';

const root = path.resolve(import.meta.dirname, '../..');
const cli = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'lib/cli.ts'), ...args],
    { cwd: root, encoding: 'utf8' },
  );

/** 130 pairs that mention 合作 (more than one page, and more than the largest page of 100). */
const MANY = 130;
const records: PairRecord[] = [
  ...Array.from({ length: MANY }, (_, pair): PairRecord => ({
    docId: 'talks',
    pair,
    zh: `第${pair}次合作`,
    en: `cooperation number ${pair}`,
    pinyin: pinyinLine(`第${pair}次合作`, ['di', 'ci', 'he', 'zuo']),
  })),
  {
    docId: 'statement',
    pair: 0,
    zh: '战略协作伙伴关系',
    en: 'a strategic partnership of coordination',
    pinyin: pinyinLine('战略协作伙伴关系', ['zhan', 'lve', 'xie', 'zuo', 'huo', 'ban', 'guan', 'xi']),
  },
  {
    docId: 'statement',
    pair: 1,
    zh: '深化合作，关系稳定',
    zhOriginal: '深化合作，關係穩定',
    en: 'deeper cooperation, stable relations',
    pinyin: pinyinLine('深化合作，关系稳定', ['shen', 'hua', 'he', 'zuo', 'guan', 'xi', 'wen', 'ding']),
  },
];

let build: string;
beforeAll(async () => {
  build = mkdtempSync(path.join(tmpdir(), 'duizhao-search-cli-'));
  writeFileSync(path.join(build, BUNDLE_FILE), [...bundleLines(await buildIndexBundle(records))].join(''));
  // The command reads through the app's store, which knows the documents from the manifest; only
  // the ids matter to search.
  const manifest = {
    formatVersion: BUILD_FORMAT_VERSION,
    docs: ['talks', 'statement'].map((id) => ({ meta: { id }, stats: {} })),
  } as unknown as Manifest;
  writeFileSync(path.join(build, 'manifest.json'), JSON.stringify(manifest));
});

const search = (...args: string[]) => cli('search', ...args, '--build', build);

function json(stdout: string): { total: number; hits: Array<Record<string, unknown>> } {
  return JSON.parse(stdout) as { total: number; hits: Array<Record<string, unknown>> };
}

describe('duizhao search', () => {
  it('prints one JSON document, {total, hits}, and nothing else', () => {
    const r = search('关系', '--json');
    expect(r.status).toBe(0);
    const result = json(r.stdout);
    expect(Object.keys(result)).toEqual(['total', 'hits']);
    expect(result.total).toBe(2);
    expect(result.hits.map((h) => [h.docId, h.pair])).toEqual([
      ['statement', 0],
      ['statement', 1],
    ]);
    expect(result.hits[0]).toMatchObject({ zh: '战略协作伙伴关系', en: 'a strategic partnership of coordination' });
    expect(result.hits[0]).not.toHaveProperty('pinyin');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('pages by default and gives every hit with --all', () => {
    expect(json(search('合作', '--json').stdout)).toMatchObject({ total: MANY + 1 });
    expect(json(search('合作', '--json').stdout).hits).toHaveLength(20);
    const all = json(search('合作', '--json', '--all').stdout);
    expect(all.hits).toHaveLength(MANY + 1);
    expect(new Set(all.hits.map((h) => `${h.docId}#${h.pair}`)).size).toBe(MANY + 1);
  });

  it('reads pinyin, traditional and quoted phrases, several terms at once', () => {
    expect(json(search('hezuo', '--json', '--all').stdout).total).toBe(MANY + 1);
    expect(json(search('zhan', 'lve', '--json').stdout).hits.map((h) => h.pair)).toEqual([0]);
    expect(json(search('關係', '--json').stdout).total).toBe(2);
    expect(json(search('"strategic partnership"', '--json').stdout).total).toBe(1);
    expect(json(search('"strategic partnerships"', '--json').stdout).total).toBe(0);
    expect(json(search('合作 stable', '--json').stdout).hits.map((h) => h.docId)).toEqual(['statement']);
  });

  it('filters by document', () => {
    const r = search('合作', '--json', '--doc', 'statement');
    expect(json(r.stdout).hits.map((h) => [h.docId, h.pair])).toEqual([['statement', 1]]);
  });

  it('prints readable lines with the match marked, and the count on stderr', () => {
    const r = search('关系');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('statement #p-1\n  战略协作伙伴[关系]\n');
    expect(r.stderr).toContain('2 hits; terms: 关系 (simplified)');
  });

  it('refuses a bad query with exit 2 and an unknown document with exit 1', () => {
    const long = search('合'.repeat(300), '--json');
    expect(long.status).toBe(2);
    expect(long.stdout).toBe('');
    expect(long.stderr).toMatch(/longer than 200 characters/);
    const unknown = search('合作', '--json', '--doc', 'nope');
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/no document "nope"/);
    const none = cli('search', '--build', build);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/search needs a QUERY/);
  });

  it('answers a query of punctuation or markup with nothing, not an error', () => {
    for (const q of ['*', '\\', '<script>', '__proto__']) {
      const r = search(q, '--json');
      expect(r.status, q).toBe(0);
      expect(json(r.stdout), q).toEqual({ total: 0, hits: [] });
    }
  });

  it('says where the build is missing', () => {
    const r = cli('search', '合作', '--build', path.join(build, 'nowhere'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/No Duizhao build found \(.*nowhere.*is missing\): run npm run duizhao -- ingest/);
  });

  it('row 22.7c: an empty or blank query, a control character or bytes that are not UTF-8 exit 2, as the API answers 400', () => {
    for (const q of ['', '   ', 'he\u0001zuo', '合\u007f作']) {
      const r = search(q);
      expect(r.status, JSON.stringify(q)).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/duizhao: The query (is empty|contains control characters)\./);
    }
    // An argument that is not UTF-8 (a Latin-1 terminal): Node hands it over with U+FFFD in it.
    const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
    const raw = spawnSync(
      'sh',
      [
        '-c',
        `exec "$0" "$1" "$2" search "$(printf 'he\\377zuo')" --build "$3"`,
        process.execPath,
        tsx,
        path.join(root, 'lib/cli.ts'),
        build,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(raw.status).toBe(2);
    expect(raw.stderr).toMatch(/not valid Unicode text/);
  });

  it('row 22.7f: a zero-width space, joiner or bidi mark inside 合作 is stripped like a BOM: the same hits', () => {
    const plain = JSON.parse(search('合作', '--json').stdout) as { total: number };
    expect(plain.total).toBeGreaterThan(0);
    for (const mark of ['\u200B', '\u200D', '\u200C', '\u200E', '\u200F', '\u2067', '\u202E', '\u2060', '\uFEFF']) {
      const r = search(`合${mark}作`, '--json');
      expect(r.status).toBe(0);
      expect((JSON.parse(r.stdout) as { total: number }).total, `U+${mark.codePointAt(0)!.toString(16)}`).toBe(
        plain.total,
      );
    }
  });

  it('is listed in --help', () => {
    expect(cli('--help').stdout).toMatch(/search QUERY \[--json\] \[--all\] \[--doc DOCID\]/);
  });
});
