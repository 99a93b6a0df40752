import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/routing';
import type { DocSummary } from '@/lib/store';
import { zhLang } from '@/app/_components/reader/lang';
import { DifficultyBars } from './DifficultyBar';
import { DocDate } from './DocDate';
import { KnownShare } from './KnownShare';
import { Provenance } from './Provenance';
import { Link } from '@/lib/i18n/navigation';

/** One document of the library: both titles, where and when it appeared, how much is translated. */
export async function DocCard({ doc, locale }: { doc: DocSummary; locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: 'Library' });
  const { meta, stats } = doc;
  const href = `/read/${meta.id}`;
  const translated = Math.max(0, Math.min(1, stats.translated));
  const publication = locale === 'en' ? meta.publication.en : meta.publication.zh;
  return (
    <li className="doc-card">
      <h2 className="doc-title">
        <Link href={href} lang={zhLang(meta.variant)} className="doc-title-zh">
          {meta.title.zh}
        </Link>
        <span className="doc-title-en" lang="en">
          {meta.title.en}
        </span>
      </h2>
      <p className="doc-meta">
        <span lang={locale === 'en' ? 'en' : zhLang(meta.variant)}>{publication}</span>
        <span aria-hidden="true"> · </span>
        <DocDate date={meta.date} locale={locale} />
        <span aria-hidden="true"> · </span>
        <span>{t('length', { count: stats.characters })}</span>
      </p>
      <div className="translated">
        <span className="bar" aria-hidden="true">
          <span className="bar-fill" style={{ width: `${(translated * 100).toFixed(1)}%` }} />
        </span>
        <span className="translated-label">
          {translated > 0 ? t('translated', { percent: translated }) : t('untranslated')}
        </span>
      </div>
      <DifficultyBars stats={stats} locale={locale} />
      <KnownShare docId={meta.id} />
      {meta.translation ? <Provenance translation={meta.translation} locale={locale} /> : null}
      <p className="doc-actions">
        <Link href={href} className="button-link">
          {t('read')}
          <span className="sr-only">: {meta.title.zh}</span>
        </Link>
      </p>
    </li>
  );
}
