import type { DecodedText, RawFile } from '../model';
import { ENCODINGS } from '../base/encodings';
import { COMMON_HAN } from './common-han';

/** A decoding failure: names the file and, where the decoder can tell, the byte offset. */
export class DecodeError extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly byteOffset?: number,
  ) {
    super(`${path}${byteOffset === undefined ? '' : ` (byte ${byteOffset})`}: ${message}`);
    this.name = 'DecodeError';
  }
}

/**
 * Whether an error says its file holds no text ("<path>: no text: …", from here or from encoding
 * detection): no text in any encoding, so a hint about encodings would only mislead.
 */
export function saysNoText(error: unknown): boolean {
  return error instanceof Error && /: no text:/.test(error.message);
}

/**
 * Encodings we decode: WHATWG labels TextDecoder knows, mapped to the name it reports. The names
 * are the shared list (lib/base/encodings.ts); a few other labels of the same encodings are taken too.
 */
const SUPPORTED = new Map<string, string>([
  ...ENCODINGS.map((name) => [name, name] as const),
  ['utf8', 'utf-8'],
  ['gb2312', 'gbk'],
  ['big5-hkscs', 'big5'],
]);

export function normaliseEncodingLabel(label: string): string | undefined {
  return SUPPORTED.get(label.trim().toLowerCase());
}

/**
 * Where decoding first fails. TextDecoder only says *that* it failed, so we bisect on prefixes
 * with `stream: true` (which tolerates an incomplete sequence at the very end): the first prefix
 * length that throws is one past the offending byte. O(n log n) and only on the error path.
 */
function firstInvalidByte(bytes: Uint8Array, encoding: string): number {
  const fails = (end: number): boolean => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  if (!fails(hi)) return bytes.length; // only the end is incomplete: a truncated character
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (fails(mid)) hi = mid;
    else lo = mid + 1;
  }
  return Math.max(0, lo - 1);
}

const C0_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;

/** 1-based line and column (in code points) of a string offset (in UTF-16 units). */
function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const lines = before.split('\n');
  return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1 };
}

/**
 * Sanity checks for text that decoded without error but is probably garbage: a Big5 file
 * declared as GB18030 decodes "successfully" into nonsense. Garbage shows up as private-use
 * characters, replacement characters or an implausible share of rare Han characters.
 */
function plausibilityProblem(text: string): string | undefined {
  let han = 0;
  let common = 0;
  let privateUse = 0;
  let replacement = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0xfffd) replacement++;
    else if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) privateUse++;
    else if (cp >= 0x4e00 && cp <= 0x9fff) {
      han++;
      if (COMMON_HAN.has(ch)) common++;
    }
  }
  if (replacement > 0) return `${replacement} replacement character(s) (U+FFFD) in the decoded text`;
  if (privateUse > 0) return `${privateUse} private-use character(s): the declared encoding is probably wrong`;
  // Real Chinese prose of any length draws a large share of its characters from the few hundred
  // most frequent ones (about 60% for the top 300); mis-decoded text scatters over rare ones.
  if (han >= 50 && common / han < 0.2) {
    return `only ${Math.round((100 * common) / han)}% of the Han characters are common ones: the declared encoding is probably wrong`;
  }
  return undefined;
}

/**
 * Stage 1: bytes → text, strictly. Never replaces a byte: an invalid sequence is an error naming
 * the file and the byte offset. Strips a BOM (TextDecoder does for UTF-8/16), folds CRLF and lone
 * CR into LF, rejects C0 control characters with line:column.
 */
export function decode(file: RawFile): DecodedText {
  const encoding = normaliseEncodingLabel(file.encoding);
  if (!encoding) {
    throw new DecodeError(file.path, `unsupported encoding "${file.encoding}" (supported: ${ENCODINGS.join(', ')})`);
  }
  const bytes = file.bytes;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes, encoding);
    const truncated = offset >= bytes.length;
    throw new DecodeError(
      file.path,
      truncated
        ? `the file ends in the middle of a character: not valid ${encoding}`
        : `invalid ${encoding} byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')}: is the declared encoding right?`,
      truncated ? bytes.length : offset,
    );
  }
  // GB18030 and Big5 have no BOM of their own, but a UTF-8 BOM may survive there as U+FEFF.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  const control = C0_CONTROL.exec(text);
  if (control) {
    const { line, column } = lineColumn(text, control.index);
    const cp = control[0].codePointAt(0) ?? 0;
    throw new DecodeError(
      file.path,
      `control character U+${cp.toString(16).toUpperCase().padStart(4, '0')} at line ${line}, column ${column}`,
    );
  }
  if (text.trim() === '') throw new DecodeError(file.path, 'no text: the file is empty or holds only whitespace');
  const problem = plausibilityProblem(text);
  if (problem) throw new DecodeError(file.path, `${problem} (declared ${file.encoding})`);
  return { path: file.path, text, format: file.format };
}
