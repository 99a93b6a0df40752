/**
 * The sentence beads of a built document as token pairs: the Chinese words (simplified, as
 * segmented at ingest) and the English tokens of every sentence of the bead, in order. Links
 * stored for a bead index these lists.
 */
import type { BuiltDoc, Bead, Pair } from '../model';
import type { TokenPair } from './align';
import { englishTokens } from './tokens';

/** The Chinese and English sentences a pair's sentence beads index. */
function pairSentences(
  doc: Pick<BuiltDoc, 'zh' | 'en'>,
  pair: Pick<Pair, 'zh' | 'en'>,
): { zh: BuiltDoc['zh'][number]['sentences']; en: string[] } {
  return {
    zh: pair.zh.flatMap((b) => doc.zh[b]?.sentences ?? []),
    en: pair.en.flatMap((b) => doc.en[b]?.sentences ?? []),
  };
}

/** One bead's tokens, given its pair's sentences. */
function beadTokens(sentences: ReturnType<typeof pairSentences>, bead: Pick<Bead, 'zh' | 'en'>): TokenPair {
  return {
    zh: bead.zh.flatMap((i) => sentences.zh[i]?.words.map((w) => w.simplified) ?? []),
    en: bead.en.flatMap((j) => englishTokens(sentences.en[j] ?? '').map((t) => t.text)),
  };
}

/** Every sentence bead of a document with both sides non-empty, as token pairs, in document order. */
export function documentBeads(
  doc: Pick<BuiltDoc, 'zh' | 'en' | 'pairs'>,
): Array<{ pair: number; bead: number; tokens: TokenPair }> {
  const out: Array<{ pair: number; bead: number; tokens: TokenPair }> = [];
  doc.pairs.forEach((pair, p) => {
    const sentences = pairSentences(doc, pair);
    pair.sentences.forEach((bead, b) => {
      if (bead.zh.length === 0 || bead.en.length === 0) return;
      out.push({ pair: p, bead: b, tokens: beadTokens(sentences, bead) });
    });
  });
  return out;
}
