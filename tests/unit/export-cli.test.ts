/**
 * `duizhao export` and `GET /api/export` end to end, against a real ingest: the corpus, the
 * end-to-end fixture documents and an export fixture in traditional characters (zh-TW) with
 * `<img onerror>`, `&` and `]]>` in both languages. Every TMX and TBX file is validated against
 * its schema (tests/fixtures/export/validate.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentenceUnits } from '../../lib/export/tmx';
import type { BuiltDoc, GlossaryEntry } from '../../lib/model';
import { tbxErrors, texts, tmxErrors, withXml } from '../fixtures/export/validate';

const root = path.resolve(import.meta.dirname, '../..');
const cli = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'lib/cli.ts'), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );

/** `duizhao export ARGS --build <the test build>`, run once per ARGS (each run starts tsx: about a second). */
const exportRuns = new Map<string, ReturnType<typeof cli>>();
function exported(...args: string[]): ReturnType<typeof cli> {
  const key = args.join(' ');
  let result = exportRuns.get(key);
  if (!result) {
    result = cli('export', ...args, '--build', build);
    exportRuns.set(key, result);
  }
  return result;
}

const TRADITIONAL_HK = '2025-05-08-takungpao-moscow-talks';
const ESCAPING = 'test-export-escaping';
const HOSTILE = 'test-hostile-translation';

let work: string;
let build: string;
let docs: BuiltDoc[];
let glossary: GlossaryEntry[];

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'duizhao-export-'));
  const corpus = path.join(work, 'corpus');
  for (const from of ['corpus', 'tests/fixtures/e2e-corpus', 'tests/fixtures/export/corpus'])
    cpSync(path.join(root, from), corpus, { recursive: true });
  build = path.join(work, 'build');
  const ingest = cli('ingest', '--corpus', corpus, '--build', build);
  if (ingest.status !== 0) throw new Error(`ingest failed:\n${ingest.stderr}`);
  // Until the ingest writes the glossary, the exports are tested on the fixture glossary.
  const glossaryFile = path.join(build, 'glossary.json');
  if (!existsSync(glossaryFile))
    writeFileSync(glossaryFile, readFileSync(path.join(root, 'tests/fixtures/export/glossary.json')));
  glossary = JSON.parse(readFileSync(glossaryFile, 'utf8')) as GlossaryEntry[];
  docs = readdirSync(path.join(build, 'docs'))
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(path.join(build, 'docs', n), 'utf8')) as BuiltDoc);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('duizhao export --format tmx', () => {
  it('prints a valid TMX 1.4b memory with one tu per sentence bead aligned on both sides', () => {
    const r = exported('--format', 'tmx');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(tmxErrors(r.stdout)).toEqual([]);
    withXml(r.stdout, (doc) => {
      const units = docs.flatMap(sentenceUnits);
      expect(units.length).toBeGreaterThan(500);
      expect(doc.find('/tmx/body/tu')).toHaveLength(units.length);
      for (const d of docs) {
        expect(doc.find(`//tu[prop[@type="x-doc"]="${d.meta.id}"]`), d.meta.id).toHaveLength(sentenceUnits(d).length);
      }
      // The hostile fixture's fourth paragraph has no translation: it is not in the memory; the fifth is.
      expect(texts(doc, `//tu[prop[@type="x-doc"]="${HOSTILE}"]/prop[@type="x-pair"]`)).toEqual(['1', '2', '3', '5']);
      expect(texts(doc, '/tmx/header/@srclang')).toEqual(['zh-CN']);
      expect(texts(doc, '/tmx/header/@creationtoolversion')).toEqual([
        JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version,
      ]);
    });
  });

  it('keeps the original of traditional sources as zh-HK or zh-TW, and markup as text', () => {
    const r = exported('--format', 'tmx');
    withXml(r.stdout, (doc) => {
      const hk = `//tu[prop[@type="x-doc"]="${TRADITIONAL_HK}"]`;
      expect(doc.find(hk).length).toBeGreaterThan(10);
      expect(doc.find(`${hk}[not(tuv[@xml:lang="zh-HK"])]`)).toHaveLength(0);
      expect(
        doc.find(`//tu[prop[@type="x-doc"]="2026-05-20-xi-putin-talks"]/tuv[@xml:lang="zh-HK" or @xml:lang="zh-TW"]`),
      ).toHaveLength(0);

      const escaping = `//tu[prop[@type="x-doc"]="${ESCAPING}"]`;
      expect(texts(doc, `${escaping}[1]/tuv/@xml:lang`)).toEqual(['zh-CN', 'zh-TW', 'en-GB']);
      expect(texts(doc, `${escaping}[1]/tuv/seg`)).toEqual(['汇出测试', '匯出測試', 'Export test']);
      expect(doc.find('//img')).toHaveLength(0);
      expect(texts(doc, `${escaping}/tuv[@xml:lang="en-GB"]/seg[contains(., "onerror")]`)).toEqual([
        '<img src=x onerror=alert(1)> This line tests escaping, including the & and ]]> marks.',
      ]);
      expect(texts(doc, `${escaping}/tuv[@xml:lang="zh-TW"]/seg[contains(., "onerror")]`)).toEqual([
        '<img src=x onerror=alert(1)> 這一行測試轉義，包括 & 和 ]]> 兩個記號。',
      ]);
      expect(texts(doc, `${escaping}/tuv[@xml:lang="en-GB"]/seg[contains(., "R&D")]`)).toHaveLength(1);
    });
  });

  it('exports one document given its id', () => {
    const r = exported('--format', 'tmx', TRADITIONAL_HK);
    expect(r.status, r.stderr).toBe(0);
    expect(tmxErrors(r.stdout)).toEqual([]);
    const expected = sentenceUnits(docs.find((d) => d.meta.id === TRADITIONAL_HK)!).length;
    withXml(r.stdout, (doc) => {
      expect(doc.find('//tu')).toHaveLength(expected);
      expect(new Set(texts(doc, '//tu/prop[@type="x-doc"]'))).toEqual(new Set([TRADITIONAL_HK]));
    });
  });
});

