import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { DocCard } from '@/app/_components/library/DocCard';
import { HskStandardChoice } from '@/app/_components/library/HskStandard';
import { KnownCount } from '@/app/_components/library/KnownShare';
import { clientMessages } from '@/lib/i18n/client-messages';
import { listDocs } from '@/lib/store';
import { DownloadLinks } from '@/app/_components/export/DownloadLinks';

export default async function LibraryPage() {
  const locale = await getLocale();
  const t = await getTranslations('Library');
  const tx = await getTranslations('Export');
  const docs = await listDocs();
  // The learner's share and count and the HSK choice are client components: their strings only.
  const messages = await clientMessages({ Library: ['knownShare', 'knownCount', 'gradeBy', 'hsk2', 'hsk3'] });
  return (
    <NextIntlClientProvider messages={messages}>
      <div className="library">
        <header className="page-head">
          <h1>{t('title')}</h1>
          <p className="lede">{t('intro')}</p>
          <p className="count">{t('count', { count: docs.length })}</p>
          <div className="library-learner">
            <KnownCount />
            <HskStandardChoice />
          </div>
          <DownloadLinks
            label={tx('title')}
            links={[
              { href: '/api/export?format=tmx', text: tx('corpusTmx') },
              { href: '/api/export?format=tsv', text: tx('tsv') },
            ]}
          />
        </header>
        <ul className="doc-list">
          {docs.map((doc) => (
            <DocCard key={doc.meta.id} doc={doc} locale={locale} />
          ))}
        </ul>
      </div>
    </NextIntlClientProvider>
  );
}
