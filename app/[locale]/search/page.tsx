import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { HitView, type HitLabels } from '@/app/_components/search/HitView';
import { SearchForm } from '@/app/_components/search/SearchForm';
import type { SearchPairHit } from '@/lib/model';
import { QueryError } from '@/lib/search';
import { getDocSummary, getSearcher, isDocId, type DocSummary } from '@/lib/store';
import { checkSearchQuery, MAX_QUERY, type Refusal } from '@/lib/store/input';
import { sentenceHits } from '@/lib/store/search-hits';

const PAGE_SIZE = 20;
const MAX_PAGE = 500;

type SearchParams = Record<string, string | string[] | undefined>;

interface Props {
  searchParams: Promise<SearchParams>;
}

/** One value of a search parameter; a repeated parameter is refused like the API refuses it. */
function one(value: string | string[] | undefined): string | undefined | null {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : null;
  return value;
}

function pageNumber(raw: string | undefined | null): number {
  if (!raw || !/^\d{1,4}$/.test(raw)) return 1;
  return Math.min(MAX_PAGE, Math.max(1, Number(raw)));
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations('Search');
  const q = one((await searchParams).q);
  const checked = typeof q === 'string' ? checkSearchQuery(q) : null;
  return { title: checked?.ok ? t('metaTitle', { query: checked.value }) : t('title'), robots: { index: false } };
}

type Outcome =
  | { kind: 'start' }
  | { kind: 'refused'; reason: Refusal }
  | { kind: 'syntax'; message: string }
  | { kind: 'unavailable' }
  | {
      kind: 'results';
      query: string;
      total: number;
      hits: Array<{ hit: SearchPairHit; doc: DocSummary | null }>;
      page: number;
      /** The document the search is narrowed to (`?doc=`), when it names one. */
      within: DocSummary | null;
      /** A `?doc=` that names no document: the search ran over all of them, and the page says so. */
      unknownDoc: string | null;
    };

async function runSearch(sp: SearchParams): Promise<Outcome> {
  const raw = one(sp.q);
  if (raw === null) return { kind: 'refused', reason: 'repeated' };
  if (raw === undefined || raw.trim() === '') return { kind: 'start' };
  const checked = checkSearchQuery(raw);
  if (!checked.ok) return { kind: 'refused', reason: checked.reason };
  const page = pageNumber(one(sp.page));
  const docParam = one(sp.doc);
  try {
    const within = typeof docParam === 'string' && isDocId(docParam) ? await getDocSummary(docParam) : null;
    const unknownDoc = typeof docParam === 'string' && docParam !== '' && within === null ? docParam : null;
    const searcher = await getSearcher();
    const { total, hits } = await searcher.search(checked.value, {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      docId: within?.meta.id,
    });
    const shown = await sentenceHits(hits);
    const withDocs = await Promise.all(shown.map(async (hit) => ({ hit, doc: await getDocSummary(hit.docId) })));
    return { kind: 'results', query: checked.value, total, hits: withDocs, page, within, unknownDoc };
  } catch (error) {
    if (error instanceof QueryError) return { kind: 'syntax', message: error.message };
    console.error(error);
    return { kind: 'unavailable' };
  }
}

export default async function SearchPage({ searchParams }: Props) {
  const locale = await getLocale();
  const t = await getTranslations('Search');
  const outcome = await runSearch(await searchParams);
  const query = outcome.kind === 'results' ? outcome.query : undefined;
  const labels: HitLabels = {
    passage: (number) => t('passage', { number }),
    open: t('open'),
    more: (count) => t('more', { count }),
    onlyDoc: t('onlyDoc'),
  };
  const within = outcome.kind === 'results' ? outcome.within : null;
  const searchHref = (page: number, doc: string | undefined) =>
    `/${locale}/search?q=${encodeURIComponent(query ?? '')}${doc ? `&doc=${encodeURIComponent(doc)}` : ''}${page > 1 ? `&page=${page}` : ''}`;
  const pageHref = (page: number) => searchHref(page, within?.meta.id);

  return (
    <div className="search-page">
      <header className="page-head">
        <h1>{t('title')}</h1>
        <SearchForm
          locale={locale}
          id="search-q"
          className="search-main"
          label={t('label')}
          placeholder={t('placeholder')}
          submit={t('submit')}
          defaultValue={query}
          visibleLabel
        />
        <p className="hint">{t('help')}</p>
      </header>

      {outcome.kind === 'start' ? <p className="empty-state">{t('start')}</p> : null}
      {outcome.kind === 'refused' ? (
        <p className="empty-state error" role="alert">
          {outcome.reason === 'too-long' ? t('tooLong', { max: MAX_QUERY }) : t('malformed')}
        </p>
      ) : null}
      {outcome.kind === 'syntax' ? (
        <p className="empty-state error" role="alert">
          {t('syntax', { reason: outcome.message })}
        </p>
      ) : null}
      {outcome.kind === 'unavailable' ? (
        <p className="empty-state error" role="alert">
          {t('unavailable')}
        </p>
      ) : null}

      {outcome.kind === 'results' ? (
        <section aria-labelledby="results-count">
          <h2 id="results-count" className="results-count" data-total={outcome.total}>
            {t('count', { count: outcome.total, query: outcome.query })}
          </h2>
          {outcome.within ? (
            <p className="search-scope" data-doc={outcome.within.meta.id}>
              {t('inDoc', { title: locale === 'en' ? outcome.within.meta.title.en : outcome.within.meta.title.zh })}{' '}
              <a href={searchHref(1, undefined)}>{t('allDocs')}</a>
            </p>
          ) : null}
          {outcome.unknownDoc !== null ? (
            <p className="search-scope" role="status">
              {t('noSuchDoc', { doc: outcome.unknownDoc })}
            </p>
          ) : null}
          {outcome.total > 0 ? (
            <p className="hint search-legend">
              {t.rich('legend', {
                match: (chunks) => <mark>{chunks}</mark>,
                linked: (chunks) => <mark className="linked">{chunks}</mark>,
              })}
            </p>
          ) : null}
          {outcome.total === 0 ? (
            <div className="empty-state">
              <p>{t('empty', { query: outcome.query })}</p>
              <p className="hint">{t('emptyHint')}</p>
            </div>
          ) : (
            <>
              {outcome.total > PAGE_SIZE ? (
                <p className="range">
                  {t('range', {
                    from: (outcome.page - 1) * PAGE_SIZE + 1,
                    to: Math.min(outcome.total, outcome.page * PAGE_SIZE),
                    total: outcome.total,
                  })}
                </p>
              ) : null}
              <ol className="hits">
                {outcome.hits.map(({ hit, doc }) => (
                  <HitView
                    key={`${hit.docId}:${hit.pair}`}
                    hit={hit}
                    doc={doc}
                    locale={locale}
                    labels={labels}
                    docHref={within ? undefined : searchHref(1, hit.docId)}
                  />
                ))}
              </ol>
              <nav className="pager">
                {outcome.page > 1 ? (
                  <a href={pageHref(outcome.page - 1)} rel="prev">
                    ← {t('previous')}
                  </a>
                ) : null}
                {outcome.page * PAGE_SIZE < outcome.total ? (
                  <a href={pageHref(outcome.page + 1)} rel="next">
                    {t('next')} →
                  </a>
                ) : null}
              </nav>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
