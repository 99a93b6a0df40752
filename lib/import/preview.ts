/**
 * The import page's preview: a pasted or uploaded Chinese text (and its translation) through the
 * very stages an ingest runs (`buildDocument`), so what the page shows is what the corpus will
 * hold. Encoding and script variant are found as `duizhao add` finds them (lib/add/detect.ts);
 * a DOCX is converted at this edge, as in run.ts. Nothing is written.
 */
import type { Dictionary } from '../dictionary/cedict';
import { formatOf } from '../add/add';
import { detectEncoding, detectVariant, PAGE_ASK, verifyEncoding, type VariantCounts } from '../add/detect';
import type {
  BlockKind,
  CleanDoc,
  DocMeta,
  Dropped,
  Pair,
  RawFile,
  ScriptVariant,
  SourceFormat,
  TextFormat,
} from '../model';
import { TRANSLATION_FORMATS } from '../base/formats';
import { docxToHtml } from '../pipeline/docx';
import { blocksFingerprint, type AlignmentCorrections, type BlocksFingerprint } from '../pipeline/corrections';
import { buildDocument, cleanSource, type DocumentInput } from '../pipeline/build-document';
import { decode, saysNoText } from '../pipeline/decode';
import type { ImportErrorDetail, ImportSideName } from './error-detail';
import { ImportError, type ImportSide } from './wire';
import { checkBlocks, checkWorkload, PREVIEW_WINDOW } from './workload';
import { windowedFile, type WindowBudget } from './window';

export interface PreviewBlock {
  kind: BlockKind;
  /** As written in the source (for Chinese: the original script). */
  text: string;
  /** Chinese only: the mainland simplified form, when it differs from `text`. */
  simplified?: string;
  sentences: string[];
}

/** A pair as the reader's Pair, without the id (its place in the list says it). */
type PreviewPair = Pick<Pair, 'zh' | 'en' | 'confidence' | 'unaligned' | 'lowConfidence' | 'sentences'>;

export interface PreviewResult {
  zh: {
    format: SourceFormat;
    encoding: string;
    /** chardet's confidence (0–100), or null when the encoding was given or there is none (DOCX). */
    encodingConfidence: number | null;
    variant: ScriptVariant;
    /** What was counted to tell the variant, or "given". */
    variantEvidence: string;
    /** The same counts, for the page to say in its language; null when the variant was given. */
    variantCounts: VariantCounts | null;
    blocks: PreviewBlock[];
    /** Lines the cleaner dropped (page furniture, credits…), so nothing goes silently. */
    dropped: Array<Pick<Dropped, 'line' | 'text' | 'reason'>>;
  };
  en: { format: SourceFormat; blocks: PreviewBlock[] } | null;
  pairs: PreviewPair[];
  /** What a correction of these pairs must carry (alignment.json): the blocks it is made on. */
  fingerprints: { zh: BlocksFingerprint; en: BlocksFingerprint };
  warnings: string[];
  /** Han characters and sentences, for the page's summary line. */
  stats: { characters: number; sentences: number; enSentences: number; lowConfidence: number; unaligned: number };
  /** Null when the preview shows the whole text; else how much of it the preview shows (window.ts). */
  window: PreviewWindow | null;
}

/** How much of a long text a preview shows: characters of the decoded text, shown and in all. */
interface PreviewWindow {
  zh: { shownChars: number; totalChars: number };
  en: { shownChars: number; totalChars: number } | null;
  /** Why saving this text will be refused (too many blocks to build from the page), when it will be. */
  saveRefused: string | null;
  /** The same, for the page to say in its language. */
  saveRefusedDetail: ImportErrorDetail | null;
}

export interface PreviewRequest {
  zh: ImportSide;
  en?: ImportSide;
  /** A WHATWG label to use instead of detection (utf-8, gb18030, big5, utf-16le, utf-16be). */
  encoding?: string;
  variant?: ScriptVariant;
  /** Corrected pairs to preview (sentences re-aligned inside them), as alignment.json holds them. */
  corrections?: AlignmentCorrections;
}

