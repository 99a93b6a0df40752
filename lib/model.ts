/**
 * The data model of Duizhao: every type that flows between the pipeline stages and from the
 * build folder to the app. Read this file first, then `lib/pipeline/run.ts` (`buildDocument` and
 * `ingest`), then the store (lib/store), then the reader route.
 *
 *   corpus/<docId>/meta.json ──parseMeta──▶ DocMeta
 *   corpus/<docId>/<source>, <translation> ──read (a DOCX converted to HTML)──▶ RawFile
 *   RawFile ──decode──▶ DecodedText ──clean──▶ CleanDoc (Block[], with what was Dropped and each Repair)
 *     a memory (TMX, XLIFF): DecodedText ──parseMemory──▶ one Block per side of each unit, paired as given
 *   Chinese Block ──convert──▶ ConvertedBlock (original + simplified)
 *     ──segment──▶ ZhSentence[] ──gloss──▶ ZhBlock (its Words carry pinyin + dictionary key)
 *   English Block ──split into sentences──▶ EnBlock
 *   ZhBlock[] + EnBlock[] ──align (lib/align)──▶ Pair[] (paragraph beads, each with its sentence Beads)
 *     ──▶ BuiltDoc (with DocStats): build/docs/<docId>.json
 *   every BuiltDoc ──pairRecords (lib/search)──▶ PairRecord[] ──index──▶ IndexBundle: build/search.jsonl
 *   every BuiltDoc ──word-align (lib/wordalign)──▶ WordLinks: build/wordlinks.json
 *   every BuiltDoc + WordLinks ──glossary──▶ GlossaryEntry[]: build/glossary.json
 *   the DictEntry of every word: build/gloss.json; every DocMeta + DocStats ──▶ Manifest: build/manifest.json
 *   a term page (lib/terms): every BuiltDoc's PairRecords + WordLinks ──▶ TermReport (TermOccurrence, TermRendering)
 *   a search hit: its PairRecord's sentence beads + WordLinks ──sentenceHit (lib/terms)──▶ SearchPairHit
 *
 * Strings are Unicode code-point sequences: lengths, limits and counts that a reader sees count
 * code points (𠀀 is one character). The one exception in this model is TermOccurrence: its
 * offsets index the pair record's strings in UTF-16 units, because they are only ever used to
 * slice and highlight those very strings (String#slice) and are never shown; they never cut a
 * code point.
 * A conversion (traditional → simplified) may change length, so both strings are carried side by
 * side and no offset is ever mapped from one to the other.
 */
import type { MEMORY_FORMATS, SOURCE_FORMATS, TEXT_FORMATS } from './base/formats';
import type { SCRIPT_VARIANTS } from './base/script-variants';

/** How the Chinese source is written, as declared in meta.json. */
export type ScriptVariant = (typeof SCRIPT_VARIANTS)[number];

/**
 * How a text file is cleaned into blocks: plain text (newspaper pages), Markdown (e.g. a PDF
 * extraction) or HTML (a web page; also what a DOCX becomes, see `SourceFormat`).
 */
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** A translation memory: both sides in one file, one given pair per translation unit. */
export type MemoryFormat = (typeof MEMORY_FORMATS)[number];

/**
 * The format meta.json declares. A DOCX is converted to HTML at the file-system edge (mammoth is
 * asynchronous; the stages are not), so the stages only ever see text and memory formats.
 */
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** A bilingual label. */
interface ZhEn {
  zh: string;
  en: string;
}

/** The translation's provenance, shown in the library and reader (as ctext.org labels its translations). */
export interface TranslationMeta {
  /** File name inside the document folder; for a translation memory, the memory itself (the source). */
  file: string;
  format: TextFormat | 'docx' | MemoryFormat;
  /** Who translated it, e.g. "Duizhao contributors"; absent when nobody said (a document added
   * without --translator), and the reader then says the translator is not named. */
  translator?: string;
  /** Always says whether it is official; ours never are. */
  note: string;
}

