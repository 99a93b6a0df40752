/**
 * Translation evidence learned over the document itself (hunalign's realign idea, with IBM Model 1
 * in place of its co-occurrence counts): the beads of a first alignment that the aligner is sure of
 * are a small parallel corpus of this very text; Model 1, seeded with CC-CEDICT, learns from them
 * which English stems and names render each Chinese word here (a name CC-CEDICT spells in pinyin
 * while the translator writes Abraham, a translator's habitual rendering the dictionary lacks), and
 * the pairs it is sure of join the word's dictionary ids for a second search. The same for every
 * text: nothing is fitted to a development set but the few thresholds below, which carry because
 * they ask for evidence seen several times over, not for a share of some corpus.
 *
 * Written here rather than reusing lib/wordalign (fast_align's Model 2 over the corpus's beads):
 * that module sits above this one and reads its beads, and what is needed here is its table of
 * probabilities per word type, which it keeps inside.
 */
import type { Bead } from '../model';
import { LOW_CONFIDENCE } from '../base/confidence';
import { doubled } from '../base/typed-arrays';
import type { EnFeatures, ZhFeatures, ZhWord } from './features';
import { findSorted } from './pair-hits';
import { OrderedSet } from './ordered-set';

export interface LearnOptions {
  /** EM iterations of Model 1. */
  iterations: number;
  /** How many times likelier a pair CC-CEDICT knows starts out than one it does not. */
  dictionaryBoost: number;
  /** Least t(English | Chinese word) of a learned pair… */
  minProbability: number;
  /** …and the least number of sure beads that must hold it (expected count in the last iteration). */
  minCount: number;
  /** Beads this sure (confidence), with at most `maxSide` sentences a side, are the training corpus. */
  minConfidence: number;
  maxSide: number;
  /** Whether single characters learn too (they co-occur with everything: 不 with "didn't", 的 with "wife"). */
  singles: boolean;
  /** Whether only names are learned (what a dictionary cannot know: the translator's spelling of a name). */
  namesOnly: boolean;
}

export const DEFAULT_LEARN_OPTIONS: LearnOptions = {
  iterations: 5,
  dictionaryBoost: 8,
  minProbability: 0.2,
  minCount: 5,
  minConfidence: LOW_CONFIDENCE,
  maxSide: 2,
  singles: false,
  namesOnly: true,
};

/** A training pair: the Chinese word types of a bead (each once) and its English ids (each once). */
interface TypePair {
  src: Int32Array;
  tgt: Int32Array;
}

/** The sure beads as pairs of word types and English ids, and each type's dictionary ids (sorted). */
function trainingPairs(
  zh: readonly ZhFeatures[],
  en: readonly EnFeatures[],
  beads: readonly Bead[],
  options: LearnOptions,
): { pairs: TypePair[]; dictionaryIds: Map<number, Int32Array> } {
  const pairs: TypePair[] = [];
  const dictionaryIds = new Map<number, Int32Array>();
  // Each bead's distinct types and ids in the order first met (what a Set per bead gave, for less):
  // marks by bead, reused from bead to bead.
  const src = new OrderedSet();
  const tgt = new OrderedSet();
  for (const b of beads) {
    if (b.zh.length === 0 || b.en.length === 0) continue;
    if (b.zh.length > options.maxSide || b.en.length > options.maxSide || b.confidence < options.minConfidence)
      continue;
    src.clear();
    tgt.clear();
    for (const i of b.zh)
      for (const w of zh[i]!.words) {
        if (w.type < 0 || (w.single && !options.singles)) continue;
        src.add(w.type);
        if (!dictionaryIds.has(w.type)) dictionaryIds.set(w.type, w.ids.slice().sort());
      }
    for (const j of b.en) {
      const ids = en[j]!.ids;
      for (let k = 0; k < ids.length; k++) tgt.add(ids[k]!);
    }
    if (src.size > 0 && tgt.size > 0) pairs.push({ src: src.values(), tgt: tgt.values() });
  }
  return { pairs, dictionaryIds };
}

