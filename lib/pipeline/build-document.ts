/**
 * The build of one document: the pure stages composed (decode → clean → convert → segment →
 * gloss → align → stats) over what the file-system edge read (read-corpus.ts). No I/O here, so the
 * ingest, its worker threads and the import page's preview build a document the same way.
 */
import type { Dictionary } from '../dictionary/cedict';
import type {
  Block,
  BuiltDoc,
  CleanDoc,
  DocMeta,
  DocStats,
  EnBlock,
  MemoryFormat,
  Pair,
  RawFile,
  Repair,
  Word,
  ZhBlock,
  ZhSentence,
} from '../model';
import { Aligner } from '../align/aligner';
import { alignBlocks, type GivenPair } from './align';
import { MEMORY_FORMATS } from '../base/formats';
import { applicableCorrections, type AlignmentCorrections } from './corrections';
import { clean } from './clean';
import { convertBlocks, converterFor } from './convert';
import { decode } from './decode';
import { englishBlocks } from './english';
import { glossSentences } from './gloss';
import { parseMemory } from './memory';
import { segmentBlock } from '../text/segment';
import { countHan } from '../text/text-width';
import { difficulty } from '../learner/difficulty';
import { learnerLevel } from '../terms/hsk';
import { HSK3_LEVELS, learner3Level } from '../terms/hsk30';

export interface DocumentInput {
  meta: DocMeta;
  source: RawFile;
  translation?: RawFile;
  /** What the file-system edge had to say (mammoth's warnings on a DOCX). */
  warnings?: string[];
  /**
   * A person's corrections of the paragraph alignment (`alignment.json`, lib/pipeline/corrections.ts).
   * Part of the input, so part of the document's cache key: a changed correction rebuilds this
   * document and no other.
   */
  corrections?: AlignmentCorrections;
}

export function isMemoryFormat(format: string): format is MemoryFormat {
  return (MEMORY_FORMATS as readonly string[]).includes(format);
}

/** Chinese blocks → convert → segment → gloss. */
function zhBlocks(blocks: Block[], meta: DocMeta, dict: Dictionary): ZhBlock[] {
  const convert = converterFor(meta.variant);
  return convertBlocks(blocks, meta.variant).map((b): ZhBlock => ({
    ...b,
    sentences:
      b.kind === 'table' && b.rows
        ? tableRows(b.rows, convert, dict)
        : glossSentences(segmentBlock(b.original, b.simplified, dict), dict),
  }));
}

/**
 * A table's sentences are its rows: each row one sentence whose words are its cells' words, a tab
 * word between two cells (an empty cell is two tabs in a row), so the reader can set the cells
 * apart and alignment pairs row with row.
 */
function tableRows(rows: string[][], convert: (t: string) => string, dict: Dictionary): ZhSentence[] {
  const tab: Word = { original: '\t', simplified: '\t', pinyin: '', key: null };
  return rows.map((row) => {
    const words = row.flatMap((cell, c) => {
      const cellWords =
        cell === '' ? [] : glossSentences(segmentBlock(cell, convert(cell), dict), dict).flatMap((s) => s.words);
      return c === 0 ? cellWords : [tab, ...cellWords];
    });
    return { original: row.join('\t'), simplified: row.map(convert).join('\t'), words };
  });
}

interface Sides {
  zh: ZhBlock[];
  en: EnBlock[];
  /** The paragraph pairs, when the input gives them (a translation memory). */
  given?: GivenPair[];
  dropped: BuiltDoc['dropped'];
  repairs: Repair[];
  warnings: string[];
}

/** A translation memory: each unit one Chinese and one English paragraph, paired as given. */
function memorySides(source: RawFile, meta: DocMeta, dict: Dictionary): Sides {
  const memory = parseMemory(decode(source), meta.variant);
  const zh: Block[] = [];
  const en: Block[] = [];
  const given: GivenPair[] = memory.units.map((u) => {
    const pair: GivenPair = { zh: [], en: [] };
    if (u.zh !== '') pair.zh.push(zh.push({ kind: 'paragraph', text: u.zh }) - 1);
    if (u.en !== '') pair.en.push(en.push({ kind: 'paragraph', text: u.en }) - 1);
    return pair;
  });
  const warnings = memory.units.length === 0 ? [`${source.path}: no translation units with text`] : [];
  return { zh: zhBlocks(zh, meta, dict), en: englishBlocks(en), given, dropped: [], repairs: [], warnings };
}

/**
 * Running text and its translation, cleaned: the blocks alignment and corrections count. `zh`, when
 * given, is this input's source already cleaned (cleanSource), so a caller that needed the cleaned
 * text first (the import preview, to tell the variant) does not parse a large text twice.
 */
