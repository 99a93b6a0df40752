'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { dueWords, GRADES, gradeIntervals, intervalParts, type ReviewGrade } from '@/lib/learner/review';
import { getReviewCards, gradeWord } from '@/lib/learner/review-store';
import { highlightParts, sourceHref, type SavedWord } from '@/lib/learner/vocabulary';
import { getVocabulary } from '@/lib/learner/vocabulary-store';
import type { VocabularyDoc } from './VocabularyList';

const GRADE_NAME: Record<ReviewGrade, 'again' | 'hard' | 'good' | 'easy'> = {
  1: 'again',
  2: 'hard',
  3: 'good',
  4: 'easy',
};
/** Each grade's name in messages (Vocabulary.grade…). */
const GRADE_KEY = { 1: 'gradeAgain', 2: 'gradeHard', 3: 'gradeGood', 4: 'gradeEasy' } as const satisfies Record<
  ReviewGrade,
  string
>;
/** Each interval unit's message, "{value} min" and so on (Vocabulary.unit…). */
const UNIT_KEY = {
  minute: 'unitMinute',
  hour: 'unitHour',
  day: 'unitDay',
  month: 'unitMonth',
  year: 'unitYear',
} as const;

/**
 * One review session over the words due when it started (Anki's way: a word graded Again comes
 * back within the session when FSRS says it is due again before the session ends). The word in
 * its sentence first; Space or the button reveals pinyin, meaning and the sentence's translation;
 * 1–4 or the buttons grade it.
 */
export function ReviewSession({
  docs,
  locale,
  onClose,
}: {
  docs: VocabularyDoc[];
  locale: string;
  onClose: () => void;
}) {
  const t = useTranslations('Vocabulary');
  const [queue, setQueue] = useState<SavedWord[]>(() => dueWords(getVocabulary(), getReviewCards(), new Date()));
  const [total] = useState(queue.length);
  const [done, setDone] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [failed, setFailed] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const word = queue[0];
  const langOf = useMemo(() => new Map(docs.map((d) => [d.id, d.lang])), [docs]);
  const intervals = useMemo(
    () => (word && revealed ? gradeIntervals(getReviewCards(), word, new Date()) : null),
    [word, revealed],
  );

  useEffect(() => headingRef.current?.focus(), []);

  const grade = useCallback(
    (g: ReviewGrade) => {
      if (!word) return;
      const now = new Date();
      if (!gradeWord(word, g, now)) {
        setFailed(true);
        return;
      }
      setDone((n) => n + 1);
      setRevealed(false);
      // Due again within a few minutes (Again, a learning step): back at the end of this session.
      const again = dueWords([word], getReviewCards(), new Date(now.getTime() + 10 * 60_000)).length > 0;
      setQueue((q) => [...q.slice(1), ...(again ? [word] : [])]);
    },
    [word],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if ((event.target as Element | null)?.closest?.('input, textarea, select')) return;
      if (event.key === 'Escape') return onClose();
      if (!word) return;
      if (!revealed && (event.key === ' ' || event.key === 'Enter')) {
        event.preventDefault();
        setRevealed(true);
      } else if (revealed && ['1', '2', '3', '4'].includes(event.key)) {
        event.preventDefault();
        grade(Number(event.key) as ReviewGrade);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [word, revealed, grade, onClose]);

  const interval = (g: ReviewGrade) => {
    if (!intervals) return '';
    const { unit, value } = intervalParts(intervals[g]);
    return t(UNIT_KEY[unit], { value });
  };

  return (
    <section className="review-session" aria-label={t('reviewTitle')}>
      <div className="review-top">
        <h2 ref={headingRef} tabIndex={-1}>
          {t('reviewTitle')}
        </h2>
        <span className="review-progress" role="status">
          {word
            ? t('reviewProgress', { n: done + 1, total: Math.max(total, done + queue.length) })
            : t('reviewReviewed', { count: done })}
        </span>
        <button type="button" className="review-close" onClick={onClose}>
          {t('reviewClose')}
        </button>
      </div>
      {failed ? (
        <p className="vocab-error" role="alert">
          {t('storageError')}
        </p>
      ) : null}
      {word ? (
        <div className="review-card" data-word={word.simplified}>
          <p className="review-sentence" lang={langOf.get(word.source.docId) ?? 'zh-Hans'}>
            {highlightParts(word.sentence, word.word).map((part, i) =>
              part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
            )}
          </p>
          {revealed ? (
            <div className="review-answer">
              <p className="review-word">
                <span lang={langOf.get(word.source.docId) ?? 'zh-Hans'}>{word.word}</span>{' '}
                <span className="review-pinyin" lang="zh-Latn-pinyin">
                  {word.pinyin}
                </span>
              </p>
              <p className="review-meaning" lang="en">
                {word.meaning}
              </p>
              {word.translation ? (
                <p className="review-translation" lang="en">
                  {word.translation}
                </p>
              ) : (
                <p className="review-translation hint">{t('noTranslation')}</p>
              )}
              <p className="review-source">
                <a href={sourceHref(locale, word.source)}>
                  {t('source')}: {docs.find((d) => d.id === word.source.docId)?.title ?? word.source.title}
                </a>
              </p>
              <div className="review-grades" role="group" aria-label={t('reviewKeys')}>
                {GRADES.map((g) => (
                  <button
                    key={g}
                    type="button"
                    className={`review-grade grade-${GRADE_NAME[g]}`}
                    data-grade={GRADE_NAME[g]}
                    onClick={() => grade(g)}
                  >
                    <span className="grade-name">
                      <kbd>{g}</kbd> {t(GRADE_KEY[g])}
                    </span>
                    <span className="grade-interval">{interval(g)}</span>
                  </button>
                ))}
              </div>
            </div>
          ) : (
            <button type="button" className="button-link review-reveal" onClick={() => setRevealed(true)}>
              {t('reviewReveal')}
            </button>
          )}
        </div>
      ) : (
        <p className="review-done" role="status">
          {t('reviewDone')} {t('reviewReviewed', { count: done })}
        </p>
      )}
      <p className="hint review-keys">{t('reviewKeys')}</p>
    </section>
  );
}
