import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeCache, encodeCache, pruneOtherCaches, readCache, writeCache } from './cedict-cache';
import { dictionaryOf, parseCedictEntries } from './cedict';
import { compile } from './compact';

const SAMPLE = [
  '#! date=2026-09-10T07:14:51Z',
  '關係 关系 [guan1 xi5] /relation/relationship/',
  '關系 关系 [guan1 xi5] /variant of 關係|关系[guan1 xi5]/',
  '合作 合作 [he2 zuo4] /to cooperate/to collaborate/',
  '合 合 [he2] /to close/to join/',
  '作 作 [zuo4] /to do/to make/',
  '後 后 [hou4] /back/behind/',
  '后 后 [hou4] /empress/queen/',
  '乾 干 [gan1] /dry/',
  '𠀀 𠀀 [qiu1] /(Extension B test entry)/',
  '中華人民共和國 中华人民共和国 [Zhong1 hua2 Ren2 min2 Gong4 he2 guo2] /PRC/',
].join('\n');

const KEY = 'test key';
const { entries, published } = parseCedictEntries(SAMPLE);
const compact = compile(entries, published);
const bytes = encodeCache(compact, KEY);
const dir = mkdtempSync(path.join(tmpdir(), 'cedict-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every lookup the dictionary offers, over every headword, prefix and some misses. */
function behaviour(d: ReturnType<typeof dictionaryOf>) {
  const words = [
    '关系',
    '關係',
    '關系',
    '合作',
    '合',
    '作',
    '后',
    '後',
    '干',
    '乾',
    '𠀀',
    '中华',
    '中华人民共和国',
    '中華人民共和國',
    '__proto__',
    'constructor',
    '',
    '不在',
  ];
  return {
    size: d.size,
    published: d.published,
    lookups: words.map((w) => [w, d.has(w), d.lookup(w)]),
    longest: [
      d.longestMatch('中华人民共和国合作关系', 0),
      d.longestMatch('中华人民共和国合作关系', 7),
      d.longestMatch('合作关系', 2),
      d.longestMatch('中华人民', 0),
    ],
    nested: [d.nestedWords('合作关系'), d.nestedWords('中华人民共和国')],
  };
}

describe('the CEDICT cache file', () => {
  it('reads back a dictionary that answers exactly as the freshly compiled one', () => {
    const back = decodeCache(bytes, KEY);
    expect(back).not.toBeNull();
    expect(behaviour(dictionaryOf(back!))).toEqual(behaviour(dictionaryOf(compact)));
    expect(
      dictionaryOf(back!)
        .lookup('关系')
        .map((e) => e.traditional),
    ).toEqual(['關係', '關系']);
    expect(dictionaryOf(back!).lookup('𠀀')[0]?.senses).toEqual(['(Extension B test entry)']);
  });

  it('is refused when made under another key (another CEDICT, format or byte order)', () => {
    expect(decodeCache(bytes, 'another key')).toBeNull();
  });

  it('is refused when truncated, extended, or any byte of it is changed', () => {
    expect(decodeCache(bytes.subarray(0, bytes.length - 1), KEY)).toBeNull();
    expect(decodeCache(Buffer.concat([bytes, Buffer.from([0])]), KEY)).toBeNull();
    expect(decodeCache(Buffer.alloc(0), KEY)).toBeNull();
    expect(decodeCache(Buffer.from('DZCEDICT\u00ff\u00ff\u00ff\u00ff{', 'latin1'), KEY)).toBeNull();
    // Every byte, flipped one at a time: the header's JSON, the arrays, the text or the records.
    for (let i = 0; i < bytes.length; i++) {
      const damaged = Buffer.from(bytes);
      damaged[i] = damaged[i]! ^ 0x40;
      const back = decodeCache(damaged, KEY);
      // A flip inside the header's JSON may still parse to the same header (a letter's case in the
      // hex of the SHA-1 is not one of them: it would no longer match); anything read back must be whole.
      if (back !== null) expect(behaviour(dictionaryOf(back))).toEqual(behaviour(dictionaryOf(compact)));
    }
  });

  it('is written whole under its name, and a missing or damaged file reads as absent', () => {
    const file = path.join(dir, 'sub', 'cedict.bin');
    expect(readCache(file, KEY)).toBeNull();
    expect(writeCache(file, compact, KEY)).toBe(true);
    expect(readdirSync(path.dirname(file))).toEqual(['cedict.bin']); // no temporary left
    // Read whole from a file, the arrays are views on the file's own buffer (no copy): the same answers.
    expect(behaviour(dictionaryOf(readCache(file, KEY)!))).toEqual(behaviour(dictionaryOf(compact)));
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    expect(readCache(file, KEY)).toBeNull();
  });

  it('prunes the files of other keys beside it, and nothing else', () => {
    const folder = path.join(dir, 'prune');
    const file = path.join(folder, 'cedict-aaaa.bin');
    expect(writeCache(file, compact, KEY)).toBe(true);
    for (const other of [
      'cedict-bbbb.bin',
      'cedict-cccc.bin',
      'notes.txt',
      'cedict-bbbb.bin.123.tmp',
      'other-dddd.bin',
    ])
      writeFileSync(path.join(folder, other), 'x');
    pruneOtherCaches(file);
    expect(readdirSync(folder).sort()).toEqual([
      'cedict-aaaa.bin',
      'cedict-bbbb.bin.123.tmp',
      'notes.txt',
      'other-dddd.bin',
    ]);
    expect(readCache(file, KEY)).not.toBeNull();
    pruneOtherCaches(path.join(dir, 'no-such-folder', 'cedict-aaaa.bin')); // does not throw
  });

  it('reports a folder it cannot write to instead of throwing, and leaves nothing behind', () => {
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    expect(writeCache(path.join(blocker, 'cedict.bin'), compact, KEY)).toBe(false);
    expect(existsSync(path.join(blocker, 'cedict.bin'))).toBe(false);
  });
});
