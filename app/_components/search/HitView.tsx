import type { Part, SearchHit } from '@/lib/search';
import { pairAnchor, zhLang } from '@/app/_components/reader/lang';
import type { DocSummary } from '@/lib/store';
import { excerpt } from './excerpt';
import { getPathname } from '@/lib/i18n/navigation';
import type { AppLocale } from '@/lib/i18n/routing';

/** Context kept around the marks, in code points: about two lines of each language. */
const ZH_CONTEXT = 60;
const EN_CONTEXT = 160;

/** Highlighted text as React nodes: the parts are text, so `<img onerror>` in a hit stays text. */
function Marked({ parts }: { parts: Part[] }) {
  return parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>));
}

export interface HitLabels {
  passage: (number: number) => string;
  open: string;
}

/** One search hit: the pair with the term marked, its document and a link to it in the reader. */
export function HitView({
  hit,
  doc,
  locale,
  labels,
}: {
  hit: SearchHit;
  doc: DocSummary | null;
  locale: AppLocale;
  labels: HitLabels;
}) {
  // A document navigation, not Link's client-side one: only a real fragment navigation marks the
  // pair (`.pair:target`).
  const href = getPathname({ locale, href: `/read/${hit.docId}#${pairAnchor(hit.pair)}` });
  const lang = doc ? zhLang(doc.meta.variant) : 'zh-Hans';
  const title = doc ? (locale === 'en' ? doc.meta.title.en : doc.meta.title.zh) : hit.docId;
  const hasEnglish = hit.en.trim() !== '';
  return (
    <li className="hit">
      <p className="hit-source">
        <a href={href} className="hit-title" lang={doc && locale !== 'en' ? lang : undefined}>
          {title}
        </a>
        <span aria-hidden="true"> · </span>
        <span className="hit-passage">{labels.passage(hit.pair + 1)}</span>
      </p>
      <div className={hasEnglish ? 'hit-pair' : 'hit-pair hit-pair-solo'}>
        <p className="hit-zh" lang="zh-Hans">
          <Marked parts={excerpt(hit.zhParts, ZH_CONTEXT)} />
        </p>
        {hasEnglish ? (
          <p className="hit-en" lang="en">
            <Marked parts={excerpt(hit.enParts, EN_CONTEXT)} />
          </p>
        ) : null}
      </div>
      <p className="hit-open">
        <a href={href}>
          {labels.open} →<span className="sr-only"> {title}</span>
        </a>
      </p>
    </li>
  );
}
