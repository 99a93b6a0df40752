import type { Part } from '@/lib/search';

const ELLIPSIS = '…';

/**
 * A concordance line: unmarked runs longer than the context are cut to `radius` code points on
 * the side that touches a mark (both sides in the middle), so every mark stays with its context
 * and a 2,000-character paragraph does not fill the page. Parts are text; nothing is parsed.
 */
export function excerpt(parts: readonly Part[], radius: number): Part[] {
  if (!parts.some((p) => p.mark)) return [...parts];
  return parts.map((part, i) => {
    if (part.mark) return part;
    const chars = [...part.text];
    const first = i === 0;
    const last = i === parts.length - 1;
    if (first && chars.length > radius) return { text: ELLIPSIS + chars.slice(-radius).join(''), mark: false };
    if (last && chars.length > radius) return { text: chars.slice(0, radius).join('') + ELLIPSIS, mark: false };
    if (!first && !last && chars.length > radius * 2 + 1) {
      return { text: chars.slice(0, radius).join('') + ELLIPSIS + chars.slice(-radius).join(''), mark: false };
    }
    return part;
  });
}
