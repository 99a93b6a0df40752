/**
 * What `duizhao add` finds out about a file before it enters the corpus: its encoding (chardet,
 * verified by the project's strict decoder) and its script variant (opencc-js). Pure functions:
 * bytes or text in, a finding with its evidence out, so the command can report why.
 *
 * chardet rather than jschardet: both tell UTF-8, GB18030, Big5 and UTF-16 apart (STACK-NOTES),
 * but chardet's `analyse` returns every candidate with its confidence, which is exactly what we
 * print when we refuse to guess; it is written in TypeScript, ships its own types and ESM, and is
 * maintained (2.x); jschardet's `detectAll` gives candidates too, but as a port of the Python
 * library of 2011 its confidences for short CJK text are coarser.
 */
import chardet from 'chardet';
import * as OpenCC from 'opencc-js';
import type { ScriptVariant } from '../model';
import { decode, normaliseEncodingLabel, saysNoText } from '../pipeline/decode';

/** How much of a file chardet looks at. */
const SAMPLE_BYTES = 256 * 1024;

/** Below this chardet confidence (0–100) the guess is not trusted: the user names the encoding. */
const MIN_CONFIDENCE = 50;

export class DetectError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DetectError';
  }
}

interface EncodingCandidate {
  /** chardet's name (UTF-8, GB18030, Big5…). */
  name: string;
  /** 0–100. */
  confidence: number;
}

export interface EncodingFinding {
  /** The WHATWG label written to meta.json. */
  encoding: string;
  confidence: number;
  candidates: EncodingCandidate[];
}

/** chardet's names for what decode.ts can decode; ASCII is a subset of UTF-8. */
const LABELS = new Map<string, string>([
  ['UTF-8', 'utf-8'],
  ['ASCII', 'utf-8'],
  ['GB18030', 'gb18030'],
  ['Big5', 'big5'],
  ['UTF-16LE', 'utf-16le'],
  ['UTF-16BE', 'utf-16be'],
]);

const list = (candidates: EncodingCandidate[]) =>
  candidates
    .slice(0, 5)
    .map((c) => `${c.name} (${c.confidence}%)`)
    .join(', ') || 'none';

/**
 * The encoding of a text file: chardet's best guess, accepted only when it is confident, names an
 * encoding we decode, and the strict decoder (with its plausibility check) agrees. Otherwise a
 * DetectError listing the candidates and asking for --encoding.
 */
export function detectEncoding(path: string, bytes: Uint8Array, ask: string = CLI_ASK): EncodingFinding {
  // Nothing but spaces (or nothing): there is no encoding to guess, and chardet's "ASCII 100%"
  // followed by the decoder's refusal would read as an encoding problem.
  if (onlySpaces(bytes)) throw new DetectError(`${path}: no text: it is empty or holds only spaces and line breaks`);
  // chardet reads every byte it is given; a sample says as much about the encoding, and the strict
  // decode below checks the whole file anyway.
  const candidates = chardet
    .analyse(bytes.subarray(0, SAMPLE_BYTES))
    .map((m) => ({ name: m.name, confidence: m.confidence }));
  const best = candidates[0];
  if (!best) throw new DetectError(`${path}: cannot guess the encoding (no candidates); ${ask}`);
  if (best.confidence < MIN_CONFIDENCE) {
    throw new DetectError(
      `${path}: not sure of the encoding: the best guess, ${best.name}, has ${best.confidence}% confidence, below ${MIN_CONFIDENCE}% (candidates: ${list(candidates)}); ${ask}`,
    );
  }
  const encoding = LABELS.get(best.name);
  if (!encoding)
    throw new DetectError(
      `${path}: the encoding looks like ${best.name}, which Duizhao does not decode (candidates: ${list(candidates)}); ${ask}`,
    );
  verifyEncoding(
    path,
    bytes,
    encoding,
    `the guess ${best.name} (${best.confidence}%) does not decode cleanly; candidates: ${list(candidates)}; ${ask}`,
  );
  return { encoding, confidence: best.confidence, candidates };
}

/** What to do about an encoding we could not tell, said for the command line. */
const CLI_ASK = 'name it with --encoding (utf-8, gb18030, big5, utf-16le, utf-16be)';
/** The same, said for the import page: its encoding menu, never a flag. */
export const PAGE_ASK = 'choose the encoding in the form (UTF-8, GB18030, Big5, UTF-16LE, UTF-16BE)';

/** Whether the bytes hold nothing but whitespace (spaces, U+3000, line breaks, a BOM), in UTF-8 or BOM-marked UTF-16. */
function onlySpaces(bytes: Uint8Array): boolean {
  const label =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  // Not fatal: a byte that is not UTF-8 becomes U+FFFD, which is not a space, so the answer is no.
  return !/[^\s\uFEFF]/.test(new TextDecoder(label).decode(bytes));
}

