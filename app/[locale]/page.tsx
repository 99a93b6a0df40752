import { getLocale, getTranslations } from 'next-intl/server';
import { DocCard } from '@/app/_components/library/DocCard';
import { HskStandardSync } from '@/app/_components/library/HskStandard';
import { KnownCount } from '@/app/_components/library/KnownShare';
import { listDocs } from '@/lib/store';
import { DownloadLinks } from '@/app/_components/export/DownloadLinks';

export default async function LibraryPage() {
  const locale = await getLocale();
  const t = await getTranslations('Library');
  const tx = await getTranslations('Export');
  const docs = await listDocs();
  return (
    <div className="library">
      <header className="page-head">
        <h1>{t('title')}</h1>
        <p className="lede">{t('intro')}</p>
        <p className="count">{t('count', { count: docs.length })}</p>
        <div className="library-learner">
          <KnownCount label={t('knownCount', { count: '{count}' })} />
          <HskStandardSync labels={{ legend: t('gradeBy'), options: { hsk2: t('hsk2'), hsk3: t('hsk3') } }} />
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
  );
}
