/**
 * Stage 6: the translation's paragraphs aligned to the source's, then the sentences inside each
 * aligned paragraph group, by the aligner in lib/align (dictionary, anchors, length). Every
 * paragraph and sentence of both sides lands in exactly one bead; unmatched ones stay, marked.
 */
import type { Aligner } from '../align/aligner';
import { alignSoftly } from '../align/soft-splits';
import { splitUntranslated } from '../align/untranslated';
import { textLengthRatio } from '../align/length-ratio';
import type { Bead, BlockKind, EnBlock, Pair, ZhBlock } from '../model';
import { LOW_CONFIDENCE } from '../base/confidence';

/**
 * The kinds both sides mark alike: a translation in Markdown marks its headings and footnotes, but
 * a caption or list item of the source may well be a plain paragraph there.
 */
function structuralKind(kind: BlockKind): string {
  return kind === 'heading' || kind === 'footnote' || kind === 'table' ? kind : 'body';
}

/**
 * A table paired with a table of as many rows: row with row, one bead each (a table's sentences are
 * its rows). Null otherwise, and the sentence aligner decides.
 */
function tableRowBeads(bead: Bead, zh: ZhBlock[], en: EnBlock[]): Bead[] | null {
  const z = bead.zh.length === 1 ? zh[bead.zh[0]!] : undefined;
  const e = bead.en.length === 1 ? en[bead.en[0]!] : undefined;
  if (z?.kind !== 'table' || e?.kind !== 'table' || z.sentences.length !== e.sentences.length) return null;
  return z.sentences.map((_, r) => ({ zh: [r], en: [r], confidence: 1 }));
}

/** Paragraph pairs known before alignment (a translation memory's units): indices into zh and en. */
export interface GivenPair {
  zh: number[];
  en: number[];
}

/**
 * Why `given` is not a bead list of these blocks, or null when it is: every block of both sides
 * exactly once and in order (the invariant every bead list keeps). The save API of the import page
 * checks a user's corrections with this too, so they are refused by the same rules ingest applies.
 */
export function givenPairsProblem(given: readonly GivenPair[], zhCount: number, enCount: number): string | null {
  let nextZh = 0;
  let nextEn = 0;
  for (const [k, p] of given.entries()) {
    if (p.zh.length === 0 && p.en.length === 0) return `given pair ${k + 1} is empty`;
    for (const i of p.zh)
      if (i !== nextZh++) return `given pair ${k + 1}: Chinese block ${i} out of order (expected ${nextZh - 1})`;
    for (const j of p.en)
      if (j !== nextEn++) return `given pair ${k + 1}: English block ${j} out of order (expected ${nextEn - 1})`;
  }
  if (nextZh !== zhCount || nextEn !== enCount) {
    return `given pairs cover ${nextZh} of ${zhCount} Chinese and ${nextEn} of ${enCount} English blocks`;
  }
  return null;
}

/** Given pairs as beads, once they pass `givenPairsProblem`. A given pair is sure: confidence 1. */
function givenBeads(given: GivenPair[], zhCount: number, enCount: number): Bead[] {
  const problem = givenPairsProblem(given, zhCount, enCount);
  if (problem !== null) throw new Error(problem);
  return given.map((p) => ({ zh: p.zh, en: p.en, confidence: p.zh.length > 0 && p.en.length > 0 ? 1 : 0 }));
}

/** The paragraph aligner: every Chinese and English block in exactly one bead. */
function alignParagraphs(aligner: Aligner, zh: ZhBlock[], en: EnBlock[]): Bead[] {
  const zhTexts = zh.map((b) => b.simplified);
  const enTexts = en.map((b) => b.text);
  // A paragraph left untranslated is shown as such, not folded into its neighbour (RELIABILITY row 10).
  return splitUntranslated(
    aligner.align(zhTexts, enTexts, {
      zh: zh.map((b) => structuralKind(b.kind)),
      en: en.map((b) => structuralKind(b.kind)),
    }),
    zhTexts,
    enTexts,
    (z, e) => aligner.coverage(z, e),
    { zh: (i) => zh[i]?.kind === 'heading', en: (j) => en[j]?.kind === 'heading' },
  );
}

/**
 * The pairs of a document. With `given` (a translation memory's units), the paragraph pairs are
 * taken as they are and only the sentences inside each pair are aligned.
 */
export function alignBlocks(aligner: Aligner, zh: ZhBlock[], en: EnBlock[], given?: GivenPair[]): Pair[] {
  const beads = given ? givenBeads(given, zh.length, en.length) : alignParagraphs(aligner, zh, en);
  // A paragraph's sentences are too few to measure their own length ratio: the document's is used.
  const inDocument = aligner.withLengthRatio(
    textLengthRatio(
      zh.map((b) => b.simplified),
      en.map((b) => b.text),
    ),
  );
  return beads.map((bead, id) => {
    const unaligned = bead.zh.length === 0 || bead.en.length === 0;
    const zhSentences = bead.zh.flatMap((i) => zh[i]?.sentences.map((s) => s.simplified) ?? []);
    const enSentences = bead.en.flatMap((i) => en[i]?.sentences ?? []);
    return {
      id,
      zh: bead.zh,
      en: bead.en,
      confidence: bead.confidence,
      unaligned,
      lowConfidence: !unaligned && bead.confidence < LOW_CONFIDENCE,
      // A table pairs row by row; elsewhere a Chinese sentence ended by "；" is cut from the next
      // only where the English is.
      sentences: unaligned ? [] : (tableRowBeads(bead, zh, en) ?? alignSoftly(inDocument, zhSentences, enSentences)),
    };
  });
}
