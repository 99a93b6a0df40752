/**
 * Stage 6: the translation's paragraphs aligned to the source's, then the sentences inside each
 * aligned paragraph group, by the aligner in lib/align (dictionary, anchors, length). Every
 * paragraph and sentence of both sides lands in exactly one bead; unmatched ones stay, marked.
 */
import type { Aligner } from '../align/aligner';
import { splitUntranslated } from '../align/untranslated';
import type { BlockKind, EnBlock, Pair, ZhBlock } from '../model';

/** Below this confidence a pair is marked in the reader and listed by the ingest report. */
export const LOW_CONFIDENCE = 0.4;

/**
 * The kinds both sides mark alike: a translation in Markdown marks its headings and footnotes, but
 * a caption or list item of the source may well be a plain paragraph there.
 */
function structuralKind(kind: BlockKind): string {
  return kind === 'heading' || kind === 'footnote' ? kind : 'body';
}

export function alignBlocks(aligner: Aligner, zh: ZhBlock[], en: EnBlock[]): Pair[] {
  const zhTexts = zh.map((b) => b.simplified);
  const enTexts = en.map((b) => b.text);
  // A paragraph left untranslated is shown as such, not folded into its neighbour (RELIABILITY row 10).
  const beads = splitUntranslated(
    aligner.align(zhTexts, enTexts, { zh: zh.map((b) => structuralKind(b.kind)), en: en.map((b) => structuralKind(b.kind)) }),
    zhTexts,
    enTexts,
    (z, e) => aligner.coverage(z, e),
    { zh: (i) => zh[i]?.kind === 'heading', en: (j) => en[j]?.kind === 'heading' },
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
      sentences: unaligned ? [] : aligner.align(zhSentences, enSentences),
    };
  });
}