/** `corpus/<docId>/meta.json`. */
export interface DocMeta {
  /** Must equal the folder name; lowercase letters, digits and hyphens only. */
  id: string;
  title: ZhEn;
  publication: ZhEn;
  /** ISO date of publication: YYYY-MM-DD, or YYYY-MM for a source dated only by month. */
  date: string;
  /** WHATWG encoding label the source is declared in: utf-8, gb18030, big5, utf-16le. */
  encoding: string;
  variant: ScriptVariant;
  /** File name of the source text inside the document folder, kept byte for byte as received. */
  source: string;
  format: SourceFormat;
  /** Where the source was published, when known. */
  url?: string;
  translation?: TranslationMeta;
}

/** The raw bytes of one file, as read at the edge of the pipeline. */
export interface RawFile {
  /** Path shown to users in errors (relative to the project). */
  path: string;
  bytes: Uint8Array;
  encoding: string;
  /** A DOCX arrives here already converted to HTML (see `SourceFormat`). */
  format: TextFormat | MemoryFormat;
}

/** Stage 1 output: strictly decoded text, BOM stripped, line endings normalised to \n. */
export interface DecodedText {
  path: string;
  text: string;
  format: TextFormat | MemoryFormat;
}

/**
 * What a block is on the page. `heading` covers a headline and the lines set with it (`role`:
 * kicker above, headline, deck below) and a crosshead inside an article; `byline` a writer's or
 * agency's line standing on its own; `quote` a quotation a Markdown or HTML source marks (`>`);
 * `pullquote` a quotation a page sets apart between paragraphs that is not a repeat of the body (a
 * repeat is dropped, see `Dropped`); `sidebar` a block of a box beside the article (相关链接,
 * 背景资料: its title has `role: 'headline'`, its items and paragraphs follow), moved after the
 * article the page's column flow set it in; `list-item` an item of a list, nested by `depth`;
 * `table` a table kept as rows and cells (`rows`). A dateline opening a paragraph is the
 * paragraph's `dateline`. Page furniture (labels, banners, markers) never becomes a block: it is
 * listed in `Dropped` with its reason.
 */
export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'caption'
  | 'footnote'
  | 'list-item'
  | 'quote'
  | 'pullquote'
  | 'sidebar'
  | 'byline'
  | 'table';

/** The part a heading plays in a headline group. */
type HeadingRole = 'kicker' | 'headline' | 'deck' | 'crosshead';

/** A block of running text after cleaning: one paragraph, heading, caption, footnote, list item or table. */
export interface Block {
  kind: BlockKind;
  /**
   * The text in the file's own script, reflowed: no line breaks, no spaces between Han characters.
   * A table's text is its rows, each row's cells joined by a tab, rows joined by a space.
   */
  text: string;
  /** Heading level (1 = document title) for headings. */
  level?: number;
  /** A heading's part in its headline group, when the cleaner could tell it; `headline` on a sidebar block: the box's title. */
  role?: HeadingRole;
  /** A list item's nesting: 0 for an item of a top-level list, 1 for an item of a list inside it. */
  depth?: number;
  /** A table's cells, row by row, in the file's own script; an empty cell stays an empty string. */
  rows?: string[][];
  /** How many of a table's first rows are its header (column titles). */
  headerRows?: number;
  /** A recognised dateline opening the paragraph (新华社北京5月20日电（记者杨依军）), part of `text`. */
  dateline?: string;
  /** The marker of a footnote (①) for footnotes. */
  marker?: string;
  /** Sanitised HTML of the block when it came from Markdown with inline markup (links, emphasis). */
  html?: string;
}

/** What the cleaner removed, so the ingest report can show it: nothing is dropped silently. */
export interface Dropped {
  /** 1-based line in the decoded text. */
  line: number;
  text: string;
  /**
   * pull-quote: a box repeating, word for word, a passage of the article's own text. The page's
   * furniture, which labels the page rather than saying anything: label (a box's or column's
   * label: 專家解讀, 北京觀察 馬浩亮), banner (the page's topic banner: 習近平訪俄), marker (a
   * caption's pointer: ▲), source-note (an agency credit closing a box: 資料來源：新華社).
   */
  reason:
    | 'page-furniture'
    | 'page-number'
    | 'running-header'
    | 'credit'
    | 'continuation-note'
    | 'rule'
    | 'control-char'
    | 'pull-quote'
    | 'label'
    | 'banner'
    | 'marker'
    | 'source-note';
}

