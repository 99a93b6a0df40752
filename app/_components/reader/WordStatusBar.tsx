'use client';

import { useTranslations, type Messages } from 'next-intl';
import { useCallback } from 'react';
import { WORD_STATUSES, type WordStatus } from '@/lib/learner/known-words';
import { setWordStatus, useKnownWords } from '@/lib/learner/known-words-store';
import { statusOf } from '@/lib/learner/known-words';

/** A status's id in messages (Gloss.statusShort / statusLong). */
type StatusId = keyof Messages['Gloss']['statusLong'];

/** "{word}: {status}", with the status's full name: what a change announces to screen readers. */
export function useStatusChanged(): (word: string, status: WordStatus) => string {
  const t = useTranslations('Gloss');
  return useCallback(
    (word, status) => t('statusChanged', { word, status: t(`statusLong.${String(status) as StatusId}`) }),
    [t],
  );
}

const KEY_OF: Record<string, string> = { new: '0', '1': '1', '2': '2', '3': '3', '4': '4', known: '5', ignored: 'x' };

/** The popover's row of statuses for a word: one pressed, any other a click (or its key) away. */
export function WordStatusBar({ word, onStatus }: { word: string; onStatus: (message: string) => void }) {
  const t = useTranslations('Gloss');
  const changed = useStatusChanged();
  const words = useKnownWords();
  const current = statusOf(words, word);
  const choose = (status: WordStatus) => {
    if (setWordStatus(word, status)) onStatus(changed(word, status));
  };
  return (
    <div className="word-status" role="group" aria-label={t('statusLegend')}>
      {WORD_STATUSES.map((status) => {
        const id = String(status) as StatusId;
        return (
          <button
            key={id}
            type="button"
            className={`word-status-button ws-${id}`}
            aria-pressed={current === status}
            aria-label={t(`statusLong.${id}`)}
            title={`${t(`statusLong.${id}`)} (${KEY_OF[id]})`}
            data-status={id}
            onClick={() => choose(status)}
          >
            {t(`statusShort.${id}`)}
          </button>
        );
      })}
    </div>
  );
}