/**
 * Runs one side's step; its error becomes a 422 the page can say in its language: `code` unless the
 * side turned out empty. The stage's own English message stays the API's answer.
 */
async function onSide<T>(
  side: ImportSideName,
  detail: ImportErrorDetail | ((message: string) => ImportErrorDetail),
  step: () => T | Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const message = (e as Error).message;
    const said: ImportErrorDetail = saysNoText(e)
      ? { code: 'emptySide', params: { side } }
      : typeof detail === 'function'
        ? detail(message)
        : detail;
    throw new ImportError(422, message, { cause: e, detail: said });
  }
}

/** A stage's message about a side, said whole on the page: its reason is the stage's English. */
const unreadable = (side: ImportSideName) => (reason: string) =>
  ({ code: 'unreadable', params: { side, reason } }) as const;

/** The format of a side: as given, else from the file name, else plain text (pasted text). */
function sideFormat(side: ImportSide, which: string, sideName: ImportSideName): SourceFormat {
  let format: SourceFormat;
  try {
    format = side.format ?? (side.name && /\.[a-z]+$/i.test(side.name) ? formatOf(side.name) : 'text');
  } catch (e) {
    const message = `${which}: ${(e as Error).message.replace(/--format/g, 'the format menu')}`;
    throw new ImportError(422, message, { cause: e, detail: unreadable(sideName)(message) });
  }
  // The import page takes running text; a TMX or XLIFF memory goes through `duizhao add`.
  if (!(TRANSLATION_FORMATS as readonly string[]).includes(format))
    throw new ImportError(
      422,
      `${which}: the import page takes text, Markdown, HTML or DOCX (a ${format} memory: use duizhao add)`,
      { detail: { code: 'memoryFormat', params: { side: sideName, format } } },
    );
  return format;
}

export interface ResolvedInput {
  input: DocumentInput;
  /** The Chinese side cleaned, when telling the variant needed it: buildDocument need not clean it again. */
  zhCleaned?: CleanDoc;
  /** Set when the input was cut to a preview window (resolveInput's `window`). */
  window?: PreviewWindow;
  report: {
    format: SourceFormat;
    encoding: string;
    encodingConfidence: number | null;
    variant: ScriptVariant;
    variantEvidence: string;
    variantCounts: VariantCounts | null;
    enFormat: SourceFormat | null;
  };
}

/** A side as the stages take it: a DOCX converted to HTML here, at the edge (as run.ts does). */
async function rawFile(
  path: string,
  bytes: Uint8Array,
  encoding: string,
  format: SourceFormat,
  warnings: string[],
): Promise<RawFile> {
  if (format !== 'docx') return { path, bytes, encoding, format: format as TextFormat };
  const html = await docxToHtml(path, bytes);
  warnings.push(...html.warnings);
  return html.file;
}

/**
 * A side cut to the preview's window (window.ts), the whole side's workload checked as the save will
 * check it. `share`: the part of the other side shown, so that a translation is cut at the same place.
 */
async function windowed(
  file: RawFile,
  budget: WindowBudget,
  which: string,
  side: ImportSideName,
  problems: ImportError[],
  options: { textCountedByBlocks?: boolean; share?: number } = {},
): Promise<{ file: RawFile; shownChars: number; totalChars: number }> {
  const text = (await onSide(side, unreadable(side), () => decode(file))).text;
  const share = options.share ?? 1;
  const fitted = share < 1 ? { ...budget, chars: Math.min(budget.chars, Math.ceil(text.length * share)) } : budget;
  const { file: shown, window } = windowedFile(file, text, fitted);
  if (window.shownChars < window.totalChars) {
    try {
      checkWorkload(file, which, side, options.textCountedByBlocks);
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      problems.push(e);
    }
  }
  return { file: shown, shownChars: window.shownChars, totalChars: window.totalChars };
}

export interface ResolveOptions {
  /**
   * Cut each side to this window before any stage runs (the preview): the work is bounded whatever
   * the upload's shape, and the whole side's workload is only reported, since the save checks it.
   * Without it (the save) a side over the workload limits is refused with a 422.
   */
  window?: WindowBudget;
}

