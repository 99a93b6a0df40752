/**
 * The reader's data, from the build: a document's pairs as the reader draws them (lib/reader/view.ts)
 * and the short glosses of interlinear mode. Both are derived once per document and kept while the
 * build is the same (emptied when the store sees a new one).
 */
import type { TraditionalScript } from '@/lib/learner/settings';
import { traditionalConverter } from '@/lib/pipeline/convert';
import { plotBeads, type PlotBead } from '@/lib/reader/plot';
import { convertPairs } from '@/lib/reader/script';
import { contentsOf, viewPairs, type ContentsEntry, type ViewPair } from '@/lib/reader/view';
import { shortGloss, shortGlossKey } from '@/lib/learner/short-gloss';
import { hskLevel } from '@/lib/terms/hsk';
import { hsk3Level } from '@/lib/terms/hsk30';
import { fresh, getDoc, glossLookup, onNewBuild } from './index';
import { HAN } from '@/lib/base/han';
import { toSimplified } from '@/lib/search/encode';

export interface ReaderDoc {
  pairs: ViewPair[];
  contents: ContentsEntry[];
}

const viewCache = new Map<string, Promise<ReaderDoc | null>>();
onNewBuild(() => viewCache.clear());

/** The whole document as the reader draws it, or null for an unknown document. */
export async function getReaderDoc(docId: string): Promise<ReaderDoc | null> {
  await fresh();
  let pending = viewCache.get(docId);
  if (!pending) {
    pending = getDoc(docId).then((doc) =>
      doc ? { pairs: viewPairs(doc, 0, doc.pairs.length, hskLevel), contents: contentsOf(doc) } : null,
    );
    pending.catch(() => viewCache.delete(docId));
    viewCache.set(docId, pending);
  }
  return pending;
}

/** The alignment map's boxes of a document (lib/reader/plot.ts), or null for an unknown document. */
export async function getAlignmentPlot(docId: string): Promise<PlotBead[] | null> {
  const doc = await getDoc(docId);
  return doc ? plotBeads(doc) : null;
}

const scriptCache = new Map<string, Promise<ViewPair[] | null>>();
onNewBuild(() => scriptCache.clear());

/**
 * The document's pairs drawn in traditional characters of the Taiwan or Hong Kong standard (from
 * each word's simplified form, lib/reader/script.ts), or null for an unknown document. Kept per
 * document and standard like the view itself.
 */
export async function getReaderPairsIn(docId: string, script: TraditionalScript): Promise<ViewPair[] | null> {
  const doc = await getReaderDoc(docId);
  const key = `${script}\u0000${docId}`;
  let pending = scriptCache.get(key);
  if (!pending) {
    pending = Promise.resolve(doc ? convertPairs(doc.pairs, traditionalConverter(script)) : null);
    pending.catch(() => scriptCache.delete(key));
    scriptCache.set(key, pending);
  }
  return pending;
}

const glossCache = new Map<string, Promise<Record<string, string> | null>>();
onNewBuild(() => glossCache.clear());

/** The short gloss of every word of a document, by `shortGlossKey`; null for an unknown document. */
export async function getShortGlosses(docId: string): Promise<Record<string, string> | null> {
  await fresh();
  let pending = glossCache.get(docId);
  if (!pending) {
    pending = Promise.all([getDoc(docId), glossLookup()]).then(([doc, { lookup }]) => {
      if (!doc) return null;
      const glosses: Record<string, string> = {};
      for (const block of doc.zh) {
        for (const sentence of block.sentences) {
          for (const word of sentence.words) {
            if (word.key === null || word.pinyin === '') continue;
            const id = shortGlossKey(word.key, word.pinyin);
            if (Object.hasOwn(glosses, id)) continue;
            const gloss = shortGloss(lookup(word.key), word.pinyin);
            if (gloss !== '') glosses[id] = gloss;
          }
        }
      }
      return glosses;
    });
    pending.catch(() => glossCache.delete(docId));
    glossCache.set(docId, pending);
  }
  return pending;
}

/**
 * A document's vocabulary for the learner: each simplified Han word with its running count and its
 * HSK 3.0 level (0: none). The library reckons the share of running words a learner knows from the
 * counts; the reader marks words by HSK 3.0 with the levels (the view carries HSK 2.0 only).
 */
export type DocWords = Record<string, [count: number, hsk3: number]>;

const wordsCache = new Map<string, Promise<DocWords | null>>();
onNewBuild(() => wordsCache.clear());

/** The document's words (see DocWords), or null for an unknown document. */
export async function getDocWords(docId: string): Promise<DocWords | null> {
  await fresh();
  let pending = wordsCache.get(docId);
  if (!pending) {
    pending = getDoc(docId).then((doc) => {
      if (!doc) return null;
      const words: DocWords = {};
      for (const block of doc.zh) {
        for (const sentence of block.sentences) {
          for (const word of sentence.words) {
            if (!HAN.test(word.simplified)) continue;
            const entry = Object.hasOwn(words, word.simplified) ? words[word.simplified] : undefined;
            if (entry) entry[0]++;
            else words[word.simplified] = [1, hsk3Level(word.simplified) ?? 0];
          }
        }
      }
      return words;
    });
    pending.catch(() => wordsCache.delete(docId));
    wordsCache.set(docId, pending);
  }
  return pending;
}

/** A document's Chinese title in each script the reader can show it in. */
export interface TitleScripts {
  simplified: string;
  tw: string;
  hk: string;
}

/**
 * The title converted as the text is (simplified by OpenCC t → cn; Taiwan and Hong Kong characters
 * from the simplified form, as `getReaderPairsIn` draws the words), so the header follows the
 * script switch. Titles are a line: converted on each request, no cache needed.
 */
export function titleScripts(title: string): TitleScripts {
  const simplified = toSimplified(title);
  return { simplified, tw: traditionalConverter('tw')(simplified), hk: traditionalConverter('hk')(simplified) };
}
