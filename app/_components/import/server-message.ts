import { useTranslations } from 'next-intl';
import type { Dropped } from '@/lib/model';
import { isImportErrorDetail, type ImportErrorDetail } from '@/lib/import/error-detail';

/**
 * The import API's refusals in the page's language: an answer with a code (lib/import/error-detail.ts)
 * is said from the `ImportErrors` messages; one without (a message no page control can cause) is
 * shown as the server wrote it, under "The server refused".
 */
export function useServerMessage(): (
  answer: { error?: string } & Partial<ImportErrorDetail>,
  status: number,
) => string {
  const t = useTranslations('Import');
  const said = useTranslations('ImportErrors');
  return (answer, status) => {
    const detail = { code: answer.code, params: answer.params };
    if (isImportErrorDetail(detail)) return said(detail.code, detail.params);
    return t('errorStatus', { message: answer.error ?? String(status) });
  };
}

/** Why the cleaner dropped a line, as the page names it; every reason has its message. */
const DROP_REASON_KEYS = {
  'page-furniture': 'dropPageFurniture',
  'page-number': 'dropPageNumber',
  'running-header': 'dropRunningHeader',
  credit: 'dropCredit',
  'continuation-note': 'dropContinuationNote',
  rule: 'dropRule',
  'control-char': 'dropControlChar',
  'pull-quote': 'dropPullQuote',
  label: 'dropLabel',
  banner: 'dropBanner',
  marker: 'dropMarker',
  'source-note': 'dropSourceNote',
} as const satisfies Record<Dropped['reason'], string>;

export function useDropReason(): (reason: Dropped['reason']) => string {
  const t = useTranslations('Import');
  return (reason) => t(DROP_REASON_KEYS[reason]);
}
