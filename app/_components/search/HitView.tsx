import type { SearchPairHit } from '@/lib/model';
import { pairAnchor, zhLang } from '@/app/_components/reader/lang';
import type { DocSummary } from '@/lib/store';
import { sentenceParts, type HitPart } from '@/lib/search/snippet';
import { getPathname } from '@/lib/i18n/navigation';
import type { AppLocale } from '@/lib/i18n/routing';

/**
 * Highlighted text as React nodes: the parts are text, so `<img onerror>` in a hit stays text. The
 * query's match is a plain mark; the words aligned with it on the other side are marked `linked`.
 */
function Marked({ parts }: { parts: HitPart[] }) {
  return parts.map((part, i) =>
    part.mark === 'match' ? (
      <mark key={i}>{part.text}</mark>
    ) : part.mark === 'linked' ? (
      <mark key={i} className="linked">
        {part.text}
      </mark>
    ) : (
      <span key={i}>{part.text}</span>
    ),
  );
}

export interface HitLabels {
  passage: (number: number) => string;
  open: string;
  more: (count: number) => string;
  onlyDoc: string;
}

/**
 * One search hit, as Linguee shows one (each sentence already its snippet, cut where the answer was
 * made: lib/search/snippet.ts): the matching sentence and the sentence aligned with it, the
 * query marked on its side and its aligned words on the other; the passage one click away.
 */
export function HitView({
  hit,
  doc,
  locale,
  labels,
  docHref,
}: {
  hit: SearchPairHit;
  doc: DocSummary | null;
  locale: AppLocale;
  labels: HitLabels;
  /** The same search within this hit's document, or undefined when it is already so narrowed. */
  docHref?: string;
}) {
  // A document navigation, not Link's client-side one: only a real fragment navigation marks the
  // pair (`.pair:target`).
  const href = getPathname({ locale, href: `/read/${hit.docId}#${pairAnchor(hit.pair)}` });
  const lang = doc ? zhLang(doc.meta.variant) : 'zh-Hans';
  const title = doc ? (locale === 'en' ? doc.meta.title.en : doc.meta.title.zh) : hit.docId;
  return (
    <li className="hit" data-doc={hit.docId} data-pair={hit.pair}>
      <p className="hit-source">
        <a href={href} className="hit-title" lang={doc && locale !== 'en' ? lang : undefined}>
          {title}
        </a>
        <span aria-hidden="true"> · </span>
        <span className="hit-passage">{labels.passage(hit.pair + 1)}</span>
      </p>
      {hit.sentences.map((s) => {
        const hasEnglish = s.en.text.trim() !== '';
        return (
          <div key={s.bead} className={hasEnglish ? 'hit-pair' : 'hit-pair hit-pair-solo'} data-bead={s.bead}>
            <p className="hit-zh" lang="zh-Hans">
              <Marked parts={sentenceParts(s.zh)} />
            </p>
            {hasEnglish ? (
              <p className="hit-en" lang="en">
                <Marked parts={sentenceParts(s.en)} />
              </p>
            ) : null}
          </div>
        );
      })}
      <p className="hit-open">
        <a href={href}>
          {labels.open} →<span className="sr-only"> {title}</span>
        </a>
        {hit.more > 0 ? <span className="hit-more"> · {labels.more(hit.more)}</span> : null}
        {docHref ? (
          <>
            <span aria-hidden="true"> · </span>
            <a href={docHref} className="hit-only-doc">
              {labels.onlyDoc}
            </a>
          </>
        ) : null}
      </p>
    </li>
  );
}
