import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { zhLang } from '@/app/_components/reader/lang';
import { VocabularyList, type VocabularyDoc } from '@/app/_components/vocabulary/VocabularyList';
import { KnownWordsTransfer } from '@/app/_components/vocabulary/KnownWordsTransfer';
import { ReviewPanel } from '@/app/_components/vocabulary/ReviewPanel';
import { listDocs } from '@/lib/store';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Vocabulary');
  return { title: t('title') };
}

/**
 * The learner's saved words. The list itself lives in the browser (localStorage), so this page is
 * static: it hands the client component its strings and, for each document of the build, the
 * script of its Chinese and its title in the UI language.
 */
export default async function VocabularyPage() {
  const locale = await getLocale();
  const t = await getTranslations('Vocabulary');
  const docs: VocabularyDoc[] = (await listDocs()).map(({ meta }) => ({
    id: meta.id,
    lang: zhLang(meta.variant),
    title: locale === 'en' ? meta.title.en : meta.title.zh,
  }));
  return (
    <div className="vocabulary-page">
      <header className="page-head">
        <h1>{t('title')}</h1>
        <p className="lede">{t('intro')}</p>
      </header>
      <ReviewPanel
        locale={locale}
        docs={docs}
        labels={{
          title: t('reviewTitle'),
          dueNew: t('reviewDueNew', { count: '{count}' }),
          dueReview: t('reviewDueReview', { count: '{count}' }),
          start: t('reviewStart'),
          nothingDue: t('reviewNothingDue'),
          reveal: t('reviewReveal'),
          progress: t('reviewProgress', { n: '{n}', total: '{total}' }),
          grades: { again: t('gradeAgain'), hard: t('gradeHard'), good: t('gradeGood'), easy: t('gradeEasy') },
          units: {
            minute: t('unitMinute', { value: '{value}' }),
            hour: t('unitHour', { value: '{value}' }),
            day: t('unitDay', { value: '{value}' }),
            month: t('unitMonth', { value: '{value}' }),
            year: t('unitYear', { value: '{value}' }),
          },
          done: t('reviewDone'),
          reviewed: t('reviewReviewed', { count: '{count}' }),
          close: t('reviewClose'),
          source: t('source'),
          noTranslation: t('noTranslation'),
          keys: t('reviewKeys'),
          failed: t('storageError'),
        }}
      />
      <VocabularyList
        locale={locale}
        docs={docs}
        labels={{
          listLabel: t('listLabel'),
          filter: t('filter'),
          filterPlaceholder: t('filterPlaceholder'),
          sort: t('sort'),
          orders: { newest: t('sortNewest'), document: t('sortDocument'), pinyin: t('sortPinyin') },
          total: t.raw('total') as string,
          shown: t.raw('shown') as string,
          export: t('export'),
          exportCsv: t('exportCsv'),
          exportTsv: t('exportTsv'),
          exportHint: t('exportHint'),
          remove: t('remove'),
          removeLabel: t.raw('removeLabel') as string,
          clearAll: t('clearAll'),
          clearConfirm: t('clearConfirm'),
          clearYes: t('clearYes'),
          cancel: t('cancel'),
          emptyTitle: t('emptyTitle'),
          emptyHow: t('emptyHow'),
          emptyLibrary: t('emptyLibrary'),
          noMatch: t('noMatch'),
          source: t('source'),
          passage: t.raw('passage') as string,
          noTranslation: t('noTranslation'),
          storageError: t('storageError'),
          loading: t('loading'),
        }}
      />
      <KnownWordsTransfer
        labels={{
          title: t('knownTitle'),
          summary: t('knownSummary', { known: '{known}', total: '{total}' }),
          none: t('knownNone'),
          export: t('knownExport'),
          import: t('knownImport'),
          imported: t('knownImported', { count: '{count}' }),
          importFailed: t('knownImportFailed'),
        }}
      />
    </div>
  );
}
