import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { Concordance } from '@/app/_components/term/Concordance';
import { OccurrenceChart } from '@/app/_components/term/OccurrenceChart';
import { zhLang } from '@/app/_components/reader/lang';
import { getTermView, TERM_PAGE_LINES, TERM_PAGE_MAX_LINES, termPageLines } from '@/lib/store/terms';
import { checkTerm } from '@/lib/store/input';
import { clientMessages } from '@/lib/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';

/**
 * Longer terms listed under "Inside longer terms", and lines shown for each: their own pages have
 * every line, and a common word (合作 sits inside dozens of glossary terms) would otherwise make
 * the page a megabyte.
 */
const WITHIN_TERMS_SHOWN = 8;
const WITHIN_LINES = 10;

interface Props {
  params: Promise<{ term: string }>;
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
}

/** The path segment as the user typed it; a malformed escape is left for checkTerm to refuse. */
function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { term } = await params;
  const locale = await getLocale();
  const checked = checkTerm(segment(term));
  if (!checked.ok) return { robots: { index: false } };
  const t = await getTranslations({ locale, namespace: 'Term' });
  return { title: t('metaTitle', { term: checked.value }) };
}

export default async function TermPage({ params, searchParams }: Props) {
  const { term: rawTerm } = await params;
  const locale = await getLocale();
  const maxLines = termPageLines((await searchParams)?.lines);
  const t = await getTranslations('Term');
  const checked = checkTerm(segment(rawTerm));
  if (!checked.ok) {
    return (
      <div className="term-page">
        <p className="empty-state error" role="alert">
          {t('refused', { reason: checked.message })}
        </p>
      </div>
    );
  }
  const view = await getTermView(checked.value, maxLines);
  // The concordances' strings: sorting, the link to the reader, a line without a rendering.
  const messages = await clientMessages({
    Term: ['sortBy', 'sortCorpus', 'sortLeft', 'sortRight', 'open', 'noRendering'],
  });
  const { report } = view;
  const total = report.occurrences.length;
  const title = (meta: (typeof view.docs)[number]['meta']) => (locale === 'en' ? meta.title.en : meta.title.zh);

  return (
    <NextIntlClientProvider messages={messages}>
      <div className="term-page">
        <header className="term-head">
          <h1 lang="zh-Hans" className="term-title">
            {view.term}
          </h1>
          {view.traditional.length > 0 ? (
            <span className="term-trad" lang="zh-Hant">
              {view.traditional.join(' / ')}
            </span>
          ) : null}
          {view.pinyin ? <span className="term-pinyin">{view.pinyin}</span> : null}
          {view.hsk ? <span className="badge term-hsk">{t('hsk', { level: view.hsk })}</span> : null}
          <p className="term-stats" data-occurrences={total}>
            {t('frequency', { count: total, docs: view.docs.length })}
            {' · '}
            <Link href={`/search?q=${encodeURIComponent(view.term)}`}>{t('searchAll')}</Link>
          </p>
        </header>

        <section className="term-dict" aria-labelledby="dict-title">
          <h2 id="dict-title">{t('dictionary')}</h2>
          {view.entries.length === 0 ? (
            <p className="hint">{t('notInDictionary')}</p>
          ) : (
            view.entries.map((entry, i) => (
              <div className="dict-entry" key={i}>
                <p className="dict-head">
                  <span lang="zh-Hans">{entry.simplified}</span>
                  {entry.traditional !== entry.simplified ? (
                    <span lang="zh-Hant"> [{entry.traditional}]</span>
                  ) : null}{' '}
                  <span className="term-pinyin">{entry.pinyin}</span>
                </p>
                <ol className="dict-senses" lang="en">
                  {entry.senses.map((sense, k) => (
                    <li key={k}>{sense}</li>
                  ))}
                </ol>
              </div>
            ))
          )}
        </section>

        {total === 0 ? (
          <p className="empty-state">{t('noOccurrences')}</p>
        ) : (
          <>
            <section className="term-renderings" aria-labelledby="renderings-title">
              <h2 id="renderings-title">{t('renderings')}</h2>
              <p className="hint">{t('renderingsHint')}</p>
              <ul className="renderings">
                {report.renderings.map((r) => (
                  <li key={r.key} className="rendering" data-rendering={r.key}>
                    <details>
                      <summary>
                        <span className="rendering-text" lang="en">
                          {r.text}
                        </span>
                        <span className="rendering-bar" aria-hidden="true">
                          <span style={{ width: `${Math.round(r.share * 100)}%` }} />
                        </span>
                        <span className="rendering-count">{t('share', { count: r.count, share: r.share })}</span>
                      </summary>
                      <Concordance lines={view.linesFor(r.occurrences)} lang="zh-Hans" />
                      {r.occurrences.length > maxLines ? (
                        <p className="hint">
                          {t('more', { shown: maxLines, total: r.occurrences.length })}{' '}
                          <Link href={`/search?q=${encodeURIComponent(view.term)}`}>{t('searchAll')}</Link>
                        </p>
                      ) : null}
                    </details>
                  </li>
                ))}
              </ul>
              {report.unrendered > 0 ? <p className="hint">{t('unrendered', { count: report.unrendered })}</p> : null}
            </section>

            {report.within.length > 0 ? (
              <section className="term-within" aria-labelledby="within-title" data-testid="term-within">
                <h2 id="within-title">{t('withinTitle')}</h2>
                <p className="hint">{t('withinHint')}</p>
                <ul className="renderings">
                  {report.within.slice(0, WITHIN_TERMS_SHOWN).map((w) => (
                    <li key={w.term} className="rendering" data-within={w.term}>
                      <details>
                        <summary>
                          <span className="rendering-text" lang="zh-Hans">
                            {w.term}
                          </span>
                          <span className="rendering-bar" aria-hidden="true">
                            <span style={{ width: `${Math.round((w.count / total) * 100)}%` }} />
                          </span>
                          <span className="rendering-count">{t('withinCount', { count: w.count })}</span>
                        </summary>
                        <p className="hint">
                          <Link href={`/term/${encodeURIComponent(w.term)}`}>{t('withinOpen', { term: w.term })}</Link>
                        </p>
                        <Concordance lines={view.linesFor(w.occurrences.slice(0, WITHIN_LINES))} lang="zh-Hans" />
                      </details>
                    </li>
                  ))}
                </ul>
                {report.within.length > WITHIN_TERMS_SHOWN ? (
                  <p className="hint">
                    {t('withinMore', {
                      terms: report.within.length - WITHIN_TERMS_SHOWN,
                      count: report.within.slice(WITHIN_TERMS_SHOWN).reduce((n, w) => n + w.count, 0),
                    })}
                  </p>
                ) : null}
              </section>
            ) : null}

            <OccurrenceChart
              docs={view.docs.map((d) => ({
                docId: d.meta.id,
                title: title(d.meta),
                lang: locale === 'en' ? undefined : zhLang(d.meta.variant),
                pairs: d.pairs,
                at: d.at,
              }))}
              labels={{
                title: t('chartTitle'),
                description: t('chartDescription'),
                count: (count) => t('chartCount', { count }),
                mark: (number) => t('chartMark', { number }),
              }}
            />

            {view.longer.length > 0 ? (
              <section className="term-longer" aria-labelledby="longer-title">
                <h2 id="longer-title">{t('longer')}</h2>
                <ul className="chips" lang="zh-Hans">
                  {view.longer.map((w) => (
                    <li key={w}>
                      <Link href={`/term/${encodeURIComponent(w)}`}>{w}</Link>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}

            <section className="term-kwic" aria-labelledby="kwic-title">
              <h2 id="kwic-title">{t('concordance')}</h2>
              <p className="hint">
                {t('concordanceHint')}
                {view.lines.length < total ? ` ${t('more', { shown: view.lines.length, total })}` : ''}
              </p>
              <Concordance lines={view.lines} lang="zh-Hans" anchors />
              {view.lines.length < total ? (
                <p className="kwic-more" id="kwic-more">
                  {view.lines.length < TERM_PAGE_MAX_LINES ? (
                    // A link, not a script: the page with more lines is one the reader can share or reopen.
                    <Link
                      className="button-link"
                      href={`/term/${encodeURIComponent(view.term)}?lines=${view.lines.length + TERM_PAGE_LINES}#kwic-line-${view.lines.length}`}
                    >
                      {t('showMore', { count: Math.min(TERM_PAGE_LINES, total - view.lines.length) })}
                    </Link>
                  ) : null}{' '}
                  <Link href={`/search?q=${encodeURIComponent(view.term)}`}>{t('searchAll')}</Link>
                </p>
              ) : null}
            </section>
          </>
        )}
      </div>
    </NextIntlClientProvider>
  );
}
