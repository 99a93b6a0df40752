import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexBundle, PairRecord } from '../model';
import { readBundleFile, strictLines } from './bundle-file';
import {
  bundleFromLines,
  BundleFormatError,
  bundleLines,
  COMMON_ENTRIES_PER_LINE,
  LINE_UNITS,
  RECORDS_PER_LINE,
} from './bundle-lines';
import { indexSource, loadSearcherFromLines } from './bundle';
import { buildIndexBundle, loadSearcher } from './index';

const WORDS = ['合作', '关系', '发展', '伙伴', '战略', '和平', '稳定', '经济', '贸易', '能源', '安全', '文化'];
const ENGLISH = [
  'cooperation',
  'relations',
  'development',
  'partner',
  'strategy',
  'peace',
  'stability',
  'economy',
  'trade',
  'energy',
  'security',
  'culture',
];

/** Enough records for several record lines, and (with a low bar for common terms) several common lines. */
function corpus(n: number): PairRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const picks = [i % 12, (i * 7 + 3) % 12, (i * 5 + 1) % 12];
    return {
      docId: `d${i % 3}`,
      pair: i,
      zh: `${picks.map((k) => WORDS[k]).join('，')}${i}号。`,
      en: `${picks.map((k) => ENGLISH[k]).join(', ')} w${i % 400}x.`,
    };
  });
}

