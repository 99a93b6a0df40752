import type { ScriptVariant } from '@/lib/model';

/** The `lang` of a document's Chinese text: picks the right glyphs and fonts. */
export function zhLang(variant: ScriptVariant): 'zh-Hans' | 'zh-Hant' {
  return variant === 'simplified' ? 'zh-Hans' : 'zh-Hant';
}

/** The anchor of a pair in the reader: `#p-1` is the first pair. */
export function pairAnchor(pairId: number): string {
  return `p-${pairId + 1}`;
}

/** The id of the pair a hash (`#p-N`) names, or null: the inverse of `pairAnchor`. */
export function pairOfHash(hash: string): number | null {
  const match = /^#p-(\d{1,7})$/.exec(hash);
  return match ? Number(match[1]) - 1 : null;
}
