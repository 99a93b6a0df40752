import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { zhLang } from '@/app/_components/reader/lang';
import { VocabularyList, type VocabularyDoc } from '@/app/_components/vocabulary/VocabularyList';
import { KnownWordsTransfer } from '@/app/_components/vocabulary/KnownWordsTransfer';
import { ReviewPanel } from '@/app/_components/vocabulary/ReviewPanel';
import { clientMessages } from '@/lib/i18n/client-messages';
import { listDocs } from '@/lib/store';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Vocabulary');
  return { title: t('title') };
}

/**
 * The learner's saved words. The list itself lives in the browser (localStorage), so this page is
 * static: it hands the client components the Vocabulary messages and, for each document of the
 * build, the script of its Chinese and its title in the UI language.
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
      <NextIntlClientProvider messages={await clientMessages({ Vocabulary: true })}>
        <ReviewPanel locale={locale} docs={docs} />
        <VocabularyList locale={locale} docs={docs} />
        <KnownWordsTransfer />
      </NextIntlClientProvider>
    </div>
  );
}