/** The strict decoder of the pipeline (decode.ts) must accept the file in this encoding. */
export function verifyEncoding(path: string, bytes: Uint8Array, encoding: string, hint: string): string {
  if (!normaliseEncodingLabel(encoding))
    throw new DetectError(`${path}: unsupported encoding "${encoding}" (utf-8, gb18030, big5, utf-16le, utf-16be)`);
  try {
    return decode({ path, bytes, encoding, format: 'text' }).text;
  } catch (e) {
    // No text is no text in any encoding: the hint about encodings would only mislead.
    if (saysNoText(e)) throw new DetectError((e as Error).message, { cause: e });
    throw new DetectError(`${(e as Error).message}: ${hint}`, { cause: e });
  }
}

// ---------------------------------------------------------------- script variant

type Convert = (text: string) => string;
let converters: { t2s: Convert; s2t: Convert; t2hk: Convert; t2tw: Convert } | undefined;
function opencc() {
  // The same converters convert.ts relies on; never the phrase-rewriting twp.
  converters ??= {
    t2s: OpenCC.Converter({ from: 't', to: 'cn' }),
    s2t: OpenCC.Converter({ from: 'cn', to: 't' }),
    t2hk: OpenCC.Converter({ from: 't', to: 'hk' }),
    t2tw: OpenCC.Converter({ from: 't', to: 'tw' }),
  };
  return converters;
}

export interface VariantFinding {
  variant: ScriptVariant;
  /** One line saying what was counted and why this variant. */
  evidence: string;
  /** What was counted, for a page to say it in its own language. */
  counts: VariantCounts;
}

/** Han characters counted, and those only one script writes so (a few of each as examples). */
export interface VariantCounts {
  han: number;
  /** Too few Han characters to tell: taken as simplified. */
  tooFew?: true;
  traditional: { n: number; chars: string };
  simplified: { n: number; chars: string };
  /** Counted only for a traditional text: forms only Hong Kong's standard, or only Taiwan's, writes. */
  hongKong?: { n: number; chars: string };
  taiwan?: { n: number; chars: string };
}

/** Text longer than this is judged on its first part: the variant does not change mid-document. */
const SAMPLE = 200_000;
/** Fewer Han characters than this say nothing reliable. */
const MIN_HAN = 10;
/** Hong Kong forms (裏 着 啓 峯 綫 衞…) seen at least this often make a traditional text HK. */
const MIN_HK_FORMS = 2;

const pct = (n: number, of: number) => `${of === 0 ? 0 : Math.round((1000 * n) / of) / 10}%`;

/**
 * Simplified or traditional: the share of Han characters that OpenCC's traditional→simplified
 * conversion changes (only traditional text has them) against the share that simplified→
 * traditional changes. Hong Kong or Taiwan: the characters the two standards write differently
 * (OpenCC's HK and TW variant tables). HK text writes 裏, 着, 啓, 峯, 綫, which Taiwan's standard
 * never does; but HK newspapers also use many Taiwan forms (衛, 稅, 溫: we measured this on the
 * Ta Kung Pao seed), so Taiwan forms are no evidence against HK. Hence: HK when HK forms are
 * there, otherwise traditional-TW by default, and the evidence line says which it was.
 */
export function detectVariant(text: string): VariantFinding {
  const { t2s, s2t, t2hk, t2tw } = opencc();
  const han = [...text.slice(0, SAMPLE)].filter((c) => /\p{Script=Han}/u.test(c));
  const counts = new Map<string, number>();
  for (const c of han) counts.set(c, (counts.get(c) ?? 0) + 1);
  const occurrences = (test: (c: string) => boolean) => {
    let n = 0;
    const chars: string[] = [];
    for (const [c, k] of counts) {
      if (test(c)) {
        n += k;
        chars.push(c);
      }
    }
    return { n, chars: chars.slice(0, 8).join('') };
  };
  const none = { n: 0, chars: '' };
  if (han.length < MIN_HAN)
    return {
      variant: 'simplified',
      evidence: `only ${han.length} Han characters: too few to tell, taken as simplified (--variant to say otherwise)`,
      counts: { han: han.length, tooFew: true, traditional: none, simplified: none },
    };
  const trad = occurrences((c) => t2s(c) !== c);
  const simp = occurrences((c) => s2t(c) !== c);
  const shares = `${pct(trad.n, han.length)} of ${han.length} Han characters are traditional-only (${trad.chars || '—'}), ${pct(simp.n, han.length)} simplified-only (${simp.chars || '—'})`;
  if (trad.n <= simp.n)
    return {
      variant: 'simplified',
      evidence: shares,
      counts: { han: han.length, traditional: trad, simplified: simp },
    };
  const hk = occurrences((c) => t2tw(c) !== c && t2hk(c) === c);
  const tw = occurrences((c) => t2hk(c) !== c && t2tw(c) === c);
  const found = { han: han.length, traditional: trad, simplified: simp, hongKong: hk, taiwan: tw };
  const forms = `Hong Kong forms ${hk.n} (${hk.chars || '—'}), Taiwan forms ${tw.n} (${tw.chars || '—'})`;
  if (hk.n >= MIN_HK_FORMS) return { variant: 'traditional-HK', evidence: `${shares}; ${forms}`, counts: found };
  return {
    variant: 'traditional-TW',
    evidence: `${shares}; ${forms}: no clear Hong Kong forms, so traditional-TW by default (--variant traditional-HK to override)`,
    counts: found,
  };
}
