/**
 * The API's answers on the wire, one type per route: the route builds its answer as this type and
 * the component that fetches it reads it as this type, so the two cannot drift apart. Types only
 * (nothing here reaches a browser bundle).
 */
import type { PreviewResult } from '@/lib/import/preview';
import type { SaveResult } from '@/lib/import/save';
import type { DictEntry, SearchPairHit } from '@/lib/model';
import type { ViewPair } from '@/lib/reader/view';
import type { ImportErrorDetail } from '@/lib/import/error-detail';
import type { ReaderLinks } from '@/lib/reader/word-links';
import type { GlossAnswer } from '@/lib/store/gloss';
import type { GlossBatch } from '@/lib/learner/gloss-batch';
import type { DocWords } from '@/lib/store/reader';
import type { PlotBead } from '@/lib/reader/plot';

/**
 * Every refusal and failure: `{ error }` with a message a person can act on. The import API adds
 * `code` and `params` (lib/import/wire.ts) so that its page can say the same in the reader's language.
 */
export interface ApiErrorAnswer extends Partial<ImportErrorDetail> {
  error: string;
}

/**
 * `GET /api/search`: each hit is a pair's matching sentence pairs, with the query's matches and the
 * words aligned with them as offsets (`SearchPairHit`); the whole pair is in the reader.
 */
export interface SearchAnswer {
  total: number;
  hits: SearchPairHit[];
}

/** `GET /api/reader`: pairs `from`…`to` (exclusive) of the document's `total`. */
export interface ReaderAnswer {
  doc: string;
  from: number;
  to: number;
  total: number;
  pairs: ViewPair[];
}

/** `GET /api/reader/glosses`: short glosses keyed by dictionary key and reading (`合作|hé zuò`). */
export interface ReaderGlossesAnswer {
  doc: string;
  glosses: Record<string, string>;
}

/** `GET /api/reader/words`: each simplified Han word's running count and HSK 3.0 level. */
export interface ReaderWordsAnswer {
  doc: string;
  words: DocWords;
}

/** `GET /api/reader/links`: the word links of each sentence bead, by pair (see `ReaderLinks`). */
export interface ReaderLinksAnswer {
  doc: string;
  links: ReaderLinks;
}

/** `GET /api/reader/plot`: the alignment map's boxes, one per pair. */
export interface ReaderPlotAnswer {
  doc: string;
  beads: PlotBead[];
}

/** `GET /api/gloss` */
export type GlossApiAnswer = GlossAnswer;

/** `GET /api/gloss/batch`: the popover's dictionary of a few pairs (lib/learner/gloss-batch.ts). */
export type GlossBatchAnswer = GlossBatch;

/** `GET /api/term` */
export interface TermAnswer {
  term: string;
  traditional: string[];
  pinyin: string;
  hsk: number | null;
  entries: DictEntry[];
  occurrences: number;
  documents: Array<{ docId: string; occurrences: number }>;
  renderings: Array<{ key: string; text: string; count: number; share: number }>;
  unrendered: number;
  /** Occurrences inside longer glossary terms, counted under those and not in `renderings`. */
  within: Array<{ term: string; count: number }>;
  longer: string[];
  lines: Array<{
    docId: string;
    pair: number;
    left: string;
    match: string;
    right: string;
    en: string;
    rendering: string | null;
  }>;
}

/** `POST /api/import/preview` */
export type ImportPreviewAnswer = PreviewResult;
/** `POST /api/import`, `PUT`/`DELETE /api/import/<docId>/alignment` */
export type ImportSaveAnswer = SaveResult;
