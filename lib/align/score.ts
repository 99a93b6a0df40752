/**
 * Strict and lax precision, recall and F1 of sentence alignments, as the development set's
 * published scores compute them (Vecalign's scorer, after Sennrich & Volk): beads empty on both
 * sides are ignored; recall swaps test and gold and counts only gold beads with both sides
 * non-empty; a lax hit is a test bead whose Chinese sentences are aligned in gold to at least one
 * of its English sentences.
 */
import type { Bead } from '../model';

export type Alignment = Array<Pick<Bead, 'zh' | 'en'>>;

interface Counts {
  tpStrict: number;
  fpStrict: number;
  tpLax: number;
  fpLax: number;
}

const key = (b: Pick<Bead, 'zh' | 'en'>) => `${b.zh.join(',')}:${b.en.join(',')}`;

function precisionCounts(gold: Alignment, test: Alignment): Counts {
  const goldKeys = new Set(gold.filter((b) => b.zh.length || b.en.length).map(key));
  const goldTargets = new Map<number, Set<number>>();
  for (const b of gold)
    for (const z of b.zh) for (const e of b.en) (goldTargets.get(z) ?? goldTargets.set(z, new Set()).get(z)!).add(e);
  const counts: Counts = { tpStrict: 0, fpStrict: 0, tpLax: 0, fpLax: 0 };
  const seen = new Set<string>();
  for (const b of test) {
    if (b.zh.length === 0 && b.en.length === 0) continue;
    const k = key(b);
    if (seen.has(k)) continue; // the scorer works on sets
    seen.add(k);
    if (goldKeys.has(k)) {
      counts.tpStrict++;
      counts.tpLax++;
    } else {
      counts.fpStrict++;
      const targets = new Set(b.zh.flatMap((z) => [...(goldTargets.get(z) ?? [])]));
      if (b.en.some((e) => targets.has(e))) counts.tpLax++;
      else counts.fpLax++;
    }
  }
  return counts;
}

export interface Scores {
  strict: { precision: number; recall: number; f1: number };
  lax: { precision: number; recall: number; f1: number };
}

const ratio = (a: number, b: number) => (a + b === 0 ? 0 : a / (a + b));
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Scores pooled over several documents: counts are summed before the ratios are taken. */
export function scoreAlignments(pairs: Array<{ gold: Alignment; test: Alignment }>): Scores {
  const p: Counts = { tpStrict: 0, fpStrict: 0, tpLax: 0, fpLax: 0 };
  const r: Counts = { tpStrict: 0, fpStrict: 0, tpLax: 0, fpLax: 0 };
  for (const { gold, test } of pairs) {
    const pc = precisionCounts(gold, test);
    const rc = precisionCounts(
      test,
      gold.filter((b) => b.zh.length > 0 && b.en.length > 0),
    );
    for (const k of Object.keys(p) as Array<keyof Counts>) {
      p[k] += pc[k];
      r[k] += rc[k];
    }
  }
  const ps = ratio(p.tpStrict, p.fpStrict);
  const rs = ratio(r.tpStrict, r.fpStrict);
  const pl = ratio(p.tpLax, p.fpLax);
  const rl = ratio(r.tpLax, r.fpLax);
  return { strict: { precision: ps, recall: rs, f1: f1(ps, rs) }, lax: { precision: pl, recall: rl, f1: f1(pl, rl) } };
}

/** Parses `[zh ids]:[en ids]` lines (the gold format and the `align --sentences` output). */
export function parseBeads(text: string): Alignment {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const m = /^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$/.exec(line);
      if (!m) throw new Error(`not a bead: "${line}"`);
      const ids = (s: string) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
          .map(Number);
      return { zh: ids(m[1] ?? ''), en: ids(m[2] ?? '') };
    });
}

export function formatBead(b: Pick<Bead, 'zh' | 'en'>): string {
  return `[${b.zh.join(', ')}]:[${b.en.join(', ')}]`;
}

/**
 * The verse of a bead side: its one verse, 'NULL' when empty, or null when it spans several.
 * (aligner-eval's eval_bible.py: a bead belongs to a verse when each side lies within it or is empty.)
 */
function verseOf(ids: readonly number[], verses: readonly string[]): string | null {
  if (ids.length === 0) return 'NULL';
  const first = verses[ids[0]!] ?? '';
  return ids.every((i) => verses[i] === first) ? first : null;
}

function beadVerse(
  b: Pick<Bead, 'zh' | 'en'>,
  zhVerses: readonly string[],
  enVerses: readonly string[],
): string | null {
  const s = verseOf(b.zh, zhVerses);
  const t = verseOf(b.en, enVerses);
  if (s === null || t === null) return null;
  if (s === t) return s;
  if (s === 'NULL') return t;
  if (t === 'NULL') return s;
  return null;
}

/**
 * Test beads merged as aligner-eval's eval_bible.py merges them before scoring against a per-verse
 * gold: consecutive beads of the same verse become one. `origin[k]` is the merged bead the k-th
 * test bead went into.
 */
export function mergeByVerse(
  test: Alignment,
  zhVerses: readonly string[],
  enVerses: readonly string[],
): { merged: Alignment; origin: number[] } {
  const merged: Alignment = [];
  const origin: number[] = [];
  let last: string | null | undefined;
  for (const b of test) {
    const verse = beadVerse(b, zhVerses, enVerses);
    // As the reference scorer: a bead that spans verses is never merged, nor is the one after it.
    if (merged.length > 0 && last !== null && last !== undefined && verse === last) {
      const m = merged.at(-1)!;
      merged[merged.length - 1] = { zh: [...m.zh, ...b.zh], en: [...m.en, ...b.en] };
    } else merged.push({ zh: [...b.zh], en: [...b.en] });
    origin.push(merged.length - 1);
    last = verse;
  }
  return { merged, origin };
}

/**
 * Strict P/R/F1 against a per-verse gold (the Bible set), as `bible/score.py`: the test merged by
 * verse, then beads with both sides non-empty compared as sets.
 */
export function scoreVerseMerged(
  gold: Alignment,
  test: Alignment,
  zhVerses: readonly string[],
  enVerses: readonly string[],
): Scores['strict'] {
  const g = new Set(gold.filter((b) => b.zh.length && b.en.length).map(key));
  const t = new Set(
    mergeByVerse(test, zhVerses, enVerses)
      .merged.filter((b) => b.zh.length && b.en.length)
      .map(key),
  );
  let hit = 0;
  for (const k of t) if (g.has(k)) hit++;
  const precision = t.size ? hit / t.size : 0;
  const recall = g.size ? hit / g.size : 0;
  return { precision, recall, f1: f1(precision, recall) };
}
