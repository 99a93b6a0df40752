/**
 * Stage 3: traditional → mainland simplified with OpenCC (opencc-js), in the variant the meta
 * declares (HK or TW). Never the phrase-localising `twp`/`hkp` converters: they rewrite vocabulary
 * (建立→创建, 文件→文档), which is translation, not conversion. The original is kept beside.
 */
import { Converter as ToTraditional } from 'opencc-js/cn2t';
import { Converter } from 'opencc-js/t2cn';
import type { Block, ConvertedBlock, ScriptVariant } from '../model';

export type Convert = (text: string) => string;

const FROM = { 'traditional-HK': 'hk', 'traditional-TW': 'tw' } as const;
const converters = new Map<ScriptVariant, Convert>();

/** The converter for a script variant (identity for simplified), built once per process. */
export function converterFor(variant: ScriptVariant): Convert {
  const cached = converters.get(variant);
  if (cached) return cached;
  const convert: Convert = variant === 'simplified' ? (t) => t : Converter({ from: FROM[variant], to: 'cn' });
  converters.set(variant, convert);
  return convert;
}

const traditional = new Map<'tw' | 'hk', Convert>();

/**
 * Mainland simplified → traditional in the Taiwan or Hong Kong standard (OpenCC cn → tw / hk:
 * characters and phrase tables, no vocabulary rewriting), for reading a document in the other
 * script. Built once per process, on first use: its tables are a megabyte the ingest never needs.
 */
export function traditionalConverter(standard: 'tw' | 'hk'): Convert {
  let convert = traditional.get(standard);
  if (convert === undefined) {
    convert = ToTraditional({ from: 'cn', to: standard });
    traditional.set(standard, convert);
  }
  return convert;
}

/** Chunks of at most this many UTF-16 units keep memory bounded on a 50 MB single-line file. */
export const CHUNK = 1 << 16;
const BREAK = /[。！？!?；;\n]/gu;

/**
 * Converts in chunks cut right after sentence punctuation, so a phrase (which never spans a
 * sentence end) is never split at a chunk edge. Text without any punctuation for CHUNK units is
 * cut after whitespace or, failing that, between code points: OpenCC's phrases are at most a
 * few characters, and such text is not prose.
 */
export function convertText(text: string, convert: Convert): string {
  if (text.length <= CHUNK) return convert(text);
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length) {
      const window = text.slice(start, end);
      let cut = -1;
      for (const m of window.matchAll(BREAK)) cut = m.index + m[0].length;
      if (cut <= 0) cut = window.search(/\s\S*$/u) + 1;
      if (cut <= 0) cut = window.length - (/[\uD800-\uDBFF]$/.test(window) ? 1 : 0);
      end = start + cut;
    }
    out.push(convert(text.slice(start, end)));
    start = end;
  }
  return out.join('');
}

export function convertBlocks(blocks: Block[], variant: ScriptVariant): ConvertedBlock[] {
  const convert = converterFor(variant);
  return blocks.map((block) => ({ ...block, original: block.text, simplified: convertText(block.text, convert) }));
}