/**
 * A change the cleaner made to the words of the text, not only to its layout (an editor's repair
 * of an extraction artefact). Each is listed in the ingest report so that a human can check it.
 */
export interface Repair {
  /** 1-based line in the decoded text where the repaired text starts. */
  line: number;
  /** repeated-character: a page or column break repeated a character (领导人|人的 → 领导人的);
   * ocr-dash: OCR read a dash as 一 between two names (东北一远东 → 东北—远东);
   * headline-order: a headline the page's column flow put after its article's text (or split and
   * reversed) moved before the article, its parts joined;
   * sidebar-order: a box (相关链接, 背景资料) the column flow set inside an article moved after it. */
  kind: 'repeated-character' | 'ocr-dash' | 'headline-order' | 'sidebar-order';
  /** The text around the repair before and after it. */
  before: string;
  after: string;
}

/** Stage 2 output. */
export interface CleanDoc {
  blocks: Block[];
  dropped: Dropped[];
  /** Only when the layout is repaired (a source, never a translation we wrote). */
  repairs: Repair[];
  warnings: string[];
}

/** A word of the segmented Chinese text. */
export interface Word {
  /** The word as written in the source (traditional for a traditional document). */
  original: string;
  /** Mainland simplified form. */
  simplified: string;
  /** Pinyin with tone marks, syllables separated by spaces; empty for punctuation and non-Han text. */
  pinyin: string;
  /** The CC-CEDICT headword (simplified) this word is glossed by, or null when the dictionary lacks it. */
  key: string | null;
}

export interface ZhSentence {
  original: string;
  simplified: string;
  words: Word[];
}

/** A Chinese block after conversion: the text as written and its mainland simplified form. */
export interface ConvertedBlock extends Block {
  /** Same as `text`: the original script, kept beside the simplified form. */
  original: string;
  simplified: string;
}

/** A Chinese block after conversion, segmentation and glossing. */
export interface ZhBlock extends ConvertedBlock {
  sentences: ZhSentence[];
}

/** A block of the English translation. */
export interface EnBlock extends Block {
  sentences: string[];
}

/**
 * A bead of an alignment: indices on the Chinese side ↔ indices on the English side.
 * Every index of both sides appears in exactly one bead, in order; either side may be empty.
 */
export interface Bead {
  zh: number[];
  en: number[];
  /** 0..1: how sure the aligner is of this bead. */
  confidence: number;
}

/** An aligned pair of the reader, the export and search: a paragraph-level bead with its sentence beads. */
export interface Pair {
  /** 0-based position in the document; the reader's anchor is `#p-<id + 1>`. */
  id: number;
  /** Indices into BuiltDoc.zh. */
  zh: number[];
  /** Indices into BuiltDoc.en. */
  en: number[];
  confidence: number;
  /** True when one side is empty. */
  unaligned: boolean;
  lowConfidence: boolean;
  /** Sentence beads inside the pair: zh indices count the sentences of the pair's zh blocks in order, en likewise. */
  sentences: Bead[];
}

export interface DocStats {
  blocks: number;
  enBlocks: number;
  sentences: number;
  enSentences: number;
  words: number;
  /** Han characters of the source. */
  characters: number;
  pairs: number;
  aligned: number;
  unaligned: number;
  lowConfidence: number;
  /** Share (0..1) of Chinese blocks that have an English counterpart. */
  translated: number;
  warnings: number;
  /** How hard the Chinese is for a learner, by HSK 2.0 level (1–6). */
  difficulty?: Difficulty;
  /** The same by HSK 3.0 (2021) level: 1–6 and the 7–9 band as a seventh level. */
  difficultyHsk3?: Difficulty;
}

