/**
 * The translation's side: cleaned blocks split into sentences. Sentence boundaries come from
 * Intl.Segmenter (ICU's sentence rules, which know abbreviations, decimals and quotes) rather than
 * a hand-written splitter; the aligner issue may refine it.
 */
import type { Block, EnBlock } from '../model';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function splitEnglishSentences(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const s = segment.trim();
    if (s === '') continue;
    // ICU breaks after "Mr." / "U.S." style abbreviations followed by a capital; rejoin those.
    const prev = out.at(-1);
    if (prev !== undefined && /\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Vol|pp|Art|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$/u.test(prev)) {
      out[out.length - 1] = `${prev} ${s}`;
    } else out.push(s);
  }
  return out;
}

export function englishBlocks(blocks: Block[]): EnBlock[] {
  return blocks.map((block) => ({ ...block, sentences: splitEnglishSentences(block.text) }));
}