/**
 * One cell per co-occurring (type, id) of the training pairs, and each pair's cells (at
 * `pairStart[p] + b · |src| + a`), so that EM runs over typed arrays. Cells are numbered in (type, id)
 * order: the occurrences bucketed by type (a counting sort), each type's distinct ids sorted. A map
 * per type cost a long book a few hundred megabytes of entries, and one sort of packed keys over a
 * book's millions of occurrences the largest block of its peak memory.
 */
function cellsOf(pairs: readonly TypePair[]): {
  pairStart: Int32Array;
  pairCells: Int32Array;
  cellType: Int32Array;
  cellId: Int32Array;
  typeCount: number;
  idCount: number;
} {
  let typeCount = 0;
  let idCount = 0;
  const pairStart = new Int32Array(pairs.length + 1);
  pairs.forEach(({ src, tgt }, p) => {
    for (const f of src) if (f >= typeCount) typeCount = f + 1;
    for (const e of tgt) if (e >= idCount) idCount = e + 1;
    pairStart[p + 1] = pairStart[p]! + src.length * tgt.length;
  });
  const total = pairStart[pairs.length]!;
  // The occurrences bucketed by type, in occurrence order within a type.
  const typeStart = new Int32Array(typeCount + 1);
  for (const { src, tgt } of pairs) for (const f of src) typeStart[f + 1]! += tgt.length;
  for (let f = 0; f < typeCount; f++) typeStart[f + 1]! += typeStart[f]!;
  const fill = typeStart.slice(0, typeCount);
  const bucketOccurrence = new Int32Array(total);
  const bucketId = new Int32Array(total);
  pairs.forEach(({ src, tgt }, p) => {
    let o = pairStart[p]!;
    for (let b = 0; b < tgt.length; b++)
      for (let a = 0; a < src.length; a++, o++) {
        const k = fill[src[a]!]!++;
        bucketOccurrence[k] = o;
        bucketId[k] = tgt[b]!;
      }
  });
  const pairCells = new Int32Array(total);
  const cellType = new Int32Array(total);
  const cellId = new Int32Array(total);
  let cells = 0;
  const idStamp = new Int32Array(idCount);
  const idCell = new Int32Array(idCount);
  // A type's distinct ids, sorted in place in a typed array (numerically, without a comparator call per step).
  let distinct = new Int32Array(256);
  for (let f = 0; f < typeCount; f++) {
    let count = 0;
    for (let k = typeStart[f]!; k < typeStart[f + 1]!; k++) {
      const id = bucketId[k]!;
      if (idStamp[id] !== f + 1) {
        idStamp[id] = f + 1;
        if (count === distinct.length) distinct = doubled(distinct);
        distinct[count++] = id;
      }
    }
    const sorted = distinct.subarray(0, count).sort();
    for (const id of sorted) {
      idCell[id] = cells;
      cellType[cells] = f;
      cellId[cells++] = id;
    }
    for (let k = typeStart[f]!; k < typeStart[f + 1]!; k++) pairCells[bucketOccurrence[k]!] = idCell[bucketId[k]!]!;
  }
  return {
    pairStart,
    pairCells,
    cellType: cellType.slice(0, cells),
    cellId: cellId.slice(0, cells),
    typeCount,
    idCount,
  };
}

/**
 * The English ids Model 1 learns for each Chinese word type (by `ZhWord.type`) beyond those the
 * dictionary gives it, from the beads of a first alignment.
 */
