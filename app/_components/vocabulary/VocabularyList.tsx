'use client';

import { useTranslations } from 'next-intl';
import { useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  filterWords,
  highlightParts,
  sortWords,
  sourceHref,
  VOCABULARY_ORDERS,
  type SavedWord,
  type VocabularyOrder,
} from '@/lib/learner/vocabulary';
import { ankiCsv, exportFileName, tsv } from '@/lib/learner/vocabulary-export';
import { clearVocabulary, removeWord, useVocabulary } from '@/lib/learner/vocabulary-store';
import { downloadText } from './download';
import { Link } from '@/lib/i18n/navigation';

/** Each order's name in messages (Vocabulary.sort…). */
const ORDER_KEY = { newest: 'sortNewest', document: 'sortDocument', pinyin: 'sortPinyin' } as const satisfies Record<
  VocabularyOrder,
  string
>;

/** A document of the current build: the `lang` of its Chinese and its title in the UI language. */
export interface VocabularyDoc {
  id: string;
  lang: 'zh-Hans' | 'zh-Hant';
  title: string;
}

const noSubscription = () => () => {};
/** False on the server and during hydration, true after: the list is only known in the browser. */
const useInBrowser = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

function Sentence({ word, lang }: { word: SavedWord; lang: string }) {
  return (
    <p className="vocab-sentence" lang={lang}>
      {highlightParts(word.sentence, word.word).map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </p>
  );
}

function WordCard({
  word,
  doc,
  locale,
  onRemove,
}: {
  word: SavedWord;
  doc: VocabularyDoc | undefined;
  locale: string;
  onRemove: () => void;
}) {
  const t = useTranslations('Vocabulary');
  // A word saved from a document no longer in the build keeps the title it was saved with.
  const lang = doc?.lang ?? (word.word !== word.simplified ? 'zh-Hant' : 'zh-Hans');
  return (
    <li className="vocab-item" data-word={word.simplified} data-doc={word.source.docId}>
      <div className="vocab-head">
        <span className="vocab-word" lang={lang}>
          {word.word}
        </span>
        {word.word !== word.simplified ? (
          <span className="vocab-simplified" lang="zh-Hans">
            {word.simplified}
          </span>
        ) : null}
        <span className="vocab-pinyin" lang="zh-Latn-pinyin">
          {word.pinyin}
        </span>
      </div>
      <div className="vocab-body">
        {word.meaning !== '' ? (
          <p className="vocab-meaning" lang="en">
            {word.meaning}
          </p>
        ) : null}
        {word.sentence !== '' ? <Sentence word={word} lang={lang} /> : null}
        {word.translation !== '' ? (
          <p className="vocab-translation" lang="en">
            {word.translation}
          </p>
        ) : (
          <p className="vocab-translation hint">{t('noTranslation')}</p>
        )}
      </div>
      <div className="vocab-side">
        <p className="vocab-source">
          <span className="sr-only">{t('source')}: </span>
          <a href={sourceHref(locale, word.source)}>
            <span className="vocab-title" lang={doc ? undefined : lang}>
              {doc?.title ?? word.source.title}
            </span>{' '}
            <span className="vocab-passage">{t('passage', { number: word.source.pair + 1 })}</span>
          </a>
        </p>
        <button
          type="button"
          className="vocab-remove"
          onClick={onRemove}
          aria-label={t('removeLabel', { word: word.word })}
        >
          {t('remove')}
        </button>
      </div>
    </li>
  );
}

function EmptyState() {
  const t = useTranslations('Vocabulary');
  return (
    <div className="empty-state vocab-empty">
      <p>
        <strong>{t('emptyTitle')}</strong>
      </p>
      <p>{t('emptyHow')}</p>
      <p>
        <Link href="/">{t('emptyLibrary')}</Link>
      </p>
    </div>
  );
}

/**
 * The saved words of this browser: filter, sort, remove, clear, export. Renders a placeholder on
 * the server (the page is static and the list lives in localStorage), then follows the store,
 * including changes made in another tab.
 */
export function VocabularyList({ locale, docs }: { locale: string; docs: VocabularyDoc[] }) {
  const t = useTranslations('Vocabulary');
  const inBrowser = useInBrowser();
  const words = useVocabulary();
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<VocabularyOrder>('newest');
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);
  const needle = useDeferredValue(query);
  // A Map, not an object: a stored document id such as `constructor` must not find a prototype member.
  const docIndex = useMemo(() => new Map(docs.map((d) => [d.id, d])), [docs]);
  const shown = useMemo(() => sortWords(filterWords(words, needle), order), [words, needle, order]);
  const listRef = useRef<HTMLOListElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const clearRef = useRef<HTMLButtonElement>(null);
  /** After a removal, the position whose remove button takes the focus (the next word's, or the last). */
  const focusAfterRemove = useRef<number | null>(null);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  useEffect(() => {
    const at = focusAfterRemove.current;
    if (at === null) return;
    focusAfterRemove.current = null;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('.vocab-remove');
    const target = buttons && buttons.length > 0 ? buttons[Math.min(at, buttons.length - 1)] : undefined;
    target?.focus();
  }, [shown]);

  if (!inBrowser) {
    return (
      <div className="vocab" data-ready="false">
        <p className="hint">{t('loading')}</p>
      </div>
    );
  }
  if (words.length === 0) {
    return (
      <div className="vocab" data-ready="true">
        {failed ? (
          <p className="vocab-error" role="alert">
            {t('storageError')}
          </p>
        ) : null}
        <EmptyState />
      </div>
    );
  }

  const remove = (word: SavedWord, index: number) => {
    focusAfterRemove.current = index;
    setFailed(!removeWord(word.simplified, word.source.docId));
  };
  const clear = () => {
    setConfirming(false);
    setFailed(!clearVocabulary());
  };
  const cancelClear = () => {
    setConfirming(false);
    // The button comes back on the next render; focus it then.
    requestAnimationFrame(() => clearRef.current?.focus());
  };
  // Exports follow what is on screen: the filter and the order chosen.
  const exportCsv = () => downloadText(ankiCsv(shown), exportFileName('csv', new Date()), 'text/csv');
  const exportTsv = () => downloadText(tsv(shown), exportFileName('tsv', new Date()), 'text/tab-separated-values');
  const count =
    needle.trim() === ''
      ? t('total', { total: words.length })
      : t('shown', { shown: shown.length, total: words.length });

  return (
    <div className="vocab" data-ready="true">
      <div className="glossary-controls vocab-controls">
        <label htmlFor="vocab-filter">{t('filter')}</label>
        <input
          id="vocab-filter"
          type="search"
          value={query}
          placeholder={t('filterPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
        <div className="vocab-sort" role="group" aria-label={t('sort')}>
          <span aria-hidden="true">{t('sort')}:</span>
          {VOCABULARY_ORDERS.map((o) => (
            <button key={o} type="button" data-order={o} aria-pressed={order === o} onClick={() => setOrder(o)}>
              {t(ORDER_KEY[o])}
            </button>
          ))}
        </div>
        <span
          className="glossary-count vocab-count"
          aria-live="polite"
          data-total={words.length}
          data-shown={shown.length}
        >
          {count}
        </span>
      </div>
      <div className="vocab-export" role="group" aria-label={t('export')}>
        <span aria-hidden="true">{t('export')}:</span>
        <button type="button" data-format="csv" onClick={exportCsv} disabled={shown.length === 0}>
          {t('exportCsv')}
        </button>
        <button type="button" data-format="tsv" onClick={exportTsv} disabled={shown.length === 0}>
          {t('exportTsv')}
        </button>
      </div>
      {failed ? (
        <p className="vocab-error" role="alert">
          {t('storageError')}
        </p>
      ) : null}
      {shown.length === 0 ? (
        <p className="empty-state">{t('noMatch')}</p>
      ) : (
        <ol className="vocab-list" aria-label={t('listLabel')} ref={listRef}>
          {shown.map((w, i) => (
            <WordCard
              key={`${w.source.docId}/${w.simplified}`}
              word={w}
              doc={docIndex.get(w.source.docId)}
              locale={locale}
              onRemove={() => remove(w, i)}
            />
          ))}
        </ol>
      )}
      {/* Below the list: how the CSV meets Anki, and the one destructive action, away from the controls used most. */}
      <div className="vocab-footer">
        <p className="hint vocab-hint">{t('exportHint')}</p>
        {confirming ? (
          <div className="vocab-confirm" role="group" aria-labelledby="vocab-confirm-text">
            <span id="vocab-confirm-text">{t('clearConfirm')}</span>
            <button type="button" className="danger" onClick={clear}>
              {t('clearYes')}
            </button>
            <button type="button" ref={cancelRef} onClick={cancelClear}>
              {t('cancel')}
            </button>
          </div>
        ) : (
          <button type="button" ref={clearRef} className="vocab-clear" onClick={() => setConfirming(true)}>
            {t('clearAll')}
          </button>
        )}
      </div>
    </div>
  );
}
