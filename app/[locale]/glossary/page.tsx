import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { GlossaryTable } from '@/app/_components/term/GlossaryTable';
import { clientMessages } from '@/lib/i18n/client-messages';
import { getGlossary, getManifest } from '@/lib/store';
import { DownloadLinks } from '@/app/_components/export/DownloadLinks';
import { INCONSISTENT_BELOW } from '@/lib/terms/consistency';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Glossary');
  return { title: t('title') };
}

export default async function GlossaryPage() {
  const t = await getTranslations('Glossary');
  const [entries, manifest] = await Promise.all([getGlossary(), getManifest()]);
  const sample = manifest.glossarySample;
  // The table's strings: the controls, the headings, the count.
  const messages = await clientMessages({
    Glossary: [
      'filter',
      'filterPlaceholder',
      'onlyInconsistent',
      'term',
      'pinyin',
      'frequency',
      'rendering',
      'variants',
      'inconsistent',
      'within',
      'none',
      'empty',
      'count',
    ],
  });
  return (
    <div className="glossary-page">
      <header className="page-head">
        <h1>{t('title')}</h1>
        <p className="intro">{t('intro', { threshold: INCONSISTENT_BELOW })}</p>
        {sample && (
          <p className="intro" data-testid="glossary-sample">
            {t('sample', { documents: sample.documents, of: sample.of })}
          </p>
        )}
        <DownloadLinks
          label={t('download')}
          links={[
            { href: '/api/export?format=tbx', text: t('tbx') },
            { href: '/api/export?format=csv', text: t('csv') },
          ]}
        />
      </header>
      <NextIntlClientProvider messages={messages}>
        <GlossaryTable entries={entries} threshold={INCONSISTENT_BELOW} />
      </NextIntlClientProvider>
    </div>
  );
}