/** `build/docs/<docId>.json`: everything the reader needs for one document. */
export interface BuiltDoc {
  meta: DocMeta;
  zh: ZhBlock[];
  en: EnBlock[];
  pairs: Pair[];
  stats: DocStats;
  dropped: Dropped[];
  /** The cleaner's repairs of the source's words (absent in builds made before they were listed). */
  repairs?: Repair[];
  warnings: string[];
}

/** One CC-CEDICT entry. */
export interface DictEntry {
  traditional: string;
  simplified: string;
  /** Pinyin with tone marks. */
  pinyin: string;
  /** Pinyin as CC-CEDICT writes it (tone numbers). */
  pinyinNumbered: string;
  senses: string[];
}

/**
 * The build format: ingest writes it into the manifest, the app refuses a build of another one.
 * Bump it when the shape of the build folder changes.
 */
export const BUILD_FORMAT_VERSION = 3;

/** `build/manifest.json`: the library page and the app's list of documents. */
export interface Manifest {
  /** Bumped when the build format changes; the app refuses a build it does not understand. */
  formatVersion: number;
  docs: Array<{ meta: DocMeta; stats: DocStats }>;
  /**
   * Present when the glossary was computed over a sample of the documents (a corpus past
   * GLOSSARY_SAMPLE_BYTES of Chinese, lib/pipeline/run.ts): how many, of how many.
   */
  glossarySample?: { documents: number; of: number };
  /** Present when word links were computed for only some documents (past WORD_LINK_MAX_BEADS). */
  wordLinksSample?: { documents: number; of: number };
}

/** The unit search returns: one aligned pair. */
export interface PairRecord {
  docId: string;
  pair: number;
  /** Chinese in simplified characters (blocks joined by a newline). */
  zh: string;
  /** Chinese as written in the source, when it differs from `zh`. */
  zhOriginal?: string;
  en: string;
  /**
   * Toneless pinyin of `zh` for search, from the words' readings: one syllable (or `?`) per Han
   * character, a space within a run of Han characters, `|` between runs (see lib/search/pinyin.ts).
   * Absent when no character has a reading.
   */
  pinyin?: string;
}

/**
 * One side of a search hit's sentence pair: the text, where the query matched in it, and where the
 * words aligned to the other side's matches lie (word links). Offsets are UTF-16 [start, end) into
 * `text`, like TermOccurrence's: they only slice this very string, and never cut a code point.
 */
export interface MarkedSentence {
  text: string;
  match: Array<[number, number]>;
  linked: Array<[number, number]>;
}

/**
 * A sentence bead of a search hit (lib/terms/sentence-hit.ts): the matched sentence and the
 * sentence aligned with it, as a translator reads a hit in Linguee. `bead` indexes `Pair.sentences`;
 * -1 when the pair has no sentence beads to show and the whole pair stands in for one.
 */
export interface SentencePairHit {
  bead: number;
  zh: MarkedSentence;
  en: MarkedSentence;
}

/** A search hit as the page and `GET /api/search` show it: the pair's matching sentence pairs. */
export interface SearchPairHit {
  docId: string;
  pair: number;
  /** The first sentence beads that hold a match, in order. */
  sentences: SentencePairHit[];
  /** Further sentence beads of the pair with a match, not shown (the pair is one click away). */
  more: number;
}

/** What search needs, serialisable: the pair records and the exported FlexSearch indexes. */
export interface IndexBundle {
  records: PairRecord[];
  /**
   * FlexSearch export: key → data, for the Chinese bigram and character indexes, the English word
   * and word-pair indexes and the pinyin index (see lib/search/views.ts).
   */
  zh: Record<string, string>;
  zhChars: Record<string, string>;
  en: Record<string, string>;
  enPairs: Record<string, string>;
  py: Record<string, string>;
  /**
   * The commonest terms of each of those indexes, kept out of FlexSearch: [term, record ids as gaps
   * from the previous id, occurrences per record] (see lib/search/common-terms.ts).
   */
  common: Record<'zh' | 'zhChars' | 'en' | 'enPairs' | 'py', Array<[string, number[], number[]]>>;
}