function cleanText(input: DocumentInput, zhCleaned?: CleanDoc): { zh: CleanDoc; en?: CleanDoc } {
  const zh = zhCleaned ?? cleanSource(input);
  return input.translation ? { zh, en: clean(decode(input.translation), { repairLayout: false }) } : { zh };
}

/** The Chinese side of running text, cleaned (clean does not depend on the script variant). */
export function cleanSource(input: DocumentInput): CleanDoc {
  return clean(decode(input.source));
}

/** Running text and its translation, to be aligned paragraph by paragraph. */
function textSides(input: DocumentInput, dict: Dictionary, zhCleaned?: CleanDoc): Sides {
  const cleaned = cleanText(input, zhCleaned);
  const warnings = [...cleaned.zh.warnings, ...(cleaned.en?.warnings ?? [])];
  const en = cleaned.en ? englishBlocks(cleaned.en.blocks) : [];
  return {
    zh: zhBlocks(cleaned.zh.blocks, input.meta, dict),
    en,
    dropped: cleaned.zh.dropped,
    repairs: cleaned.zh.repairs,
    warnings,
  };
}

/**
 * The texts of the blocks a build of `input` aligns, in order, without segmenting or glossing
 * (cheap: no dictionary): what alignment.json's fingerprints are checked against. The import page
 * checks a correction with this before anything is written.
 */
export function cleanedBlockTexts(input: DocumentInput): { zh: string[]; en: string[] } {
  if (isMemoryFormat(input.source.format)) {
    const units = parseMemory(decode(input.source), input.meta.variant).units;
    return {
      zh: units.filter((u) => u.zh !== '').map((u) => u.zh),
      en: units.filter((u) => u.en !== '').map((u) => u.en),
    };
  }
  const cleaned = cleanText(input);
  return { zh: cleaned.zh.blocks.map((b) => b.text), en: cleaned.en?.blocks.map((b) => b.text) ?? [] };
}

function simplifiedWords(zh: ZhBlock[]): string[] {
  return zh.flatMap((b) => b.sentences.flatMap((s) => s.words.map((w) => w.simplified)));
}

function docStats(zh: ZhBlock[], en: EnBlock[], pairs: Pair[], warnings: number): DocStats {
  const sentences = zh.reduce((n, b) => n + b.sentences.length, 0);
  const words = zh.reduce(
    (n, b) =>
      n + b.sentences.reduce((m, s) => m + s.words.filter((w) => /\p{Script=Han}/u.test(w.simplified)).length, 0),
    0,
  );
  const translatedZh = pairs.filter((p) => p.en.length > 0).reduce((n, p) => n + p.zh.length, 0);
  return {
    blocks: zh.length,
    enBlocks: en.length,
    sentences,
    enSentences: en.reduce((n, b) => n + b.sentences.length, 0),
    words,
    characters: zh.reduce((n, b) => n + countHan(b.original), 0),
    pairs: pairs.length,
    aligned: pairs.filter((p) => !p.unaligned).length,
    unaligned: pairs.filter((p) => p.unaligned).length,
    lowConfidence: pairs.filter((p) => p.lowConfidence).length,
    translated: zh.length === 0 ? 0 : Math.round((translatedZh / zh.length) * 1000) / 1000,
    warnings,
    difficulty: difficulty(simplifiedWords(zh), learnerLevel),
    difficultyHsk3: difficulty(simplifiedWords(zh), learner3Level, HSK3_LEVELS),
  };
}

/** `zhCleaned`: the source as cleanSource(input) returned it, when the caller has it already. */
export function buildDocument(input: DocumentInput, dict: Dictionary, zhCleaned?: CleanDoc): BuiltDoc {
  const { meta } = input;
  const sides = isMemoryFormat(input.source.format)
    ? memorySides(input.source, meta, dict)
    : textSides(input, dict, zhCleaned);
  const { zh, en } = sides;
  const warnings = [...(input.warnings ?? []), ...sides.warnings];
  let given = sides.given;
  if (input.corrections) {
    // Checked against the blocks as cleaned now: corrections made on other text are set aside, never misapplied.
    const fit = applicableCorrections(
      input.corrections,
      zh.map((b) => b.text),
      en.map((b) => b.text),
      meta.id,
    );
    if ('pairs' in fit) given = fit.pairs;
    else warnings.push(fit.warning);
  }
  const pairs = alignBlocks(new Aligner(dict), zh, en, given);
  for (const p of pairs) {
    if (p.lowConfidence) warnings.push(`pair ${p.id + 1}: low alignment confidence ${p.confidence}`);
  }
  const repairs = sides.repairs.length > 0 ? { repairs: sides.repairs } : {};
  return {
    meta,
    zh,
    en,
    pairs,
    stats: docStats(zh, en, pairs, warnings.length),
    dropped: sides.dropped,
    ...repairs,
    warnings,
  };
}
