/**
 * Browsers say `zh-TW`, `zh-HK`, `zh-CN` or plain `zh`; our locales are `zh-Hant` and `zh-Hans`.
 * next-intl's matcher maps most of these, but not all (`zh-HK,zh;q=0.9` resolves to zh-Hans), so
 * the proxy rewrites Chinese tags to their script before next-intl negotiates. Other tags and
 * q-values pass through untouched.
 */
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/** The script a Chinese language tag implies, or null when the tag is not Chinese. */
export function chineseScriptOf(tag: string): 'zh-Hans' | 'zh-Hant' | null {
  const subtags = tag.trim().toLowerCase().split(/[-_]/);
  if (subtags[0] !== 'zh') return null;
  if (subtags.includes('hant')) return 'zh-Hant';
  if (subtags.includes('hans')) return 'zh-Hans';
  if (subtags.some((s) => TRADITIONAL_REGIONS.has(s))) return 'zh-Hant';
  return 'zh-Hans';
}

/**
 * Rewrites an Accept-Language header so that every Chinese range names its script. When a header
 * mentions a traditional region before any simplified one, a bare `zh` that follows is read as
 * traditional too (`zh-HK,zh;q=0.9` is a Hong Kong reader).
 */
export function normaliseAcceptLanguage(header: string): string {
  if (header.length > 1000) return '';
  let firstChinese: 'zh-Hans' | 'zh-Hant' | null = null;
  return header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.split(';');
      const subtags = tag.trim().toLowerCase().split(/[-_]/);
      const script = chineseScriptOf(tag);
      if (script === null) return part.trim();
      const resolved = subtags.length === 1 && firstChinese !== null ? firstChinese : script;
      firstChinese ??= resolved;
      return [resolved, ...params.map((p) => p.trim())].join(';');
    })
    .join(',');
}
