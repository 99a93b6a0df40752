import type { ScriptVariant } from '@/lib/model';

/** The `lang` of a document's Chinese text: picks the right glyphs and fonts. */
export function zhLang(variant: ScriptVariant): 'zh-Hans' | 'zh-Hant' {
  return variant === 'simplified' ? 'zh-Hans' : 'zh-Hant';
}

/** The anchor of a pair in the reader: `#p-1` is the first pair. */
export function pairAnchor(pairId: number): string {
  return `p-${pairId + 1}`;
}
