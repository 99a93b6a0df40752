/**
 * The synthetic corpus of the benchmarks (search, pg, scale): seeded random sentences of CC-CEDICT
 * headwords (the commonest function words mixed in at their usual rates, so 的 is as frequent as in
 * real text), English made of the headwords' senses, pinyin from their CEDICT readings. Distinct
 * text, not one text repeated, so the vocabulary and the posting lists grow as a real corpus's do.
 *
 * A generator, so 100 M characters can be written to document folders (`writeSyntheticCorpus`)
 * without ever holding them; `syntheticRecords` collects it for the benches that index in memory.
 */
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadCedict } from '../../lib/dictionary/cedict';
import type { PairRecord } from '../../lib/model';
import { pinyinLine, wordSyllables } from '../../lib/search/pinyin';
import { seededRandom } from '../fixtures/random';

interface Headword {
  simplified: string;
  /** Toneless syllables, one per Han character. */
  syllables: Array<string | null>;
  english: string;
}

/**
 * Function words and their rough share of running text (per word token): what makes 的 and 是
 * the "very common character" case, which uniformly drawn headwords would never produce.
 */
const FUNCTION_WORDS: ReadonlyArray<[string, number]> = [
  ['的', 0.06],
  ['是', 0.015],
  ['在', 0.015],
  ['了', 0.012],
  ['和', 0.012],
  ['有', 0.01],
  ['中国', 0.008],
  ['我们', 0.006],
  ['发展', 0.006],
  ['合作', 0.005],
  ['这', 0.006],
  ['也', 0.005],
  ['与', 0.005],
  ['对', 0.005],
  ['为', 0.005],
  ['将', 0.004],
  ['等', 0.004],
  ['国家', 0.004],
  ['关系', 0.003],
  ['人民', 0.003],
];

const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)] as T;

let headwords: Headword[] | undefined;

/** CC-CEDICT headwords with one clean reading and an English sense (the raw text only lists them). Read once per process. */
function cedictHeadwords(): Headword[] {
  if (headwords) return headwords;
  const dict = loadCedict();
  const text = createRequire(import.meta.url)('hanzi/lib/data/cedict_ts.u8.js') as string;
  const seen = new Set<string>();
  const out: Headword[] = [];
  for (const line of text.split('\n')) {
    const simplified = line.split(' ', 2)[1];
    if (
      simplified === undefined ||
      line.startsWith('#') ||
      seen.has(simplified) ||
      !/^\p{Script=Han}+$/u.test(simplified)
    )
      continue;
    seen.add(simplified);
    const entry = dict.lookup(simplified)[0];
    const syllables = entry && wordSyllables(simplified, entry.pinyin);
    const sense = entry?.senses.find((s) => !/[\p{Script=Han}[\]|]/u.test(s) && /[a-z]/.test(s));
    if (!entry || !syllables || sense === undefined) continue;
    out.push({ simplified, syllables, english: sense.replace(/\(.*?\)/g, '').trim() });
  }
  return (headwords = out);
}

function weightedFunctionWord(r: () => number, words: Headword[]): Headword | null {
  let x = r();
  for (const [w, share] of FUNCTION_WORDS) {
    x -= share;
    if (x < 0) return words.find((h) => h.simplified === w) ?? null;
  }
  return null;
}

/** A record and its count of Han characters (what the sizes are measured in). */
export interface SyntheticRecord {
  record: PairRecord;
  hanChars: number;
}

/**
 * Records of about 60–400 Han characters: sentences of 4–20 words, clauses cut by ，, ended by 。,
 * until `totalChars` Han characters. The English is the words' senses in the same order. The same
 * seed gives the same records, and a smaller total gives a prefix of a larger one's records.
 */
