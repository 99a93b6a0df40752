/**
 * Editing paragraph pairs as InterText does: merge a pair with the next, split a pair at a block
 * boundary on each side. Pure functions over the pair list (index lists into the Chinese and
 * English blocks), so the page's undo is a stack of lists and the rules are tested apart from it.
 * Every edit keeps the invariant the ingest checks (lib/pipeline/align.ts givenPairsProblem):
 * every block once, in order, no pair empty.
 */
export interface EditPair {
  zh: number[];
  en: number[];
  /** The aligner's confidence; null once a person has made or changed the pair. */
  confidence: number | null;
  /** Sentence beads from the last preview, when the pair is unchanged since. */
  sentences?: Array<{ zh: number[]; en: number[]; confidence: number }>;
}

/** The pair `i` merged with pair `i + 1`; the list unchanged when there is no next pair. */
export function mergeWithNext(pairs: readonly EditPair[], i: number): EditPair[] {
  const a = pairs[i];
  const b = pairs[i + 1];
  if (!a || !b) return [...pairs];
  return [
    ...pairs.slice(0, i),
    { zh: [...a.zh, ...b.zh], en: [...a.en, ...b.en], confidence: null },
    ...pairs.slice(i + 2),
  ];
}

/** Whether pair `i` can be split with `zhCut` Chinese and `enCut` English blocks in the first part. */
export function canSplit(pair: EditPair | undefined, zhCut: number, enCut: number): boolean {
  if (!pair) return false;
  if (zhCut < 0 || enCut < 0 || zhCut > pair.zh.length || enCut > pair.en.length) return false;
  const first = zhCut + enCut;
  const second = pair.zh.length - zhCut + pair.en.length - enCut;
  return first > 0 && second > 0;
}

/**
 * Where a split cuts by default: after the first block on each side that has more than one; a
 * one-to-one pair comes apart into its Chinese alone and its English alone (an untranslated
 * paragraph and a translation without source).
 */
export function defaultCut(pair: EditPair): { zhCut: number; enCut: number } {
  if (pair.zh.length <= 1 && pair.en.length <= 1) return { zhCut: pair.zh.length, enCut: 0 };
  return { zhCut: pair.zh.length > 1 ? 1 : pair.zh.length, enCut: pair.en.length > 1 ? 1 : pair.en.length };
}

/** Pair `i` split in two: its first `zhCut` Chinese and `enCut` English blocks, then the rest. */
export function splitPair(pairs: readonly EditPair[], i: number, zhCut: number, enCut: number): EditPair[] {
  const p = pairs[i];
  if (!p || !canSplit(p, zhCut, enCut)) return [...pairs];
  const first: EditPair = { zh: p.zh.slice(0, zhCut), en: p.en.slice(0, enCut), confidence: null };
  const second: EditPair = { zh: p.zh.slice(zhCut), en: p.en.slice(enCut), confidence: null };
  return [...pairs.slice(0, i), first, second, ...pairs.slice(i + 1)];
}

/** Whether a person changed the pairs (anything to save). */
export function samePairs(a: readonly EditPair[], b: readonly EditPair[]): boolean {
  return (
    a.length === b.length && a.every((p, i) => String(p.zh) === String(b[i]!.zh) && String(p.en) === String(b[i]!.en))
  );
}

/** The pairs as alignment.json holds them. */
export function wirePairs(pairs: readonly EditPair[]): Array<{ zh: number[]; en: number[] }> {
  return pairs.map((p) => ({ zh: p.zh, en: p.en }));
}
