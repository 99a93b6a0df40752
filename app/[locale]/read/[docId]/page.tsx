import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { AlignmentMap } from '@/app/_components/reader/AlignmentMap';
import { DocTitleZh } from '@/app/_components/reader/DocTitleZh';
import { GlossPopover } from '@/app/_components/reader/GlossPopover';
import { zhLang } from '@/app/_components/reader/lang';
import { Reader } from '@/app/_components/reader/Reader';
import { getDoc } from '@/lib/store';
import { getReaderDoc, titleScripts } from '@/lib/store/reader';
import { firstViewEnd } from '@/lib/reader/view';
import { DownloadLinks } from '@/app/_components/export/DownloadLinks';
import { DifficultyBars, estimatedLevels } from '@/app/_components/library/DifficultyBar';
import { DocDate } from '@/app/_components/library/DocDate';
import { HskStandardSync } from '@/app/_components/library/HskStandard';
import { Provenance } from '@/app/_components/library/Provenance';
import { clientMessages } from '@/lib/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';

const PLOT_MESSAGES = [
  'chinese',
  'english',
  'plotTitle',
  'plotDescription',
  'plotPair',
  'plotUnaligned',
  'plotHigh',
  'plotMedium',
  'plotLow',
  'plotUnalignedLegend',
  'plotLoading',
  'plotFailed',
] as const;

interface Props {
  params: Promise<{ docId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { docId } = await params;
  const locale = await getLocale();
  const doc = await getDoc(docId);
  if (!doc) return {};
  return {
    title: locale === 'en' ? doc.meta.title.en : doc.meta.title.zh,
    description: locale === 'en' ? doc.meta.title.zh : doc.meta.title.en,
  };
}

export default async function ReaderPage({ params }: Props) {
  const { docId } = await params;
  const locale = await getLocale();
  const doc = await getDoc(docId);
  if (!doc) notFound();

  const t = await getTranslations('Reader');
  const tx = await getTranslations('Export');
  const { meta, stats } = doc;
  const solo = doc.en.length === 0;
  const view = await getReaderDoc(meta.id);
  if (!view) notFound();
  const firstView = view.pairs.slice(0, firstViewEnd(doc));
  // What the reader and its popover read on the client, and nothing else of the catalogue: these
  // messages travel with the first view.
  const messages = await clientMessages({ ReaderAids: true, Gloss: true, Reader: ['linkCopied'] });
  // The alignment map's strings: it is drawn in the browser when "About this document" opens.
  const plotMessages = await clientMessages({ Reader: [...PLOT_MESSAGES] });
  const lang = zhLang(meta.variant);
  const estimated = await estimatedLevels(stats, locale);

  return (
    <article className="reader">
      <header className="doc-head">
        <p className="crumbs">
          <Link href="/">← {t('back')}</Link>
        </p>
        <h1>
          <DocTitleZh
            original={meta.title.zh}
            scripts={titleScripts(meta.title.zh)}
            variant={meta.variant}
            lang={lang}
          />
          <span className="title-en" lang="en">
            {meta.title.en}
          </span>
        </h1>
        <p className="doc-meta">
          <span lang={locale === 'en' ? 'en' : lang}>
            {locale === 'en' ? meta.publication.en : meta.publication.zh}
          </span>
          <span aria-hidden="true"> · </span>
          <DocDate date={meta.date} locale={locale} />
          <span aria-hidden="true"> · </span>
          <span>{lang === 'zh-Hant' ? t('traditional') : t('simplified')}</span>
          {estimated !== undefined ? (
            <>
              <span aria-hidden="true"> · </span>
              <span className="doc-level">{estimated}</span>
            </>
          ) : null}
        </p>
        {meta.translation ? null : <p className="notice">{t('noTranslationYet')}</p>}
        {/* Everything about the document folds away, so the first screen is the text itself (a
            native disclosure: keyboard, screen readers and find-in-page all know it). */}
        <HskStandardSync />
        <details className="doc-details">
          <summary>
            {t('aboutDocument')}
            <span className="doc-details-more">: {t('aboutDocumentMore')}</span>
          </summary>
          <div className="doc-details-body">
            <p className="doc-stats">
              {t('stats', {
                pairs: stats.pairs,
                characters: stats.characters,
                percent: Math.max(0, Math.min(1, stats.translated)),
              })}
            </p>
            {meta.translation ? <Provenance translation={meta.translation} locale={locale} long /> : null}
            <DifficultyBars stats={stats} locale={locale} detailed />
            <p className="hint">{t('hint')}</p>
            {solo ? null : (
              <DownloadLinks
                label={tx('title')}
                links={[
                  { href: `/api/export?format=tmx&doc=${meta.id}`, text: tx('tmx') },
                  { href: `/api/export?format=tsv&doc=${meta.id}`, text: tx('tsv') },
                ]}
              />
            )}
            {solo ? null : (
              <p className="correct-link">
                <Link href={`/import?doc=${meta.id}`}>{t('correctAlignment')}</Link>
              </p>
            )}
            {solo ? null : (
              <NextIntlClientProvider messages={plotMessages}>
                <AlignmentMap docId={meta.id} />
              </NextIntlClientProvider>
            )}
          </div>
        </details>
      </header>
      <NextIntlClientProvider messages={messages}>
        <Reader
          docId={meta.id}
          lang={lang}
          variant={meta.variant}
          solo={solo}
          initial={firstView}
          total={view.pairs.length}
          contents={view.contents}
        />
        <GlossPopover doc={{ id: meta.id, title: meta.title.zh }} />
      </NextIntlClientProvider>
    </article>
  );
}