describe('duizhao export, the other formats', () => {
  it('tsv still prints one line per pair', () => {
    const r = exported('--format', 'tsv');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(docs.reduce((n, d) => n + d.pairs.length, 0));
  });

  it('tbx prints a valid TBX-Basic termbase of the glossary', () => {
    const r = exported('--format', 'tbx');
    expect(r.status, r.stderr).toBe(0);
    expect(tbxErrors(r.stdout)).toEqual([]);
    withXml(r.stdout, (doc) => {
      const ns = { t: 'urn:iso:std:iso:30042:ed-2' };
      expect(doc.find('//t:conceptEntry', ns)).toHaveLength(glossary.length);
      expect(texts(doc, '//t:conceptEntry/t:langSec[@xml:lang="zh"]/t:termSec[1]/t:term', ns)).toEqual(
        glossary.map((g) => g.term),
      );
    });
  });

  it('csv prints the glossary with a BOM, one row per term', () => {
    const r = exported('--format', 'csv');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\uFEFFterm,traditional,pinyin,')).toBe(true);
    const rows = parse(r.stdout, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.term)).toEqual(glossary.map((g) => g.term));
  });
});

describe('duizhao export, errors', () => {
  it.each([
    [['export'], /export needs --format tmx\|tsv\|tbx\|csv/],
    [['export', '--format', 'xml'], /export needs --format tmx\|tsv\|tbx\|csv/],
    [['export', '--format', 'tbx', TRADITIONAL_HK], /tbx exports the corpus-wide glossary and takes no DOCID/],
    [['export', '--format', 'csv', TRADITIONAL_HK], /takes no DOCID/],
    [['export', '--format', 'tmx', 'a', 'b'], /at most one DOCID/],
    [['export', '--format', 'tmx', '--doc', 'a'], /Unknown option '--doc'/],
  ])('%j is a usage error (exit 2), nothing on stdout', (args, message) => {
    const r = cli(...args, '--build', build);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/--help/);
  });

  it('an unknown document or a missing build is an error (exit 1), nothing on stdout', () => {
    const unknown = cli('export', '--format', 'tmx', 'no-such-doc', '--build', build);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/no document "no-such-doc"/);
    const missing = cli('export', '--format', 'tbx', '--build', path.join(work, 'nowhere'));
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(
      /No Duizhao build found \(.*nowhere.*glossary\.json is missing\): run npm run duizhao -- ingest/,
    );
  });

  it('--help explains the four formats', () => {
    const help = cli('--help');
    expect(help.stdout).toMatch(/export --format tmx\|tsv\|tbx\|csv \[DOCID\]/);
    for (const word of ['TMX 1.4b', 'TBX-Basic', 'BOM', '--build DIR']) expect(help.stdout).toContain(word);
  });
});

describe('GET /api/export', () => {
  // The route reads the build named by DUIZHAO_BUILD; set before the store is first loaded.
  let GET: (request: NextRequest) => Promise<Response>;
  beforeAll(async () => {
    process.env.DUIZHAO_BUILD = build;
    ({ GET } = await import('../../app/api/export/route'));
  });
  const get = (query: string) => GET(new NextRequest(`http://localhost/api/export${query}`));

  it('sends the same file as the CLI, as a download', async () => {
    const response = await get('?format=tmx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-tmx+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="duizhao-corpus.tmx"');
    expect(await response.text()).toBe(exported('--format', 'tmx').stdout);
  });

  it('exports one document, named after it', async () => {
    const response = await get(`?format=tmx&doc=${TRADITIONAL_HK}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="duizhao-${TRADITIONAL_HK}.tmx"`);
    const body = await response.text();
    expect(tmxErrors(body)).toEqual([]);
    expect(body).toBe(exported('--format', 'tmx', TRADITIONAL_HK).stdout);
  });

  it('sends tsv, tbx and csv with their types; the csv keeps its BOM', async () => {
    const tsv = await get('?format=tsv&doc=test-hostile-translation');
    expect(tsv.status).toBe(200);
    expect(tsv.headers.get('content-type')).toBe('text/tab-separated-values; charset=utf-8');
    expect(tsv.headers.get('content-disposition')).toBe('attachment; filename="duizhao-test-hostile-translation.tsv"');
    const tbx = await get('?format=tbx');
    expect(tbx.status).toBe(200);
    expect(tbx.headers.get('content-disposition')).toBe('attachment; filename="duizhao-glossary.tbx"');
    expect(tbxErrors(await tbx.text())).toEqual([]);
    const csv = await get('?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    // Response#text() would strip the BOM: look at the bytes.
    expect([...new Uint8Array(await csv.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it.each([
    ['', 400, /Missing format/],
    ['?format=xml', 400, /Unknown format/],
    ['?format=tmx&format=tmx', 400, /once/],
    ['?format=%FF', 400, /percent-encoded/],
    ['?format=tbx&doc=2026-05-20-xi-putin-talks', 400, /glossary covers the whole corpus/],
    ['?format=tmx&doc=..%2F..%2Fpackage', 400, /not a document id/],
    ['?format=tmx&id=x', 400, /Unknown parameter/],
    ['?format=tmx&doc=no-such-doc', 404, /No document with the id "no-such-doc"/],
  ])('%j → %i with a JSON message', async (query, status, message) => {
    const response = await get(query);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });
});
