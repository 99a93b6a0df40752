'use client';

import { WORD_STATUSES, type WordStatus } from '@/lib/learner/known-words';
import { setWordStatus, useKnownWords } from '@/lib/learner/known-words-store';
import { statusOf } from '@/lib/learner/known-words';

export interface WordStatusLabels {
  /** The group's name: "My status". */
  legend: string;
  /** Each status's button text and its full name (tooltip and accessible name). */
  short: Record<string, string>;
  long: Record<string, string>;
  /** "{word}: {status}", announced after a change. */
  changed: string;
}

const KEY_OF: Record<string, string> = { new: '0', '1': '1', '2': '2', '3': '3', '4': '4', known: '5', ignored: 'x' };

/** The popover's row of statuses for a word: one pressed, any other a click (or its key) away. */
export function WordStatusBar({
  word,
  labels,
  onStatus,
}: {
  word: string;
  labels: WordStatusLabels;
  onStatus: (message: string) => void;
}) {
  const words = useKnownWords();
  const current = statusOf(words, word);
  const choose = (status: WordStatus) => {
    if (setWordStatus(word, status))
      onStatus(
        labels.changed.replace('{word}', word).replace('{status}', labels.long[String(status)] ?? String(status)),
      );
  };
  return (
    <div className="word-status" role="group" aria-label={labels.legend}>
      {WORD_STATUSES.map((status) => {
        const id = String(status);
        return (
          <button
            key={id}
            type="button"
            className={`word-status-button ws-${id}`}
            aria-pressed={current === status}
            aria-label={labels.long[id]}
            title={`${labels.long[id]} (${KEY_OF[id]})`}
            data-status={id}
            onClick={() => choose(status)}
          >
            {labels.short[id]}
          </button>
        );
      })}
    </div>
  );
}
