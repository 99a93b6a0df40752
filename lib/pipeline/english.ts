/**
 * The translation's side: cleaned blocks split into sentences. Sentence boundaries come from
 * Intl.Segmenter (ICU's sentence rules, which know abbreviations, decimals and quotes) rather than
 * a hand-written splitter, with repairs ICU cannot know: footnote markers, reference abbreviations and
 * question marks inside a quoted title.
 */
import type { Block, EnBlock } from '../model';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Abbreviations a sentence does not end with (page and chapter references of footnotes among them). */
const ABBREVIATION_END =
  /\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Vol|Vols|p|pp|cf|ch|eds?|trans|para|fig|Art|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$/u;
/** Footnote markers at the start of a segment: circled numbers (①–⑳) and bracketed ones ([1]). */
const FOOTNOTE_MARKER =
  /^((?:[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]|\[\d{1,3}\])(?:\s*(?:[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]|\[\d{1,3}\]))*)(?=\s|$)/u;

/** A quotation opened and not closed (straight quotes counted in pairs, curly ones by their sides). */
function opensQuotation(s: string): boolean {
  const straight = s.match(/"/gu)?.length ?? 0;
  const opened = s.match(/“/gu)?.length ?? 0;
  const closed = s.match(/”/gu)?.length ?? 0;
  return straight % 2 === 1 || opened > closed;
}

/**
 * ICU ends a sentence at a question or exclamation mark inside a quoted title ("How Do They Rate
 * Each Other's People? Report on …", *Beijing Daily*, 2022): the segment before holds an open
 * quotation and ends with the mark, and the next closes the quotation before any sentence end and
 * goes on after a comma, semicolon or colon, as a title inside a sentence does (speech that ends a
 * sentence closes after its own full stop, question or exclamation mark).
 */
function insideQuotedTitle(before: string, next: string): boolean {
  return /[?!]$/u.test(before) && opensQuotation(before) && /^[^.?!"“”]*["”]\s*[,;:]/u.test(next);
}

export function splitEnglishSentences(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    let s = segment.trim();
    if (s === '') continue;
    const prev = out.at(-1);
    // A footnote marker after a full stop ("… in 2013.① The …") belongs to the sentence it ends, but
    // ICU starts the next sentence with it (or makes it a sentence of its own).
    const marker = prev === undefined ? null : FOOTNOTE_MARKER.exec(s);
    if (prev !== undefined && marker) {
      out[out.length - 1] = `${prev}${marker[1]!.replace(/\s+/gu, '')}`;
      s = s.slice(marker[0].length).trim();
      if (s === '') continue;
    }
    const before = out.at(-1);
    // ICU breaks after "Mr." / "U.S." / "p." style abbreviations followed by a capital or a number
    // ("p. 195."); rejoin those.
    if (before !== undefined && (ABBREVIATION_END.test(before) || insideQuotedTitle(before, s))) {
      out[out.length - 1] = `${before} ${s}`;
    } else out.push(s);
  }
  return out;
}

export function englishBlocks(blocks: Block[]): EnBlock[] {
  // A table's sentences are its rows (cells joined by a tab), so that alignment pairs row with row.
  return blocks.map((block) => ({
    ...block,
    sentences:
      block.kind === 'table' && block.rows ? block.rows.map((r) => r.join('\t')) : splitEnglishSentences(block.text),
  }));
}