let bundle: IndexBundle;
let lines: string[];
let dir: string;
beforeAll(async () => {
  bundle = await buildIndexBundle(corpus(2 * RECORDS_PER_LINE + 17), { commonTermRecords: 2 });
  lines = [...bundleLines(bundle)];
  dir = await mkdtemp(path.join(tmpdir(), 'duizhao-bundle-lines-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the search bundle as lines', () => {
  it('round-trips: the lines give back the same bundle, and the same search', async () => {
    expect(await bundleFromLines(lines)).toEqual(JSON.parse(JSON.stringify(bundle)));
    const [a, b] = await Promise.all([loadSearcher(bundle), bundleFromLines(lines).then(loadSearcher)]);
    for (const q of ['合作', 'cooperation', 'hezuo', '"peace, stability"']) expect(b.search(q)).toEqual(a.search(q));
  });

  it('cuts records and common entries into bounded lines, each one JSON value ending in a newline', () => {
    const kinds = lines.map((l) => (JSON.parse(l) as unknown[])[0]);
    expect(kinds.filter((k) => k === 'records')).toHaveLength(3);
    const common = lines.map((l) => JSON.parse(l) as unknown[]).filter((l) => l[0] === 'common');
    // 400 English words each in ~5 records: two lines of the English view's common terms.
    expect(common.filter((l) => l[1] === 'en').length).toBeGreaterThanOrEqual(2);
    for (const l of common) expect((l[2] as unknown[]).length).toBeLessThanOrEqual(COMMON_ENTRIES_PER_LINE);
    expect(kinds[0]).toBe('duizhao-search');
    expect(kinds.at(-1)).toBe('end');
    for (const l of lines) expect(l.indexOf('\n')).toBe(l.length - 1);
  });

  it('keeps lines under LINE_UNITS whatever the entries: the commonest terms list most records', async () => {
    const ones = Array.from({ length: 2_500_000 }, () => 1);
    const big: IndexBundle['common']['zh'][number] = ['的', ones, ones];
    const huge: IndexBundle = {
      records: [],
      zh: {},
      zhChars: {},
      en: {},
      enPairs: {},
      py: {},
      common: { zh: [['了', [3], [1]], ['在', [4], [2]], big, big], zhChars: [], en: [], enPairs: [], py: [] },
    };
    const out = [...bundleLines(huge)];
    const common = out.filter((l) => l.startsWith('["common"'));
    // The two small entries share a line; each big one (~10 M units) has one of its own.
    expect(common.map((l) => (JSON.parse(l) as unknown[][])[2]!.length)).toEqual([2, 1, 1]);
    expect(Math.max(...common.map((l) => l.length))).toBeLessThan(LINE_UNITS * 1.5);
    expect((await bundleFromLines(out)).common.zh).toHaveLength(4);
  });

  it('writes the same lines from the indexes themselves, a view at a time, as from an assembled bundle', async () => {
    const records = corpus(2 * RECORDS_PER_LINE + 17);
    expect([...bundleLines(indexSource(records, { commonTermRecords: 2 }))]).toEqual(lines);
  });

  it('loads a searcher straight from the lines, as from the assembled bundle, with the same checks', async () => {
    const [a, b] = [await loadSearcher(bundle), await loadSearcherFromLines(lines)];
    for (const q of ['合作', 'cooperation', 'hezuo', '"peace, stability"', 'w17x'])
      expect(b.search(q)).toEqual(a.search(q));
    const common = lines.findIndex((l) => l.startsWith('["common"'));
    const badEntry = lines.with(common, '["common","zh",[["合作",[5,-1],[1,1]]]]\n');
    await expect(loadSearcherFromLines(badEntry)).rejects.toThrow(/not ascending record ids/);
    const badRecord = lines.with(1, '["records",[{"docId":1}]]\n');
    await expect(loadSearcherFromLines(badRecord)).rejects.toThrow(/record|records/);
  });

  it('leaves parts out on request (PostgreSQL keeps no index lines)', async () => {
    const stored = [...bundleLines(bundle, new Set(['records', 'common']))];
    expect(stored.some((l) => l.startsWith('["index"'))).toBe(false);
    const back = await bundleFromLines(stored);
    expect(back.records).toEqual(bundle.records);
    expect(back.common).toEqual(bundle.common);
    expect(back.zh).toEqual({});
  });

  it('refuses a damaged bundle, naming the line', async () => {
    const refuse = (bad: string[], message: RegExp) => expect(bundleFromLines(bad)).rejects.toThrow(message);
    await refuse([], /empty/);
    await refuse(lines.slice(0, -1), /without its end line/);
    await refuse([...lines, lines.at(-1)!], /follows the end line/);
    await refuse(['["something-else", 1, 0]', ...lines.slice(1)], /line 1 is not the header/);
    await refuse([lines[0]!, '{"broken', ...lines.slice(2)], /line 2 is not valid JSON/);
    await refuse([lines[0]!, '{"records": []}', ...lines.slice(2)], /line 2 is not a JSON array/);
    await refuse([lines[0]!, '["mystery", 1]', ...lines.slice(2)], /line 2 is of an unknown kind "mystery"/);
    await refuse(
      [lines[0]!, '["index", "klingon", "1.map", "{}"]', ...lines.slice(2)],
      /line 2 is not a \[view, key, data\]/,
    );
    await refuse([lines[0]!, ...lines.slice(2)], /says the bundle has \d+ lines/);
    // A whole record line dropped and the end line's count fixed: the header's record count still tells.
    const dropped = [lines[0]!, ...lines.slice(2, -1), `["end",${lines.length - 1}]\n`];
    await refuse(
      dropped,
      new RegExp(
        `holds ${bundle.records.length - RECORDS_PER_LINE} records where its header says ${bundle.records.length}`,
      ),
    );
    for (const bad of [[], lines.slice(0, -1)])
      await expect(bundleFromLines(bad)).rejects.toBeInstanceOf(BundleFormatError);
  });
});

describe('search.jsonl on disk', () => {
  it('is read back line by line, across read-chunk boundaries, as written', async () => {
    const file = path.join(dir, 'search.jsonl');
    await writeFile(file, bundleLines(bundle));
    const read: string[] = [];
    for await (const line of strictLines(file)) read.push(line);
    expect(read).toEqual(lines.map((l) => l.slice(0, -1)));
    // Record lines are longer than a 64 kB read chunk: lines were joined across chunks.
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l)))).toBeGreaterThan(65536);
    expect(await readBundleFile(file)).toEqual(await bundleFromLines(lines));
  });

  it('refuses an invalid UTF-8 byte instead of replacing it, naming its line', async () => {
    const file = path.join(dir, 'bad-utf8.jsonl');
    const bytes = Buffer.from(lines.slice(0, 3).join(''));
    const third = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 5;
    bytes[third] = 0xff;
    await writeFile(file, bytes);
    await expect(readBundleFile(file)).rejects.toThrow(/line 3 is not valid UTF-8/);
  });

  it('rejects a missing file with ENOENT, as fs does', async () => {
    await expect(readBundleFile(path.join(dir, 'none.jsonl'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
