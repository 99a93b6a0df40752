/**
 * The review cards' scheduling state in the browser (localStorage, one versioned key, current
 * across tabs; see lib/browser/stored.ts). A refused write is not kept: a grade must not look
 * recorded when it is not.
 */
import { storedValue, useStoredValue } from '@/lib/browser/stored';
import {
  gradeCard,
  parseReviewCards,
  pruneCards,
  serialiseReviewCards,
  type ReviewCards,
  type ReviewGrade,
} from './review';
import type { SavedWord } from './vocabulary';
import { getVocabulary } from './vocabulary-store';

const REVIEW_KEY = 'duizhao.review.v1';

const EMPTY: ReviewCards = Object.freeze({});

const store = storedValue<ReviewCards>(REVIEW_KEY, {
  parse: (raw) => (raw === null ? EMPTY : parseReviewCards(raw)),
  serialise: (cards) => (Object.keys(cards).length === 0 ? null : serialiseReviewCards(cards)),
  initial: EMPTY,
  keepRefused: false,
});

/** Records a grade; the cards of words no longer saved go at the same time. */
export function gradeWord(word: SavedWord, grade: ReviewGrade, now = new Date()): boolean {
  return store.set((cards) => pruneCards(gradeCard(cards, word, grade, now), [...getVocabulary(), word]));
}

export const getReviewCards = (): ReviewCards => store.get();

export function useReviewCards(): ReviewCards {
  return useStoredValue(store, EMPTY);
}