/**
 * The request resolved into a DocumentInput: formats, the Chinese side's encoding (detected unless
 * given, and always checked by the strict decoder) and variant. Errors are ImportErrors (422) with
 * the stage's own message, naming the side.
 */
export async function resolveInput(
  req: PreviewRequest,
  meta: Omit<DocMeta, 'encoding' | 'variant' | 'format' | 'source'> & { source?: string },
  options: ResolveOptions = {},
): Promise<ResolvedInput> {
  const zhName = req.zh.name ?? 'Chinese text';
  const format = sideFormat(req.zh, 'Chinese text', 'zh');
  const warnings: string[] = [];
  const budget = options.window;
  try {
    let encoding = 'utf-8';
    let encodingConfidence: number | null = null;
    if (format !== 'docx') {
      if (req.encoding !== undefined) {
        const given = req.encoding.trim().toLowerCase();
        await onSide('zh', { code: 'wrongEncoding', params: { side: 'zh', encoding: given } }, () =>
          verifyEncoding(zhName, req.zh.bytes, given, 'choose another encoding'),
        );
        encoding = given;
      } else {
        const found = await onSide('zh', { code: 'unknownEncoding', params: { side: 'zh' } }, () =>
          detectEncoding(zhName, req.zh.bytes, PAGE_ASK),
        );
        encoding = found.encoding;
        encodingConfidence = found.confidence;
      }
    }
    let source = await onSide('zh', unreadable('zh'), () => rawFile(zhName, req.zh.bytes, encoding, format, warnings));
    const saveRefused: ImportError[] = [];
    let window: PreviewWindow | undefined;
    if (budget) {
      const zh = await windowed(source, budget, zhName, 'zh', saveRefused, { textCountedByBlocks: true });
      source = zh.file;
      window = {
        zh: { shownChars: zh.shownChars, totalChars: zh.totalChars },
        en: null,
        saveRefused: null,
        saveRefusedDetail: null,
      };
    } else {
      // Before any stage: a side that would make more blocks than a save can afford is refused.
      // (Plain text's lines may wrap into few blocks: they are held to a higher limit, and its blocks counted once cleaned, below.)
      checkWorkload(source, zhName, 'zh', true);
    }
    let enFormat: SourceFormat | null = null;
    let translation: RawFile | undefined;
    if (req.en) {
      const enName = req.en.name ?? 'English translation';
      const en = req.en;
      enFormat = sideFormat(en, 'English translation', 'en');
      // run.ts reads a translation as UTF-8: anything else is refused now, not at ingest.
      if (enFormat !== 'docx')
        await onSide('en', { code: 'wrongEncoding', params: { side: 'en', encoding: 'utf-8' } }, () =>
          verifyEncoding(enName, en.bytes, 'utf-8', 'a translation must be UTF-8'),
        );
      const format = enFormat;
      translation = await onSide('en', unreadable('en'), () => rawFile(enName, en.bytes, 'utf-8', format, warnings));
      if (budget && window) {
        // The same share of the translation as of the source, so the pairs shown are pairs of the same part.
        const share = window.zh.shownChars / Math.max(1, window.zh.totalChars);
        const shown = await windowed(translation, budget, enName, 'en', saveRefused, { share });
        translation = shown.file;
        window.en = { shownChars: shown.shownChars, totalChars: shown.totalChars };
      } else checkWorkload(translation, enName, 'en');
    }
    let variant: ScriptVariant;
    let variantEvidence: string;
    let variantCounts: VariantCounts | null = null;
    let zhCleaned: CleanDoc | undefined;
    const probe: DocumentInput = {
      meta: { ...meta, source: 'source', encoding: source.encoding, variant: 'simplified', format } as DocMeta,
      source,
    };
    // Cleaning does not depend on the variant: the blocks cleaned here are the blocks built.
    if (source.format === 'text') {
      zhCleaned = cleanSource(probe);
      if (!budget) checkBlocks(zhCleaned.blocks.length, zhName, 'zh');
    }
    if (req.variant) {
      variant = req.variant;
      variantEvidence = 'given';
    } else {
      zhCleaned ??= cleanSource(probe);
      const found = detectVariant(zhCleaned.blocks.map((b) => b.text).join('\n'));
      variant = found.variant;
      variantEvidence = found.evidence;
      variantCounts = found.counts;
    }
    const fullMeta = { ...meta, source: meta.source ?? 'source', encoding, variant, format } as DocMeta;
    const input: DocumentInput = { meta: fullMeta, source, warnings };
    if (translation) input.translation = translation;
    if (req.corrections) input.corrections = req.corrections;
    if (
      window &&
      (window.zh.shownChars < window.zh.totalChars || (window.en && window.en.shownChars < window.en.totalChars))
    ) {
      window.saveRefused = saveRefused[0]?.message ?? null;
      window.saveRefusedDetail = saveRefused[0]?.detail ?? null;
    } else window = undefined;
    return {
      input,
      ...(zhCleaned ? { zhCleaned } : {}),
      ...(window ? { window } : {}),
      report: { format, encoding, encodingConfidence, variant, variantEvidence, variantCounts, enFormat },
    };
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(422, (e as Error).message, { cause: e });
  }
}

