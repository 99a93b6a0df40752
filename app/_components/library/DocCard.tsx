import { getFormatter, getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/routing';
import type { DocSummary } from '@/lib/store';
import { zhLang } from '@/app/_components/reader/lang';
import { DifficultyBar, difficultyLabels } from './DifficultyBar';

/** One document of the library: both titles, where and when it appeared, how much is translated. */
export async function DocCard({ doc, locale }: { doc: DocSummary; locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: 'Library' });
  const format = await getFormatter({ locale });
  const { meta, stats } = doc;
  const href = `/${locale}/read/${meta.id}`;
  const translated = Math.max(0, Math.min(1, stats.translated));
  const date = new Date(`${meta.date}T00:00:00Z`);
  const publication = locale === 'en' ? meta.publication.en : meta.publication.zh;
  return (
    <li className="doc-card">
      <h2 className="doc-title">
        <a href={href} lang={zhLang(meta.variant)} className="doc-title-zh">
          {meta.title.zh}
        </a>
        <span className="doc-title-en" lang="en">
          {meta.title.en}
        </span>
      </h2>
      <p className="doc-meta">
        <span lang={locale === 'en' ? 'en' : zhLang(meta.variant)}>{publication}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={meta.date}>{Number.isNaN(date.getTime()) ? meta.date : format.dateTime(date, { dateStyle: 'long' })}</time>
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
      {stats.difficulty ? <DifficultyBar difficulty={stats.difficulty} labels={await difficultyLabels(locale)} /> : null}
      {meta.translation ? (
        <p className="provenance">
          {meta.translation.translator ? t('translatedBy', { translator: meta.translation.translator }) : t('translatorNotNamed')}{' '}
          <span lang="en">{meta.translation.note}</span>
        </p>
      ) : null}
      <p className="doc-actions">
        <a href={href} className="button-link">
          {t('read')}
          <span className="sr-only">: {meta.title.zh}</span>
        </a>
      </p>
    </li>
  );
}
