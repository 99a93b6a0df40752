import { useTranslations } from 'next-intl';
import { memo, type RefObject } from 'react';
import type { DictEntry } from '@/lib/model';
import type { NestedWord } from '@/lib/store/gloss';
import { Link } from '@/lib/i18n/navigation';
import type { Open } from './gloss-dom';
import type { View } from './popover-store';
import { SaveWordButton } from './SaveWordButton';
import type { Lookup } from './use-gloss-lookup';
import type { Position } from './use-popover-placement';
import { WordStatusBar } from './WordStatusBar';
import { HAN_ONLY } from '@/lib/base/han';

/** HSK 2.0's levels, the ones the popover badges (Gloss.hsk / hskTitle take the level). */
const HSK_LEVELS = 6;

/**
 * The word's entries. With `chosen` (the translation's aligned English chose a sense), the first
 * sense of the first entry is that one: it is marked, and the English that chose it named.
 */
function EntryList({ entries, chosen }: { entries: DictEntry[]; chosen?: string }) {
  const t = useTranslations('Gloss');
  return (
    <ul className="gloss-entries">
      {chosen !== undefined ? <li className="gloss-chosen-note">{t('chosen', { english: chosen })}</li> : null}
      {entries.map((entry, i) => (
        <li key={i}>
          <p className="gloss-entry-head">
            <span className="gloss-pinyin" lang="zh-Latn-pinyin">
              {entry.pinyin}
            </span>
            {entry.traditional !== entry.simplified ? (
              <span className="gloss-forms">
                <span>
                  {t('simplified')} <span lang="zh-Hans">{entry.simplified}</span>
                </span>
                <span>
                  {t('traditional')} <span lang="zh-Hant">{entry.traditional}</span>
                </span>
              </span>
            ) : null}
          </p>
          <ol className="gloss-senses" lang="en">
            {entry.senses.map((sense, j) => (
              <li key={j} className={chosen !== undefined && i === 0 && j === 0 ? 'gloss-sense-chosen' : undefined}>
                {sense}
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}

function HskBadge({ level }: { level: number | undefined }) {
  const t = useTranslations('Gloss');
  if (level === undefined || !Number.isInteger(level) || level < 1 || level > HSK_LEVELS) return null;
  return (
    <span className={`gloss-hsk gloss-hsk-${level}`} title={t('hskTitle', { level })}>
      {t('hsk', { level })}
    </span>
  );
}

/** Nested words as buttons that open their entry, with the words inside each below it. */
function NestedList({ words, onOpen }: { words: NestedWord[]; onOpen: (w: NestedWord) => void }) {
  return (
    <ul className="gloss-nested">
      {words.map((w, i) => (
        <li key={`${w.word}@${w.at ?? i}`}>
          <button type="button" className="gloss-nested-word" data-word={w.word} onClick={() => onOpen(w)}>
            <span className="gloss-nested-head">
              <span className="gloss-nested-hanzi" lang="zh-Hans">
                {w.word}
              </span>
              {w.pinyin ? (
                <span className="gloss-nested-pinyin" lang="zh-Latn-pinyin">
                  {w.pinyin}
                </span>
              ) : null}
              <HskBadge level={w.hsk} />
            </span>
            {w.senses.length > 0 ? (
              <span className="gloss-nested-senses" lang="en">
                {w.senses.join('; ')}
              </span>
            ) : null}
          </button>
          {w.inside && w.inside.length > 0 ? <NestedList words={w.inside} onOpen={onOpen} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** What the card shows: everything but where it stands. */
interface BodyProps {
  open: Open;
  trail: View[];
  lookup: Lookup;
  doc: { id: string; title: string };
  onBack: () => void;
  onClose: () => void;
  onFollow: (w: NestedWord) => void;
  onStatus: (message: string) => void;
}

interface CardProps extends BodyProps {
  position: Position | null;
  popoverRef: RefObject<HTMLDivElement | null>;
  /** Drawn hidden before any word is opened, to pay the card's first draw (popover-warmup.ts). */
  warmUp?: boolean;
}

/**
 * The popover itself. It is drawn twice for each word (hidden to be measured,
 * then placed: use-popover-placement.ts); its content is a memoised component, so the second draw
 * moves the box and redraws none of the entry inside it.
 */
export function GlossCard({ position, popoverRef, warmUp = false, ...body }: CardProps) {
  const t = useTranslations('Gloss');
  const view = body.trail[body.trail.length - 1];
  return (
    <div
      ref={popoverRef}
      className={`gloss${position?.above ? ' gloss-above' : ''}`}
      role={warmUp ? undefined : 'dialog'}
      aria-label={warmUp ? undefined : `${t('dialog')}: ${view ? view.word : body.open.text}`}
      aria-hidden={warmUp || undefined}
      inert={warmUp || undefined}
      // An open card is placed before it is ever painted (a layout effect), so only the warm-up
      // card needs hiding; hiding an open one until placed made its whole content restyle again
      // (visibility is inherited) in the frame that paints it.
      style={
        position
          ? { top: position.top, left: position.left }
          : warmUp
            ? { top: 0, left: 0, visibility: 'hidden' }
            : { top: 0, left: 0 }
      }
    >
      <GlossCardBody {...body} />
    </div>
  );
}

/**
 * The card's content: the word shown (the open word, or the last followed from it) with its
 * entries, its renderings in the corpus, the words around, covering and inside it, its status,
 * and the links to search and its term page.
 */
const GlossCardBody = memo(function GlossCardBody({
  open,
  trail,
  lookup,
  doc,
  onBack,
  onClose,
  onFollow,
  onStatus,
}: BodyProps) {
  const t = useTranslations('Gloss');
  const view = trail[trail.length - 1];
  const answer = lookup.state === 'done' ? lookup.answer : undefined;
  const entries = answer?.entries ?? [];
  // The word shown: as written in the document at the top of the trail, else the followed word.
  const shown = view ? { text: view.word, simplified: view.word, pinyin: view.pinyin } : open;
  const backTo = trail.length > 1 ? trail[trail.length - 2]?.word : open.text;
  const inside = answer?.inside ?? [];
  const onlyCharacters = inside.every((w) => [...w.word].length === 1);
  return (
    <>
      <div className="gloss-head">
        {view && backTo !== undefined ? (
          <button type="button" className="gloss-back" onClick={onBack}>
            <span aria-hidden="true">← </span>
            {t('back', { word: backTo })}
          </button>
        ) : null}
        <p className="gloss-word" lang={shown.text === shown.simplified ? 'zh-Hans' : 'zh-Hant'}>
          {shown.text}
          {shown.simplified !== shown.text ? (
            <span className="gloss-alt" lang="zh-Hans">
              {' '}
              ({t('simplified')} {shown.simplified})
            </span>
          ) : null}
          <HskBadge level={answer?.hsk} />
        </p>
        {shown.pinyin ? <p className="gloss-word-pinyin">{shown.pinyin}</p> : null}
        <button type="button" className="gloss-close" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </div>
      <div className="gloss-body">
        {lookup.state === 'loading' ? <p className="gloss-note">{t('loading')}</p> : null}
        {lookup.state === 'failed' ? <p className="gloss-note">{t('failed')}</p> : null}
        {answer && entries.length > 0 ? <EntryList entries={entries} chosen={answer.chosen?.english} /> : null}
        {answer && entries.length === 0 ? <p className="gloss-note">{t('notInDictionary')}</p> : null}
        {answer?.term && answer.term.renderings.length > 0 ? (
          <section className="gloss-section gloss-renderings">
            <h3 className="gloss-section-title">{t('inCorpus')}</h3>
            <p lang="en">{answer.term.renderings.join('; ')}</p>
          </section>
        ) : null}
        {answer && answer.around.length > 0 ? (
          <section className="gloss-section gloss-around">
            <h3 className="gloss-section-title">{t('around')}</h3>
            <NestedList words={answer.around} onOpen={onFollow} />
          </section>
        ) : null}
        {answer?.covering && answer.covering.words.length > 0 ? (
          <section className="gloss-section gloss-covering">
            <h3 className="gloss-section-title">{t('covering', { char: answer.covering.char })}</h3>
            <NestedList words={answer.covering.words} onOpen={onFollow} />
          </section>
        ) : null}
        {inside.length > 0 ? (
          <section className="gloss-section gloss-inside">
            <h3 className="gloss-section-title">{onlyCharacters ? t('characters') : t('inside')}</h3>
            <NestedList words={inside} onOpen={onFollow} />
          </section>
        ) : null}
      </div>
      {HAN_ONLY.test(shown.simplified) ? <WordStatusBar word={shown.simplified} onStatus={onStatus} /> : null}
      <div className="gloss-foot">
        {/* Not prefetched: every word opened would ask the server for two pages (a term page
            gathers its concordance), work that competes with the reader's next tap. */}
        <Link href={`/search?q=${encodeURIComponent(shown.simplified)}`} prefetch={false}>
          {t('searchCorpus')}
        </Link>
        {HAN_ONLY.test(shown.simplified) ? (
          <Link className="gloss-term-link" href={`/term/${encodeURIComponent(shown.simplified)}`} prefetch={false}>
            {t('termPage')}
          </Link>
        ) : null}
        {answer ? (
          <SaveWordButton
            el={open.el}
            word={shown.text}
            simplified={shown.simplified}
            pinyin={shown.pinyin}
            entries={entries}
            doc={doc}
            onStatus={onStatus}
          />
        ) : null}
      </div>
    </>
  );
});
