import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { GlossaryTable } from '@/app/_components/term/GlossaryTable';
import { getGlossary, getManifest } from '@/lib/store';
import { DownloadLinks } from '@/app/_components/export/DownloadLinks';

/** Below this share of its occurrences, a term's dominant rendering marks the term inconsistent. */
const INCONSISTENT_BELOW = 0.6;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Glossary');
  return { title: t('title') };
}

export default async function GlossaryPage() {
  const t = await getTranslations('Glossary');
  const [entries, manifest] = await Promise.all([getGlossary(), getManifest()]);
  const sample = manifest.glossarySample;
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
      <GlossaryTable
        entries={entries}
        threshold={INCONSISTENT_BELOW}
        labels={{
          filter: t('filter'),
          filterPlaceholder: t('filterPlaceholder'),
          onlyInconsistent: t('onlyInconsistent'),
          term: t('term'),
          pinyin: t('pinyin'),
          frequency: t('frequency'),
          rendering: t('rendering'),
          variants: t('variants'),
          inconsistent: t('inconsistent'),
          none: t('none'),
          empty: t('empty'),
          count: t.raw('count') as string,
        }}
      />
    </div>
  );
}
