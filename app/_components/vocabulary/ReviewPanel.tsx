'use client';

import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { dueCounts } from '@/lib/learner/review';
import { useReviewCards } from '@/lib/learner/review-store';
import { useVocabulary } from '@/lib/learner/vocabulary-store';
import type { VocabularyDoc } from './VocabularyList';

/** The session's code (the FSRS scheduler among it) loads only when a review starts. */
const ReviewSession = dynamic(() => import('./ReviewSession').then((m) => m.ReviewSession), { ssr: false });

const noSubscription = () => () => {};

/** The time, ticking each minute, so cards falling due show up without a reload. */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * The vocabulary page's review: how many saved words are due (new, and seen before), and the
 * session itself once started.
 */
export function ReviewPanel({ docs, locale }: { docs: VocabularyDoc[]; locale: string }) {
  const t = useTranslations('Vocabulary');
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const words = useVocabulary();
  const cards = useReviewCards();
  const now = useMinute();
  const [reviewing, setReviewing] = useState(false);
  if (!inBrowser || words.length === 0) return null;
  const due = dueCounts(words, cards, new Date(now));
  if (reviewing) return <ReviewSession docs={docs} locale={locale} onClose={() => setReviewing(false)} />;
  return (
    <section className="review-panel" aria-label={t('reviewTitle')}>
      <p className="review-due" data-new={due.new} data-review={due.review}>
        <strong>{t('reviewTitle')}</strong>{' '}
        <span className="review-count review-count-new">{t('reviewDueNew', { count: due.new })}</span>{' '}
        <span className="review-count review-count-review">{t('reviewDueReview', { count: due.review })}</span>
      </p>
      {due.new + due.review > 0 ? (
        <button type="button" className="button-link review-start" onClick={() => setReviewing(true)}>
          {t('reviewStart')}
        </button>
      ) : (
        <p className="hint">{t('reviewNothingDue')}</p>
      )}
    </section>
  );
}