/**
 * One occurrence of a term in an aligned pair, with the English words that render it there when
 * word alignment found them. Offsets (`zhStart`, `zhEnd`, and the rendering's `start`, `end` and
 * `parts`) are UTF-16 indices into the pair record's `zh` and `en`: the app slices those strings
 * with them to highlight the term, and a code-point offset would have to be converted back for
 * every slice. They always fall on code-point boundaries (lib/terms/occurrences.ts).
 */
export interface TermOccurrence {
  docId: string;
  pair: number;
  zhStart: number;
  zhEnd: number;
  /**
   * The English span that renders the term in this pair; absent when none was found. `parts`, when
   * present, are the pieces of a rendering split by other words ("comprehensive strategic …
   * coordination"), in order, `start`/`end` spanning them all.
   */
  rendering?: { start: number; end: number; key: string; parts?: Array<[number, number]> };
  /**
   * The longer glossary term this occurrence is part of (两国 in 两国元首): its rendering is that
   * term's ("two heads of state"), so it is counted there and kept out of this term's renderings.
   */
  within?: string;
}

/** Occurrences of a term inside one longer glossary term (两国 inside 两国元首). */
interface TermWithin {
  term: string;
  count: number;
}

/** One way the corpus renders a term: its normalised key, the commonest surface form, and where. */
export interface TermRendering {
  /** Normalised form (lower case, stems): "strategic partnership" and "strategic partnerships" share it. */
  key: string;
  /** The surface form seen most often. */
  text: string;
  count: number;
  /** count / the term's own occurrences, those not inside a longer glossary term (0..1). */
  share: number;
  /** Indices into `TermReport.occurrences`. */
  occurrences: number[];
}

/** How a term is rendered across the corpus: every occurrence, grouped by rendering. */
export interface TermReport {
  /** The term in simplified characters. */
  term: string;
  occurrences: TermOccurrence[];
  /**
   * Most frequent first, over the term's own occurrences (not inside a longer glossary term);
   * those without a rendering are counted in `unrendered`.
   */
  renderings: TermRendering[];
  unrendered: number;
  /** Occurrences inside longer glossary terms, by term, most first; `occurrences` index the report's. */
  within: Array<TermWithin & { occurrences: number[] }>;
}

/** `build/glossary.json`: terms extracted from the corpus at ingest, with their renderings. */
export interface GlossaryEntry {
  term: string;
  /** Traditional forms the sources or CC-CEDICT write it in, when they differ. */
  traditional: string[];
  pinyin: string;
  /** Occurrences in the corpus, and in how many documents. */
  frequency: number;
  documents: number;
  /** Termhood score (higher: more term-like); the list is sorted by it. */
  termhood: number;
  /** Renderings of its own occurrences, most frequent first (without occurrence lists, to keep the file small). */
  renderings: Array<{ key: string; text: string; count: number; share: number }>;
  unrendered: number;
  /** Occurrences inside longer glossary terms (counted under those), most first. */
  within: TermWithin[];
}

/**
 * `build/wordlinks.json`: the word links of every sentence bead, by document id, then pair (as in
 * `BuiltDoc.pairs`), then bead (as in `Pair.sentences`). A bead's links are Pharaoh text,
 * "i-j i-j …": i indexes the bead's Chinese words (the `words` of its sentences in order, blanks
 * included), j its English tokens (`englishTokens` of lib/wordalign over each of its sentences in
 * order). "" for a bead with an empty side or no link. A document past the ingest's cap is absent.
 */
export type WordLinks = Record<string, string[][]>;

/** A document's difficulty for a learner (see lib/learner/difficulty.ts). */
export interface Difficulty {
  /** Running Chinese words counted. */
  tokens: number;
  /** Running words at each HSK level (index 0 is level 1): six for HSK 2.0, seven for HSK 3.0 (the last is the 7–9 band). */
  byLevel: number[];
  /** Running words at no level (rarer words, names). */
  outside: number;
  /** Lowest level covering 90% of the running words; null when even level 6 does not. */
  estimated: number | null;
  /** The commonest words outside every level. */
  outsideWords: Array<{ word: string; count: number }>;
}
