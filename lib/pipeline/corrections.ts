/**
 * `corpus/<docId>/alignment.json`: a person's corrections of a document's paragraph alignment
 * (made on the import page, as in InterText), kept with the document so they survive every
 * re-ingest. The file holds the paragraph pairs as block indexes (GivenPair, as a translation
 * memory gives them) and fingerprints of the cleaned blocks they were made on, so that a source or
 * translation edited later is noticed: the corrections are then not applied (indexes into other
 * blocks would pair the wrong paragraphs), the document is aligned automatically and the ingest
 * warns, naming the document. The file itself is kept for the user to redo.
 *
 * Pure functions: parsing (the wire type reshaped, with errors naming the file) and the check
 * against the blocks a build produced.
 */
import { createHash } from 'node:crypto';
import { givenPairsProblem, type GivenPair } from './align';
import { isRecord } from '../base/is-record';

export const CORRECTIONS_FILE = 'alignment.json';
export const CORRECTIONS_VERSION = 1;
/** More pairs than any document we accept could have (4 MB a side): a bound on what is parsed. */
const MAX_CORRECTION_PAIRS = 200_000;

/** The blocks a correction was made on: how many, and a hash of their texts in order. */
export interface BlocksFingerprint {
  count: number;
  sha256: string;
}

export interface AlignmentCorrections {
  version: typeof CORRECTIONS_VERSION;
  zh: BlocksFingerprint;
  en: BlocksFingerprint;
  pairs: GivenPair[];
}

export class CorrectionsError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'CorrectionsError';
  }
}

/**
 * The fingerprint of cleaned blocks: their texts as cleaning left them (the original script, before
 * conversion), each length-prefixed so that no two different block lists hash alike.
 */
export function blocksFingerprint(texts: readonly string[]): BlocksFingerprint {
  const hash = createHash('sha256');
  for (const t of texts) hash.update(`${Buffer.byteLength(t)}:`).update(t);
  return { count: texts.length, sha256: hash.digest('hex') };
}

const isIndexList = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((i) => Number.isSafeInteger(i) && (i as number) >= 0);

function parseFingerprint(v: unknown, side: string, fail: (p: string) => never): BlocksFingerprint {
  if (
    !isRecord(v) ||
    !Number.isSafeInteger(v.count) ||
    (v.count as number) < 0 ||
    typeof v.sha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(v.sha256)
  ) {
    return fail(`"${side}" must be {"count": blocks, "sha256": 64 hex digits}`);
  }
  return { count: v.count as number, sha256: v.sha256 };
}

/**
 * The corrections in `raw` (parsed JSON), checked for shape and for being a bead list of the block
 * counts they name. Refused with an error naming `file`: a hand-edited file that is broken is the
 * user's to fix, and guessing what it meant could pair the wrong paragraphs.
 */
export function parseCorrections(raw: unknown, file: string): AlignmentCorrections {
  const fail = (problem: string): never => {
    throw new CorrectionsError(file, problem);
  };
  if (!isRecord(raw)) return fail('not a JSON object');
  if (raw.version !== CORRECTIONS_VERSION) return fail(`"version" must be ${CORRECTIONS_VERSION}`);
  const zh = parseFingerprint(raw.zh, 'zh', fail);
  const en = parseFingerprint(raw.en, 'en', fail);
  if (!Array.isArray(raw.pairs)) return fail('"pairs" must be a list of {"zh": [...], "en": [...]}');
  if (raw.pairs.length > MAX_CORRECTION_PAIRS) return fail(`more than ${MAX_CORRECTION_PAIRS} pairs`);
  const pairs = raw.pairs.map((p: unknown, k): GivenPair => {
    if (!isRecord(p) || !isIndexList(p.zh) || !isIndexList(p.en))
      return fail(`pair ${k + 1} must be {"zh": [block indexes], "en": [block indexes]}`);
    return { zh: [...p.zh], en: [...p.en] };
  });
  const problem = givenPairsProblem(pairs, zh.count, en.count);
  if (problem !== null) fail(problem);
  return { version: CORRECTIONS_VERSION, zh, en, pairs };
}

/** The file's text: stable (keys in a fixed order), one pair per line so a diff reads well. */
export function correctionsText(c: AlignmentCorrections): string {
  const pairs = c.pairs.map((p) => `    ${JSON.stringify({ zh: p.zh, en: p.en })}`).join(',\n');
  const head = `{\n  "version": ${c.version},\n  "zh": ${JSON.stringify(c.zh)},\n  "en": ${JSON.stringify(c.en)},\n`;
  return `${head}  "pairs": [\n${pairs}${pairs ? '\n' : ''}  ]\n}\n`;
}

/**
 * The pairs to give the aligner when the corrections were made on exactly these blocks; otherwise
 * a warning saying why they were set aside (the document is then aligned automatically).
 */
export function applicableCorrections(
  c: AlignmentCorrections,
  zhTexts: readonly string[],
  enTexts: readonly string[],
  docId: string,
): { pairs: GivenPair[] } | { warning: string } {
  const zh = blocksFingerprint(zhTexts);
  const en = blocksFingerprint(enTexts);
  const changed = [
    zh.sha256 !== c.zh.sha256 || zh.count !== c.zh.count ? 'the Chinese source' : '',
    en.sha256 !== c.en.sha256 || en.count !== c.en.count ? 'the translation' : '',
  ]
    .filter(Boolean)
    .join(' and ');
  if (changed) {
    return {
      warning: `${docId}: ${CORRECTIONS_FILE} was made on other text (${changed} changed since: ${c.zh.count}→${zh.count} Chinese, ${c.en.count}→${en.count} English blocks); not applied, aligned automatically; the file is kept: correct the alignment again on the import page`,
    };
  }
  return { pairs: c.pairs };
}
