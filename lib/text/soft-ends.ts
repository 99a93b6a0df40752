/**
 * Sentence ends the English may well not share, apart from the word segmenter: the sentence
 * aligner (lib/align/soft-splits.ts) is also imported by the app's import page, whose server
 * bundle must not pull in jieba's native addon (segment.ts).
 */

/** Footnote markers (①–⑳, ㉑–㉟, ㊱–㊿) and whitespace, up to the end. */
const MARKERS_AND_SPACE = '[\\u2460-\\u2473\\u3251-\\u325F\\u32B1-\\u32BF]*\\s*$';
const CLAUSE_END = new RegExp(`；[”’」』）]*${MARKERS_AND_SPACE}`, 'u');
const QUOTATION_END = new RegExp(`[。！？…⋯!?][”’」』]+${MARKERS_AND_SPACE}`, 'u');

/**
 * How a sentence ends where the English may well not end one (lib/align/soft-splits.ts): 'clause'
 * when "；" closes it (a clause of a list), 'quotation' when a quotation closes after its
 * terminator (“……。” before its speaker), else null.
 */
export function softEnd(sentence: string): 'clause' | 'quotation' | null {
  if (CLAUSE_END.test(sentence)) return 'clause';
  return QUOTATION_END.test(sentence) ? 'quotation' : null;
}
