'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { excerpt } from '@/lib/search/snippet';
import { sortKwic, type KwicLine, type KwicOrder } from '@/lib/concordance/kwic';
import { getPathname } from '@/lib/i18n/navigation';

/** English kept around the marked rendering, in code points (a paragraph can run to a page). */
const EN_CONTEXT = 110;

/** Each order's name in messages (Term.sort…). */
const ORDER_KEY = { corpus: 'sortCorpus', left: 'sortLeft', right: 'sortRight' } as const satisfies Record<
  KwicOrder,
  string
>;

/** The first `n` code points of a text, with an ellipsis when it was longer. */
function clip(text: string, n: number): string {
  const chars = [...text];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : text;
}

/**
 * Keyword-in-context lines, sortable by the context on either side. Every line links to its pair
 * in the reader. Text only: a hit holding markup shows it as text.
 */
export function Concordance({
  lines,
  lang,
  anchors = false,
}: {
  lines: KwicLine[];
  lang: string;
  /** Give each line an id (`kwic-line-N`), for the one concordance of a page that "show more" links into. */ anchors?: boolean;
}) {
  const t = useTranslations('Term');
  const locale = useLocale();
  const [order, setOrder] = useState<KwicOrder>('corpus');
  const sorted = sortKwic(lines, order);
  return (
    <div className="kwic">
      {lines.length > 1 ? (
        <div className="kwic-sort" role="group" aria-label={t('sortBy')}>
          <span aria-hidden="true">{t('sortBy')}</span>
          {(['corpus', 'left', 'right'] as const).map((o) => (
            <button key={o} type="button" aria-pressed={order === o} onClick={() => setOrder(o)} data-order={o}>
              {t(ORDER_KEY[o])}
            </button>
          ))}
        </div>
      ) : null}
      <ol className="kwic-lines">
        {sorted.map((line) => (
          <li
            key={line.index}
            id={anchors ? `kwic-line-${line.index}` : undefined}
            className="kwic-line"
            data-occurrence={line.index}
          >
            {/* A document navigation, not Link's client-side one: only a real fragment navigation marks the pair (:target). */}
            <a
              className="kwic-zh"
              lang={lang}
              href={getPathname({ locale, href: `/read/${line.docId}#p-${line.pair + 1}` })}
              title={t('open')}
            >
              {/* Right-to-left box, left-to-right text: a long context is clipped on its far side. */}
              <span className="kwic-left">
                <bdi>
                  {line.leftCut ? '…' : ''}
                  {line.left}
                </bdi>
              </span>
              <mark className="kwic-match">{line.match}</mark>
              <span className="kwic-right">
                {line.right}
                {line.rightCut ? '…' : ''}
              </span>
            </a>
            <p className="kwic-en" lang="en">
              {(line.rendering === null
                ? [{ text: clip(line.en.map((p) => p.text).join(''), EN_CONTEXT * 2), mark: false }]
                : excerpt(line.en, EN_CONTEXT, 'en')
              ).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
              {line.rendering === null ? <span className="kwic-none"> ({t('noRendering')})</span> : null}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
