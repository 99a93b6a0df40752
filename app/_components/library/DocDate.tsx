import { getFormatter } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/routing';

/**
 * A document's publication date at the precision it was given: "20 May 2026" for YYYY-MM-DD,
 * "December 2024" for YYYY-MM (a day the source never gave is not invented).
 */
export async function DocDate({ date, locale }: { date: string; locale: AppLocale }) {
  const format = await getFormatter({ locale });
  const monthOnly = /^\d{4}-\d{2}$/.test(date);
  const parsed = new Date(`${monthOnly ? `${date}-01` : date}T00:00:00Z`);
  const text = Number.isNaN(parsed.getTime())
    ? date
    : format.dateTime(
        parsed,
        monthOnly ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' },
      );
  return <time dateTime={date}>{text}</time>;
}