export function* syntheticStream(totalChars: number, seed = 2026): Generator<SyntheticRecord> {
  const r = seededRandom(seed);
  const words = cedictHeadwords();
  const functionWords = FUNCTION_WORDS.map(([w]) => words.find((h) => h.simplified === w)).filter(
    (h): h is Headword => !!h,
  );
  let chars = 0;
  for (let n = 0; chars < totalChars; n++) {
    const zh: string[] = [];
    const en: string[] = [];
    const syllables: Array<string | null> = [];
    const before = chars;
    const sentences = 1 + Math.floor(r() * 5);
    for (let s = 0; s < sentences; s++) {
      const count = 4 + Math.floor(r() * 17);
      for (let k = 0; k < count; k++) {
        const word = weightedFunctionWord(r, functionWords) ?? pick(words, r);
        zh.push(word.simplified);
        en.push(word.english);
        syllables.push(...word.syllables);
        chars += word.syllables.length;
        if (k < count - 1 && r() < 0.12) zh.push('，');
      }
      zh.push('。');
    }
    const text = zh.join('');
    const english = `${en.join(' ')}.`;
    const pinyin = pinyinLine(text, syllables);
    const record: PairRecord = {
      docId: `synthetic-${Math.floor(n / 500)}`,
      pair: n % 500,
      zh: text,
      en: english,
      ...(pinyin ? { pinyin } : {}),
    };
    yield { record, hanChars: chars - before };
  }
}

/** The records of `syntheticStream`, collected (for the benches that index them in memory). */
export function syntheticRecords(totalChars: number, seed = 2026): PairRecord[] {
  const out: PairRecord[] = [];
  for (const { record } of syntheticStream(totalChars, seed)) out.push(record);
  return out;
}

/** What `writeSyntheticCorpus` wrote. */
export interface WrittenCorpus {
  corpusDir: string;
  documents: number;
  records: number;
  hanChars: number;
}

/** A document folder's meta.json, as `readCorpus` (lib/pipeline/run.ts) requires it. */
export function syntheticMeta(id: string): Record<string, unknown> {
  return {
    id,
    title: { zh: id, en: id },
    date: '2026-01-01',
    encoding: 'utf-8',
    variant: 'simplified',
    source: 'source.txt',
    format: 'text',
    publication: { zh: '合成语料', en: 'synthetic corpus' },
    translation: {
      file: 'en.txt',
      format: 'text',
      translator: 'synthetic',
      note: 'CC-CEDICT senses of the Chinese words, in order',
    },
  };
}

/**
 * Writes the stream as document folders under `<root>/corpus` (which must not hold other
 * documents): each of about `docChars` Han characters, a paragraph per record in source.txt and
 * its translation as the same paragraph of en.txt. Only one document is in memory at a time.
 * Each folder is written under a temporary name and renamed, so an interrupted run leaves no
 * half-written document that the ingest would read.
 */
export async function writeSyntheticCorpus(
  root: string,
  totalChars: number,
  options: { seed?: number; docChars?: number } = {},
): Promise<WrittenCorpus> {
  const corpusDir = path.join(root, 'corpus');
  await mkdir(corpusDir, { recursive: true });
  if ((await readdir(corpusDir)).length > 0)
    throw new Error(`${corpusDir} is not empty: the synthetic corpus is written into an empty folder only`);
  const docChars = options.docChars ?? 100_000;
  let documents = 0;
  let records = 0;
  let hanChars = 0;
  let zh: string[] = [];
  let en: string[] = [];
  let docHan = 0;
  const flush = async () => {
    if (zh.length === 0) return;
    const id = `2026-01-01-synthetic-${String(documents).padStart(5, '0')}`;
    const tmp = path.join(corpusDir, `.tmp-${id}`);
    await mkdir(tmp, { recursive: true });
    await writeFile(path.join(tmp, 'source.txt'), `${zh.join('\n\n')}\n`);
    await writeFile(path.join(tmp, 'en.txt'), `${en.join('\n\n')}\n`);
    await writeFile(path.join(tmp, 'meta.json'), `${JSON.stringify(syntheticMeta(id), null, 2)}\n`);
    await rename(tmp, path.join(corpusDir, id));
    documents++;
    zh = [];
    en = [];
    docHan = 0;
  };
  for (const { record, hanChars: n } of syntheticStream(totalChars, options.seed)) {
    zh.push(record.zh);
    en.push(record.en);
    docHan += n;
    hanChars += n;
    records++;
    if (docHan >= docChars) await flush();
  }
  await flush();
  return { corpusDir, documents, records, hanChars };
}