export function learnTranslations(
  zh: readonly ZhFeatures[],
  en: readonly EnFeatures[],
  beads: readonly Bead[],
  options: LearnOptions = DEFAULT_LEARN_OPTIONS,
): Map<number, Int32Array> {
  const { pairs, dictionaryIds } = trainingPairs(zh, en, beads, options);
  const { pairStart, pairCells, cellType, cellId, typeCount, idCount } = cellsOf(pairs);
  const cellCount = cellType.length;
  const t = new Float64Array(cellCount);
  // A type's cells are consecutive and in ascending id order, as its dictionary ids are: one merge
  // walk per type tells which cells the dictionary knows.
  for (let c = 0; c < cellCount;) {
    const f = cellType[c]!;
    const known = dictionaryIds.get(f)!;
    let k = 0;
    for (; c < cellCount && cellType[c] === f; c++) {
      const id = cellId[c]!;
      while (k < known.length && known[k]! < id) k++;
      t[c] = k < known.length && known[k] === id ? options.dictionaryBoost : 1;
    }
  }
  // NULL generates what no word of the bead renders (a function word, a free rendering).
  const tNull = new Float64Array(idCount).fill(1);
  const counts = new Float64Array(cellCount);
  const nullCounts = new Float64Array(idCount);
  const typeTotals = new Float64Array(typeCount);
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    counts.fill(0);
    nullCounts.fill(0);
    pairs.forEach(({ src, tgt }, p) => {
      const at = pairStart[p]!;
      const m = src.length;
      for (let b = 0; b < tgt.length; b++) {
        const e = tgt[b]!;
        const row = at + b * m;
        let total = tNull[e]!;
        for (let a = 0; a < m; a++) total += t[pairCells[row + a]!]!;
        nullCounts[e]! += tNull[e]! / total;
        for (let a = 0; a < m; a++) {
          const c = pairCells[row + a]!;
          counts[c]! += t[c]! / total;
        }
      }
    });
    typeTotals.fill(0);
    for (let c = 0; c < cellCount; c++) typeTotals[cellType[c]!]! += counts[c]!;
    for (let c = 0; c < cellCount; c++) t[c] = counts[c]! / (typeTotals[cellType[c]!] || 1);
    let nullTotal = 0;
    for (let e = 0; e < idCount; e++) nullTotal += nullCounts[e]!;
    for (let e = 0; e < idCount; e++) tNull[e] = (nullCounts[e]! + 0.01) / (nullTotal + 0.01 * idCount);
  }
  // Sure in both directions: the word mostly renders as the id, and the id mostly renders the word
  // (the share of the id's counts that the word holds), as a symmetrised word alignment keeps
  // the links both directions agree on.
  const idTotals = new Float64Array(idCount);
  for (let c = 0; c < cellCount; c++) idTotals[cellId[c]!]! += counts[c]!;
  const names = new Set<number>();
  if (options.namesOnly) for (const e of en) for (const id of e.names) names.add(id);
  const learned = new Map<number, number[]>();
  for (let c = 0; c < cellCount; c++) {
    if (options.namesOnly && !names.has(cellId[c]!)) continue;
    if (t[c]! < options.minProbability || counts[c]! < options.minCount) continue;
    if (counts[c]! < options.minProbability * (idTotals[cellId[c]!]! + nullCounts[cellId[c]!]!)) continue;
    const f = cellType[c]!;
    if (findSorted(dictionaryIds.get(f)!, cellId[c]!) >= 0) continue;
    const ids = learned.get(f);
    if (ids) ids.push(cellId[c]!);
    else learned.set(f, [cellId[c]!]);
  }
  return new Map([...learned].map(([f, ids]) => [f, Int32Array.from(ids)]));
}

/**
 * Adds each word's learned ids to its dictionary ids, in place: a book's
 * features held twice, before and after, cost a hundred megabytes more at the peak. Returns the
 * number of sentences changed.
 */
export function addLearned(zh: ZhFeatures[], learned: ReadonlyMap<number, Int32Array>): number {
  let changed = 0;
  // One new word per type, shared by its occurrences as the features share theirs.
  const widened = new Map<number, ZhWord>();
  const widen = (w: ZhWord, more: Int32Array): ZhWord => {
    let word = widened.get(w.type);
    if (!word) {
      const ids = new Int32Array(w.ids.length + more.length);
      ids.set(w.ids);
      ids.set(more, w.ids.length);
      word = { ...w, ids };
      widened.set(w.type, word);
    }
    return word;
  };
  zh.forEach((z, i) => {
    if (!z.words.some((w) => learned.has(w.type))) return;
    const words = z.words.map((w) => {
      const more = learned.get(w.type);
      return more ? widen(w, more) : w;
    });
    zh[i] = { ...z, words };
    changed++;
  });
  return changed;
}
