import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { ImportEditor, type ExistingDoc } from '@/app/_components/import/ImportEditor';
import { zhLang } from '@/app/_components/reader/lang';
import { MAX_SIDE_BYTES } from '@/lib/import/wire';
import { blocksFingerprint } from '@/lib/pipeline/corrections';
import { writeAccess, writeSettings } from '@/lib/security/write-access';
import { clientMessages } from '@/lib/i18n/client-messages';
import { getDoc } from '@/lib/store';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Import');
  return { title: t('title'), robots: { index: false } };
}

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** A built document as the editor takes it: its blocks, its pairs, the fingerprints a correction carries. */
async function existing(id: string): Promise<ExistingDoc | null> {
  const doc = await getDoc(id);
  if (!doc) return null;
  return {
    id: doc.meta.id,
    title: doc.meta.title.zh,
    lang: zhLang(doc.meta.variant),
    zh: doc.zh.map((b) => ({
      kind: b.kind,
      text: b.original,
      ...(b.simplified !== b.original ? { simplified: b.simplified } : {}),
      sentences: b.sentences.map((s) => s.original),
    })),
    en: doc.en.map((b) => ({ kind: b.kind, text: b.text, sentences: b.sentences })),
    pairs: doc.pairs.map((p) => ({ zh: p.zh, en: p.en, confidence: p.confidence, sentences: p.sentences })),
    fingerprints: {
      zh: blocksFingerprint(doc.zh.map((b) => b.text)),
      en: blocksFingerprint(doc.en.map((b) => b.text)),
    },
  };
}

/**
 * `/import`: a new document from pasted or uploaded text; `/import?doc=<id>`: an existing
 * document's alignment, for correction. Whether this browser may write is decided here as the API
 * decides it (lib/security/write-access.ts; a navigation is judged by where it comes from, not by
 * the site that linked to it), and the page says so instead of failing at the first click.
 */
export default async function ImportPage({ searchParams }: Props) {
  const locale = await getLocale();
  const t = await getTranslations('Import');
  const sp = await searchParams;
  const docParam = sp.doc;
  if (Array.isArray(docParam)) notFound();
  const doc = docParam === undefined ? null : await existing(docParam);
  if (docParam !== undefined && !doc) notFound();

  const requestHeaders = new Headers(await headers());
  // A link from another site may open this page; only the API's writes must be same-origin.
  requestHeaders.delete('sec-fetch-site');
  requestHeaders.delete('origin');
  const access = writeAccess(requestHeaders, writeSettings());
  const messages = await clientMessages({ Import: true, ImportErrors: true });

  return (
    <div className="import-page">
      <header className="page-head">
        <h1>{doc ? t('correctTitle') : t('title')}</h1>
        <p className="lede">{doc ? t('correctIntro', { title: doc.title }) : t('intro')}</p>
      </header>
      <NextIntlClientProvider messages={messages}>
        <ImportEditor
          locale={locale}
          existing={doc}
          access={
            access.ok
              ? { writable: true }
              : { writable: false, reason: access.message, tokenAccepted: Boolean(writeSettings().token) }
          }
          limitBytes={MAX_SIDE_BYTES}
        />
      </NextIntlClientProvider>
    </div>
  );
}