const PREVIEW_META = {
  id: 'preview',
  title: { zh: '预览', en: 'Preview' },
  publication: { zh: '未注明', en: 'Not stated' },
  date: '2000-01-01',
};

/** The preview of a request: every block, the automatic (or corrected) pairs, and what a correction must carry. */
export async function preview(req: PreviewRequest, dict: Dictionary): Promise<PreviewResult> {
  const { input, zhCleaned, report, window } = await resolveInput(req, PREVIEW_META, { window: PREVIEW_WINDOW });
  let doc;
  try {
    doc = buildDocument(input, dict, zhCleaned);
  } catch (e) {
    throw new ImportError(422, (e as Error).message, { cause: e });
  }
  if (doc.zh.length === 0)
    throw new ImportError(
      422,
      `${req.zh.name ?? 'The Chinese text'}: no text left after cleaning (empty, or only page furniture).`,
      { detail: { code: 'nothingLeft' } },
    );
  const stale = doc.warnings.find((w) => w.includes('alignment.json was made on other text'));
  if (req.corrections && stale)
    throw new ImportError(409, 'The texts changed since these pairs were made: preview again.', {
      detail: { code: 'textsChanged' },
    });
  const zhBlocks = doc.zh.map((b): PreviewBlock => ({
    kind: b.kind,
    text: b.original,
    ...(b.simplified !== b.original ? { simplified: b.simplified } : {}),
    sentences: b.sentences.map((s) => s.original),
  }));
  const enBlocks = doc.en.map((b): PreviewBlock => ({ kind: b.kind, text: b.text, sentences: b.sentences }));
  return {
    zh: {
      format: report.format,
      encoding: report.encoding,
      encodingConfidence: report.encodingConfidence,
      variant: report.variant,
      variantEvidence: report.variantEvidence,
      variantCounts: report.variantCounts,
      blocks: zhBlocks,
      dropped: doc.dropped.map((d) => ({ line: d.line, text: d.text, reason: d.reason })),
    },
    en: report.enFormat ? { format: report.enFormat, blocks: enBlocks } : null,
    pairs: doc.pairs.map(({ zh, en, confidence, unaligned, lowConfidence, sentences }) => ({
      zh,
      en,
      confidence,
      unaligned,
      lowConfidence,
      sentences,
    })),
    fingerprints: {
      zh: blocksFingerprint(doc.zh.map((b) => b.text)),
      en: blocksFingerprint(doc.en.map((b) => b.text)),
    },
    // The id is the preview's own; the page is about this text.
    warnings: doc.warnings.map((w) => w.replace(/^preview: /, '')),
    stats: {
      characters: doc.stats.characters,
      sentences: doc.stats.sentences,
      enSentences: doc.stats.enSentences,
      lowConfidence: doc.stats.lowConfidence,
      unaligned: doc.stats.unaligned,
    },
    window: window ?? null,
  };
}
