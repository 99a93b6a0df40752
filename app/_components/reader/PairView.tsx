import { useLocale, useTranslations } from 'next-intl';
import { memo, useMemo } from 'react';
import type { ViewPair } from '@/lib/reader/view';
import { EnBlockView, ZhBlockView } from './BlockView';
import { pairAnchor } from './lang';
import type { WordStyle } from './ZhWord';

/** The dashed stand-in for the side a pair lacks. */
function MissingSide({ label }: { label: string }) {
  return (
    <div className="cell cell-missing">
      <span className="missing-label">{label}</span>
    </div>
  );
}

/**
 * One aligned pair: Chinese then English, in a grid row (stacked on a phone). `id="p-N"` makes
 * `#p-N` a deep link. Buttons carry `data-action` and are handled by the reader (one listener for
 * the page), so this stays a pure function of its props and is redrawn only when they change.
 */
export const PairView = memo(function PairView({
  pair,
  style,
  glosses,
  lang,
  solo,
  revealed,
  current,
  speaking,
  canSpeak,
}: {
  pair: ViewPair;
  style: WordStyle;
  glosses: Record<string, string> | null;
  lang: string;
  /** The document has no translation at all: show the Chinese alone, without empty cells. */
  solo: boolean;
  /** Reveal mode: the sentence beads shown so far; null when the whole translation shows. */
  revealed: ReadonlySet<number> | null;
  current: boolean;
  /** The sentence bead being read aloud, or null. */
  speaking: number | null;
  /** A Chinese voice exists: offer to read the pair aloud. */
  canSpeak: boolean;
}) {
  const t = useTranslations('ReaderAids');
  const locale = useLocale();
  const anchor = pairAnchor(pair.id);
  const number = pair.id + 1;
  const classes = ['pair'];
  if (pair.unaligned && !solo) classes.push('pair-unaligned');
  if (pair.lowConfidence) classes.push('pair-low');
  if (current) classes.push('pair-current');
  const firstKind = pair.zh[0]?.kind ?? pair.en[0]?.kind;
  if (firstKind) classes.push(`pair-${firstKind}`);
  const hidden = revealed !== null && pair.en.length > 0;
  // One object while the locale stays, so that the memoised blocks are not drawn again for it.
  const labels = useMemo(() => ({ sidebar: t('sidebar'), pullQuote: t('pullQuote') }), [t]);
  return (
    <div className={classes.join(' ')} id={anchor} data-pair={pair.id} tabIndex={-1}>
      <div className="pair-gutter">
        <a className="pair-link" href={`#${anchor}`} aria-label={t('pairLink', { number })}>
          <span className="pair-number">{number}</span>
        </a>
        {canSpeak && pair.zh.length > 0 ? (
          <button
            type="button"
            className="pair-listen"
            data-action="listen"
            aria-label={t('listenPair', { number })}
            title={t('listen')}
          >
            <span aria-hidden="true">{speaking !== null ? '■' : '▶'}</span>
          </button>
        ) : null}
      </div>
      {pair.zh.length > 0 ? (
        <div className="cell cell-zh" lang={lang}>
          {pair.zh.map((block, i) => (
            <ZhBlockView
              key={i}
              block={block}
              style={style}
              glosses={style.interlinear ? glosses : null}
              labels={labels}
            />
          ))}
        </div>
      ) : (
        <MissingSide label={t('noSource')} />
      )}
      {solo ? null : pair.en.length > 0 ? (
        <div className={hidden ? 'cell cell-en cell-masked' : 'cell cell-en'} lang="en">
          {pair.en.map((block, i) => (
            <EnBlockView key={i} block={block} revealed={revealed} labels={labels} />
          ))}
          {hidden ? (
            <button type="button" className="reveal-button" data-action="reveal" lang={locale}>
              {t('revealPair')}
            </button>
          ) : null}
        </div>
      ) : (
        <MissingSide label={t('noTranslation')} />
      )}
      {pair.lowConfidence && !pair.unaligned ? (
        <span className="low-mark" title={t('lowConfidence')}>
          <span className="sr-only">{t('lowConfidence')}</span>
        </span>
      ) : null}
    </div>
  );
});
